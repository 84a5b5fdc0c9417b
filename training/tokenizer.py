"""Upstream's tokenizer behaviour, without depending on which tokenizer class transformers picks today.

Upstream (transformers 4.28, ``LlamaTokenizer``, the slow SentencePiece tokenizer) tokenizes a text like this:
the text is split on the special/added tokens (``<s>``, ``</s>``, ``<unk>``, ``[PAD]``...), each piece
between them is encoded by SentencePiece on its own (so each gets its own dummy-prefix ``▁``), empty pieces are
skipped, and ``<s>`` is put in front when special tokens are asked for.  ``<s>``/``</s>``/``<unk>`` are
``AddedToken(lstrip=False, rstrip=False)`` there; a special token added later as a plain string (``[PAD]``)
strips the whitespace around it.  ``SlowTokenizer`` does exactly that with the ``sentencepiece`` library,
so records are identical to upstream ``build_dataset.py`` whatever transformers version is installed.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from engine.errors import UserError

PAD_TOKEN = "[PAD]"
TOKENIZER_FILES = ("tokenizer.model", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json")


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _token_text(value) -> str | None:
    if isinstance(value, dict):
        return value.get("content")
    return value if isinstance(value, str) else None


class SlowTokenizer:
    """The tokenizer of an HF LLaMA folder (``tokenizer.model`` + added tokens), upstream's behaviour."""

    def __init__(self, folder: os.PathLike | str) -> None:
        import sentencepiece as spm

        self.folder = Path(folder)
        model = self.folder / "tokenizer.model"
        if not model.is_file():
            raise UserError(f"{self.folder}: no tokenizer.model in this folder.",
                            "Give a folder with a LLaMA SentencePiece tokenizer (--tokenizer DIR).")
        self.sp = spm.SentencePieceProcessor()
        self.sp.Load(str(model))
        self.model_bytes = model.read_bytes()
        config = _read_json(self.folder / "tokenizer_config.json")
        special = _read_json(self.folder / "special_tokens_map.json")
        self.special = {k: _token_text(special.get(k, config.get(k)))
                        for k in ("bos_token", "eos_token", "unk_token", "pad_token")}
        self.special["bos_token"] = self.special["bos_token"] or "<s>"
        self.special["eos_token"] = self.special["eos_token"] or "</s>"
        self.special["unk_token"] = self.special["unk_token"] or "<unk>"
        # Added tokens beyond the SentencePiece model (Alpaca: [PAD] = 49953).
        added: dict[str, int] = {}
        for tok, idx in _read_json(self.folder / "added_tokens.json").items():
            added[tok] = int(idx)
        for idx, spec in (config.get("added_tokens_decoder") or {}).items():
            tok = _token_text(spec)
            if tok is not None and self.sp.piece_to_id(tok) == self.sp.unk_id() and tok != self.special["unk_token"]:
                added.setdefault(tok, int(idx))
        self.added = dict(sorted(added.items(), key=lambda kv: kv[1]))
        self._rebuild()

    # -- vocabulary ------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self.added_by_id = {v: k for k, v in self.added.items()}
        # The no-split tokens: the special tokens and every added token (longest first for matching).
        nosplit = {t for t in self.special.values() if t} | set(self.added)
        self._nosplit = sorted(nosplit, key=len, reverse=True)
        # Tokens that were AddedToken(lstrip=False, rstrip=False) upstream: LLaMA's own three.
        self._keep_space = {self.special["bos_token"], self.special["eos_token"], self.special["unk_token"]}

    def __len__(self) -> int:
        return self.sp.get_piece_size() + sum(1 for i in self.added.values() if i >= self.sp.get_piece_size())

    @property
    def bos_id(self) -> int:
        return self.token_to_id(self.special["bos_token"])

    @property
    def eos_id(self) -> int:
        return self.token_to_id(self.special["eos_token"])

    @property
    def eos_token(self) -> str:
        return self.special["eos_token"]

    @property
    def pad_token(self) -> str | None:
        return self.special["pad_token"]

    @property
    def pad_id(self) -> int | None:
        return None if self.pad_token is None else self.token_to_id(self.pad_token)

    def token_to_id(self, token: str) -> int:
        if token in self.added:
            return self.added[token]
        return self.sp.piece_to_id(token)

    def add_pad_token(self) -> bool:
        """``tokenizer.add_special_tokens(dict(pad_token="[PAD]"))`` as upstream SFT; True if it was added."""
        if self.pad_token is not None:
            return False
        if self.sp.piece_to_id(PAD_TOKEN) == self.sp.unk_id() and PAD_TOKEN not in self.added:
            self.added[PAD_TOKEN] = len(self)
        self.special["pad_token"] = PAD_TOKEN
        self._rebuild()
        return True

    def digest(self) -> str:
        """Hash of everything that decides token ids: the SentencePiece model and the added/special tokens."""
        h = hashlib.sha256(self.model_bytes)
        h.update(json.dumps({"added": self.added, "special": self.special}, sort_keys=True).encode())
        return h.hexdigest()

    # -- encoding --------------------------------------------------------------------------------
    def _split(self, text: str) -> list[str]:
        """Split on no-split tokens (leftmost, longest), as the slow tokenizer's trie did."""
        out: list[str] = []
        start = i = 0
        n = len(text)
        while i < n:
            for tok in self._nosplit:
                if text.startswith(tok, i):
                    out.append(text[start:i])
                    out.append(tok)
                    i += len(tok)
                    start = i
                    break
            else:
                i += 1
        out.append(text[start:])
        # Whitespace around tokens that were plain strings upstream (e.g. [PAD]) is stripped.
        for k, piece in enumerate(out):
            if k % 2 == 1 and piece not in self._keep_space:
                if k + 1 < len(out):
                    out[k + 1] = out[k + 1].lstrip()
                if k - 1 >= 0:
                    out[k - 1] = out[k - 1].rstrip()
        return out

    def encode(self, text: str, add_special_tokens: bool = True) -> list[int]:
        ids: list[int] = [self.bos_id] if add_special_tokens else []
        if not self._nosplit or not any(t in text for t in self._nosplit):
            if text:
                ids.extend(self.sp.encode(text))
            return ids
        for k, piece in enumerate(self._split(text)):
            if not piece:
                continue
            if k % 2 == 1:
                ids.append(self.token_to_id(piece))
            else:
                ids.extend(self.sp.encode(piece))
        return ids

    def encode_batch(self, texts: list[str], add_special_tokens: bool = True) -> list[list[int]]:
        if self._nosplit and any(t in s for s in texts for t in self._nosplit):
            return [self.encode(t, add_special_tokens) for t in texts]
        out = self.sp.encode(list(texts))
        if add_special_tokens:
            bos = self.bos_id
            return [[bos] + ids for ids in out]
        return out

    def decode(self, ids: list[int]) -> str:
        parts: list[str] = []
        run: list[int] = []
        size = self.sp.get_piece_size()
        for i in ids:
            if i < 0:
                continue
            if i in self.added_by_id or i >= size:
                if run:
                    parts.append(self.sp.decode(run))
                    run = []
                parts.append(self.added_by_id.get(i, ""))
            else:
                run.append(i)
        if run:
            parts.append(self.sp.decode(run))
        return "".join(parts)

    # -- saving ----------------------------------------------------------------------------------
    def save(self, out_dir: os.PathLike | str) -> None:
        """Write the tokenizer as upstream's LoRA folders hold it (tokenizer.model + JSON files)."""
        from engine.atomic import atomic_write_bytes, atomic_write_text

        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(out_dir / "tokenizer.model", self.model_bytes)
        special = {k: v for k, v in self.special.items() if v}
        config = {"tokenizer_class": "LlamaTokenizer", "add_bos_token": True, "add_eos_token": False,
                  "legacy": True, "clean_up_tokenization_spaces": False, "model_max_length": 2048, **special}
        if self.added:
            config["added_tokens_decoder"] = {
                str(i): {"content": t, "lstrip": False, "normalized": False, "rstrip": False,
                         "single_word": False, "special": True} for t, i in self.added.items()}
            atomic_write_text(out_dir / "added_tokens.json", json.dumps(self.added))
        atomic_write_text(out_dir / "tokenizer_config.json", json.dumps(config, indent=2, ensure_ascii=False))
        atomic_write_text(out_dir / "special_tokens_map.json", json.dumps(special, indent=2, ensure_ascii=False))

"""A model folder's tokenizer as a reader sees it: its kind (SentencePiece or BPE), its size,
its pieces with scores and types, and the tokens added on top.

Used by conversion (the GGUF vocabulary), the model description and the checks that
a tokenizer belongs to its model.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

# Vocabulary sizes users mix up (BEHAVIOR.md §9, issues #23 #133 #339).
KNOWN_VOCABS = {32000: "original LLaMA", 49953: "Chinese-LLaMA", 49954: "Chinese-Alpaca"}


def tokenizer_info(folder: Path) -> tuple[str, int]:
    """(kind, size): "sentencepiece" or "bpe", and the number of tokens; disagreeing files are refused."""
    sizes = {}
    if (folder / "tokenizer.model").exists():
        sizes["tokenizer.model"] = len(sentencepiece_pieces(folder)[0])
    if (folder / "tokenizer.json").exists():
        sizes["tokenizer.json"] = len(json_vocab(folder).tokens)
    if not sizes:
        raise UserError(f"{folder} has no tokenizer (tokenizer.model or tokenizer.json).",
                        "Copy the tokenizer files that belong to this model into the folder.")
    if len(set(sizes.values())) > 1:
        raise UserError(f"In {folder.name}, tokenizer.model has {sizes['tokenizer.model']} tokens but "
                        f"tokenizer.json has {sizes['tokenizer.json']}: they come from different models.",
                        "Copy all tokenizer files (tokenizer.model, tokenizer.json, tokenizer_config.json, "
                        "special_tokens_map.json) from the model's own folder.")
    if "tokenizer.model" in sizes:
        return "sentencepiece", sizes["tokenizer.model"]
    vocab = json_vocab(folder)
    return ("sentencepiece" if vocab.model == "llama" else "bpe"), len(vocab.tokens)


def added_tokens(folder: Path) -> dict[int, tuple[str, bool]]:
    """id -> (text, special) from tokenizer_config.json / added_tokens.json."""
    added: dict[int, tuple[str, bool]] = {}
    path = folder / "added_tokens.json"
    if path.exists():
        for text, idx in json.loads(path.read_text(encoding="utf-8")).items():
            added[int(idx)] = (text, False)
    path = folder / "tokenizer_config.json"
    if path.exists():
        for idx, data in (json.loads(path.read_text(encoding="utf-8")).get("added_tokens_decoder") or {}).items():
            added[int(idx)] = (data["content"], bool(data.get("special")))
    return added


def sentencepiece_pieces(folder: Path) -> tuple[list[bytes], list[float], list[int]]:
    from gguf import TokenType
    from sentencepiece import SentencePieceProcessor

    sp = SentencePieceProcessor()
    try:
        sp.LoadFromFile(str(folder / "tokenizer.model"))
    except (OSError, RuntimeError) as exc:
        raise UserError(f"{folder / 'tokenizer.model'} is not a SentencePiece model ({exc}).",
                        "Copy the tokenizer.model that belongs to this model.") from None
    tokens, scores, types = [], [], []
    for i in range(sp.vocab_size()):
        tokens.append(sp.IdToPiece(i).encode("utf-8"))
        scores.append(sp.GetScore(i))
        if sp.IsUnknown(i):
            types.append(TokenType.UNKNOWN)
        elif sp.IsControl(i):
            types.append(TokenType.CONTROL)
        elif sp.IsUnused(i):
            types.append(TokenType.UNUSED)
        elif sp.IsByte(i):
            types.append(TokenType.BYTE)
        else:
            types.append(TokenType.NORMAL)
    # Tokens added on top of the SentencePiece model (Chinese-Alpaca's [PAD] = 49953).
    for idx, (text, special) in sorted(added_tokens(folder).items()):
        if idx < len(tokens):
            continue
        if idx != len(tokens):
            n = sp.vocab_size()
            raise UserError(f"The added token {text!r} has id {idx}, but tokenizer.model has "
                            f"{n}{' (' + KNOWN_VOCABS[n] + ')' if n in KNOWN_VOCABS else ''} pieces: "
                            "the tokenizer files come from different models.",
                            "Copy all tokenizer files (tokenizer.model, added_tokens.json, tokenizer_config.json, "
                            "special_tokens_map.json) from the model's own folder.")
        tokens.append(text.encode("utf-8"))
        scores.append(-1000.0)
        types.append(TokenType.CONTROL if special else TokenType.USER_DEFINED)
    return tokens, scores, types


@dataclass
class JsonVocab:
    """A tokenizer.json as llama.cpp sees it."""

    model: str                 # "llama" (SentencePiece-style BPE with byte fallback) or "gpt2"
    tokens: list[str]
    types: list[int]
    scores: list[float]
    data: dict


def is_sentencepiece_style(data: dict) -> bool:
    """LLaMA/Chinese-LLaMA tokenizers saved by transformers: BPE over '▁'-words with byte fallback."""
    model = data.get("model") or {}
    if not model.get("byte_fallback"):
        return False
    pre = data.get("pre_tokenizer") or {}
    normalizer = json.dumps(data.get("normalizer") or {}, ensure_ascii=False)
    return pre.get("type") == "Metaspace" or "\u2581" in normalizer   # '▁' word marker


def json_vocab(folder: Path) -> JsonVocab:
    from gguf import TokenType

    data = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    model = data.get("model") or {}
    if model.get("type") != "BPE":
        raise UserError(f"tokenizer.json uses a {model.get('type')} model; only BPE is supported.",
                        "Provide a SentencePiece tokenizer.model or a BPE tokenizer.json.")
    by_id: dict[int, str] = {int(i): t for t, i in model["vocab"].items()}
    kinds: dict[int, int] = {}
    for tok in data.get("added_tokens") or []:
        by_id[int(tok["id"])] = tok["content"]
        kinds[int(tok["id"])] = TokenType.CONTROL if tok.get("special") else TokenType.USER_DEFINED
    n = max(by_id) + 1
    tokens = [by_id.get(i, f"[PAD{i}]") for i in range(n)]
    types = [kinds.get(i, TokenType.NORMAL if i in by_id else TokenType.UNUSED) for i in range(n)]
    scores = [0.0] * n
    if not is_sentencepiece_style(data):
        return JsonVocab("gpt2", tokens, types, scores, data)
    # llama.cpp's SentencePiece tokenizer merges the pair whose result scores highest; the
    # HF BPE merges the pair of lowest rank. Score = -rank of the first merge making a token.
    vocab = model["vocab"]
    merged_rank: dict[int, int] = {}
    for rank, merge in enumerate(model.get("merges") or []):
        left, right = merge if isinstance(merge, list) else merge.split(" ", 1)
        idx = vocab.get(left + right)
        if idx is not None and idx not in merged_rank:
            merged_rank[idx] = rank
    unk = vocab.get(model.get("unk_token") or "<unk>")
    for i in range(n):
        if i in merged_rank:
            scores[i] = -float(merged_rank[i] + 1)
        if i == unk:
            types[i] = TokenType.UNKNOWN
        elif re.fullmatch(r"<0x[0-9A-Fa-f]{2}>", tokens[i]) and i not in kinds:
            types[i] = TokenType.BYTE
    return JsonVocab("llama", tokens, types, scores, data)


def vocab_mismatch(rows: int, tok_size: int, folder: Path) -> UserError:
    def label(n):
        return f"{n} ({KNOWN_VOCABS[n]})" if n in KNOWN_VOCABS else str(n)

    hint = "Copy the tokenizer files (tokenizer.model, tokenizer_config.json, special_tokens_map.json) " \
           "that belong to this model into the folder."
    if rows in KNOWN_VOCABS and tok_size in KNOWN_VOCABS:
        hint = (f"This looks like a {KNOWN_VOCABS[rows]} model with a {KNOWN_VOCABS[tok_size]} tokenizer: "
                f"copy the {KNOWN_VOCABS[rows]} tokenizer files into the folder "
                "(Alpaca's and LLaMA's tokenizer.model must not be mixed).")
    return UserError(f"The tokenizer in {folder.name} has {label(tok_size)} tokens but the model's "
                     f"embedding has {label(rows)} rows; llama.cpp would fail with \"tensor has wrong size\".",
                     hint)

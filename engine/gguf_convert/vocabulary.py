"""The GGUF vocabulary: tokens, scores or merges, types, special ids, the pre-tokenizer name."""
from __future__ import annotations

import json
from pathlib import Path

from ..checkpoint.tokenizer import (KNOWN_VOCABS, json_vocab, sentencepiece_pieces, tokenizer_info,
                                    vocab_mismatch)
from ..errors import UserError

# llama.cpp pre-tokenizer names, recognised from the structure of tokenizer.json.
_LLAMA3_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"


def bpe_pre_tokenizer(data: dict) -> str:
    pre = data.get("pre_tokenizer") or {}
    steps = pre.get("pretokenizers", [pre]) if pre.get("type") == "Sequence" else [pre]
    types = [s.get("type") for s in steps]
    if types == ["Digits", "ByteLevel"] and steps[0].get("individual_digits"):
        return "smollm"
    if types and types[0] == "Split":
        pattern = (steps[0].get("pattern") or {}).get("Regex", "")
        if pattern.startswith(_LLAMA3_SPLIT):
            return "llama-bpe"
    if types == ["ByteLevel"]:
        return "gpt-2"
    raise UserError("The tokenizer.json pre-tokenizer is not one llama.cpp is known to reproduce "
                    f"({' + '.join(str(t) for t in types) or 'none'}).",
                    "Convert this model with llama.cpp's convert_hf_to_gguf.py, which knows more tokenizers.")


def add_tokenizer(writer, folder: Path, rows: int) -> str:
    """Write the vocabulary, scores/merges, types, special ids and chat template; returns a label."""
    import gguf

    kind, size = tokenizer_info(folder)     # also refuses disagreeing tokenizer files
    if kind == "sentencepiece" and size != rows:
        raise vocab_mismatch(rows, size, folder)
    if (folder / "tokenizer.model").exists():
        tokens, scores, types = sentencepiece_pieces(folder)
        model, pre = "llama", "default"
    else:
        vocab = json_vocab(folder)
        tokens, scores, types = vocab.tokens, vocab.scores, vocab.types
        model = vocab.model
        pre = "default" if model == "llama" else bpe_pre_tokenizer(vocab.data)
        if len(tokens) > rows:
            raise vocab_mismatch(rows, len(tokens), folder)
        while len(tokens) < rows:     # padded embedding rows (BPE vocabularies only)
            tokens.append(f"[PAD{len(tokens)}]")
            scores.append(0.0)
            types.append(gguf.TokenType.UNUSED)
    special = gguf.SpecialVocab(folder, load_merges=model == "gpt2", n_vocab=len(tokens))
    _fill_special_ids(special, folder, tokens, types)
    if (folder / "tokenizer.model").exists():
        _fill_sentencepiece_defaults(special, folder)
    writer.add_tokenizer_model(model)
    writer.add_tokenizer_pre(pre)
    writer.add_token_list(tokens)
    if model == "llama":
        writer.add_token_scores(scores)
    writer.add_token_types(types)
    special.add_to_gguf(writer, quiet=True)
    label = f"{'SentencePiece' if model == 'llama' else 'BPE'} {len(tokens)}"
    return f"{label}, {KNOWN_VOCABS[len(tokens)]}" if model == "llama" and len(tokens) in KNOWN_VOCABS else label


def _special_token_texts(folder: Path) -> dict[str, str]:
    """bos/eos/unk/pad token texts from special_tokens_map.json and tokenizer_config.json."""
    texts: dict[str, str] = {}
    for name in ("special_tokens_map.json", "tokenizer_config.json"):
        path = folder / name
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for typ in ("bos", "eos", "unk", "pad"):
            value = data.get(f"{typ}_token")
            if isinstance(value, dict):
                value = value.get("content")
            if isinstance(value, str) and typ not in texts:
                texts[typ] = value
    return texts


def _fill_special_ids(special, folder: Path, tokens: list, types: list) -> None:
    """Special ids the gguf package could not resolve (a tokenizer.model has no tokenizer.json
    to look names up in), e.g. Chinese-Alpaca's [PAD] = 49953; those tokens become CONTROL."""
    from gguf import TokenType

    index = {(t.decode("utf-8", "replace") if isinstance(t, bytes) else t): i for i, t in enumerate(tokens)}
    for typ, text in _special_token_texts(folder).items():
        idx = index.get(text)
        if idx is None:
            continue
        special.special_token_ids.setdefault(typ, idx)
        if types[idx] in (TokenType.NORMAL, TokenType.USER_DEFINED):
            types[idx] = TokenType.CONTROL


def _fill_sentencepiece_defaults(special, folder: Path) -> None:
    """A bare tokenizer.model (Meta layout: no tokenizer_config.json) still names its bos/eos/unk ids,
    and LLaMA prompts start with BOS; what the JSON files say, where present, wins."""
    from sentencepiece import SentencePieceProcessor

    sp = SentencePieceProcessor(model_file=str(folder / "tokenizer.model"))
    for typ, idx in (("bos", sp.bos_id()), ("eos", sp.eos_id()), ("unk", sp.unk_id())):
        if idx >= 0:
            special.special_token_ids.setdefault(typ, idx)
    special.add_special_token.setdefault("bos", True)
    special.add_special_token.setdefault("eos", False)

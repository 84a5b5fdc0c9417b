"""Vocabulary expansion: merge a Chinese SentencePiece model into LLaMA's.

Same algorithm as upstream ``merge_tokenizers.py`` (BEHAVIOR.md §1): walk the
Chinese pieces in order and append each one LLaMA lacks with score 0; LLaMA's
own pieces, scores, normalizer and trainer spec are untouched.  LLaMA 32000 +
chinese_sp 20000 gives 49953.
"""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION", "python")

from sentencepiece import sentencepiece_model_pb2 as sp_pb2  # noqa: E402

from engine.atomic import atomic_write_bytes  # noqa: E402


def merge_sentencepiece(llama_model: bytes, chinese_model: bytes) -> tuple[bytes, int]:
    """Return the merged model bytes and the number of pieces added."""
    llama = sp_pb2.ModelProto()
    llama.ParseFromString(llama_model)
    chinese = sp_pb2.ModelProto()
    chinese.ParseFromString(chinese_model)
    existing = {p.piece for p in llama.pieces}
    added = 0
    for p in chinese.pieces:
        if p.piece not in existing:
            new = sp_pb2.ModelProto().SentencePiece()
            new.piece = p.piece
            new.score = 0
            llama.pieces.append(new)
            existing.add(p.piece)
            added += 1
    return llama.SerializeToString(), added


def merge_tokenizer_files(llama_model_path: os.PathLike | str, chinese_model_path: os.PathLike | str,
                          out_path: os.PathLike | str) -> int:
    merged, added = merge_sentencepiece(Path(llama_model_path).read_bytes(),
                                        Path(chinese_model_path).read_bytes())
    atomic_write_bytes(out_path, merged)
    return added


# -- HF tokenizer folder, efficiency report, training a Chinese SentencePiece model ----------------------------

SELF_TEST_TEXT = ("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n"
                  "The primary use of LLaMA is research on large language models, including")
ENGLISH_SAMPLE = (
    "The primary use of LLaMA is research on large language models, including exploring potential applications "
    "such as question answering, natural language understanding or reading comprehension, understanding "
    "capabilities and limitations of current language models, and developing techniques to improve those, "
    "evaluating and mitigating biases, risks, toxic and harmful content generations, hallucinations. "
    "The model was trained on text from the web, books, encyclopedias and scientific papers in twenty languages.")


def write_hf_tokenizer(sp_model: os.PathLike | str, out_dir: os.PathLike | str) -> None:
    """The HF tokenizer folder upstream saves as ``merged_tokenizer_hf``: tokenizer.model + configs
    (LLaMA's special tokens only; the merge adds none)."""
    from .tokenizer import SlowTokenizer
    import shutil

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if Path(sp_model).resolve() != (out_dir / "tokenizer.model").resolve():
        shutil.copyfile(sp_model, out_dir / "tokenizer.model")
    SlowTokenizer(out_dir).save(out_dir)


def _sp(model):
    import sentencepiece as spm
    if isinstance(model, spm.SentencePieceProcessor):
        return model
    p = Path(model)
    if p.is_dir():
        p = p / "tokenizer.model"
    proc = spm.SentencePieceProcessor()
    proc.Load(str(p))
    return proc


def tokens_per_1000_chars(model, text: str) -> float:
    sp = _sp(model)
    chars = len(text)
    return 1000.0 * len(sp.encode(text)) / chars if chars else 0.0


def default_samples() -> dict[str, str]:
    """A Chinese sample (the self-test verse and the upstream-style text) and an English one."""
    zh = ("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。人工智能是计算机科学的一个分支，它企图了解智能的实质，"
          "并生产出一种新的能以人类智能相似的方式做出反应的智能机器，该领域的研究包括机器人、语言识别、图像识别、"
          "自然语言处理和专家系统等。北京是中华人民共和国的首都，是全国的政治中心、文化中心。")
    return {"zh": zh, "en": ENGLISH_SAMPLE}


def efficiency_report(before, after, samples: dict[str, str] | None = None) -> dict:
    """Sizes and tokens per 1,000 characters before/after (upstream's motivation: ~2x fewer for Chinese)."""
    b, a = _sp(before), _sp(after)
    samples = samples or default_samples()
    per = {lang: {"before": round(tokens_per_1000_chars(b, text), 1), "after": round(tokens_per_1000_chars(a, text), 1),
                  "chars": len(text)}
           for lang, text in samples.items()}
    return {"before_size": b.get_piece_size(), "after_size": a.get_piece_size(),
            "added": a.get_piece_size() - b.get_piece_size(), "per_1000_chars": per}


def merge_to_folder(llama_tokenizer, chinese_sp, out_dir, samples: dict[str, str] | None = None) -> dict:
    """``vocab merge``: chinese_llama.model + HF tokenizer files in ``out_dir``, and the gain report."""
    from engine.errors import UserError

    llama = Path(llama_tokenizer)
    if llama.is_dir():
        llama = llama / "tokenizer.model"
    for p, what in ((llama, "--llama-tokenizer"), (Path(chinese_sp), "--chinese-sp")):
        if not p.is_file():
            raise UserError(f"{p}: no such SentencePiece model ({what}).", "Give the .model file (or an HF folder).")
    out_dir = Path(out_dir)
    try:
        added = merge_tokenizer_files(llama, chinese_sp, out_dir / "chinese_llama.model")
    except Exception as exc:  # protobuf DecodeError and friends: not a SentencePiece model
        if isinstance(exc, OSError):
            raise
        raise UserError(f"{llama} or {chinese_sp} is not a SentencePiece model ({type(exc).__name__}).",
                        "Give tokenizer.model files.") from None
    write_hf_tokenizer(out_dir / "chinese_llama.model", out_dir / "merged_tokenizer_hf")
    report = efficiency_report(llama, out_dir / "chinese_llama.model", samples)
    report.update({"pieces_added": added, "model": str(out_dir / "chinese_llama.model"),
                   "hf_dir": str(out_dir / "merged_tokenizer_hf"),
                   "self_test": {"before": _sp(llama).encode(SELF_TEST_TEXT, out_type=str),
                                 "after": _sp(out_dir / "chinese_llama.model").encode(SELF_TEST_TEXT, out_type=str)}})
    return report


def train_sentencepiece(corpus: list, vocab_size: int, out_file, *, model_type: str = "bpe",
                        character_coverage: float = 0.9995, progress=None, cancel=None) -> dict:
    """A Chinese SentencePiece model trained on the user's text, ready for ``vocab merge``."""
    import sentencepiece as spm
    import tempfile
    from engine.errors import UserError

    files = [Path(c) for c in corpus]
    for f in files:
        if not f.is_file() or f.stat().st_size == 0:
            raise UserError(f"{f}: missing or empty corpus file.", "Give UTF-8 text files (--corpus FILE ...).")
    out_file = Path(out_file)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    if progress is not None:
        progress.update(0, 1, status="Training SentencePiece")
    with tempfile.TemporaryDirectory(dir=out_file.parent) as tmp:
        prefix = str(Path(tmp) / "sp")
        try:
            spm.SentencePieceTrainer.train(
                input=",".join(str(f) for f in files), model_prefix=prefix, vocab_size=int(vocab_size),
                model_type=model_type, character_coverage=character_coverage, split_digits=True,
                byte_fallback=False, num_threads=max(1, (os.cpu_count() or 2) // 2), minloglevel=2)
        except RuntimeError as exc:
            raise UserError(f"SentencePiece could not train on {', '.join(map(str, files))}: {exc}",
                            "Adjust --vocab-size to what the text supports (the message above says which way), or add text.") from None
        from engine.atomic import atomic_write_bytes
        atomic_write_bytes(out_file, Path(prefix + ".model").read_bytes())
    sp = _sp(out_file)
    return {"model": str(out_file), "vocab_size": sp.get_piece_size(), "model_type": model_type}

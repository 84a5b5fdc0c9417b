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

"""Meta's original LLaMA layout (``consolidated.NN.pth`` + ``params.json``).

Key names, the q/k head permutation and the shard split rules are those of
Meta's release and of upstream's ``save_shards`` (BEHAVIOR.md §2.1).
"""
from __future__ import annotations

import re

# Embedding width -> model size name, and how many consolidated.NN.pth files it has.
SIZE_BY_DIM = {4096: "7B", 5120: "13B", 6656: "33B", 8192: "65B"}
SHARDS_BY_SIZE = {"7B": 1, "13B": 2, "33B": 4, "65B": 8}
PARAMS_BY_SIZE = {
    "7B": dict(dim=4096, multiple_of=256, n_heads=32, n_layers=32, norm_eps=1e-06, vocab_size=-1),
    "13B": dict(dim=5120, multiple_of=256, n_heads=40, n_layers=40, norm_eps=1e-06, vocab_size=-1),
    "33B": dict(dim=6656, multiple_of=256, n_heads=52, n_layers=60, norm_eps=1e-06, vocab_size=-1),
    "65B": dict(dim=8192, multiple_of=256, n_heads=64, n_layers=80, norm_eps=1e-05, vocab_size=-1),
}

_TOP = {"model.embed_tokens.weight": "tok_embeddings.weight", "model.norm.weight": "norm.weight",
        "lm_head.weight": "output.weight"}
_LAYER = {"self_attn.q_proj": "attention.wq", "self_attn.k_proj": "attention.wk",
          "self_attn.v_proj": "attention.wv", "self_attn.o_proj": "attention.wo",
          "mlp.gate_proj": "feed_forward.w1", "mlp.down_proj": "feed_forward.w2",
          "mlp.up_proj": "feed_forward.w3", "input_layernorm": "attention_norm",
          "post_attention_layernorm": "ffn_norm"}
_TOP_BACK = {v: k for k, v in _TOP.items()}
_LAYER_BACK = {v: k for k, v in _LAYER.items()}

# How a tensor is split over model-parallel shards: dim 0, dim 1, or copied to every shard.
SPLIT_DIM = {"tok_embeddings": 1, "output": 0, "norm": None, "ffn_norm": None, "attention_norm": None,
             "w1": 0, "w3": 0, "wv": 0, "wq": 0, "wk": 0, "w2": 1, "wo": 1}


def size_name(dim: int) -> str | None:
    return SIZE_BY_DIM.get(dim)


def to_meta_key(hf_key: str) -> str:
    if hf_key in _TOP:
        return _TOP[hf_key]
    m = re.fullmatch(r"model\.layers\.(\d+)\.(.+)\.weight", hf_key)
    if m and m.group(2) in _LAYER:
        return f"layers.{m.group(1)}.{_LAYER[m.group(2)]}.weight"
    raise ValueError(f"No Meta-format name for tensor {hf_key!r}")


def to_hf_key(meta_key: str) -> str | None:
    """HF name of a Meta tensor; None for tensors HF does not keep (rope.freqs)."""
    if meta_key in _TOP_BACK:
        return _TOP_BACK[meta_key]
    if meta_key == "rope.freqs":
        return None
    m = re.fullmatch(r"layers\.(\d+)\.(.+)\.weight", meta_key)
    if m and m.group(2) in _LAYER_BACK:
        return f"model.layers.{m.group(1)}.{_LAYER_BACK[m.group(2)]}.weight"
    raise ValueError(f"Unknown tensor {meta_key!r} in a Meta-format checkpoint")


def split_dim(meta_key: str) -> int | None:
    short = meta_key.split(".")[-2]
    if short not in SPLIT_DIM:
        raise ValueError(f"No shard rule for tensor {meta_key!r}")
    return SPLIT_DIM[short]


def shard_sizes(length: int, n: int) -> list[int]:
    """Upstream's split: equal parts, the remainder going to the last one (49953 -> 24976, 24977)."""
    part = length // n
    return [part] * (n - 1) + [length - part * (n - 1)]


def permute(w, n_heads: int):
    """Meta q/k -> HF rotary layout (as transformers' convert_llama_weights_to_hf)."""
    rows, cols = w.shape
    return w.view(n_heads, rows // n_heads // 2, 2, cols).transpose(1, 2).reshape(rows, cols)


def unpermute(w, n_heads: int):
    """HF q/k -> Meta layout (upstream's ``unpermute``)."""
    rows, cols = w.shape
    return w.view(n_heads, 2, rows // n_heads // 2, cols).transpose(1, 2).reshape(rows, cols)

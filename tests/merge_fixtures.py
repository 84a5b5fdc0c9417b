"""Helpers for the merge tests: Meta-format bases, reference merges with PEFT, tensor loading.

``hf_to_meta`` is written independently of the engine (straight from upstream's
rules in BEHAVIOR.md §2.1) so the engine's Meta reader and pth writer are checked
against it, not against themselves.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ALL_PROJ = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
EMBED = ("embed_tokens", "lm_head")
_NAMES = {"self_attn.q_proj": "attention.wq", "self_attn.k_proj": "attention.wk", "self_attn.v_proj": "attention.wv",
          "self_attn.o_proj": "attention.wo", "mlp.gate_proj": "feed_forward.w1", "mlp.down_proj": "feed_forward.w2",
          "mlp.up_proj": "feed_forward.w3", "input_layernorm": "attention_norm",
          "post_attention_layernorm": "ffn_norm"}


def hf_state(folder: Path) -> dict:
    """All tensors of an HF folder (safetensors or .bin, single or sharded)."""
    import torch
    from safetensors.torch import load_file

    state = {}
    for p in sorted(Path(folder).glob("*.safetensors")):
        state.update(load_file(str(p)))
    for p in sorted(Path(folder).glob("pytorch_model*.bin")):
        state.update(torch.load(str(p), weights_only=True))
    return state


def meta_key(k: str) -> str:
    top = {"model.embed_tokens.weight": "tok_embeddings.weight", "model.norm.weight": "norm.weight",
           "lm_head.weight": "output.weight"}
    if k in top:
        return top[k]
    parts = k.split(".")
    return f"layers.{parts[2]}.{_NAMES['.'.join(parts[3:-1])]}.weight"


def hf_to_meta(hf_dir: Path, out_dir: Path, n_shards: int = 1) -> Path:
    """An HF LLaMA folder as Meta's consolidated.NN.pth + params.json (with rope.freqs, as Meta ships)."""
    import torch

    cfg = json.loads((Path(hf_dir) / "config.json").read_text())
    heads, dim = cfg["num_attention_heads"], cfg["hidden_size"]
    shards = [dict() for _ in range(n_shards)]
    for k, w in hf_state(hf_dir).items():
        mk = meta_key(k)
        if mk.endswith(("wq.weight", "wk.weight")):
            w = w.view(heads, 2, dim // heads // 2, dim).transpose(1, 2).reshape(dim, dim)
        kind = mk.split(".")[-2]
        if n_shards == 1 or kind in ("norm", "ffn_norm", "attention_norm"):
            pieces = [w.clone()] * n_shards
        elif kind in ("tok_embeddings", "w2", "wo"):
            pieces = [p.clone() for p in w.chunk(n_shards, dim=1)]
        else:
            size = w.shape[0] // n_shards
            sizes = [size] * (n_shards - 1) + [w.shape[0] - size * (n_shards - 1)]
            pieces = [p.clone() for p in w.split(sizes, dim=0)]
        for shard, piece in zip(shards, pieces):
            shard[mk] = piece
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for i, shard in enumerate(shards):
        shard["rope.freqs"] = torch.ones(dim // heads // 2)
        torch.save(shard, out_dir / f"consolidated.{i:02d}.pth")
    params = dict(dim=dim, multiple_of=256, n_heads=heads, n_layers=cfg["num_hidden_layers"],
                  norm_eps=cfg["rms_norm_eps"], vocab_size=-1)
    (out_dir / "params.json").write_text(json.dumps(params))
    shutil.copy(Path(hf_dir) / "tokenizer.model", out_dir.parent / "tokenizer.model")
    return out_dir


def meta_state(folder: Path) -> dict:
    """Meta shards joined back into full tensors, in HF layout and HF names (independent of the engine)."""
    import torch

    params = json.loads((Path(folder) / "params.json").read_text())
    shards = [torch.load(str(p), weights_only=True) for p in sorted(Path(folder).glob("consolidated.*.pth"))]
    heads, dim = params["n_heads"], params["dim"]
    back = {v: k for k, v in _NAMES.items()}
    out = {}
    for mk in shards[0]:
        if mk == "rope.freqs":
            continue
        kind = mk.split(".")[-2]
        parts = [s[mk] for s in shards]
        if len(parts) == 1 or kind in ("norm", "ffn_norm", "attention_norm"):
            w = parts[0]
        else:
            w = torch.cat(parts, dim=1 if kind in ("tok_embeddings", "w2", "wo") else 0)
        if kind in ("wq", "wk"):
            n = heads if kind == "wq" else params.get("n_kv_heads", heads)
            rows = w.shape[0]
            w = w.view(n, rows // n // 2, 2, dim).transpose(1, 2).reshape(rows, dim)
        top = {"tok_embeddings": "model.embed_tokens.weight", "norm": "model.norm.weight", "output": "lm_head.weight"}
        if mk.count(".") == 1:
            out[top[mk.split(".")[0]]] = w
        else:
            layer = mk.split(".")[1]
            out[f"model.layers.{layer}.{back['.'.join(mk.split('.')[2:-1])]}.weight"] = w
    return out


def peft_merge(base_dir: Path, lora_dirs: list[Path], dtype="float16"):
    """The reference: upstream's flow, transformers + PEFT merge_and_unload for each LoRA in order."""
    import torch
    from peft import PeftModel
    from transformers import AutoTokenizer, LlamaForCausalLM

    model = LlamaForCausalLM.from_pretrained(str(base_dir), torch_dtype=getattr(torch, dtype))
    for lora in lora_dirs:
        n = len(AutoTokenizer.from_pretrained(str(lora), use_fast=False))
        if n != model.get_input_embeddings().weight.shape[0]:
            model.resize_token_embeddings(n, mean_resizing=False)
        model = PeftModel.from_pretrained(model, str(lora)).merge_and_unload()
    return model


def max_diff(a: dict, b: dict) -> float:
    assert set(a) == set(b), (set(a) ^ set(b))
    return max((a[k].float() - b[k].float()).abs().max().item() for k in a)


# Shared model fixtures (module-scoped; the session `models` factory caches the builds).
@pytest.fixture(scope="module")
def base(models):
    """Tiny original-LLaMA-like base: vocabulary 32000, safetensors."""
    return models.llama()


@pytest.fixture(scope="module")
def llama_plus(models, base):
    """Chinese-LLaMA-Plus-like: all projections + embeddings, vocabulary 32000 -> 49953."""
    return models.lora(base, targets=ALL_PROJ, modules_to_save=EMBED, tokenizer="chinese_llama")


@pytest.fixture(scope="module")
def alpaca_plus(models):
    """Chinese-Alpaca-Plus-like: trained on top of Chinese-LLaMA, vocabulary 49953 -> 49954, .bin adapter."""
    cn_base = models.llama(tokenizer="chinese_llama", seed=3)
    return models.lora(cn_base, r=8, alpha=32, targets=ALL_PROJ, modules_to_save=EMBED,
                       tokenizer="chinese_alpaca", safetensors=False, seed=2)

"""Fault pass (issue 10, item 14): every refusal of a merge input, triggered.

A checkpoint that contains code (no code runs), damaged or unsupported adapters (DoRA, other
PEFT types, variants, a missing A/B pair, an empty adapter, no weights), misnumbered or
mismatched Meta parts, the wrong kind of folder, a LoRA for another base. Each is one
``UserError``: the file or folder named, the problem, a fix; and nothing is written.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main as cli_main
from engine.errors import UserError
from engine.merge import merge
from tests.merge_fixtures import hf_to_meta

MARKER = "code-ran.txt"


class _Evil:
    """Unpickling this runs ``open(path, "w")``: the payload of a malicious checkpoint."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def _lora_copy(lora: Path, work: Path, name: str = "lora") -> Path:
    dst = work / name
    shutil.copytree(lora, dst)
    return dst


def _edit_config(folder: Path, **changes) -> None:
    cfg = json.loads((folder / "adapter_config.json").read_text())
    cfg.update(changes)
    (folder / "adapter_config.json").write_text(json.dumps(cfg))


def _edit_tensors(folder: Path, edit) -> None:
    from safetensors.torch import load_file, save_file

    path = folder / "adapter_model.safetensors"
    tensors = load_file(str(path))
    save_file(edit(dict(tensors)), str(path))


def _as_bin(folder: Path, state) -> None:
    import torch

    (folder / "adapter_model.safetensors").unlink()
    torch.save(state, folder / "adapter_model.bin")


# Each builder makes the bad input in ``work`` and returns (base, loras, the path the message must name,
# words the message must contain). ``b``/``l``: the tiny base model and a LoRA for it.
def lora_missing(work, b, l):
    return b, [work / "no-such-lora"], work / "no-such-lora", "does not exist"


def full_model_as_lora(work, b, l):
    return b, [b], b, "is a full model, not a LoRA"


def not_a_lora_folder(work, b, l):
    (work / "empty").mkdir()
    return b, [work / "empty"], work / "empty", "not a PEFT LoRA folder"


def damaged_adapter_config(work, b, l):
    d = _lora_copy(l, work)
    (d / "adapter_config.json").write_text('{"r": 4, "lora_alpha": ')
    return b, [d], d / "adapter_config.json", "not valid JSON"


def other_peft_type(work, b, l):
    d = _lora_copy(l, work)
    _edit_config(d, peft_type="IA3")
    return b, [d], d.name, "IA3 adapter"


def dora(work, b, l):
    d = _lora_copy(l, work)
    _edit_config(d, use_dora=True)
    return b, [d], d.name, "DoRA"


def no_weights(work, b, l):
    d = _lora_copy(l, work)
    (d / "adapter_model.safetensors").unlink()
    return b, [d], d.name, "no adapter_model.bin or adapter_model.safetensors"


def unsupported_variant(work, b, l):
    import torch

    d = _lora_copy(l, work)
    key = "base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector.default.weight"
    _edit_tensors(d, lambda t: {**t, key: torch.ones(64)})
    return b, [d], d.name, "LoRA variant"


def missing_b_half(work, b, l):
    d = _lora_copy(l, work)
    _edit_tensors(d, lambda t: {k: v for k, v in t.items() if not (".layers.0." in k and "q_proj.lora_B" in k)})
    return b, [d], d.name, "only one of lora_A / lora_B"


def empty_adapter(work, b, l):
    d = _lora_copy(l, work)
    _edit_tensors(d, lambda t: {})
    return b, [d], d.name, "holds no LoRA weights"


def checkpoint_with_code(work, b, l):
    from safetensors.torch import load_file

    d = _lora_copy(l, work)
    state = dict(load_file(str(d / "adapter_model.safetensors")))
    state["payload"] = _Evil(str(work / MARKER))
    _as_bin(d, state)
    return b, [d], d / "adapter_model.bin", "contains code"


def damaged_bin(work, b, l):
    d = _lora_copy(l, work)
    (d / "adapter_model.safetensors").unlink()
    (d / "adapter_model.bin").write_bytes(b"\x80\x02garbage" * 50)
    return b, [d], d / "adapter_model.bin", "not a readable PyTorch checkpoint"


def truncated_bin(work, b, l):
    from safetensors.torch import load_file

    d = _lora_copy(l, work)
    _as_bin(d, dict(load_file(str(d / "adapter_model.safetensors"))))
    data = (d / "adapter_model.bin").read_bytes()
    (d / "adapter_model.bin").write_bytes(data[: len(data) // 2])
    return b, [d], d / "adapter_model.bin", "damaged or incomplete"


def lora_for_a_bigger_model(work, b, l):
    import torch

    d = _lora_copy(l, work)
    key = "base_model.model.model.layers.7.self_attn.q_proj.lora_{}.weight"
    _edit_tensors(d, lambda t: {**t, key.format("A"): torch.zeros(4, 64), key.format("B"): torch.zeros(64, 4)})
    return b, [d], d.name, "which the base (with 2 layers) does not have"


def lora_targets_a_non_llama_module(work, b, l):
    import torch

    d = _lora_copy(l, work)
    key = "base_model.model.model.vision_tower.proj.lora_{}.weight"
    _edit_tensors(d, lambda t: {**t, key.format("A"): torch.zeros(4, 64), key.format("B"): torch.zeros(64, 4)})
    return b, [d], d.name, "which is not in the base model"


def replaced_tensor_not_in_base(work, b, l):
    import torch

    d = _lora_copy(l, work)
    key = "base_model.model.model.extra_head.modules_to_save.default.weight"
    _edit_tensors(d, lambda t: {**t, key: torch.zeros(3, 64)})
    return b, [d], d.name, "replaces model.extra_head.weight"


def replaced_tensor_of_another_size(work, b, l):
    import torch

    d = _lora_copy(l, work)
    key = "base_model.model.model.norm.modules_to_save.default.weight"
    _edit_tensors(d, lambda t: {**t, key: torch.ones(96)})
    return b, [d], "model.norm.weight has shape (96,), but the base's is (64,)", "another model"


def base_missing(work, b, l):
    return work / "no-base", [l], work / "no-base", "does not exist"


def base_is_a_file(work, b, l):
    (work / "base.bin").write_bytes(b"x")
    return work / "base.bin", [l], work / "base.bin", "is a file"


def base_is_a_lora(work, b, l):
    return l, [l], l, "is a LoRA, not a base model"


def base_is_not_a_model(work, b, l):
    (work / "photos").mkdir()
    (work / "photos" / "a.jpg").write_bytes(b"x")
    return work / "photos", [l], work / "photos", "not a LLaMA model folder"


def meta_misnumbered_parts(work, b, l):
    meta = hf_to_meta(b, work / "meta" / "7B", n_shards=2)
    (meta / "consolidated.01.pth").rename(meta / "consolidated.02.pth")
    return meta, [l], meta, "not numbered 00..01"


def meta_parts_that_do_not_belong_together(work, b, l):
    import torch

    meta = hf_to_meta(b, work / "meta" / "7B", n_shards=2)
    part = torch.load(meta / "consolidated.01.pth", weights_only=True)
    part.pop("layers.1.attention.wq.weight")
    torch.save(part, meta / "consolidated.01.pth")
    return meta, [l], "consolidated.01.pth", "do not belong together"


def meta_part_with_code(work, b, l):
    import torch

    meta = hf_to_meta(b, work / "meta" / "7B", n_shards=1)
    part = torch.load(meta / "consolidated.00.pth", weights_only=True)
    part["payload"] = _Evil(str(work / MARKER))
    torch.save(part, meta / "consolidated.00.pth")
    return meta, [l], meta / "consolidated.00.pth", "contains code"


def _base_copy(b: Path, work: Path) -> Path:
    dst = work / "base"
    shutil.copytree(b, dst)
    return dst


def base_without_embeddings(work, b, l):
    from safetensors.torch import load_file, save_file

    d = _base_copy(b, work)
    tensors = {k: v for k, v in load_file(str(d / "model.safetensors")).items() if "embed_tokens" not in k}
    save_file(tensors, str(d / "model.safetensors"))
    return d, [l], d, "not a LLaMA model"


def base_with_damaged_config(work, b, l):
    d = _base_copy(b, work)
    (d / "config.json").write_text('{"hidden_size": 64,')
    return d, [l], d / "config.json", "not valid JSON"


def base_without_weights(work, b, l):
    d = _base_copy(b, work)
    (d / "model.safetensors").unlink()
    return d, [l], d, "No model weights"


def base_with_a_missing_shard(work, b, l):
    d = _base_copy(b, work)
    (d / "model.safetensors").rename(d / "model-00001-of-00002.safetensors")
    index = {"metadata": {}, "weight_map": {"model.embed_tokens.weight": "model-00001-of-00002.safetensors",
                                            "lm_head.weight": "model-00002-of-00002.safetensors"}}
    (d / "model.safetensors.index.json").write_text(json.dumps(index))
    return d, [l], "model-00002-of-00002.safetensors missing", "incomplete"


def base_with_a_damaged_index(work, b, l):
    d = _base_copy(b, work)
    (d / "model.safetensors.index.json").write_text('{"metadata": {}}')
    return d, [l], d / "model.safetensors.index.json", "damaged or incomplete"


REFUSALS = [base_without_embeddings, base_with_damaged_config, base_without_weights, base_with_a_missing_shard,
            base_with_a_damaged_index, lora_missing, full_model_as_lora, not_a_lora_folder, damaged_adapter_config, other_peft_type, dora,
            no_weights, unsupported_variant, missing_b_half, empty_adapter, checkpoint_with_code, damaged_bin,
            truncated_bin, lora_for_a_bigger_model, lora_targets_a_non_llama_module, replaced_tensor_not_in_base,
            replaced_tensor_of_another_size, base_missing, base_is_a_file, base_is_a_lora, base_is_not_a_model,
            meta_misnumbered_parts, meta_parts_that_do_not_belong_together, meta_part_with_code]


def _snapshot(folder: Path) -> dict:
    return {p: p.stat().st_size for p in folder.rglob("*")}


@pytest.mark.parametrize("build", REFUSALS, ids=[f.__name__ for f in REFUSALS])
def test_merge_refuses_with_the_file_named_and_a_fix(build, tiny_llama_dir, tiny_lora_dir, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    base, loras, named, words = build(work, tiny_llama_dir, tiny_lora_dir)
    before = _snapshot(work)
    out = work / "out"
    with pytest.raises(UserError) as info:
        merge(base, loras, out)
    err = info.value
    assert words in str(err), str(err)
    assert str(named) in err.message, err.message
    assert err.hint.strip(), "no fix given"
    assert "\n" not in str(err) and "Traceback" not in str(err)
    assert _snapshot(work) == before                     # nothing written, nothing changed
    assert not (work / MARKER).exists()                  # no code from any file ran


@pytest.mark.parametrize("build", [checkpoint_with_code, dora, meta_misnumbered_parts, missing_b_half],
                         ids=lambda f: f.__name__)
def test_merge_command_prints_the_refusal_in_one_line(build, tiny_llama_dir, tiny_lora_dir, tmp_path, capsys):
    work = tmp_path / "work"
    work.mkdir()
    base, loras, named, words = build(work, tiny_llama_dir, tiny_lora_dir)
    args = ["merge", "--base", str(base), "--out", str(work / "out"), "--quiet"]
    for lora in loras:
        args += ["--lora", str(lora)]
    assert cli_main(args) == 1
    lines = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0] and str(named) in lines[0]
    assert not (work / "out").exists() and not (work / MARKER).exists()


@pytest.mark.parametrize("kwargs,words", [
    ({"out_format": "gguf"}, "Unknown output format"), ({"dtype": "int8"}, "Unknown data type"),
])
def test_merge_refuses_unknown_options(kwargs, words, tiny_llama_dir, tiny_lora_dir, tmp_path):
    with pytest.raises(UserError, match=words) as info:
        merge(tiny_llama_dir, [tiny_lora_dir], tmp_path / "out", **kwargs)
    assert "Use one of" in info.value.hint
    assert not (tmp_path / "out").exists()


def test_merge_refuses_no_lora(tiny_llama_dir, tmp_path):
    with pytest.raises(UserError, match="No LoRA to merge") as info:
        merge(tiny_llama_dir, [], tmp_path / "out")
    assert info.value.hint and not (tmp_path / "out").exists()


def test_merge_refuses_an_output_that_is_a_file(tiny_llama_dir, tiny_lora_dir, tmp_path):
    out = tmp_path / "out"
    out.write_text("keep me")
    with pytest.raises(UserError, match="is a file") as info:
        merge(tiny_llama_dir, [tiny_lora_dir], out)
    assert str(out) in info.value.message and info.value.hint
    assert out.read_text() == "keep me"

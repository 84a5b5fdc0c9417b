"""The one checkpoint reader (engine/checkpoint): folder kinds, safetensors headers, damage named."""
from __future__ import annotations

import ast
import json
import shutil
import struct
from pathlib import Path

import pytest

from engine.checkpoint import (GGUF, HF, LORA, META, folder_kind, hf_weight_files, path_kind, read_header,
                               tokenizer_info)
from engine.errors import UserError

ROOT = Path(__file__).resolve().parents[1]


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_each_folder_kind_is_told_apart(tiny_llama_dir, tiny_lora_dir, tmp_path):
    assert folder_kind(tiny_llama_dir) == HF
    assert folder_kind(tiny_lora_dir) == LORA
    meta = tmp_path / "7B"
    meta.mkdir()
    (meta / "params.json").write_text("{}")
    (meta / "consolidated.00.pth").write_bytes(b"x")
    assert folder_kind(meta) == META
    one = tmp_path / "one"
    one.mkdir()
    (one / "m.gguf").write_bytes(b"GGUF" + b"\0" * 8)
    assert folder_kind(one) == GGUF and path_kind(one / "m.gguf") == GGUF
    magic = tmp_path / "model.bin"
    magic.write_bytes(b"GGUF\3\0\0\0")
    assert path_kind(magic) == GGUF
    (one / "n.gguf").write_bytes(b"GGUF")
    assert folder_kind(one) is None and folder_kind(tmp_path / "missing") is None
    assert tokenizer_info(tiny_llama_dir) == ("sentencepiece", 32000)


def test_header_of_a_real_file(tiny_llama_dir):
    header = read_header(tiny_llama_dir / "model.safetensors")
    emb = header.shape("model.embed_tokens.weight")
    assert emb[0] == 32000 and header.dtype("model.embed_tokens.weight") in ("F32", "F16", "BF16")
    offset, nbytes = header.span("model.embed_tokens.weight")
    assert offset >= header.data_start and nbytes == emb[0] * emb[1] * {"F32": 4}.get(
        header.dtype("model.embed_tokens.weight"), 2)


def _cut_inside_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:90])          # inside the JSON: "Unterminated string starting at..."


@pytest.mark.parametrize("damage", ["cut_in_header", "bad_json", "short", "data_cut"])
def test_damaged_safetensors_is_named_by_every_reader(tiny_llama_dir, tmp_path, damage):
    from engine.gguf_convert import inspect_model
    from engine.merge.inputs import open_base

    folder = _copy(tiny_llama_dir, tmp_path / "broken")
    weights = folder / "model.safetensors"
    if damage == "cut_in_header":
        _cut_inside_header(weights)
    elif damage == "bad_json":
        raw = b'{"a": {"dtype": "F16", "shape": [1], "data_offsets": [0, 2]'     # no closing brace
        weights.write_bytes(struct.pack("<Q", len(raw)) + raw + b"\0\0")
    elif damage == "short":
        weights.write_bytes(b"\1\2\3")
    else:
        size = weights.stat().st_size
        with open(weights, "r+b") as f:
            f.truncate(size - 1000)
    for read in (lambda: read_header(weights), lambda: inspect_model(folder), lambda: open_base(folder)):
        with pytest.raises(UserError) as err:
            read()
        text = str(err.value)
        assert str(weights) in text and "damaged or incomplete" in text, text
        assert "Unterminated" not in text and "\n" not in text
        assert "Download or copy it again" in err.value.hint


def test_convert_cli_names_a_cut_safetensors(tiny_llama_dir, tmp_path, capsys):
    from app.cli import main

    folder = _copy(tiny_llama_dir, tmp_path / "broken")
    _cut_inside_header(folder / "model.safetensors")
    out = tmp_path / "out.gguf"
    assert main(["convert", "--model", str(folder), "--out", str(out), "--quiet"]) != 0
    err = capsys.readouterr().err
    assert "model.safetensors is damaged or incomplete" in err and "Unterminated" not in err
    assert not out.exists()


def test_missing_shard_listed_in_the_index_is_named(tiny_llama_dir, tmp_path):
    folder = _copy(tiny_llama_dir, tmp_path / "sharded")
    (folder / "model.safetensors").rename(folder / "model-00001-of-00002.safetensors")
    (folder / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {
        "a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}))
    with pytest.raises(UserError, match="model-00002-of-00002.safetensors missing"):
        hf_weight_files(folder)


def test_no_import_cycle_inside_engine_chat():
    """Module-level and function-level relative imports between engine/chat modules form no cycle."""
    folder = ROOT / "engine" / "chat"
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                deps.add(node.module.split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.level == 1:
                deps.update(a.name for a in node.names)
        graph[path.stem] = {d for d in deps if (folder / f"{d}.py").exists()}

    def reaches(start: str, goal: str, seen: set) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert len(graph) >= 8
    assert [m for m in graph if reaches(m, m, set())] == []


def test_chat_detects_kinds_through_the_reader(tiny_llama_dir, tiny_lora_dir, tmp_path):
    from engine.chat.backends import detect_kind

    assert detect_kind(tiny_llama_dir) == "hf"
    with pytest.raises(UserError, match="is a LoRA adapter, not a full model"):
        detect_kind(tiny_lora_dir)
    meta = tmp_path / "7B"
    meta.mkdir()
    (meta / "params.json").write_text("{}")
    (meta / "consolidated.00.pth").write_bytes(b"x")
    with pytest.raises(UserError, match="Meta-format weights") as err:
        detect_kind(meta)
    assert "convert" in err.value.hint.lower()
    one = tmp_path / "one"
    one.mkdir()
    (one / "m.gguf").write_bytes(b"GGUF")
    assert detect_kind(one) == "gguf-in-folder" and detect_kind(one / "m.gguf") == "gguf"
    with pytest.raises(UserError, match="not a GGUF model file"):
        detect_kind(meta / "params.json")


def test_chat_model_list_and_hf_backend_use_the_reader(tiny_llama_dir, tiny_lora_dir, tmp_path):
    """The model list's "HF model here" and the LoRA tokenizer check are the reader's."""
    from engine.checkpoint import has_tokenizer, is_hf_model
    from engine.chat import hf_backend, model_list
    assert is_hf_model(tiny_llama_dir) and not is_hf_model(tiny_lora_dir)
    no_weights = tmp_path / "config-only"
    no_weights.mkdir()
    shutil.copy(tiny_llama_dir / "config.json", no_weights / "config.json")
    assert not is_hf_model(no_weights)
    (no_weights / "optimizer.bin").write_bytes(b"x")      # any *.bin is not a model's weights
    assert not is_hf_model(no_weights)
    assert has_tokenizer(tiny_lora_dir) == ((tiny_lora_dir / "tokenizer.model").exists()
                                            or (tiny_lora_dir / "tokenizer.json").exists())
    assert not hasattr(model_list, "_is_hf_model") and not hasattr(hf_backend, "_has_tokenizer")
    from engine.settings import Settings
    entries = model_list.ready_models(Settings(), recent=[str(tiny_llama_dir), str(no_weights)])
    paths = [e.path for e in entries]
    assert str(tiny_llama_dir) in paths and str(no_weights) not in paths

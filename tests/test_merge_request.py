"""One engine function turns a catalog id into a merge (engine/merge/request.py): the CLI and both pages call it."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from engine import layout
from engine.errors import UserError
from engine.merge.request import merge_request, output_name
from engine.settings import SettingsStore


def _adapter(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "adapter_config.json").write_text("{}")


def _register(settings, folder: Path, size: str = "7B") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    layout.base_registry_file(settings).write_text(json.dumps({"bases": [
        {"path": str(folder), "format": "hf", "size": size, "status": "verified", "files": {},
         "registered_at": time.time()}]}))


def test_plus_chain_order_paths_base_and_output(tmp_path):
    settings = SettingsStore().settings
    req = merge_request("chinese-alpaca-plus-7b", settings)
    assert req.chain_ids == ["chinese-llama-plus-7b", "chinese-alpaca-plus-7b"]     # LLaMA-Plus first
    assert req.loras == [layout.lora_dir(settings, i) for i in req.chain_ids]
    assert req.missing == req.chain_ids and not req.ready
    assert req.base_id == "llama-7b" and req.base is None
    assert req.out == layout.merged_dir(settings, "chinese-alpaca-plus-7b")
    with pytest.raises(UserError, match="No original LLaMA-7B is registered"):
        req.require_base()
    with pytest.raises(UserError, match="Not downloaded yet: chinese-llama-plus-7b, chinese-alpaca-plus-7b"):
        req.require_loras()

    _adapter(req.loras[0])
    _adapter(req.loras[1])
    _register(settings, tmp_path / "llama-7b-hf")
    req = merge_request("chinese-alpaca-plus-7b", settings, out_format="pth")
    assert req.ready and req.missing == [] and req.require_loras() == req.loras
    assert req.require_base() == tmp_path / "llama-7b-hf"
    assert req.out == layout.merged_dir(settings, "chinese-alpaca-plus-7b-pth")
    assert output_name("x", "pth") == "x-pth" and output_name("x", "hf") == "x"


def test_unknown_id_and_format_are_refused():
    settings = SettingsStore().settings
    with pytest.raises(UserError, match="chinese-alpaca-plus-7b"):      # the closest ids are suggested
        merge_request("chinese-alpaca-plus7b", settings)
    with pytest.raises(UserError, match="Unknown merge output format"):
        merge_request("chinese-llama-7b", settings, out_format="gguf")


def test_cli_uses_the_same_request(tmp_path, capsys):
    from app.cli import main

    settings = SettingsStore().settings
    req = merge_request("chinese-llama-7b", settings)
    # No base registered: the CLI's own hint, the engine's message.
    assert main(["merge", "--lora", "chinese-llama-7b", "--dry-run"]) != 0
    err = capsys.readouterr().err
    assert "No original LLaMA-7B is registered" in err and "--base" in err
    assert req.out.name == "chinese-llama-7b"

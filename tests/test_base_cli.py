"""`python main.py base add|list|remove`: the CLI twin of the Models page's base LLaMA registry."""
import json

from app.cli import main
from engine.catalog import load_catalog
from engine.model_library import registered_bases
from engine.settings import SettingsStore


def _meta_7b(folder, payload: bytes):
    folder.mkdir(parents=True)
    (folder / "consolidated.00.pth").write_bytes(payload)
    (folder / "params.json").write_text(json.dumps({"dim": 4096, "n_heads": 32, "n_layers": 32}))
    return folder


def test_add_list_remove_an_hf_base(tmp_path, capsys):
    hf = tmp_path / "llama-13b-hf"
    hf.mkdir()
    (hf / "config.json").write_text(json.dumps({"model_type": "llama", "hidden_size": 5120}))
    (hf / "model.safetensors").write_bytes(b"tensors")
    assert main(["base", "add", str(hf), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["format"], record["size"], record["status"]) == ("hf", "13B", "unverified")
    assert main(["base", "list"]) == 0
    out = capsys.readouterr().out
    assert "LLaMA-13B" in out and str(hf.resolve()) in out
    assert main(["base", "remove", str(hf)]) == 0
    assert "files were not touched" in capsys.readouterr().out
    assert registered_bases(SettingsStore().settings) == [] and (hf / "model.safetensors").exists()
    assert main(["base", "remove", str(hf)]) == 1


def test_mismatch_is_refused_with_both_hashes_then_accepted(tmp_path, capsys):
    folder = _meta_7b(tmp_path / "LLaMA" / "7B", b"not the published weights")
    assert main(["base", "add", str(folder)]) == 1
    err = capsys.readouterr().err.splitlines()[-1]      # the lines before are the progress bar
    published = load_catalog().base("7B").consolidated_sha256["consolidated.00.pth"]
    assert err.startswith("error: consolidated.00.pth is not the published") and published in err
    assert err.endswith("add --accept-mismatch.")
    assert registered_bases(SettingsStore().settings) == []
    assert main(["base", "add", str(folder), "--accept-mismatch"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("✗ LLaMA-7B") and "mismatch" in out
    assert main(["base", "list", "--json"]) == 0
    [rec] = json.loads(capsys.readouterr().out)
    assert rec["status"] == "mismatch" and rec["files"] == {"consolidated.00.pth": "mismatch"}


def test_merge_uses_the_registered_base_of_the_catalog_models_size(tmp_path, capsys):
    # No LLaMA-7B registered: the merge names the fix instead of failing somewhere deep.
    assert main(["merge", "--lora", "chinese-alpaca-pro-7b", "--dry-run"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == ("error: No original LLaMA-7B is registered. Pass --base DIR, or register yours once: "
                   "python main.py base add DIR")
    folder = _meta_7b(tmp_path / "LLaMA" / "7B", b"weights")
    assert main(["base", "add", str(folder), "--accept-mismatch", "--json"]) == 0
    capsys.readouterr()
    # Now the registered folder is taken as the base; the (not downloaded) LoRAs are what's missing.
    assert main(["merge", "--lora", "chinese-alpaca-pro-7b", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "chinese-llama-plus-7b" in err and "No original LLaMA" not in err


def test_a_damaged_checkpoint_is_named_not_a_traceback(tmp_path, capsys, tiny_lora_dir):
    folder = _meta_7b(tmp_path / "LLaMA" / "7B", b"these bytes are not a checkpoint")
    assert main(["base", "add", str(folder), "--accept-mismatch"]) == 0
    assert main(["merge", "--base", str(folder), "--lora", str(tiny_lora_dir), "--out", str(tmp_path / "out"),
                 "--dry-run"]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(f"error: {folder / 'consolidated.00.pth'} is not a readable PyTorch checkpoint")
    assert "download or copy it again" in err

"""The whole user journey from a shell: merge a Plus LoRA pair -> convert -> quantize Q4_K_M -> chat.

Driven through ``app.cli.main`` in-process (exit codes, --json outputs) and once
through a real ``python main.py`` child process; each step's files are checked.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


from app.cli import main as cli
from engine.hashing import sha256_file
from engine.settings import SettingsStore
from tests.journey_fixtures import PROMPT, TARGET, build_inputs, gguf_file_type, gguf_vocab, install_loras

ROOT = Path(__file__).resolve().parents[1]


def _run(capsys, *argv) -> tuple[int, str]:
    code = cli(list(argv))
    out = capsys.readouterr().out
    return code, out


def test_shell_journey_merge_convert_quantize_chat(models, capsys, tmp_path):
    import llama_cpp

    from engine import layout
    from engine.catalog import load_catalog
    from engine.history import History
    from engine.model_library import QUANTIZED, model_status

    base, llama_plus, alpaca_plus = build_inputs(models)
    settings = SettingsStore().settings
    install_loras(settings, llama_plus, alpaca_plus)
    untouched = {p: sha256_file(p) for d in (base, llama_plus, alpaca_plus) for p in d.iterdir()}

    # 1. merge: a catalog id expands to its whole chain (LLaMA-Plus first, then Alpaca-Plus).
    merged = layout.merged_dir(settings, TARGET)
    # No --out: a catalog id names the output as the Merge page does, so the Models page recognises it.
    code, out = _run(capsys, "merge", "--base", str(base), "--lora", TARGET, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["vocab_size"] == 49954
    config = json.loads((merged / "config.json").read_text())
    assert config["vocab_size"] == 49954 and config["hidden_size"] == 256
    assert (merged / "tokenizer.model").read_bytes() == (alpaca_plus / "tokenizer.model").read_bytes()

    # verify hashes every file of the merged folder; they are the ones SHA256SUMS lists.
    sums = dict(line.split("  ")[::-1] for line in (merged / "SHA256SUMS").read_text().splitlines())
    code, out = _run(capsys, "verify", str(merged), "--json")
    assert code == 0                                  # nothing published for our own merge: no mismatch
    verdicts = {Path(v["path"]).name: v for v in json.loads(out)}
    assert set(sums) <= set(verdicts)
    assert all(verdicts[name]["sha256"] == digest for name, digest in sums.items())
    # The merged tokenizer is the real Chinese-Alpaca one: it matches its published hash; weights are our own.
    assert verdicts["tokenizer.model"]["status"] == "match"
    assert {v["status"] for n, v in verdicts.items() if n.endswith(".safetensors")} == {"unknown"}

    # 2. convert to F16 (default output: <models>/gguf/<folder>-f16.gguf), checked against transformers.
    code, out = _run(capsys, "convert", "--model", str(merged), "--json")
    assert code == 0
    conv = json.loads(out)
    f16 = layout.gguf_dir(settings) / f"{TARGET}-f16.gguf"
    assert Path(conv["path"]) == f16 and f16.is_file()
    assert conv["vocab_size"] == 49954 and conv["verification"]["ok"]
    assert conv["verification"]["tokenizer_parity"]["ok"]
    assert gguf_vocab(f16) == 49954 and gguf_file_type(f16) == llama_cpp.LLAMA_FTYPE_MOSTLY_F16

    # 3. quantize Q4_K_M (default output: beside the input, named after the type).
    code, out = _run(capsys, "quantize", "--in", str(f16), "--type", "Q4_K_M", "--threads", "2", "--json")
    assert code == 0
    quant = json.loads(out)
    q4 = layout.gguf_dir(settings) / f"{TARGET}-q4_k_m.gguf"
    assert Path(quant["path"]) == q4 and q4.is_file()
    assert quant["output_bytes"] == q4.stat().st_size < f16.stat().st_size
    assert gguf_vocab(q4) == 49954 and gguf_file_type(q4) == llama_cpp.LLAMA_FTYPE_MOSTLY_Q4_K_M
    assert not [p for p in q4.parent.iterdir() if p.name.startswith(".")]     # no partial files left

    # The Models page's reading of the models folder: this catalog model is now quantized.
    st = model_status(load_catalog().get(TARGET), settings)
    assert st.state == QUANTIZED and st.merged == [merged] and st.quantized == [q4, f16]   # quantized first

    # 4. chat: one reply streamed to stdout, saved in the history.
    code, out = _run(capsys, "chat", "--model", str(q4), "--prompt", PROMPT, "--template", "alpaca",
                     "--temperature", "0", "--max-new-tokens", "8", "--ctx", "256", "--threads", "2")
    assert code == 0
    reply = out.strip()
    assert reply
    history = History()
    try:
        [chat] = history.chats()
        thread = history.thread(chat.id)
        assert [m.role for m in thread] == ["user", "assistant"]
        assert thread[0].content == PROMPT and thread[1].content.strip() == reply
    finally:
        history.close()

    # The same reply from a real shell: `python main.py chat ...` (temperature 0 is deterministic).
    proc = subprocess.run(
        [sys.executable, "main.py", "chat", "--model", str(q4), "--prompt", PROMPT, "--template", "alpaca",
         "--temperature", "0", "--max-new-tokens", "8", "--ctx", "256", "--threads", "2", "--no-history"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "OMP_NUM_THREADS": "2"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == reply

    assert untouched == {p: sha256_file(p) for p in untouched}      # inputs never modified


def test_shell_journey_refuses_with_a_clear_message(models, capsys, tmp_path):
    """Refusals on the way say what is wrong and how to fix it, with exit status 1."""
    code = cli(["merge", "--base", str(tmp_path), "--lora", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and "No output folder" in err and "--out" in err
    code = cli(["quantize", "--in", str(tmp_path / "missing-f16.gguf"), "--type", "Q4_K_M"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: ") and "missing-f16.gguf" in err
    proc = subprocess.run([sys.executable, "main.py", "convert", "--model", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "error:" in proc.stderr and str(tmp_path) in proc.stderr

"""The training command as the Train page and the launchers run it: a child process stopped by SIGTERM, and
the same command under torchrun with 2 CPU processes (gloo)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests import factory

ROOT = factory.ROOT


@pytest.fixture(scope="module")
def sft_data(tmp_path_factory):
    return factory.alpaca_sample(tmp_path_factory.mktemp("sft"), 16)


def _events(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _cmd(base, data, out, *extra):
    return ["main.py", "train", "sft", "--base", str(base), "--data", str(data), "--out", str(out),
            "--max-seq-length", "96", "--batch-size", "4", "--cpu", "--quiet", *extra]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal")
def test_sigterm_stops_cleanly_with_a_checkpoint_and_resume_finishes(models, sft_data, tmp_path):
    base = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    out, metrics = tmp_path / "out", tmp_path / "m.jsonl"
    proc = subprocess.Popen([sys.executable, *_cmd(base, sft_data, out, "--max-steps", "12", "--save-steps", "1000",
                                                   "--metrics", str(metrics))],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while not any(e["event"] == "step" for e in _events(metrics)):
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "no training step within 300 s"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    events = _events(metrics)
    end = events[-1]
    assert end["event"] == "end" and end["status"] == "stopped"
    ck = [e for e in events if e["event"] == "checkpoint"][-1]
    assert end["lora_dir"] == ck["path"] and ck["step"] < 12
    assert (out / "checkpoints" / f"checkpoint-{ck['step']}" / "adapter_model.safetensors").is_file()
    # the same command with --resume and fewer steps to go continues the count
    r = subprocess.run([sys.executable, *_cmd(base, sft_data, out, "--max-steps", "12", "--metrics", str(metrics),
                                               "--resume", "--json")],
                       cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert r.returncode == 0, r.stderr[-2000:]
    events = _events(metrics)
    after = events[events.index(end) + 1:]
    steps = [e["step"] for e in after if e["event"] == "step"]
    assert steps[0] == ck["step"] + 1 and steps[-1] == 12
    assert after[-1]["status"] == "done" and (out / "lora" / "adapter_config.json").is_file()


def test_two_process_torchrun_gloo(models, sft_data, tmp_path):
    base = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    out = tmp_path / "ddp"
    r = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
                        *_cmd(base, sft_data, out, "--max-steps", "3", "--json")],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])          # rank 0 alone reports
    assert len([x for x in r.stdout.splitlines() if x.startswith("{")]) == 1
    assert result["status"] == "done" and result["step"] == 3
    assert result["config"]["world_size"] == 2 and result["config"]["micro_batch"] == 2
    events = _events(out / "metrics.jsonl")
    assert [e["step"] for e in events if e["event"] == "step"] == [1, 2, 3]        # written once, by rank 0
    assert events[-1]["status"] == "done"
    from safetensors.torch import load_file
    sd = load_file(str(out / "lora" / "adapter_model.safetensors"))
    assert any("lora_B" in k and v.abs().sum() > 0 for k, v in sd.items())

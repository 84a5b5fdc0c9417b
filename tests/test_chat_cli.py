"""``main.py chat``: one-shot prompt, the REPL with /save and /reset, clear errors."""
from __future__ import annotations

import os
import subprocess
import sys

from engine.history import History
from tests.factory import ROOT


def run_cli(args, home, stdin=None):
    env = {**os.environ, "ALPACA_STUDIO_HOME": str(home), "OMP_NUM_THREADS": "2"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "chat", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=300)


def test_one_prompt_streams_a_reply_and_saves_it(smollm2_gguf_path, isolated_home):
    r = run_cli(["--model", str(smollm2_gguf_path), "--prompt", "What is the capital of France?",
                 "--temperature", "0", "--max-new-tokens", "8", "--threads", "2", "--stats"], isolated_home)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    assert "tokens/s" in r.stderr and "first token after" in r.stderr
    h = History()
    [chat] = h.chats()
    thread = h.thread(chat.id)
    assert [m.role for m in thread] == ["user", "assistant"]
    assert thread[1].content == r.stdout.strip()
    h.close()


def test_repl_saves_and_resets(smollm2_gguf_path, isolated_home, tmp_path):
    out = tmp_path / "chat.md"
    r = run_cli(["--model", str(smollm2_gguf_path), "--temperature", "0", "--max-new-tokens", "4",
                 "--threads", "2", "--system", "Be brief."],
                isolated_home, stdin=f"Hi there\n/save {out}\n/reset\nSecond chat\n/exit\n")
    assert r.returncode == 0, r.stderr
    md = out.read_text(encoding="utf-8")
    assert "## User\n\nHi there" in md and "**System:** Be brief." in md and "## Assistant" in md
    assert "[new chat]" in r.stderr
    h = History()
    assert sorted(c.title for c in h.chats()) == ["Hi there", "Second chat"]
    h.close()


def test_errors_are_one_line_with_a_fix(isolated_home, tmp_path):
    r = run_cli(["--model", str(tmp_path / "nope.gguf"), "--prompt", "hi"], isolated_home)
    assert r.returncode == 1 and "Model not found" in r.stderr and "Traceback" not in r.stderr
    r = run_cli(["--model", str(tmp_path), "--prompt", "hi", "--temperature", "9"], isolated_home)
    assert r.returncode == 1 and "temperature must be between 0 and 5" in r.stderr


def test_ctrl_c_stops_the_reply_and_keeps_it(smollm2_gguf_path, isolated_home):
    import signal

    env = {**os.environ, "ALPACA_STUDIO_HOME": str(isolated_home), "OMP_NUM_THREADS": "2"}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "chat", "--model", str(smollm2_gguf_path),
                             "--temperature", "0", "--max-new-tokens", "400", "--threads", "2"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        proc.stdin.write(b"Write a very long story about a dragon.\n")
        proc.stdin.flush()
        proc.stdout.read(12)                       # the reply is streaming
        proc.send_signal(signal.SIGINT)
        proc.stdin.write(b"/exit\n")
        proc.stdin.flush()
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert b"[stopped]" in err
    h = History()
    reply = h.thread(h.chats()[0].id)[-1]
    assert reply.role == "assistant" and reply.finish == "stopped" and 0 < reply.tokens < 400
    h.close()


def test_a_truncated_hf_model_is_named_not_a_traceback(tiny_llama_dir, tmp_path, capsys):
    import shutil

    from app.cli import main

    broken = tmp_path / "broken"
    shutil.copytree(tiny_llama_dir, broken)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    assert main(["chat", "--model", str(broken), "--prompt", "hi", "--no-history"]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(f"error: The model in {broken} could not be loaded")
    assert "merge or download it again" in err

"""The OpenAI-compatible server, driven by the official ``openai`` client against a real
server on 127.0.0.1 (a free port): SmolLM2 GGUF through llama.cpp, and a tiny random
Chinese-Alpaca (HF) for upstream's template and embeddings checked against torch."""
from __future__ import annotations

import contextlib
import json
import threading
import time

import httpx
import numpy as np
import openai
import pytest

from engine.chat.backends import LoadOptions
from engine.chat.messages import Turn
from engine.chat.templates import AlpacaTemplate
from engine.errors import UserError
from engine.host import ModelHost
from engine.serve.config import ServeConfig, check_bind
from engine.serve.server import ApiServer

KEY = "test-key-123"
GREEDY = dict(temperature=0, seed=1)


def wait_until(cond, timeout=60.0):
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("condition not reached")
        time.sleep(0.01)


@contextlib.contextmanager
def running(host, **config):
    records = []
    server = ApiServer(host, ServeConfig(port=0, **config), on_record=records.append)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    assert server.started.wait(60)
    try:
        yield server, records
    finally:
        server.stop()
        thread.join(30)
        assert not thread.is_alive()


@pytest.fixture(scope="module")
def gguf_host(smollm2_gguf_path):
    host = ModelHost(max_pending=2)
    host.load(smollm2_gguf_path, LoadOptions(context_size=1024, threads=1, use_gpu=False)).result(120)
    yield host
    host.shutdown()


@pytest.fixture(scope="module")
def gguf(gguf_host):
    with running(gguf_host, api_key=KEY) as (server, records):
        client = openai.OpenAI(base_url=server.url, api_key=KEY, max_retries=0, timeout=120)
        yield server, client, records, client.models.list().data[0].id


def chat(client, model, text="What is the capital of France?", **kw):
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": text}],
                                          **{**GREEDY, "max_tokens": 12, **kw})


# the wire format -----------------------------------------------------------------------------------
def test_models_and_chat(gguf):
    server, client, records, model = gguf
    assert model == "SmolLM2-135M-Instruct.Q4_1" or model.startswith("SmolLM2")
    r = chat(client, model)
    choice = r.choices[0]
    assert r.object == "chat.completion" and r.model == model
    assert choice.message.role == "assistant" and choice.message.content.strip()
    assert choice.finish_reason in ("stop", "length")
    assert len(r.choices) == 1                                  # no echo of the input messages
    assert r.usage.prompt_tokens > 5 and 0 < r.usage.completion_tokens <= 12
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens
    # the embedded chat template was used: the prompt counts its <|im_start|> markers
    direct = server.host.count_tokens(
        "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
        "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n").result()
    assert r.usage.prompt_tokens == direct
    # a run to max_tokens says so
    long = chat(client, model, "Write a long story about a dragon.", max_tokens=3)
    assert long.choices[0].finish_reason == "length" and long.usage.completion_tokens == 3


def test_streaming_matches_and_ends_with_done(gguf):
    server, client, records, model = gguf
    whole = chat(client, model, max_tokens=10).choices[0].message.content
    stream = chat(client, model, max_tokens=10, stream=True, stream_options={"include_usage": True})
    parts, finishes, usage = [], [], None
    for chunk in stream:
        if chunk.usage is not None:
            usage = chunk.usage
        for c in chunk.choices:
            parts.append(c.delta.content or "")
            finishes.append(c.finish_reason)
    assert "".join(parts) == whole
    assert finishes[-1] in ("stop", "length") and all(f is None for f in finishes[:-1])
    assert usage is not None and usage.completion_tokens > 0
    # on the wire: server-sent events ending in [DONE]
    with httpx.stream("POST", server.url + "/chat/completions", headers={"Authorization": f"Bearer {KEY}"},
                      json={"model": model, "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 3,
                            "stream": True}, timeout=60) as resp:
        assert resp.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in resp.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    assert all(line.startswith("data: ") for line in lines)
    assert json.loads(lines[0][6:])["object"] == "chat.completion.chunk"


def test_stop_sequences_cut_the_answer(gguf):
    server, client, records, model = gguf
    text = chat(client, model, max_tokens=12).choices[0].message.content
    words = [w for w in text.split() if len(w) > 2]
    assert words
    cut = chat(client, model, max_tokens=12, stop=[words[0]])
    assert cut.choices[0].message.content == text[: text.index(words[0])].strip()
    assert cut.choices[0].finish_reason == "stop"


def test_completions(gguf):
    server, client, records, model = gguf
    r = client.completions.create(model=model, prompt="The capital of France is", max_tokens=5, **GREEDY)
    assert r.object == "text_completion" and r.choices[0].text
    assert r.choices[0].finish_reason in ("stop", "length") and r.usage.completion_tokens <= 5
    streamed = client.completions.create(model=model, prompt="The capital of France is", max_tokens=5,
                                         stream=True, **GREEDY)
    assert "".join(c.choices[0].text for c in streamed) == r.choices[0].text
    echo = client.completions.create(model=model, prompt="The capital of France is", max_tokens=5,
                                     echo=True, **GREEDY)
    assert echo.choices[0].text == "The capital of France is" + r.choices[0].text



def test_completion_tokens_count_tokens_not_pieces_for_chinese(gguf):
    """usage.completion_tokens is the number of generated TOKENS: a Chinese character spread over
    byte tokens streams as one piece.  Checked against llama-cpp-python's own non-streaming
    completion (its usage counts the sampled tokens) on the same prompt, greedy."""
    from engine.chat.presets import DEFAULT_PRESET, preset
    server, client, records, model = gguf
    prompt = "中国的首都是北京。北京是一座历史悠久的城市，"
    r = client.completions.create(model=model, prompt=prompt, max_tokens=24, **GREEDY)
    penalty = preset(DEFAULT_PRESET).repetition_penalty
    ref = server.host.run(lambda backend, cancel: backend.llm.create_completion(
        prompt, max_tokens=24, temperature=0, repeat_penalty=penalty)).result(120)
    text = r.choices[0].text
    assert text == ref["choices"][0]["text"]
    assert r.usage.completion_tokens == ref["usage"]["completion_tokens"]
    streamed = list(client.completions.create(model=model, prompt=prompt, max_tokens=24, stream=True,
                                              stream_options={"include_usage": True}, **GREEDY))
    pieces = [c for c in streamed if c.choices and c.choices[0].text]
    assert "".join(c.choices[0].text for c in pieces) == text
    usage = [c.usage for c in streamed if c.usage][-1]
    assert usage.completion_tokens == r.usage.completion_tokens
    # The case that was wrong: Chinese text whose characters span several tokens each.
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert r.usage.completion_tokens > len(pieces)

def test_embeddings_from_the_loaded_model(gguf):
    server, client, records, model = gguf
    before = chat(client, model, max_tokens=4).choices[0].message.content
    e = client.embeddings.create(model=model, input=["hello world", "a dragon in the mountains", "hello world"])
    vecs = np.array([d.embedding for d in e.data])
    assert vecs.shape == (3, 576)                               # SmolLM2-135M hidden size
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vecs[0], vecs[2], atol=1e-5) and not np.allclose(vecs[0], vecs[1], atol=1e-2)
    assert e.usage.prompt_tokens > 0
    floats = client.embeddings.create(model=model, input="hello world", encoding_format="float")
    assert np.allclose(floats.data[0].embedding, vecs[0], atol=1e-5)
    # the same context goes back to generating: the answer is unchanged
    assert chat(client, model, max_tokens=4).choices[0].message.content == before


# refusals: each a 4xx with an OpenAI error object, and the server answers afterwards ---------------
def test_wrong_key_is_401(gguf):
    server, client, records, model = gguf
    bad = openai.OpenAI(base_url=server.url, api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as err:
        bad.models.list()
    assert err.value.status_code == 401
    assert err.value.body["code"] == "invalid_api_key"
    resp = httpx.post(server.url + "/chat/completions", content=b"{broken", timeout=30)  # no key at all
    assert resp.status_code == 401 and set(resp.json()["error"]) == {"message", "type", "param", "code"}
    assert client.models.list().data[0].id == model


def test_malformed_and_wrong_types_are_400(gguf):
    server, client, records, model = gguf
    auth = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
    resp = httpx.post(server.url + "/chat/completions", content=b'{"model": "x", "messages": [', headers=auth,
                      timeout=30)
    assert resp.status_code == 400
    error = resp.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["type"] == "invalid_request_error"
    resp = httpx.post(server.url + "/chat/completions", headers=auth, timeout=30,
                      json={"model": model, "messages": [{"role": "user", "content": "hi"}], "temperature": "hot"})
    assert resp.status_code == 400 and resp.json()["error"]["param"] == "temperature"
    with pytest.raises(openai.BadRequestError) as err:
        chat(client, model, n=2)
    assert err.value.body["param"] == "n"
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model=model, messages=[{"role": "wizard", "content": "hi"}])
    with pytest.raises(openai.BadRequestError) as err:                       # longer than the context
        chat(client, model, "word " * 1200)
    assert err.value.body["code"] == "context_length_exceeded"
    assert chat(client, model, max_tokens=2).choices[0].message.content is not None


def test_unknown_model_is_404(gguf):
    server, client, records, model = gguf
    with pytest.raises(openai.NotFoundError) as err:
        chat(client, "gpt-4o")
    assert err.value.body["code"] == "model_not_found" and model in err.value.body["message"]
    resp = httpx.get(server.url + "/nothing-here", headers={"Authorization": f"Bearer {KEY}"}, timeout=30)
    assert resp.status_code == 404 and "error" in resp.json()
    assert chat(client, model, max_tokens=2).choices


def test_client_leaving_mid_stream_cancels_its_generation(gguf):
    server, client, records, model = gguf
    body = {"model": model, "prompt": "Once upon a time, in a land far away,", "max_tokens": 400,
            "temperature": 0.9, "seed": 7, "stream": True}
    with httpx.stream("POST", server.url + "/completions", headers={"Authorization": f"Bearer {KEY}"},
                      json=body, timeout=60) as resp:
        for line in resp.iter_lines():
            if line.startswith("data: {"):
                break                                   # one piece arrived: leave
    wait_until(lambda: any(r.note == "client left" for r in records))
    left = next(r for r in records if r.note == "client left")
    assert left.completion_tokens < 400                 # stopped early, not generated to the end
    assert server.host.pending == 0
    assert chat(client, model, max_tokens=2).choices    # the next request is served


def test_queue_limit_is_429_not_a_hang(gguf):
    server, client, records, model = gguf
    host = server.host
    release, running = threading.Event(), threading.Event()
    blocker = host.run(lambda backend, cancel: (running.set(), release.wait(60)))
    running.wait(30)
    waiting = [host.run(lambda backend, cancel: None) for _ in range(host.max_pending)]
    try:
        with pytest.raises(openai.RateLimitError) as err:
            chat(client, model, max_tokens=2)
        assert err.value.status_code == 429 and err.value.body["code"] == "rate_limit_exceeded"
        with pytest.raises(openai.RateLimitError):
            client.embeddings.create(model=model, input="x")
    finally:
        release.set()
    blocker.result(30)
    for w in waiting:
        w.result(30)
    assert chat(client, model, max_tokens=2).choices


def test_request_log_and_counters(gguf):
    server, client, records, model = gguf
    n = len(records)
    r = chat(client, model, max_tokens=4)
    wait_until(lambda: len(records) > n)
    rec = records[-1]
    assert (rec.method, rec.path, rec.status) == ("POST", "/v1/chat/completions", 200)
    assert rec.completion_tokens == r.usage.completion_tokens and rec.duration > 0
    errors = server.counters.snapshot()["errors"]
    with pytest.raises(openai.NotFoundError):
        chat(client, "no-such-model")
    wait_until(lambda: server.counters.snapshot()["errors"] == errors + 1)
    assert records[-1].status == 404 and server.counters.snapshot()["requests"] == len(records)


# binding ------------------------------------------------------------------------------------------
def test_other_address_needs_a_key():
    with pytest.raises(UserError, match="API key"):
        check_bind(ServeConfig(host="0.0.0.0"))
    check_bind(ServeConfig(host="0.0.0.0", api_key="k"))
    check_bind(ServeConfig(host="localhost"))
    check_bind(ServeConfig(host="::1"))


def test_port_in_use_is_a_user_error(gguf):
    server, *_ = gguf
    with pytest.raises(UserError, match="already in use"):
        ApiServer(server.host, ServeConfig(port=server.port)).bind()


def test_cli_refuses_other_address_without_key(capsys):
    from app.cli import main
    assert main(["serve", "--model", "nowhere.gguf", "--host", "0.0.0.0"]) != 0
    assert "API key" in capsys.readouterr().err


# a Chinese-Alpaca model: upstream's template, embeddings as upstream computes them ------------------
@pytest.fixture(scope="module")
def alpaca(models):
    folder = models.llama(tokenizer="chinese_alpaca")
    host = ModelHost(max_pending=4)
    host.load(folder, LoadOptions(context_size=256, device="cpu", dtype="float32")).result(120)
    with running(host) as (server, records):
        yield server, openai.OpenAI(base_url=server.url, api_key="unused", max_retries=0, timeout=120), folder
    host.shutdown()


def test_alpaca_gets_upstreams_template(alpaca):
    server, client, folder = alpaca
    model = client.models.list().data[0].id
    messages = [{"role": "system", "content": "你是一个助手。"}, {"role": "user", "content": "你好"},
                {"role": "assistant", "content": "你好！"}, {"role": "user", "content": "介绍一下北京"}]
    r = client.chat.completions.create(model=model, messages=messages, max_tokens=4, temperature=0)
    turns = [Turn(m["role"], m["content"]) for m in messages]
    prompt = AlpacaTemplate().render(turns)
    assert prompt.startswith("你是一个助手。\n\n### Instruction:\n你好\n\n### Response: 你好！\n\n")
    assert r.usage.prompt_tokens == server.host.count_tokens(prompt).result()
    assert r.usage.completion_tokens == 4 and r.choices[0].finish_reason == "length"


def test_alpaca_embeddings_match_upstreams_pooling(alpaca):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    server, client, folder = alpaca
    model = client.models.list().data[0].id
    e = client.embeddings.create(model=model, input=["北京是中国的首都", "hello"])
    tok = AutoTokenizer.from_pretrained(str(folder))
    ref_model = AutoModelForCausalLM.from_pretrained(str(folder), torch_dtype=torch.float32)
    with torch.no_grad():
        ids = tok("北京是中国的首都", return_tensors="pt")
        hidden = ref_model(**ids, output_hidden_states=True).hidden_states[-1][0]
    ref = torch.nn.functional.normalize(hidden.mean(0), dim=0).numpy()
    assert np.allclose(e.data[0].embedding, ref, atol=1e-4)
    assert len(e.data) == 2 and e.usage.prompt_tokens == len(ids["input_ids"][0]) + len(tok("hello")["input_ids"])


def test_cli_serves_until_ctrl_c(smollm2_gguf_path):
    """`python main.py serve` prints the URL, answers, and stops cleanly on Ctrl+C (SIGINT)."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, str(root / "main.py"), "serve", "--model", str(smollm2_gguf_path),
                             "--port", str(port), "--ctx", "512", "--threads", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stdout.readline()
        assert line.strip() == f"URL: http://127.0.0.1:{port}/v1", (line, proc.stderr.read() if proc.poll() else "")
        client = openai.OpenAI(base_url=line.split()[1], api_key="unused", max_retries=0, timeout=120)
        model = client.models.list().data[0].id
        assert model == smollm2_gguf_path.stem
        r = client.chat.completions.create(model=model, messages=[{"role": "user", "content": "Hi"}], max_tokens=2,
                                           temperature=0)
        assert r.usage.completion_tokens == 2
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Stopped after 2 requests" in err and "POST /v1/chat/completions 200" in err

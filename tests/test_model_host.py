"""The model host (engine/host): one thread owns the model; requests run FIFO, stream,
cancel (running and queued), refuse past max_pending, carry errors back, unload, shut
down with a generation running; long context reaches llama.cpp and transformers."""
from __future__ import annotations

import threading
from concurrent.futures import CancelledError

import pytest

from engine.chat.backends import LoadOptions, rope_scaling_for
from engine.chat.presets import GenerationSettings
from engine.chat.session import ChatSession
from engine.errors import UserError
from engine.history import History
from engine.host import HostBusy, HostClosed, ModelHost, ModelInfo
from engine.jobs import ProgressReporter

GREEDY = GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0, max_new_tokens=12, seed=1)
GGUF_OPTIONS = LoadOptions(context_size=512, threads=2, use_gpu=False)
T = 60      # generous result() timeout: a hang fails instead of blocking the suite


@pytest.fixture
def host():
    h = ModelHost(max_pending=8)
    yield h
    assert h.shutdown(timeout=30)


@pytest.fixture(scope="module")
def gguf_host(smollm2_gguf_path):
    h = ModelHost()
    h.load(smollm2_gguf_path, GGUF_OPTIONS).result(T)
    yield h
    assert h.shutdown(timeout=30)


def _gate(host):
    """A request that blocks the host thread until the returned event is set."""
    gate, started = threading.Event(), threading.Event()

    def hold(backend, cancel):
        started.set()
        gate.wait(T)
        return "held"
    req = host.run(hold, require_model=False)
    assert started.wait(T)
    return gate, req


# the queue ------------------------------------------------------------------------------------
def test_requests_run_fifo_on_one_thread(host):
    gate, first = _gate(host)
    order, threads = [], set()

    def job(i):
        def fn(backend, cancel):
            order.append(i)
            threads.add(threading.current_thread().name)
            return i * 10
        return fn
    reqs = [host.run(job(i), require_model=False) for i in range(6)]
    assert order == []                          # nothing overtakes the running request
    gate.set()
    assert [r.result(T) for r in reqs] == [0, 10, 20, 30, 40, 50]
    assert first.result(T) == "held" and order == list(range(6))
    assert threads == {"model-host"} and threading.current_thread().name not in threads


def test_a_queued_request_cancelled_is_dropped_without_running(host):
    gate, _ = _gate(host)
    ran = []
    a = host.run(lambda b, c: ran.append("a"), require_model=False)
    b = host.run(lambda b, c: ran.append("b"), require_model=False)
    c = host.run(lambda b, c: ran.append("c"), require_model=False)
    b.cancel_token.cancel()
    assert c.cancel()                           # Future.cancel works too while queued
    gate.set()
    a.result(T)
    host.run(lambda b_, c_: None, require_model=False).result(T)    # a barrier: the queue is drained
    assert ran == ["a"]
    assert b.cancelled() and c.cancelled()
    with pytest.raises(CancelledError):
        b.result(T)


def test_host_busy_at_max_pending_and_free_again_after_a_cancel(host):
    host.max_pending = 3
    gate, running = _gate(host)                 # the running request does not count
    queued = [host.run(lambda b, c: "ok", require_model=False) for _ in range(3)]
    with pytest.raises(HostBusy) as err:
        host.run(lambda b, c: "too many", require_model=False)
    assert isinstance(err.value, UserError) and "busy" in str(err.value)
    assert host.pending == 3
    queued[0].cancel_token.cancel()
    late = host.run(lambda b, c: "late", require_model=False)
    gate.set()
    assert late.result(T) == "late" and [q.result(T) for q in queued[1:]] == ["ok", "ok"]
    assert queued[0].cancelled()


def test_errors_come_back_through_the_future_and_the_host_goes_on(host):
    def user_error(b, c):
        raise UserError("That went wrong.", "Fix it.")

    def bug(b, c):
        raise ValueError("a bug")
    with pytest.raises(UserError, match="That went wrong"):
        host.run(user_error, require_model=False).result(T)
    with pytest.raises(ValueError, match="a bug"):
        host.run(bug, require_model=False).result(T)
    for call in (lambda: host.tokenize("hi"), lambda: host.count_tokens("hi"),
                 lambda: host.generate("hi", GREEDY), lambda: host.run(lambda b, c: 1)):
        with pytest.raises(UserError, match="No model is loaded"):
            call().result(T)
    assert host.run(lambda b, c: b, require_model=False).result(T) is None
    assert host.unload().result(T) is None      # nothing loaded: nothing to do


def test_a_failed_load_is_reported_and_leaves_the_host_usable(host, tmp_path):
    events = []
    host.subscribe(lambda e, info: events.append((e, info)))
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(UserError, match="broken.gguf"):
        host.load(bad, GGUF_OPTIONS).result(T)
    with pytest.raises(UserError, match="Model not found"):
        host.load(tmp_path / "missing.gguf").result(T)
    names = [e for e, _ in events]
    assert names[:3] == ["busy", "loading", "load_failed"] and names.count("load_failed") == 2
    assert events[1][1].path == bad and events[1][1].display_name == "broken.gguf"
    assert host.info is None
    assert host.run(lambda b, c: "alive", require_model=False).result(T) == "alive"


# a real model -----------------------------------------------------------------------------------
def test_load_reports_progress_events_and_info(host, smollm2_gguf_path):
    import llama_cpp
    events, seen = [], []
    unsubscribe = host.subscribe(lambda e, info: events.append((e, info, threading.current_thread().name)))
    info = host.load(smollm2_gguf_path, GGUF_OPTIONS, progress=ProgressReporter(seen.append)).result(T)
    assert isinstance(info, ModelInfo) and host.info == info
    assert info.path == smollm2_gguf_path and info.kind == "gguf" and info.display_name == smollm2_gguf_path.name
    assert info.context_size == 512 and info.n_ctx_train == 8192 and not info.extended
    assert info.facts.vocab_size == 49152 and "<|im_start|>" in info.facts.chat_template
    assert seen[-1].status == "Model loaded"
    host.run(lambda b, c: None).result(T)
    assert [e for e, *_ in events][:3] == ["busy", "loading", "loaded"] and events[2][1] == info
    assert {t for *_, t in events} == {"model-host"}
    bare = llama_cpp.Llama(str(smollm2_gguf_path), n_ctx=64, vocab_only=True, verbose=False)
    expected = bare.tokenize("Hello, 世界".encode(), add_bos=True, special=True)
    bare.close()
    assert host.tokenize("Hello, 世界").result(T) == expected
    assert host.count_tokens("Hello, 世界").result(T) == len(expected)

    assert host.unload().result(T) is None
    assert host.info is None
    assert ("unloaded", info) in [(e, i) for e, i, _ in events]
    with pytest.raises(UserError, match="No model is loaded"):
        host.tokenize("x").result(T)
    unsubscribe()
    n = len(events)
    host.run(lambda b, c: None, require_model=False).result(T)
    assert len(events) == n


def test_generate_streams_pieces_on_the_host_thread(gguf_host):
    pieces, where = [], set()

    def on_piece(p):
        pieces.append(p)
        where.add(threading.current_thread().name)
    prompt = "<|im_start|>user\nName three colours.<|im_end|>\n<|im_start|>assistant\n"
    text, stats = gguf_host.generate(prompt, GREEDY.with_(stop=("<|im_end|>",)), on_piece).result(T)
    assert len(pieces) >= 3 and text == "".join(pieces) and where == {"model-host"}
    assert stats.generated_tokens == len(pieces) and stats.prompt_tokens > 5 and stats.finish in ("eos", "length")
    again, _ = gguf_host.generate(prompt, GREEDY.with_(stop=("<|im_end|>",))).result(T)
    assert again == text                        # greedy: the same reply twice


def test_cancel_stops_a_running_generation_and_keeps_its_text(gguf_host):
    pieces = []
    holder = {}

    def on_piece(p):
        pieces.append(p)
        if len(pieces) == 3:
            holder["req"].cancel_token.cancel()
    holder["req"] = req = gguf_host.generate("Once upon a time", GREEDY.with_(max_new_tokens=200), on_piece)
    text, stats = req.result(T)
    assert stats.finish == "stopped" and len(pieces) == 3 and text == "".join(pieces)
    assert not req.cancelled()                  # it ran: its result is what was generated


def test_run_drives_a_chat_session_on_the_host_thread(gguf_host, isolated_home):
    history = History()
    try:
        session = ChatSession.new(history, settings=GREEDY)
        session.add_user("What is the capital of France?")
        pieces = []

        def reply(backend, cancel):
            session.attach(backend)
            return session.reply(cancel=cancel, on_piece=pieces.append)
        result = gguf_host.run(reply).result(T)
        assert result.text == "".join(pieces) and result.message.content == result.text.strip()
        assert history.thread(session.chat_id)[-1].content == result.message.content
    finally:
        history.close()


def test_shutdown_ends_a_running_generation_and_drops_the_queue(smollm2_gguf_path):
    host = ModelHost()
    events = []
    host.subscribe(lambda e, info: events.append(e))
    host.load(smollm2_gguf_path, GGUF_OPTIONS).result(T)
    first = threading.Event()
    running = host.generate("Once upon a time", GREEDY.with_(max_new_tokens=400), lambda p: first.set())
    queued = host.tokenize("never")
    assert first.wait(T)
    assert host.shutdown(timeout=30)
    text, stats = running.result(0)
    assert stats.finish == "stopped" and text
    assert queued.cancelled()
    assert events[-1] == "unloaded" and host.info is None
    with pytest.raises(HostClosed):
        host.tokenize("late")
    assert host.shutdown()                      # twice is fine


# long context ------------------------------------------------------------------------------------
def test_rope_scaling_rules():
    assert rope_scaling_for(2048, 2048) is None and rope_scaling_for(4096, 0) is None
    assert rope_scaling_for(8192, 2048, method="none") is None
    ntk = rope_scaling_for(8192, 2048, base=10000.0, head_dim=128)
    assert ntk.factor == 4.0 and ntk.freq_scale == 1.0
    assert ntk.freq_base == pytest.approx(10000.0 * 4.0 ** (128 / 126))     # upstream patches.py
    lin = rope_scaling_for(8192, 2048, method="linear")
    assert lin.freq_scale == 0.25 and lin.freq_base == 10000.0
    assert ntk.hf_config() == {"rope_type": "dynamic", "factor": 4.0}
    assert lin.hf_config() == {"rope_type": "linear", "factor": 4.0}


def test_llama_cpp_long_context_gets_rope_freq_base(host, smollm2_gguf_path):
    info = host.load(smollm2_gguf_path, LoadOptions(context_size=16384, threads=2, use_gpu=False)).result(T)
    assert info.context_size == 16384 and info.n_ctx_train == 8192 and info.extended
    params = host.run(lambda b, c: (b.llm.n_ctx(), b.llm.context_params.rope_freq_base,
                                    b.llm.context_params.rope_freq_scale)).result(T)
    meta_base = 100000.0                        # SmolLM2: llama.rope.freq_base
    assert params[0] == 16384
    assert params[1] == pytest.approx(meta_base * 2.0 ** (64 / 62)) and params[2] == 1.0
    text, _ = host.generate("Hello", GREEDY.with_(max_new_tokens=4)).result(T)
    assert isinstance(text, str)
    # Explicit values reach llama.cpp as given; "linear" is position interpolation.
    host.load(smollm2_gguf_path, LoadOptions(context_size=16384, threads=2, use_gpu=False,
                                             rope_scaling="linear")).result(T)
    assert host.run(lambda b, c: b.llm.context_params.rope_freq_scale).result(T) == 0.5
    host.load(smollm2_gguf_path, LoadOptions(context_size=1024, threads=2, use_gpu=False,
                                             rope_freq_base=20000.0)).result(T)
    assert host.run(lambda b, c: b.llm.context_params.rope_freq_base).result(T) == 20000.0


def test_transformers_long_context_gets_rope_scaling(host, tiny_llama_dir, tmp_path):
    import json
    import shutil
    folder = tmp_path / "short"
    shutil.copytree(tiny_llama_dir, folder)
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "max_position_embeddings": 64}))
    info = host.load(folder, LoadOptions(context_size=256, threads=2, use_gpu=False)).result(T)
    assert info.kind == "hf" and info.context_size == 256 and info.n_ctx_train == 64 and info.extended
    rope = host.run(lambda b, c: dict(getattr(b.model.config, "rope_parameters", None)
                                      or b.model.config.rope_scaling)).result(T)
    assert rope["rope_type"] == "dynamic" and rope["factor"] == 4.0
    text, stats = host.generate("你好 " * 80, GREEDY.with_(max_new_tokens=3)).result(T)
    assert stats.prompt_tokens > 64             # past the trained length, within the chosen one
    plain = host.load(folder, LoadOptions(context_size=256, threads=2, use_gpu=False,
                                          rope_scaling="none")).result(T)
    assert plain.context_size == 64 and not plain.extended

"""The API server's cost and behaviour under load, on one model host.

1. One client: chat completions streamed through HTTP (the official ``openai`` client in its own process →
   uvicorn → FastAPI → model host) vs. the same engine call made directly on the host
   (``host.run(chat_job(...))``: same template, prompt and settings), alternating, in the same
   run.  Decode tokens/s and time to first token; target: tokens/s ratio ≥ 0.95.
2. 16 concurrent streaming clients: every one served to completion (none lost), the queue
   fair (served in arrival order: FIFO), p50/p95 time to first token.

    .venv/bin/python bench/serve.py [--model X.gguf] [--tokens 64] [--trials 5] [--clients 16]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("ALPACA_STUDIO_HOME", tempfile.mkdtemp(prefix="bench-serve-"))

PROMPTS = ["Write a long story about a dragon who learns to cook.",
           "Explain how a bicycle works, step by step, in detail.",
           "Describe a walk through a busy market in the morning."]


def pct(values, q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def reset_cache(host) -> None:
    """No prompt cache: both sides process the full prompt."""
    def fn(backend, cancel):
        llm = getattr(backend, "llm", None)
        if llm is not None:
            llm.reset()
    host.run(fn).result()


def direct_run(host, prompt: str, n: int):
    from engine.chat.messages import Turn
    from engine.serve.generation import Sampling, chat_job
    reset_cache(host)
    times: list[float] = []
    t0 = time.perf_counter()
    outcome = host.run(chat_job([Turn("user", prompt)], "auto", Sampling(max_tokens=n, temperature=0, seed=1),
                                lambda _p: times.append(time.perf_counter()))).result()
    count = outcome.stats.generated_tokens
    # decode rate: tokens after the first over the time from the first piece to the last
    return times[0] - t0, (count - 1) / (times[-1] - times[0]), count


def _client_worker(conn, url: str, key: str) -> None:
    """A separate process, as a real client is: streams one chat completion per command and
    times it on its side (TTFT, decode tokens/s from the chunks' arrival)."""
    import openai
    client = openai.OpenAI(base_url=url, api_key=key, max_retries=0, timeout=600)
    while True:
        job = conn.recv()
        if job is None:
            return
        model, prompt, n = job
        first = last = None
        t0 = time.perf_counter()
        count = 0
        stream = client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}],
                                                max_tokens=n, temperature=0, seed=1, stream=True,
                                                stream_options={"include_usage": True})
        for chunk in stream:
            if chunk.usage is not None:
                count = chunk.usage.completion_tokens
            if chunk.choices and chunk.choices[0].delta.content:
                last = time.perf_counter()
                first = first or last
        # the same measure as direct_run, on the client's side of the wire
        conn.send((first - t0, (count - 1) / (last - first), count))


class HttpClient:
    def __init__(self, url: str, key: str) -> None:
        import multiprocessing
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_client_worker, args=(child, url, key), daemon=True)
        self.proc.start()

    def run(self, host, model: str, prompt: str, n: int):
        reset_cache(host)
        self.conn.send((model, prompt, n))
        return self.conn.recv()

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(30)


def concurrent_clients(url: str, key: str, model: str, clients: int, n: int, records) -> dict:
    import openai
    results: list[dict] = [{} for _ in range(clients)]
    start = threading.Barrier(clients)

    def one(i: int) -> None:
        client = openai.OpenAI(base_url=url, api_key=key, max_retries=0, timeout=600)
        start.wait()
        t0 = time.perf_counter()
        first, count, finish = None, 0, None
        try:
            stream = client.chat.completions.create(
                model=model, messages=[{"role": "user", "content": f"{PROMPTS[i % len(PROMPTS)]} (client {i})"}],
                max_tokens=n, temperature=0, seed=1, stream=True, stream_options={"include_usage": True},
                extra_headers={"X-Client": str(i)})
            for chunk in stream:
                if chunk.usage is not None:
                    count = chunk.usage.completion_tokens
                for c in chunk.choices:
                    if c.delta.content and first is None:
                        first = time.perf_counter()
                    if c.finish_reason:
                        finish = c.finish_reason
        except Exception as exc:  # noqa: BLE001 - counted as lost
            results[i] = {"error": f"{type(exc).__name__}: {exc}"}
            return
        results[i] = {"ttft": (first or time.perf_counter()) - t0, "first_at": first, "total": time.perf_counter() - t0,
                      "tokens": count, "finish": finish}

    threads = [threading.Thread(target=one, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    served = [r for r in results if "error" not in r and r["finish"] in ("stop", "length") and r["tokens"] > 0]
    # Fairness: the host is FIFO, so the requests must finish in the order they were queued
    # to the host (none overtaken, none starved).
    chats = sorted((r for r in records if r.path == "/v1/chat/completions" and r.queued),
                   key=lambda r: r.queued)[-clients:]
    ends = [r.started + r.duration for r in chats]
    in_order = len(chats) == clients and all(ends[i] <= ends[i + 1] for i in range(len(ends) - 1))
    ttfts = [r["ttft"] for r in served]
    return {"clients": clients, "served": len(served), "lost": clients - len(served),
            "errors": [r["error"] for r in results if "error" in r][:3], "wall": wall,
            "tokens": sum(r["tokens"] for r in served), "ttft_p50": pct(ttfts, 0.5) if ttfts else 0,
            "ttft_p95": pct(ttfts, 0.95) if ttfts else 0, "fifo": in_order}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", help="GGUF file or HF folder (default: the SmolLM2 starter model)")
    ap.add_argument("--tokens", type=int, default=64)
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--client-tokens", type=int, default=24)
    ap.add_argument("--threads", type=int, default=1,
                    help="llama.cpp threads (1 on a shared 2-core box: spinning threads suffer under load)")
    ap.add_argument("--ctx", type=int, default=2048)
    args = ap.parse_args()

    from engine.chat.backends import LoadOptions
    from engine.host import ModelHost
    from engine.serve.app import model_id
    from engine.serve.config import ServeConfig
    from engine.serve.server import ApiServer

    if args.model:
        path = Path(args.model)
    else:
        from tests.factory import smollm2_gguf
        path = smollm2_gguf()
    host = ModelHost(max_pending=max(32, args.clients * 2))
    info = host.load(path, LoadOptions(context_size=args.ctx, threads=args.threads, use_gpu=True)).result()
    model = model_id(info)
    key = "bench-key"
    records: list = []
    server = ApiServer(host, ServeConfig(port=0, api_key=key), on_record=records.append)   # 127.0.0.1 only
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    server.started.wait(60)
    http = HttpClient(server.url, key)
    print(f"model {info.display_name} ({info.kind}), threads {args.threads}, {args.tokens} tokens, "
          f"{args.trials} trials x {len(PROMPTS)} prompts, server {server.url}")
    try:
        http.run(host, model, PROMPTS[0], 8)                     # warm-up both paths
        direct_run(host, PROMPTS[0], 8)
        direct, via_http = [], []
        for trial in range(args.trials):
            for k, prompt in enumerate(PROMPTS):
                # alternate which side goes first, so drift hits both equally
                if (trial + k) % 2:
                    direct.append(direct_run(host, prompt, args.tokens))
                    via_http.append(http.run(host, model, prompt, args.tokens))
                else:
                    via_http.append(http.run(host, model, prompt, args.tokens))
                    direct.append(direct_run(host, prompt, args.tokens))
        d_tps = statistics.median(r[1] for r in direct)
        h_tps = statistics.median(r[1] for r in via_http)
        d_ttft = statistics.median(r[0] for r in direct)
        h_ttft = statistics.median(r[0] for r in via_http)
        print(f"one client   direct: {d_tps:7.1f} tokens/s, TTFT {d_ttft * 1000:6.1f} ms "
              f"(tokens {statistics.median(r[2] for r in direct):.0f})")
        print(f"one client   HTTP  : {h_tps:7.1f} tokens/s, TTFT {h_ttft * 1000:6.1f} ms "
              f"(tokens {statistics.median(r[2] for r in via_http):.0f})")
        ratio = h_tps / d_tps
        print(f"tokens/s ratio HTTP/direct = {ratio:.3f} (target >= 0.95)  "
              f"TTFT overhead {1000 * (h_ttft - d_ttft):+.1f} ms")
        load = concurrent_clients(server.url, key, model, args.clients, args.client_tokens, records)
        print(f"{load['clients']} concurrent streaming clients: {load['served']} served to completion, "
              f"{load['lost']} lost, FIFO order kept: {load['fifo']}, wall {load['wall']:.1f} s, "
              f"{load['tokens']} tokens; TTFT p50 {load['ttft_p50']:.2f} s, p95 {load['ttft_p95']:.2f} s")
        if load["errors"]:
            print("errors:", load["errors"])
        ok = ratio >= 0.95 and load["lost"] == 0 and load["fifo"]
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        http.close()
        server.stop()
        thread.join(30)
        host.shutdown()


if __name__ == "__main__":
    sys.exit(main())

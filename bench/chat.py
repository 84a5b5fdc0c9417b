"""Chat decode speed and time to first token: the project's engine (ChatSession →
LlamaCppBackend, history saved) vs. bare ``llama_cpp.Llama`` on the same GGUF,
prompt and settings, in the same run.  Targets: tokens/s ratio ≥ 0.95, TTFT
overhead ≤ 10%.

    OMP_NUM_THREADS=2 .venv/bin/python bench/chat.py [--model X.gguf] [--tokens 128] [--trials 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("ALPACA_STUDIO_HOME", tempfile.mkdtemp(prefix="bench-chat-"))

QUESTION = "Write a long story about a dragon who learns to cook."


def bare_run(llm, prompt: str, n: int, stop: list[str]) -> tuple[float, float, int]:
    llm.reset()                      # no prompt cache: both sides process the full prompt
    t0 = time.perf_counter()
    first = None
    count = 0
    for chunk in llm.create_completion(prompt, stream=True, max_tokens=n, temperature=0.0, top_k=1, top_p=1.0,
                                       repeat_penalty=1.0, seed=1, stop=stop):
        if chunk["choices"][0]["text"]:
            count += 1
            if first is None:
                first = time.perf_counter()
    end = time.perf_counter()
    return first - t0, (count - 1) / (end - first), count


def project_run(session, n: int) -> tuple[float, float, int]:
    session.backend.llm.reset()
    session.prepare_regenerate()
    t0 = time.perf_counter()
    first = []
    reply = session.reply(on_piece=lambda _p: first or first.append(time.perf_counter()))
    end = time.perf_counter()
    count = reply.stats.generated_tokens
    return first[0] - t0, (count - 1) / (end - first[0]), count


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", help="GGUF file (default: the SmolLM2 starter model)")
    ap.add_argument("--tokens", type=int, default=64)
    ap.add_argument("--trials", type=int, default=7)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    import llama_cpp

    from engine.chat.backends import LoadOptions, load_model
    from engine.chat.model_list import starter_model
    from engine.chat.presets import GenerationSettings
    from engine.chat.session import ChatSession
    from engine.history import History

    model = Path(args.model) if args.model else starter_model()
    settings = GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0,
                                  max_new_tokens=args.tokens, seed=1)
    backend = load_model(model, LoadOptions(context_size=2048, threads=args.threads, use_gpu=False))
    history = History()
    session = ChatSession.new(history, backend=backend, settings=settings)
    session.add_user(QUESTION)
    prompt = session.template.render(session.turns())
    stop = list(session.template.stop)
    bare = llama_cpp.Llama(str(model), n_ctx=2048, n_threads=args.threads, n_gpu_layers=0, verbose=False)

    bare_run(bare, prompt, 8, stop)                    # warm both up once
    session.settings = settings.with_(max_new_tokens=8)
    session.reply()
    session.settings = settings
    results = {"bare": [], "project": []}
    for trial in range(args.trials):                   # interleaved, order alternating: drift hits both alike
        runs = [("bare", lambda: bare_run(bare, prompt, args.tokens, stop)),
                ("project", lambda: project_run(session, args.tokens))]
        for side, fn in (runs if trial % 2 == 0 else runs[::-1]):
            results[side].append(fn())

    def med(side, i):
        return statistics.median(r[i] for r in results[side])

    def best(side, i):
        values = [r[i] for r in results[side]]
        return min(values) if i == 0 else max(values)

    ttft_b, ttft_p = med("bare", 0), med("project", 0)
    tps_b, tps_p = med("bare", 1), med("project", 1)
    print(f"model: {model.name}  threads: {args.threads}  new tokens: {med('bare', 2):.0f} / {med('project', 2):.0f}"
          f"  trials: {args.trials} (median)")
    print(f"bare llama_cpp.Llama : TTFT {ttft_b * 1000:7.1f} ms   decode {tps_b:7.2f} tokens/s")
    print(f"project ChatSession  : TTFT {ttft_p * 1000:7.1f} ms   decode {tps_p:7.2f} tokens/s")
    ratio = tps_p / tps_b
    overhead = ttft_p / ttft_b - 1
    print(f"decode tokens/s ratio: {ratio:.3f}  (target >= 0.95)  {'OK' if ratio >= 0.95 else 'MISSED'}")
    print(f"TTFT overhead        : {overhead * 100:+.1f}%  (target <= 10%)  {'OK' if overhead <= 0.10 else 'MISSED'}")
    # On a shared, busy machine the best trial is the steadiest estimate of each side's own cost.
    b_ratio = best("project", 1) / best("bare", 1)
    b_over = best("project", 0) / best("bare", 0) - 1
    print(f"best-of-{args.trials}: TTFT bare {best('bare', 0) * 1000:.1f} ms, project {best('project', 0) * 1000:.1f} ms "
          f"({b_over * 100:+.1f}%); decode bare {best('bare', 1):.2f}, project {best('project', 1):.2f} tokens/s "
          f"(ratio {b_ratio:.3f})")
    bare.close()
    backend.unload()
    history.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

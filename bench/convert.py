"""Benchmark: the project's HF -> GGUF converter against llama.cpp's own convert_hf_to_gguf.py.

Both convert the same Hugging Face LLaMA folder to F16, each in its own child
process (wall time and peak RSS from the child's rusage), in the same run.
Then both outputs are loaded in llama.cpp and their logits on a prompt compared.

    OMP_NUM_THREADS=2 .venv/bin/python bench/convert.py [--model DIR] [--repeat N]

llama.cpp's converter comes from the llama-cpp-python source distribution of the
installed version (``pip download --no-binary``, cached under
~/.cache/alpaca-studio-bench); ``--reference DIR`` points at an unpacked copy
instead. Nothing of it is copied into the project. Default model: SmolLM2-135M
as an HF folder (tests/factory.py), without the GGUF quantization note that
llama.cpp's converter refuses.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("ALPACA_BENCH_CACHE", Path.home() / ".cache" / "alpaca-studio-bench"))
PROMPT = "详细介绍一下北京的名胜古迹。The Great Wall is"


def reference_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    import importlib.metadata

    version = importlib.metadata.version("llama-cpp-python")
    found = sorted(CACHE.glob(f"llama*{version}/vendor/llama.cpp/convert_hf_to_gguf.py"))
    if found:
        return found[0].parent
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"downloading the llama-cpp-python {version} source distribution for its converter…", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    f"llama-cpp-python=={version}", "-d", str(CACHE)], check=True)
    sdist = CACHE / f"llama_cpp_python-{version}.tar.gz"
    if not sdist.exists():
        sdist = next(CACHE.glob(f"llama*cpp*python-{version}.tar.gz"))
    wanted = ("vendor/llama.cpp/convert_hf_to_gguf.py", "vendor/llama.cpp/conversion/", "vendor/llama.cpp/gguf-py/")
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if any(w in m.name for w in wanted)]
        tar.extractall(CACHE, members=members, filter="data")
    return sorted(CACHE.glob(f"llama*{version}/vendor/llama.cpp/convert_hf_to_gguf.py"))[0].parent


def prepared_model(explicit: str | None, work: Path) -> Path:
    if explicit:
        return Path(explicit)
    from tests.factory import smollm2_hf

    src = smollm2_hf()
    dst = work / "smollm2-135m"
    dst.mkdir()
    for f in src.iterdir():
        if f.name != "config.json":
            (dst / f.name).symlink_to(f)
    config = json.loads((src / "config.json").read_text())
    config.pop("quantization_config", None)     # llama.cpp's converter refuses "quant_method: gguf"
    (dst / "config.json").write_text(json.dumps(config, indent=1))
    return dst


def measure(cmd: list[str], env: dict) -> dict:
    """Wall time and peak RSS of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024}


def compare_in_llama_cpp(ours: Path, theirs: Path) -> dict:
    import numpy as np
    from gguf import GGUFReader
    from llama_cpp import Llama

    results = {}
    for name, path in (("ours", ours), ("reference", theirs)):
        llm = Llama(model_path=str(path), n_ctx=128, logits_all=True, verbose=False, n_threads=2)
        tokens = llm.tokenize(PROMPT.encode(), add_bos=True)
        llm.eval(tokens)
        results[name] = (tokens, np.asarray(llm.scores[:len(tokens)]).copy())
        llm.close()
    (t1, l1), (t2, l2) = results["ours"], results["reference"]
    a = {t.name: t for t in GGUFReader(str(ours)).tensors}
    b = {t.name: t for t in GGUFReader(str(theirs)).tensors}
    same = sum(1 for n in a if n in b and a[n].tensor_type == b[n].tensor_type
               and np.array_equal(np.asarray(a[n].data), np.asarray(b[n].data)))
    return {"same_tokens": t1 == t2, "prompt_tokens": len(t1),
            "max_abs_logit_diff": float(np.abs(l1 - l2).max()) if t1 == t2 else None,
            "identical_logits": t1 == t2 and bool(np.array_equal(l1, l2)),
            "tensors_byte_identical": f"{same}/{len(a)} (reference has {len(b)})"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="HF LLaMA folder (default: SmolLM2-135M from the test fixtures)")
    ap.add_argument("--reference", help="folder holding llama.cpp's convert_hf_to_gguf.py")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each converter; the best is kept")
    args = ap.parse_args()

    ref = reference_dir(args.reference)
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"), PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory(prefix="bench-convert-") as tmp:
        work = Path(tmp)
        model = prepared_model(args.model, work)
        for f in model.iterdir():      # same warm page cache for both
            if f.is_file():
                with open(f, "rb") as fh:
                    while fh.read(1 << 24):
                        pass
        ours_out, ref_out = work / "ours-f16.gguf", work / "reference-f16.gguf"
        ours_cmd = [sys.executable, "-c",
                    "import sys; from engine.gguf_convert import convert; convert(sys.argv[1], sys.argv[2], outtype='f16')",
                    str(model), str(ours_out)]
        ref_cmd = [sys.executable, str(ref / "convert_hf_to_gguf.py"), str(model), "--outfile", str(ref_out),
                   "--outtype", "f16"]
        runs = {"ours": [], "reference": []}
        for _ in range(max(1, args.repeat)):
            runs["ours"].append(measure(ours_cmd, env))
            runs["reference"].append(measure(ref_cmd, env))
        best = {k: {"wall_s": min(r["wall_s"] for r in v), "peak_rss_mb": min(r["peak_rss_mb"] for r in v)}
                for k, v in runs.items()}
        check = compare_in_llama_cpp(ours_out, ref_out)
        sizes = {"ours_bytes": ours_out.stat().st_size, "reference_bytes": ref_out.stat().st_size}

    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
                   f"OMP_NUM_THREADS={env['OMP_NUM_THREADS']}",
        "model": str(args.model or "SmolLM2-135M-Instruct (HF, float32)"),
        "ours": best["ours"], "reference": best["reference"],
        "wall_time_ratio": best["ours"]["wall_s"] / best["reference"]["wall_s"],
        "peak_rss_ratio": best["ours"]["peak_rss_mb"] / best["reference"]["peak_rss_mb"],
        **sizes, **check,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwall time ratio (ours/llama.cpp): {report['wall_time_ratio']:.2f}  (target <= 1.0)")
    print(f"peak RSS ratio  (ours/llama.cpp): {report['peak_rss_ratio']:.2f}  (target <= 1.0)")
    print(f"logits on the prompt: {'identical' if report['identical_logits'] else 'max abs diff ' + str(report['max_abs_logit_diff'])}")
    ok = report["wall_time_ratio"] <= 1.0 and report["peak_rss_ratio"] <= 1.0 and report["same_tokens"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

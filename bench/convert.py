"""Benchmark: the project's HF -> GGUF converter against llama.cpp's own convert_hf_to_gguf.py.

Both convert the same Hugging Face LLaMA folder to F16, each in its own child
process (wall time and peak RSS from the child's rusage), in the same run.
Then both outputs are loaded in llama.cpp and their logits on a prompt compared.

    OMP_NUM_THREADS=2 .venv/bin/python bench/convert.py [--model DIR] [--repeat N]
    OMP_NUM_THREADS=2 .venv/bin/python bench/convert.py --hidden 4096 --intermediate 11008 --layers 32 --dir /tmp

The second form builds a LLaMA of that shape with random FP16 weights on the fly
(7B: 6.74B parameters, 13.5 GB of safetensors shards, the real LLaMA tokenizer) and
times the project's whole ``convert`` command, verification included (llama.cpp loads
the file, tokenizer parity; a float32 transformers copy of 7B does not fit in memory,
so logits are not compared), against llama.cpp's converter.  It needs about 3x the
model's size free under ``--dir``, and removes everything when done.

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


def build_random_llama(folder: Path, hidden: int, intermediate: int, layers: int, vocab: int = 32000,
                       shard_bytes: int = 5 << 30) -> int:
    """An HF LLaMA folder of that shape with random FP16 weights (a repeated random block: fast to make);
    returns the parameter count."""
    import numpy as np

    from tests.factory import save_tokenizer

    folder.mkdir(parents=True)
    block = (np.random.default_rng(0).standard_normal(1 << 22, dtype=np.float32) * 0.02).astype(np.float16)
    ones = np.ones(hidden, dtype=np.float16)
    tensors = [("model.embed_tokens.weight", (vocab, hidden))]
    for i in range(layers):
        p = f"model.layers.{i}."
        tensors += [(p + "self_attn.q_proj.weight", (hidden, hidden)), (p + "self_attn.k_proj.weight", (hidden, hidden)),
                    (p + "self_attn.v_proj.weight", (hidden, hidden)), (p + "self_attn.o_proj.weight", (hidden, hidden)),
                    (p + "mlp.gate_proj.weight", (intermediate, hidden)), (p + "mlp.up_proj.weight", (intermediate, hidden)),
                    (p + "mlp.down_proj.weight", (hidden, intermediate)), (p + "input_layernorm.weight", (hidden,)),
                    (p + "post_attention_layernorm.weight", (hidden,))]
    tensors += [("model.norm.weight", (hidden,)), ("lm_head.weight", (vocab, hidden))]
    shards, current, size = [], [], 0
    for name, shape in tensors:
        n = int(np.prod(shape)) * 2
        if current and size + n > shard_bytes:
            shards.append(current)
            current, size = [], 0
        current.append((name, shape))
        size += n
    shards.append(current)
    weight_map, params, salt = {}, 0, 0
    for k, shard in enumerate(shards):
        fname = f"model-{k + 1:05d}-of-{len(shards):05d}.safetensors"
        header, offset = {"__metadata__": {"format": "pt"}}, 0
        for name, shape in shard:
            n = int(np.prod(shape)) * 2
            header[name] = {"dtype": "F16", "shape": list(shape), "data_offsets": [offset, offset + n]}
            offset += n
            weight_map[name] = fname
        raw = json.dumps(header, separators=(",", ":")).encode()
        raw += b" " * (-len(raw) % 8)
        with open(folder / fname, "wb") as f:
            f.write(len(raw).to_bytes(8, "little") + raw)
            for name, shape in shard:
                count = int(np.prod(shape))
                params += count
                if len(shape) == 1:
                    f.write(ones.tobytes())
                    continue
                salt = (salt + 7919) % block.size       # every tensor starts elsewhere in the block
                left = count
                data = np.roll(block, salt)
                while left:
                    piece = data[:min(left, data.size)]
                    f.write(piece.tobytes())
                    left -= piece.size
    (folder / "model.safetensors.index.json").write_text(json.dumps(
        {"metadata": {"total_size": params * 2}, "weight_map": weight_map}))
    config = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": hidden,
              "intermediate_size": intermediate, "num_hidden_layers": layers, "num_attention_heads": hidden // 128,
              "num_key_value_heads": hidden // 128, "vocab_size": vocab, "rms_norm_eps": 1e-6,
              "max_position_embeddings": 2048, "hidden_act": "silu", "bos_token_id": 1, "eos_token_id": 2,
              "tie_word_embeddings": False, "torch_dtype": "float16"}
    (folder / "config.json").write_text(json.dumps(config, indent=2))
    save_tokenizer("llama", folder)
    return params


def compare_tensors(ours: Path, theirs: Path, names=("token_embd.weight", "blk.0.attn_q.weight",
                                                     "blk.0.attn_k.weight", "blk.0.ffn_down.weight",
                                                     "output_norm.weight", "output.weight")) -> dict:
    """Byte comparison of a sample of tensors (a whole 7B comparison would read 27 GB)."""
    import numpy as np
    from gguf import GGUFReader

    a = {t.name: t for t in GGUFReader(str(ours)).tensors}
    b = {t.name: t for t in GGUFReader(str(theirs)).tensors}
    same = [n for n in names if n in a and n in b and a[n].tensor_type == b[n].tensor_type
            and np.array_equal(np.asarray(a[n].data), np.asarray(b[n].data))]
    return {"tensors": f"{len(a)} (reference {len(b)})",
            "sample_byte_identical": f"{len(same)}/{len(names)}: {', '.join(same)}"}


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
    ap.add_argument("--hidden", type=int, help="build a random FP16 LLaMA of this shape (7B: 4096)")
    ap.add_argument("--intermediate", type=int, default=11008)
    ap.add_argument("--layers", type=int, default=32)
    ap.add_argument("--dir", help="where the built model and the outputs go (default: the temp folder)")
    ap.add_argument("--whole-command", action="store_true",
                    help="with --model: time 'main.py convert' with verification, compare a sample of tensors "
                         "(as for a built model; for large models)")
    args = ap.parse_args()

    ref = reference_dir(args.reference)
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"), PYTHONPATH=str(ROOT))
    built = args.hidden is not None or args.whole_command
    with tempfile.TemporaryDirectory(prefix="bench-convert-", dir=args.dir) as tmp:
        work = Path(tmp)
        if args.hidden is not None:
            t0 = time.perf_counter()
            n_params = build_random_llama(work / "llama-random", args.hidden, args.intermediate, args.layers)
            model = work / "llama-random"
            print(f"built a random LLaMA of {n_params / 1e9:.2f}B parameters in {time.perf_counter() - t0:.0f} s",
                  file=sys.stderr)
        else:
            model = prepared_model(args.model, work)
        for f in model.iterdir():      # same warm page cache for both
            if f.is_file():
                with open(f, "rb") as fh:
                    while fh.read(1 << 24):
                        pass
        ours_out, ref_out = work / "ours-f16.gguf", work / "reference-f16.gguf"
        if built:      # the whole command a user runs, verification included
            ours_cmd = [sys.executable, str(ROOT / "main.py"), "convert", "--model", str(model), "--out",
                        str(ours_out), "--outtype", "f16", "--quiet"]
        else:
            ours_cmd = [sys.executable, "-c",
                        "import sys; from engine.gguf_convert import convert; convert(sys.argv[1], sys.argv[2], outtype='f16')",
                        str(model), str(ours_out)]
        ref_cmd = [sys.executable, str(ref / "convert_hf_to_gguf.py"), str(model), "--outfile", str(ref_out),
                   "--outtype", "f16"]
        runs = {"ours": [], "reference": []}
        for i in range(max(1, args.repeat)):
            order = ("ours", "reference") if i % 2 == 0 else ("reference", "ours")   # interleaved, alternating
            for side in order:
                if built:      # each run writes into a fresh file; the last run's outputs are compared
                    (ours_out if side == "ours" else ref_out).unlink(missing_ok=True)
                runs[side].append(measure(ours_cmd if side == "ours" else ref_cmd, env))
                print(f"{side}: {runs[side][-1]['wall_s']:.1f} s", file=sys.stderr)
        best = {k: {"wall_s": min(r["wall_s"] for r in v), "peak_rss_mb": min(r["peak_rss_mb"] for r in v),
                    "median_wall_s": sorted(r["wall_s"] for r in v)[len(v) // 2]}
                for k, v in runs.items()}
        check = compare_tensors(ours_out, ref_out) if built else compare_in_llama_cpp(ours_out, ref_out)
        sizes = {"ours_bytes": ours_out.stat().st_size, "reference_bytes": ref_out.stat().st_size}

    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
                   f"OMP_NUM_THREADS={env['OMP_NUM_THREADS']}",
        "model": (f"random LLaMA hidden {args.hidden}, intermediate {args.intermediate}, {args.layers} layers, "
                  "FP16 safetensors; ours = 'main.py convert' with verification" if args.hidden is not None
                  else f"{args.model}; ours = 'main.py convert' with verification" if built
                  else str(args.model or "SmolLM2-135M-Instruct (HF, float32)")),
        "ours": best["ours"], "reference": best["reference"],
        "wall_time_ratio": best["ours"]["wall_s"] / best["reference"]["wall_s"],
        "peak_rss_ratio": best["ours"]["peak_rss_mb"] / best["reference"]["peak_rss_mb"],
        **sizes, **check,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwall time ratio (ours/llama.cpp): {report['wall_time_ratio']:.2f}  (target <= 1.0)")
    print(f"peak RSS ratio  (ours/llama.cpp): {report['peak_rss_ratio']:.2f}  (target <= 1.0)")
    if built:
        print(f"tensors compared byte for byte: {report['sample_byte_identical']}")
        ok = report["wall_time_ratio"] <= 1.0 and report["peak_rss_ratio"] <= 1.0
        return 0 if ok else 1
    print(f"logits on the prompt: {'identical' if report['identical_logits'] else 'max abs diff ' + str(report['max_abs_logit_diff'])}")
    ok = report["wall_time_ratio"] <= 1.0 and report["peak_rss_ratio"] <= 1.0 and report["same_tokens"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

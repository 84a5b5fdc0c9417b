"""Merge speed and memory: the project's streaming merge vs. upstream's flow, same inputs, same run.

    OMP_NUM_THREADS=2 .venv/bin/python bench/merge.py [--layers 20] [--dir /tmp] [--keep]

Builds a synthetic LLaMA of about 1.1B parameters in FP16 (hidden 2048, 20 layers,
intermediate 5504, vocabulary 32000, safetensors shards) and a Chinese-LLaMA-style
LoRA (rank 8 on all seven projections, ``modules_to_save`` embed_tokens/lm_head with
49953 rows, the real 49953-token tokenizer, ``adapter_model.bin`` as upstream ships).

Then, each in its own child process, timed and with its peak RSS from ``wait4``:
- reference: transformers ``from_pretrained`` (fp16) + ``resize_token_embeddings`` +
  PEFT ``merge_and_unload`` + ``save_pretrained`` (upstream's merge script, HF output);
- project: ``main.py merge`` (what the CLI and the Merge page run; SHA256SUMS included).
Both outputs are compared tensor by tensor.  Targets (issue 4): RSS ratio <= 0.3, time ratio <= 1.0.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAKE_INPUTS = r"""
import json, sys, torch
from pathlib import Path
from safetensors.torch import save_file
from tests.factory import save_tokenizer
base, lora, hidden, inter, layers, vocab, new_vocab, r = sys.argv[1:9]
hidden, inter, layers, vocab, new_vocab, r = map(int, (hidden, inter, layers, vocab, new_vocab, r))
base, lora = Path(base), Path(lora)
heads = hidden // 128
torch.manual_seed(0)
def rnd(*shape):
    return (torch.randn(*shape) * 0.02).half()
shapes = {"self_attn.q_proj": (hidden, hidden), "self_attn.k_proj": (hidden, hidden), "self_attn.v_proj": (hidden, hidden),
          "self_attn.o_proj": (hidden, hidden), "mlp.gate_proj": (inter, hidden), "mlp.up_proj": (inter, hidden),
          "mlp.down_proj": (hidden, inter)}
base.mkdir(parents=True)
weight_map, total, shard, names = {}, 0, {}, []
def flush():
    global shard
    if shard:
        name = f"model-{len(names) + 1:05d}.safetensors"
        save_file(shard, str(base / name), metadata={"format": "pt"})
        names.append(name)
        for k in shard: weight_map[k] = name
        shard = {}
shard["model.embed_tokens.weight"] = rnd(vocab, hidden)
for i in range(layers):
    for mod, shape in shapes.items():
        shard[f"model.layers.{i}.{mod}.weight"] = rnd(*shape)
    shard[f"model.layers.{i}.input_layernorm.weight"] = torch.ones(hidden).half()
    shard[f"model.layers.{i}.post_attention_layernorm.weight"] = torch.ones(hidden).half()
    if sum(t.numel() for t in shard.values()) * 2 > 1 << 30: flush()
shard["model.norm.weight"] = torch.ones(hidden).half()
shard["lm_head.weight"] = rnd(vocab, hidden)
flush()
n = len(names)
final = {}
for i, name in enumerate(names):
    new = f"model-{i + 1:05d}-of-{n:05d}.safetensors"
    (base / name).rename(base / new)
    final[name] = new
weight_map = {k: final[v] for k, v in weight_map.items()}
params = vocab * hidden * 2 + hidden + layers * (4 * hidden * hidden + 3 * hidden * inter + 2 * hidden)
(base / "model.safetensors.index.json").write_text(json.dumps({"metadata": {"total_size": params * 2}, "weight_map": weight_map}))
config = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": hidden, "intermediate_size": inter,
          "num_hidden_layers": layers, "num_attention_heads": heads, "num_key_value_heads": heads, "vocab_size": vocab,
          "rms_norm_eps": 1e-6, "max_position_embeddings": 2048, "hidden_act": "silu", "bos_token_id": 1,
          "eos_token_id": 2, "tie_word_embeddings": False, "torch_dtype": "float16"}
(base / "config.json").write_text(json.dumps(config, indent=2))
save_tokenizer("llama", base)
lora.mkdir(parents=True)
sd = {}
for i in range(layers):
    for mod, (out_f, in_f) in shapes.items():
        key = f"base_model.model.model.layers.{i}.{mod}"
        sd[key + ".lora_A.weight"] = rnd(r, in_f)
        sd[key + ".lora_B.weight"] = rnd(out_f, r)
sd["base_model.model.model.embed_tokens.weight"] = rnd(new_vocab, hidden)
sd["base_model.model.lm_head.weight"] = rnd(new_vocab, hidden)
torch.save(sd, lora / "adapter_model.bin")
(lora / "adapter_config.json").write_text(json.dumps({
    "peft_type": "LORA", "task_type": "CAUSAL_LM", "r": r, "lora_alpha": 32, "lora_dropout": 0.05, "bias": "none",
    "fan_in_fan_out": False, "inference_mode": True, "base_model_name_or_path": "",
    "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    "modules_to_save": ["embed_tokens", "lm_head"]}, indent=2))
save_tokenizer("chinese_llama", lora)
print(params)
"""

REFERENCE = r"""
import sys, torch, shutil
from pathlib import Path
from peft import PeftModel
from transformers import LlamaForCausalLM, LlamaTokenizer
base, lora, out = sys.argv[1:4]
tok = LlamaTokenizer.from_pretrained(lora)
model = LlamaForCausalLM.from_pretrained(base, torch_dtype=torch.float16, device_map={"": "cpu"})
if len(tok) != model.get_input_embeddings().weight.shape[0]:
    model.resize_token_embeddings(len(tok), mean_resizing=False)   # 2023 transformers: plain init
model = PeftModel.from_pretrained(model, lora, torch_dtype=torch.float16, device_map={"": "cpu"})
model = model.merge_and_unload()
tok.save_pretrained(out)
model.save_pretrained(out, safe_serialization=True)
"""

COMPARE = r"""
import sys, glob, torch
from safetensors import safe_open
def tensors(folder):
    found = {}
    for p in sorted(glob.glob(folder + "/*.safetensors")):
        f = safe_open(p, "pt")
        for k in f.keys(): found[k] = (p, k)
    return found
a, b = tensors(sys.argv[1]), tensors(sys.argv[2])
assert set(a) == set(b), set(a) ^ set(b)
worst = 0.0
for k in a:
    ta = safe_open(a[k][0], "pt").get_tensor(k).float()
    tb = safe_open(b[k][0], "pt").get_tensor(k).float()
    worst = max(worst, (ta - tb).abs().max().item())
print(len(a), worst)
"""


def run_measured(args: list[str], env: dict) -> tuple[float, int, str]:
    """Run a child, return (wall seconds, peak RSS bytes from wait4, stdout)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(args[:4])} failed:\n{err.read()[-3000:]}")
        return wall, usage.ru_maxrss * 1024, out.read()


def work_bytes(hidden: int, inter: int, vocab: int) -> int:
    """The engine's own estimate of the largest per-tensor working set (see driver._steps)."""
    embed = vocab * hidden * (2 + 2)
    mlp = inter * hidden * (2 + 2 + 4)
    return max(embed, mlp)


def gib(n: float) -> str:
    return f"{n / 1024 ** 3:.2f} GiB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hidden", type=int, default=2048)
    ap.add_argument("--intermediate", type=int, default=5504)
    ap.add_argument("--layers", type=int, default=20)
    ap.add_argument("--dir", default=None, help="where to build the models (default: temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the generated models")
    ap.add_argument("--skip-reference", action="store_true")
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2"), "PYTHONPATH": str(ROOT),
           "ALPACA_STUDIO_HOME": tempfile.mkdtemp(prefix="bench-merge-home-"), "TRANSFORMERS_VERBOSITY": "error"}
    tmp = Path(tempfile.mkdtemp(prefix="bench-merge-", dir=args.dir))
    try:
        base, lora = tmp / "llama-1b", tmp / "lora"
        t = time.perf_counter()
        _, _, out = run_measured([sys.executable, "-c", MAKE_INPUTS, str(base), str(lora), str(args.hidden),
                                  str(args.intermediate), str(args.layers), "32000", "49953", "8"], env)
        params = int(out.split()[-1])
        print(f"inputs: {params / 1e9:.2f}B parameters, FP16 base {gib(sum(p.stat().st_size for p in base.glob('*.safetensors')))}"
              f", LoRA {gib((lora / 'adapter_model.bin').stat().st_size)} (built in {time.perf_counter() - t:.0f} s)")
        # Warm the page cache for both sides alike.
        subprocess.run(["cat", *map(str, base.glob("*.safetensors")), str(lora / "adapter_model.bin")],
                       stdout=subprocess.DEVNULL, check=True)
        ref_t = ref_rss = None
        if not args.skip_reference:
            ref_t, ref_rss, _ = run_measured([sys.executable, "-c", REFERENCE, str(base), str(lora), str(tmp / "ref")], env)
            print(f"reference (transformers + PEFT merge_and_unload + save_pretrained): {ref_t:.1f} s, peak RSS {gib(ref_rss)}")
        ours_t, ours_rss, _ = run_measured([sys.executable, "main.py", "merge", "--base", str(base), "--lora", str(lora),
                                            "--out", str(tmp / "ours"), "--quiet"], env)
        print(f"project (main.py merge, streaming):                        {ours_t:.1f} s, peak RSS {gib(ours_rss)}")
        if ref_t:
            _, _, cmp_out = run_measured([sys.executable, "-c", COMPARE, str(tmp / "ours"), str(tmp / "ref")], env)
            n, worst = cmp_out.split()
            print(f"outputs: {n} tensors, max |project - reference| = {float(worst):.3g}")
            print(f"ratios project/reference: peak RSS {ours_rss / ref_rss:.3f} (target <= 0.3), "
                  f"wall time {ours_t / ref_t:.3f} (target <= 1.0)")
        runtime = ours_rss - work_bytes(args.hidden, args.intermediate, 49953)
        print("project peak RSS extrapolated (runtime + largest tensor working set):")
        for name, hidden, inter in (("7B", 4096, 11008), ("13B", 5120, 13824), ("33B", 6656, 17920)):
            print(f"  {name}: {gib(runtime + work_bytes(hidden, inter, 49954))}")
        print(json.dumps({"params": params, "ref_s": ref_t, "ref_rss": ref_rss, "ours_s": ours_t, "ours_rss": ours_rss}))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

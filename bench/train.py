"""LoRA SFT speed: the project's training engine vs. the reference flow (upstream's script logic), same run.

    OMP_NUM_THREADS=2 .venv/bin/python bench/train.py                      # CPU, small fixture LLaMA
    python3 bench/train.py --device cuda --qlora --ref-batch 32           # one GPU, 7B-shaped random LLaMA
    .venv/bin/python bench/train.py --processes 2                          # CLI: 1 process vs torchrun x2 (gloo)

Both flows train the same random LLaMA (vocabulary 49954, the real Chinese-Alpaca tokenizer) on the same SFT
records (Alpaca JSON whose answers are long enough that every record fills the sequence length, so a step is
exactly batch x length tokens) with upstream's LoRA settings: rank 8, alpha 32, dropout 0.05 on the seven
projections, modules_to_save embed_tokens/lm_head, lr 1e-4, cosine, warmup 0.03, the same seed and effective batch.

- reference: upstream ``run_clm_sft_with_peft.py``'s logic: ``from_pretrained`` + ``get_peft_model`` +
  ``transformers.Trainer`` with ``per_device_train_batch_size 1``, ``gradient_accumulation_steps = batch``,
  ``--gradient_checkpointing``, upstream's collator, bf16 on GPU (fp32 on CPU);
- project: ``training.train.plan_training`` + ``run_training`` (what ``main.py train sft`` and the Train page
  run): micro-batch, accumulation and checkpointing chosen by the engine from free memory; on CUDA Liger kernels
  when installed.

tokens/s counts the steps after the first (warm-up); the loss of each logged step is compared.
Targets (issue 11): CPU ratio >= 1.0 with losses within 1e-3; one H200: >= 15,000 tokens/s.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ALPACA_STUDIO_HOME", tempfile.mkdtemp(prefix="bench-train-home-"))
os.environ.setdefault("PYTORCH_CUDA_ALLOC_CONF", "expandable_segments:True")     # as training/train.py sets it

SHAPES = {   # hidden, intermediate, layers, heads
    "small": (128, 344, 4, 4),
    "7b": (4096, 11008, 32, 32),
}
SEVEN = ["q_proj", "v_proj", "k_proj", "o_proj", "gate_proj", "down_proj", "up_proj"]


def build_model(folder: Path, shape: str, device: str) -> Path:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from tests.factory import save_tokenizer

    h, inter, layers, heads = SHAPES[shape]
    config = LlamaConfig(vocab_size=49954, hidden_size=h, intermediate_size=inter, num_hidden_layers=layers,
                         num_attention_heads=heads, num_key_value_heads=heads, max_position_embeddings=2048,
                         rms_norm_eps=1e-6, bos_token_id=1, eos_token_id=2, pad_token_id=49953,
                         tie_word_embeddings=False)
    torch.manual_seed(0)
    dtype = torch.bfloat16 if device == "cuda" else torch.float32
    with torch.device("cuda" if device == "cuda" else "cpu"):
        model = LlamaForCausalLM(config).to(dtype)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "norm" in name:
                p.fill_(1.0)
            else:
                p.normal_(0, 0.02)
    model.save_pretrained(str(folder))
    save_tokenizer("chinese_alpaca", folder)
    del model
    gc.collect()
    if device == "cuda":
        torch.cuda.empty_cache()
    return folder


def build_data(path: Path, n: int, seq_len: int) -> Path:
    """Alpaca records whose answer (Chinese text from the PT sample) makes every record >= seq_len tokens."""
    from tests.factory import shared_file

    text = shared_file("pt_zh_sample.txt").read_text(encoding="utf-8").splitlines()
    text = [t for t in text if len(t) > 20]
    recs = []
    chars = max(200, seq_len * 2)
    for i in range(n):
        body, j = "", i * 7
        while len(body) < chars:
            body += text[j % len(text)]
            j += 1
        recs.append({"instruction": f"请续写下面的文章（第{i}篇）。", "input": "", "output": body})
    path.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    return path


def _rate(times: list[float], tokens_per_step: int) -> float | None:
    if len(times) < 3:
        return None
    return tokens_per_step * (len(times) - 1) / (times[-1] - times[0])


def reference_run(base: Path, data: Path, *, steps: int, batch: int, seq_len: int, device: str,
                  micro_batch: int = 1, checkpointing: bool = True, seed: int = 42) -> dict:
    """Upstream's SFT script logic with transformers.Trainer + peft."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import LlamaForCausalLM, Trainer, TrainerCallback, TrainingArguments, set_seed

    from training import datasets
    from training.tokenizer import SlowTokenizer

    set_seed(seed)
    tok = SlowTokenizer(base)
    records = datasets.build_records("sft", [data], tok, seq_len)            # build_dataset.py's records
    cuda = device == "cuda"
    dtype = torch.bfloat16 if cuda else torch.float32
    model = LlamaForCausalLM.from_pretrained(str(base), dtype=dtype)
    if len(tok) != model.get_input_embeddings().weight.shape[0]:
        model.resize_token_embeddings(len(tok))
    config = LoraConfig(task_type="CAUSAL_LM", target_modules=SEVEN, inference_mode=False, r=8, lora_alpha=32.0,
                        lora_dropout=0.05, modules_to_save=["embed_tokens", "lm_head"])
    model = get_peft_model(model, config)
    if cuda:
        model = model.to("cuda")

    class Collator:       # upstream DataCollatorForSupervisedDataset
        def __call__(self, instances):
            ids = [i["input_ids"] for i in instances]
            labels = [i["labels"] for i in instances]
            ids = torch.nn.utils.rnn.pad_sequence(ids, batch_first=True, padding_value=tok.pad_id)
            labels = torch.nn.utils.rnn.pad_sequence(labels, batch_first=True, padding_value=-100)
            return {"input_ids": ids, "labels": labels, "attention_mask": ids.ne(tok.pad_id)}

    times: list[float] = []

    class Clock(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            if cuda:
                torch.cuda.synchronize()
            times.append(time.perf_counter())

    out = Path(tempfile.mkdtemp(prefix="ref-"))
    args = TrainingArguments(
        output_dir=str(out), per_device_train_batch_size=micro_batch,
        gradient_accumulation_steps=max(1, batch // micro_batch), learning_rate=1e-4, lr_scheduler_type="cosine",
        warmup_steps=0.03, weight_decay=0.0, max_steps=steps, logging_steps=1, logging_first_step=True,
        save_strategy="no", seed=seed, bf16=cuda, gradient_checkpointing=checkpointing,
        gradient_checkpointing_kwargs={"use_reentrant": False}, report_to="none", disable_tqdm=True,
        remove_unused_columns=False, ddp_find_unused_parameters=False, use_cpu=not cuda)
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    trainer = Trainer(model=model, args=args, train_dataset=datasets.TorchRecords(records),
                      data_collator=Collator(), callbacks=[Clock()])
    trainer.train()
    losses = [h["loss"] for h in trainer.state.log_history if "loss" in h]
    peak = torch.cuda.max_memory_allocated() / 2 ** 30 if cuda else None
    del trainer, model
    gc.collect()
    if cuda:
        torch.cuda.empty_cache()
    return {"losses": losses, "tokens_per_s": _rate(times, batch * seq_len), "peak_gib": peak,
            "micro_batch": micro_batch, "grad_accum": max(1, batch // micro_batch), "checkpointing": checkpointing}


def project_run(base: Path, data: Path, *, steps: int, batch: int, seq_len: int, device: str, out: Path,
                qlora: bool = False, seed: int = 42, fast_kernels: bool = True, micro_batch: int | None = None,
                checkpointing: bool | None = None, compile: bool = False) -> dict:
    import torch

    from training.train import TrainSettings, plan_training, run_training

    import shutil
    shutil.rmtree(out, ignore_errors=True)            # a fresh run, not a resume of an earlier bench
    cuda = device == "cuda"
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    s = TrainSettings("sft", base, data, out, max_steps=steps, lr=1e-4, length=seq_len, batch_size=batch,
                      modules_to_save="embed_tokens,lm_head", logging_steps=1, save_steps=10 ** 9, seed=seed,
                      qlora=qlora, cpu=not cuda, fast_kernels=fast_kernels, cache_dir=out / "cache",
                      micro_batch=micro_batch, checkpointing=checkpointing, compile=compile)
    plan = plan_training(s)
    result = run_training(plan)
    events = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    steps_ev = [e for e in events if e["event"] == "step"]
    peak = torch.cuda.max_memory_allocated() / 2 ** 30 if cuda else None
    retries = torch.cuda.memory_stats().get("num_alloc_retries") if cuda else None
    gc.collect()
    if cuda:
        torch.cuda.empty_cache()
    cfg = plan.config()
    return {"losses": [e["loss"] for e in steps_ev], "tokens_per_s": _rate([e["time"] for e in steps_ev],
                                                                            batch * seq_len),
            "peak_gib": peak, "micro_batch": cfg["micro_batch"], "grad_accum": cfg["grad_accum"],
            "checkpointing": cfg["checkpointing"], "fast_kernels": cfg["fast_kernels"], "dtype": cfg["dtype"],
            "memory_planned_gib": plan.hw["memory_needed"] / 2 ** 30, "status": result.details["status"],
            "alloc_retries": retries}


def cli_run(base: Path, data: Path, out: Path, *, nproc: int, steps: int, batch: int, seq_len: int) -> dict:
    """``main.py train sft`` as a user runs it: alone (all cores) or under torchrun with ``nproc`` CPU processes."""
    import shutil
    import subprocess

    shutil.rmtree(out, ignore_errors=True)
    cmd = ["main.py", "train", "sft", "--base", str(base), "--data", str(data), "--out", str(out),
           "--max-steps", str(steps), "--max-seq-length", str(seq_len), "--batch-size", str(batch),
           "--save-steps", "1000000", "--cpu", "--quiet", "--json", "--modules-to-save", "embed_tokens,lm_head"]
    env = {**os.environ, "OMP_NUM_THREADS": str(max(1, (os.cpu_count() or 2) // nproc))}
    launcher = [sys.executable] if nproc == 1 else [sys.executable, "-m", "torch.distributed.run", "--standalone",
                                                    "--nproc_per_node", str(nproc)]
    t = time.perf_counter()
    r = subprocess.run(launcher + cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    events = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    steps_ev = [e for e in events if e["event"] == "step"]
    return {"processes": nproc, "tokens_per_s": _rate([e["time"] for e in steps_ev], batch * seq_len),
            "losses": [e["loss"] for e in steps_ev], "wall_s": time.perf_counter() - t,
            "command": " ".join((["torchrun", "--standalone", f"--nproc_per_node {nproc}"] if nproc > 1
                                 else ["python"]) + cmd[:1] + ["train", "sft", "..."])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    ap.add_argument("--shape", choices=tuple(SHAPES), default=None)
    ap.add_argument("--steps", type=int, default=None)
    ap.add_argument("--ref-steps", type=int, default=None)
    ap.add_argument("--batch", type=int, default=None, help="effective batch (default: cpu 8, cuda 32)")
    ap.add_argument("--seq-len", type=int, default=None, help="default: cpu 128, cuda 512")
    ap.add_argument("--qlora", action="store_true", help="also measure QLoRA peak memory (CUDA + bitsandbytes)")
    ap.add_argument("--skip-reference", action="store_true")
    ap.add_argument("--ref-batch", type=int, default=None, help="reference effective batch (default: --batch)")
    ap.add_argument("--processes", type=int, default=0,
                    help="instead: the CLI alone vs. under torchrun with N processes (DDP; gloo on CPU)")
    ap.add_argument("--compile", action="store_true", help="CUDA: also measure the project with torch.compile")
    ap.add_argument("--dir", default=None)
    ap.add_argument("--json", metavar="FILE")
    a = ap.parse_args()
    cuda = a.device == "cuda"
    shape = a.shape or ("7b" if cuda else "small")
    steps = a.steps or (10 if cuda else 6)
    ref_steps = a.ref_steps or (3 if cuda else steps)
    batch = a.batch or (32 if cuda else 8)
    seq_len = a.seq_len or (512 if cuda else 128)
    work = Path(a.dir or tempfile.mkdtemp(prefix="bench-train-"))
    work.mkdir(parents=True, exist_ok=True)
    import torch
    machine = torch.cuda.get_device_name(0) if cuda else f"CPU, {os.cpu_count()} threads, torch {torch.__version__}"
    print(f"machine: {machine}; shape {shape}; batch {batch} x {seq_len} tokens; steps {steps}", flush=True)
    t = time.perf_counter()
    base = build_model(work / f"base-{shape}", shape, a.device)
    data = build_data(work / "sft.json", max(steps, ref_steps) * batch + batch, seq_len)
    print(f"model + data ready in {time.perf_counter() - t:.0f} s", flush=True)
    report = {"machine": machine, "shape": shape, "batch": batch, "seq_len": seq_len}
    if a.processes:
        for n in (1, a.processes):
            report[f"cli_{n}"] = r = cli_run(base, data, work / f"cli-{n}", nproc=n, steps=steps, batch=batch,
                                           seq_len=seq_len)
            print(f"{n} process(es): {r['tokens_per_s']:.0f} tokens/s, losses {r['losses']}", flush=True)
        if a.json:
            Path(a.json).write_text(json.dumps(report, indent=2))
        return 0

    def save():
        if a.json:
            Path(a.json).write_text(json.dumps(report, indent=2))

    # The reference runs first: Liger (the project's GPU kernels) patches transformers' Llama classes for the
    # whole process once applied.
    if not a.skip_reference:
        report["reference"] = reference_run(base, data, steps=ref_steps, batch=a.ref_batch or batch,
                                            seq_len=seq_len, device=a.device)
        print("reference:", json.dumps(report["reference"]), flush=True)
        save()
    try:
        report["project"] = project_run(base, data, steps=steps, batch=batch, seq_len=seq_len, device=a.device,
                                        out=work / "project")
    except Exception as exc:  # noqa: BLE001 - GPU kernels may fail on an unknown stack: measure without them
        if not cuda:
            raise
        print(f"project with fast kernels failed: {type(exc).__name__}: {exc}", flush=True)
        report["project_fast_kernels_error"] = f"{type(exc).__name__}: {exc}"
        gc.collect()
        torch.cuda.empty_cache()
        report["project"] = project_run(base, data, steps=steps, batch=batch, seq_len=seq_len, device=a.device,
                                        out=work / "project-plain", fast_kernels=False)
    print("project:", json.dumps(report["project"]), flush=True)
    save()
    if not a.skip_reference:
        p, r = report["project"], report["reference"]
        report["ratio"] = p["tokens_per_s"] / r["tokens_per_s"]
        if not cuda:
            diffs = [abs(x - y) for x, y in zip(p["losses"], r["losses"])]
            report["max_loss_diff"] = max(diffs)
            print(f"tokens/s: project {p['tokens_per_s']:.0f}, reference {r['tokens_per_s']:.0f}, "
                  f"ratio {report['ratio']:.2f} (target >= 1.0); max loss difference {max(diffs):.2e} "
                  f"(target <= 1e-3)", flush=True)
        else:
            diffs = [abs(x - y) for x, y in zip(p["losses"], r["losses"])]
            report["loss_diffs"] = diffs
            print(f"tokens/s: project {p['tokens_per_s']:.0f} (target >= 15000), upstream recipe "
                  f"{r['tokens_per_s']:.0f}, ratio {report['ratio']:.1f}; loss differences "
                  f"{', '.join(f'{d:.1e}' for d in diffs)}", flush=True)
    save()
    if a.qlora:
        try:
            # the laptop setting: 4-bit base, micro-batch 1 x accumulation 8, gradient checkpointing
            report["qlora"] = project_run(base, data, steps=4, batch=8, seq_len=seq_len, device=a.device,
                                          out=work / "qlora", qlora=True, micro_batch=1, checkpointing=True)
            print("qlora:", json.dumps(report["qlora"]), flush=True)
        except Exception as exc:  # noqa: BLE001 - report what happened, keep the other figures
            report["qlora"] = {"error": f"{type(exc).__name__}: {exc}"}
            print("qlora:", report["qlora"], flush=True)
    save()
    if a.compile and cuda:
        try:
            s0 = time.perf_counter()
            report["project_compiled"] = project_run(base, data, steps=steps, batch=batch, seq_len=seq_len,
                                                     device=a.device, out=work / "compiled", compile=True)
            report["project_compiled"]["wall_s"] = time.perf_counter() - s0
            print("project + torch.compile:", json.dumps(report["project_compiled"]), flush=True)
        except Exception as exc:  # noqa: BLE001
            report["project_compiled"] = {"error": f"{type(exc).__name__}: {exc}"}
            print("compile:", report["project_compiled"], flush=True)
    save()
    return 0


if __name__ == "__main__":
    sys.exit(main())

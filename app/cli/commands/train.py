"""``train pt|sft``: LoRA pre-training / instruction tuning (transformers Trainer + peft), as upstream's scripts.

The Train page runs this command as a child process and tails its metrics file (training/README.md).
"""
from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

from engine.errors import UserError

from ..progress import cli_job

NAME = "train"
HELP = "LoRA pre-training (pt) or instruction tuning (sft) of a LLaMA; also under torchrun / accelerate launch"
DESCRIPTION = (HELP + ". SFT reads Alpaca JSON (instruction/input/output), PT reads .txt files. SIGTERM/SIGINT stop "
               "cleanly at the next step with a checkpoint; --resume continues from it. Metrics are appended as "
               "JSON lines to --metrics (default <out>/metrics.jsonl).")
ORDER = 60


def register(p) -> None:
    p.add_argument("mode", choices=("sft", "pt"), help="sft: instruction tuning; pt: continued pre-training")
    p.add_argument("--base", metavar="DIR", help="HF-format LLaMA to train on")
    p.add_argument("--tokenizer", metavar="DIR", help="tokenizer folder (default: --peft-path's, else the base's)")
    p.add_argument("--data", required=True, metavar="PATH", help="a data file or a folder of *.json (sft) / *.txt (pt)")
    p.add_argument("--out", metavar="DIR", help="output folder: checkpoints/, lora/, metrics.jsonl")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--max-steps", type=int, metavar="N", help="optimizer steps to train")
    g.add_argument("--epochs", type=float, metavar="N", help="epochs over the data (default 1)")
    p.add_argument("--lr", type=float, help="learning rate (default: upstream's, sft 1e-4, pt 2e-4)")
    p.add_argument("--lora-rank", type=int, default=8, help="LoRA rank (default 8)")
    p.add_argument("--lora-alpha", type=float, default=32.0, help="LoRA alpha (default 32)")
    p.add_argument("--lora-dropout", type=float, default=0.05, help="LoRA dropout (default 0.05)")
    p.add_argument("--targets", default=",".join(_seven()),
                   help="comma-separated projections to adapt (default: upstream's seven)")
    p.add_argument("--modules-to-save", default="auto",
                   help="auto (embed_tokens,lm_head when the vocabulary grows), none, or a comma list")
    p.add_argument("--block-size", type=int, metavar="N", help="PT block size (default 512)")
    p.add_argument("--max-seq-length", type=int, metavar="N", help="SFT max sequence length (default 512)")
    p.add_argument("--batch-size", type=int, metavar="N",
                   help="effective batch per optimizer step over all processes (default 8, as upstream)")
    p.add_argument("--micro-batch", type=int, metavar="N", help="per-device batch (default: chosen from memory)")
    p.add_argument("--grad-accum", type=int, metavar="N", help="gradient accumulation (default: chosen)")
    p.add_argument("--checkpointing", choices=("auto", "on", "off"), default="auto",
                   help="gradient checkpointing (default: on only when memory needs it)")
    p.add_argument("--peft-path", metavar="DIR", help="continue training this LoRA")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in <out>/checkpoints")
    p.add_argument("--qlora", action="store_true", help="4-bit base (needs CUDA + bitsandbytes)")
    p.add_argument("--save-steps", type=int, default=200, help="checkpoint every N steps (default 200)")
    p.add_argument("--save-total-limit", type=int, default=3, help="checkpoints kept (default 3)")
    p.add_argument("--logging-steps", type=int, default=1, help="metrics every N steps (default 1)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--metrics", metavar="FILE", help="metrics JSON lines (default <out>/metrics.jsonl)")
    p.add_argument("--cache-dir", metavar="DIR", help="tokenized-data cache (default: the user cache folder)")
    p.add_argument("--no-fast-kernels", action="store_true", help="GPU: do not use Liger kernels")
    p.add_argument("--compile", action="store_true", help="GPU: torch.compile the model")
    p.add_argument("--deepspeed", metavar="JSON", help="DeepSpeed config (e.g. training/configs/ds_zero2_no_offload.json)")
    p.add_argument("--cpu", action="store_true", help="train on the CPU even when a GPU is present")
    p.add_argument("--dry-run", action="store_true", help="run the checks and print the plan; train nothing")
    p.add_argument("--preview", type=int, metavar="N", help="print the first N training records and exit")
    p.add_argument("--json", action="store_true", help="print the plan/result/preview as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _seven():
    from training.train import SEVEN_PROJECTIONS
    return SEVEN_PROJECTIONS


def _preview(args) -> int:
    from training import datasets

    tok = args.tokenizer or args.peft_path or args.base
    if not tok:
        raise UserError("--preview needs --base or --tokenizer.", "Give the folder whose tokenizer the run uses.")
    length = args.max_seq_length if args.mode == "sft" else args.block_size
    recs = datasets.preview(args.mode, args.data, Path(tok).expanduser(), n=args.preview, max_length=length)
    if args.json:
        print(json.dumps(recs, ensure_ascii=False))
    else:
        for i, r in enumerate(recs):
            print(f"--- record {i}: {len(r['input_ids'])} tokens, "
                  f"{sum(1 for x in r['labels'] if x != -100)} trained")
            print(f"{r['prompt']}\u2502{r['response']}")
    return 0


def install_stop_handlers(cancel) -> None:
    """SIGTERM / SIGINT (Windows: CTRL_BREAK) ask the run to stop at the next step end (with a checkpoint);
    a second Ctrl+C in a terminal interrupts at once."""
    def handler(signum, frame):  # noqa: ARG001
        if cancel.cancelled and signum == signal.SIGINT:
            raise KeyboardInterrupt
        cancel.cancel()
        if signum == signal.SIGINT:
            print("stopping at the end of this step (a checkpoint is saved); Ctrl+C again to interrupt now",
                  file=sys.stderr)
    for name in ("SIGTERM", "SIGINT", "SIGBREAK"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, handler)
            except (ValueError, OSError):
                pass


def run(args) -> int:
    if args.preview is not None:
        return _preview(args)
    from training.train import MetricsWriter, TrainSettings, plan_training, run_training

    if not args.base:
        raise UserError("No base model given.", "Pass --base DIR with an HF-format LLaMA.")
    if not args.out:
        raise UserError("No output folder given.", "Pass --out DIR (checkpoints, the LoRA and metrics go there).")
    out = Path(args.out).expanduser()
    metrics = MetricsWriter(Path(args.metrics).expanduser() if args.metrics else out / "metrics.jsonl")
    settings = TrainSettings(
        mode=args.mode, base=Path(args.base), data=Path(args.data), out=out,
        tokenizer=Path(args.tokenizer).expanduser() if args.tokenizer else None,
        max_steps=args.max_steps, epochs=args.epochs, lr=args.lr, lora_rank=args.lora_rank,
        lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout,
        targets=tuple(t.strip() for t in args.targets.split(",") if t.strip()),
        modules_to_save=args.modules_to_save,
        length=args.max_seq_length if args.mode == "sft" else args.block_size,
        batch_size=args.batch_size, micro_batch=args.micro_batch, grad_accum=args.grad_accum,
        checkpointing={"auto": None, "on": True, "off": False}[args.checkpointing],
        resume=args.resume, qlora=args.qlora,
        peft_path=Path(args.peft_path).expanduser() if args.peft_path else None, seed=args.seed,
        logging_steps=args.logging_steps, save_steps=args.save_steps, save_total_limit=args.save_total_limit,
        metrics=metrics.path, cache_dir=Path(args.cache_dir).expanduser() if args.cache_dir else None,
        fast_kernels=not args.no_fast_kernels, compile=args.compile, deepspeed=args.deepspeed, cpu=args.cpu)
    progress, cancel, bar = cli_job(quiet=args.quiet or args.json, unit="steps")
    install_stop_handlers(cancel)
    try:
        plan = plan_training(settings)
    except UserError as exc:
        metrics.write("end", status="failed", message=str(exc), lora_dir=None)
        raise
    if args.dry_run:
        print(json.dumps(plan.config(), indent=2, ensure_ascii=False) if args.json else "\n".join(plan.describe()))
        return 0
    if not args.json and not args.quiet:
        print("\n".join(plan.describe()), file=sys.stderr)
    from engine.jobs import Cancelled
    try:
        result = run_training(plan, progress=progress, cancel=cancel, metrics=metrics)
    except Cancelled:
        print("stopped before training began", file=sys.stderr)
        return 0
    finally:
        bar.close()
    import os
    if os.environ.get("RANK", "0") != "0":
        return 0                                  # under torchrun: rank 0 reports
    if args.json:
        print(json.dumps({"summary": result.summary, **result.details}, ensure_ascii=False, default=str))
    else:
        print(result.summary + (f" -> {result.details['lora_dir']}" if result.details.get("lora_dir") else ""))
    return 0

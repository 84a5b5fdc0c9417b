"""LoRA pre-training (PT) and instruction tuning (SFT) on ``transformers.Trainer`` + ``peft``, as upstream's scripts.

``plan_training(settings)`` makes every cheap check (data, tokenizer/base vocabulary pair, LoRA to continue,
QLoRA availability, disk) and picks the micro-batch / accumulation / checkpointing; ``run_training(plan, ...)``
tokenizes (cached), loads the model, trains, and writes the metrics JSON lines of training/README.md.
Distribution is the launcher's (torchrun / accelerate launch): nothing here but rank-0-only writes and a
stop flag agreed between ranks.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

# Set before CUDA starts (a no-op when it already has): long runs near the memory limit fragment less.
os.environ.setdefault("PYTORCH_CUDA_ALLOC_CONF", "expandable_segments:True")

from engine.errors import UserError  # noqa: E402
from engine.jobs import CancelToken, Cancelled, JobResult, NullReporter  # noqa: E402

from . import checks, datasets, hardware  # noqa: E402
from .tokenizer import SlowTokenizer  # noqa: E402
from engine.i18n import tr

SEVEN_PROJECTIONS = ("q_proj", "v_proj", "k_proj", "o_proj", "gate_proj", "down_proj", "up_proj")
UPSTREAM = {  # run_sft.sh / run_pt.sh
    "sft": {"lr": 1e-4, "warmup_ratio": 0.03, "weight_decay": 0.0, "length": 512},
    "pt": {"lr": 2e-4, "warmup_ratio": 0.05, "weight_decay": 0.01, "length": 512},
}


@dataclass
class TrainSettings:
    mode: str
    base: Path
    data: Path
    out: Path
    tokenizer: Path | None = None
    max_steps: int | None = None
    epochs: float | None = None
    lr: float | None = None
    lora_rank: int = 8
    lora_alpha: float = 32.0
    lora_dropout: float = 0.05
    targets: tuple = SEVEN_PROJECTIONS
    modules_to_save: str = "auto"          # auto (when the vocabulary grew) | none | comma list
    length: int | None = None               # block_size (PT) / max_seq_length (SFT)
    batch_size: int | None = None           # effective batch over all processes
    micro_batch: int | None = None
    grad_accum: int | None = None
    checkpointing: bool | None = None       # None: chosen from memory
    resume: bool = False
    qlora: bool = False
    peft_path: Path | None = None
    seed: int = 42
    logging_steps: int = 1
    save_steps: int = 200
    save_total_limit: int = 3
    warmup_ratio: float | None = None
    weight_decay: float | None = None
    scheduler: str = "cosine"
    metrics: Path | None = None
    cache_dir: Path | None = None
    fast_kernels: bool = True               # GPU only: Liger kernels when installed
    compile: bool = False                   # GPU only: torch.compile
    deepspeed: str | None = None
    cpu: bool = False                       # force the CPU


@dataclass
class TrainPlan:
    settings: TrainSettings
    files: list
    tokenizer: SlowTokenizer
    model_vocab: int
    tokenizer_vocab: int
    modules_to_save: list
    hw: dict
    length: int
    resume_from: str | None
    notes: list = field(default_factory=list)

    @property
    def lora_dir(self) -> Path:
        return Path(self.settings.out) / "lora"

    @property
    def checkpoints_dir(self) -> Path:
        return Path(self.settings.out) / "checkpoints"

    def config(self) -> dict:
        s = self.settings
        return {"mode": s.mode, "base": str(s.base), "tokenizer": str(self.tokenizer.folder), "data": str(s.data),
                "files": [str(f) for f in self.files], "out": str(s.out), "lr": self.lr,
                "lora_rank": s.lora_rank, "lora_alpha": s.lora_alpha, "lora_dropout": s.lora_dropout,
                "targets": list(s.targets), "modules_to_save": self.modules_to_save,
                "micro_batch": self.hw["micro_batch"], "grad_accum": self.hw["grad_accum"],
                "batch_size": self.hw["batch_size"], "checkpointing": self.hw["checkpointing"],
                "dtype": self.hw["dtype"], "max_length": self.length, "device": self.hw["device"],
                "world_size": self.hw["world_size"], "model_vocab": self.model_vocab,
                "tokenizer_vocab": self.tokenizer_vocab, "qlora": s.qlora, "max_steps": s.max_steps,
                "epochs": s.epochs, "seed": s.seed, "peft_path": str(s.peft_path) if s.peft_path else None,
                "resumed_from": self.resume_from, "fast_kernels": self.fast_kernels}

    @property
    def lr(self) -> float:
        return self.settings.lr if self.settings.lr is not None else UPSTREAM[self.settings.mode]["lr"]

    @property
    def fast_kernels(self) -> bool:
        import importlib.util
        return bool(self.settings.fast_kernels and self.hw["device"].startswith("cuda")
                    and importlib.util.find_spec("liger_kernel") is not None)

    def describe(self) -> list[str]:
        c = self.config()
        return [f"{c['mode'].upper()} LoRA on {c['base']} ({c['model_vocab']} -> {c['tokenizer_vocab']} tokens)",
                f"data: {len(self.files)} file(s); max length {c['max_length']}",
                f"device {c['device']} {c['dtype']}; micro-batch {c['micro_batch']} x accumulation "
                f"{c['grad_accum']} x {c['world_size']} process(es); checkpointing {'on' if c['checkpointing'] else 'off'}",
                f"LoRA r={c['lora_rank']} alpha={c['lora_alpha']} dropout={c['lora_dropout']} on "
                f"{','.join(c['targets'])}; modules_to_save {','.join(c['modules_to_save']) or 'none'}",
                *(f"note: {n}" for n in self.notes)]


def _tokenizer_dir(s: TrainSettings) -> Path:
    if s.tokenizer:
        return Path(s.tokenizer)
    if s.peft_path and (Path(s.peft_path) / "tokenizer.model").is_file():
        return Path(s.peft_path)
    return Path(s.base)


def _rank() -> int:
    return int(os.environ.get("RANK", "0"))


def plan_training(s: TrainSettings) -> TrainPlan:
    """Every check that needs no model loaded; raises UserError with the file/field, the problem and the fix."""
    if s.mode not in ("sft", "pt"):
        raise UserError(tr("Unknown training mode {mode}.", mode=f"{s.mode!r}"), tr("Use 'sft' or 'pt'."))
    s.base, s.data, s.out = Path(s.base).expanduser(), Path(s.data).expanduser(), Path(s.out).expanduser()
    if not s.base.is_dir():
        raise UserError(tr("{base}: no such model folder.", base=s.base), tr("Give --base an HF-format LLaMA folder."))
    files = datasets.validate(s.mode, s.data)
    tok = SlowTokenizer(_tokenizer_dir(s))
    model_vocab = checks.base_vocab_size(s.base)
    notes = []
    if s.mode == "sft":
        before = len(tok)
        if tok.add_pad_token():
            notes.append(f"added the pad token [PAD] (id {tok.pad_id})")
        checks.check_sft_tokenizer(len(tok), before)
        checks.check_sft_base(model_vocab, len(tok))
    else:
        checks.check_pt_pair(model_vocab, len(tok))
    if s.peft_path:
        checks.check_lora_for_base(s.peft_path, s.base, len(tok))
    if s.modules_to_save == "auto":
        mts = ["embed_tokens", "lm_head"] if len(tok) > model_vocab else []
    elif s.modules_to_save in ("", "none"):
        mts = []
    else:
        mts = [m.strip() for m in s.modules_to_save.split(",") if m.strip()]
    length = s.length or UPSTREAM[s.mode]["length"]
    if s.max_steps is None and s.epochs is None:
        s.epochs = 1.0
    if s.qlora:
        info = hardware.device_info() if not s.cpu else {"device": "cpu", "qlora_available": False}
        if not info["device"].startswith("cuda") or not info["qlora_available"]:
            raise UserError(tr("--qlora needs an NVIDIA GPU with CUDA and the bitsandbytes package; this computer trains on {value}{value2}.", value=info['device'], value2='' if info['qlora_available'] else ' without bitsandbytes'),
                            tr("Train without --qlora, or install bitsandbytes on a CUDA machine."))
    if s.cpu:
        os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    hw = hardware.plan(s.base, {"mode": s.mode, "max_length": length, "batch_size": s.batch_size,
                                "micro_batch": s.micro_batch, "grad_accum": s.grad_accum,
                                "checkpointing": s.checkpointing, "qlora": s.qlora, "lora_rank": s.lora_rank,
                                "modules_to_save": bool(mts), "fast_kernels": s.fast_kernels})
    if hw["note"]:
        notes.append(hw["note"])
    resume_from = None
    ckdir = s.out / "checkpoints"
    if s.resume:
        from transformers.trainer_utils import get_last_checkpoint
        resume_from = get_last_checkpoint(str(ckdir)) if ckdir.is_dir() else None
        if resume_from is None:
            raise UserError(tr("{ckdir}: no checkpoint to resume from.", ckdir=ckdir), tr("Start without --resume."))
    shape = hardware.model_shape(s.base)
    trainable = shape["layers"] * s.lora_rank * 2 * (4 * shape["hidden"] + 3 * (shape["hidden"] + shape["intermediate"]))
    trainable += 2 * len(tok) * shape["hidden"] if mts else 0
    per_checkpoint = trainable * 12 + (1 << 20)           # adapter fp32 + Adam states
    checks.check_output(s.out, per_checkpoint * (s.save_total_limit + 1) + trainable * 4, s.resume)
    return TrainPlan(s, files, tok, model_vocab, len(tok), mts, hw, length, resume_from, notes)


class MetricsWriter:
    """Appends the JSON lines of training/README.md (rank 0 only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        self.enabled = self.path is not None and _rank() == 0

    def write(self, event: str, **fields) -> None:
        if not self.enabled:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"event": event, **fields, "time": time.time()}, ensure_ascii=False)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()


def run_training(plan: TrainPlan, *, progress=None, cancel: CancelToken | None = None,
                 metrics: MetricsWriter | None = None) -> JobResult:
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    metrics = metrics or MetricsWriter(plan.settings.metrics or Path(plan.settings.out) / "metrics.jsonl")
    try:
        return _run(plan, progress, cancel, metrics)
    except Cancelled:
        metrics.write("end", status="stopped", message="stopped before training began", lora_dir=None)
        raise
    except UserError as exc:
        metrics.write("end", status="failed", message=str(exc), lora_dir=None)
        raise
    except BaseException as exc:
        metrics.write("end", status="failed", message=f"{type(exc).__name__}: {exc}", lora_dir=None)
        raise


def _load_model(plan: TrainPlan, dtype):
    import torch
    from transformers import AutoModelForCausalLM

    s = plan.settings
    kw = {"dtype": dtype}
    if s.qlora:
        from transformers import BitsAndBytesConfig
        kw["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=dtype)
        kw["device_map"] = {"": int(os.environ.get("LOCAL_RANK", 0))}
    model = AutoModelForCausalLM.from_pretrained(str(s.base), **kw)
    if plan.tokenizer_vocab != model.get_output_embeddings().weight.shape[0]:
        model.resize_token_embeddings(plan.tokenizer_vocab)
    model.config.pad_token_id = plan.tokenizer.pad_id
    model.config.use_cache = False        # training: no key/value cache
    if s.qlora:
        from peft import prepare_model_for_kbit_training
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=plan.hw["checkpointing"])
    from peft import LoraConfig, PeftModel, get_peft_model
    if s.peft_path:
        model = PeftModel.from_pretrained(model, str(s.peft_path), is_trainable=True)
    else:
        config = LoraConfig(task_type="CAUSAL_LM", target_modules=list(s.targets), inference_mode=False,
                            r=s.lora_rank, lora_alpha=s.lora_alpha, lora_dropout=s.lora_dropout,
                            modules_to_save=plan.modules_to_save or None)
        model = get_peft_model(model, config)
    for p in model.parameters():          # trainable weights in fp32 (mixed precision keeps a fp32 master)
        if p.requires_grad and p.dtype != torch.float32:
            p.data = p.data.float()
    if dtype != torch.float32 and plan.modules_to_save and "embed_tokens" in plan.modules_to_save:
        # The fp32 trainable embedding would make the whole residual stream fp32: compute in the model's dtype.
        model.get_input_embeddings().register_forward_hook(lambda module, inputs, output: output.to(dtype))
    return model


def _run(plan: TrainPlan, progress, cancel: CancelToken, metrics: MetricsWriter) -> JobResult:
    import torch
    from transformers import Trainer, TrainingArguments

    s = plan.settings
    cuda = plan.hw["device"].startswith("cuda")
    dtype = {"bfloat16": torch.bfloat16, "float16": torch.float16, "float32": torch.float32}[plan.hw["dtype"]]
    args = TrainingArguments(
        output_dir=str(plan.checkpoints_dir), per_device_train_batch_size=plan.hw["micro_batch"],
        gradient_accumulation_steps=plan.hw["grad_accum"], learning_rate=plan.lr,
        lr_scheduler_type=s.scheduler,
        warmup_steps=s.warmup_ratio if s.warmup_ratio is not None else UPSTREAM[s.mode]["warmup_ratio"],
        weight_decay=s.weight_decay if s.weight_decay is not None else UPSTREAM[s.mode]["weight_decay"],
        max_steps=s.max_steps if s.max_steps else -1, num_train_epochs=s.epochs or 1.0,
        logging_steps=s.logging_steps, logging_first_step=True, save_strategy="steps", save_steps=s.save_steps,
        save_total_limit=s.save_total_limit, seed=s.seed, bf16=dtype == torch.bfloat16,
        fp16=dtype == torch.float16, gradient_checkpointing=plan.hw["checkpointing"],
        gradient_checkpointing_kwargs={"use_reentrant": False}, report_to="none", disable_tqdm=True,
        remove_unused_columns=False, ddp_find_unused_parameters=False, dataloader_num_workers=0,
        use_cpu=not cuda and plan.hw["device"] == "cpu", deepspeed=s.deepspeed,
        use_liger_kernel=plan.fast_kernels, torch_compile=bool(s.compile and cuda), ddp_timeout=30000,
        include_num_input_tokens_seen="non_padding" if s.mode == "sft" else "all",
        tf32=True if cuda and torch.cuda.get_device_capability(0)[0] >= 8 else None)
    world = args.world_size
    progress.update(0, None, status=tr("Tokenizing the data"))
    with args.main_process_first(desc="tokenizing"):
        records = datasets.build_records(s.mode, plan.files, plan.tokenizer, plan.length,
                                         cache=s.cache_dir, progress=progress, cancel=cancel)
    if len(records) == 0:
        raise UserError(tr("{data}: no training records (PT: the text is shorter than one block of {length} tokens).", data=s.data, length=plan.length), tr("Add more data or lower --block-size."))
    cancel.check()
    progress.update(0, None, status=tr("Loading the model"))
    from transformers import set_seed
    set_seed(s.seed)                    # before the LoRA weights are drawn, as upstream's scripts do
    model = _load_model(plan, dtype)
    collator = datasets.Collator(plan.tokenizer.pad_id, s.mode)
    callback = _Callback(plan, metrics, cancel, collator, progress, world)
    trainer = Trainer(model=model, args=args, train_dataset=datasets.TorchRecords(records),
                      data_collator=collator, callbacks=[callback])
    from transformers import PrinterCallback
    trainer.remove_callback(PrinterCallback)        # stdout stays clean for --json; metrics go to the file
    # Trainer's resume restores the global step, optimizer, scheduler, RNG and skips the batches seen.
    import contextlib
    from peft.helpers import disable_input_dtype_casting
    # Mixed precision: autocast gives the LoRA matmuls bf16/fp16 inputs; peft's own cast of every LoRA input to
    # the fp32 adapter dtype (and the dropout on that fp32 copy) would only add memory traffic.
    with disable_input_dtype_casting(model) if dtype != torch.float32 else contextlib.nullcontext():
        trainer.train(resume_from_checkpoint=plan.resume_from)
    state = trainer.state
    if callback.stopped:
        last = callback.last_checkpoint
        msg = f"stopped at step {state.global_step} of {state.max_steps}; resume with --resume"
        metrics.write("end", status="stopped", message=msg, lora_dir=last)
        _finish_distributed()
        return JobResult(msg, {"status": "stopped", "step": state.global_step, "max_steps": state.max_steps,
                               "lora_dir": last, "checkpoint": last})
    if args.process_index == 0:
        from engine.atomic import atomic_dir
        with atomic_dir(plan.lora_dir, overwrite=True) as tmp:
            full_embeddings = {"embed_tokens", "lm_head"} <= set(plan.modules_to_save)
            trainer.model.save_pretrained(str(tmp), safe_serialization=True,
                                          save_embedding_layers=False if full_embeddings else "auto")
            plan.tokenizer.save(tmp)
            _write_summary(tmp, plan, state)
    losses = [h["loss"] for h in state.log_history if "loss" in h]
    msg = f"trained {state.global_step} steps; final loss {losses[-1]:.4f}" if losses else "trained"
    metrics.write("end", status="done", message=msg, lora_dir=str(plan.lora_dir))
    _finish_distributed()
    return JobResult(msg, {"status": "done", "step": state.global_step, "max_steps": state.max_steps,
                           "lora_dir": str(plan.lora_dir), "losses": losses,
                           "tokens_per_s": callback.mean_tokens_per_s(), "config": plan.config()})


def _write_summary(folder: Path, plan: TrainPlan, state) -> None:
    from engine.atomic import atomic_write_text
    info = {"trained_by": "alpaca-studio", "config": plan.config(), "steps": state.global_step,
            "log_history": state.log_history}
    atomic_write_text(Path(folder) / "training_summary.json", json.dumps(info, indent=2, ensure_ascii=False))


def _finish_distributed() -> None:
    import torch.distributed as dist
    if dist.is_available() and dist.is_initialized():
        dist.barrier()


def _stop_agreed(flag: bool, device) -> bool:
    """All ranks stop at the same step end: any rank's stop request stops everyone."""
    import torch
    import torch.distributed as dist
    if not (dist.is_available() and dist.is_initialized()):
        return flag
    t = torch.tensor([1.0 if flag else 0.0], device=device)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return bool(t.item() > 0)


def _Callback(*args):
    """The Trainer callback (built lazily: importing transformers takes seconds)."""
    from transformers import TrainerCallback

    cls = type("MetricsCallback", (_CallbackMixin, TrainerCallback), {})
    return cls(*args)


class _CallbackMixin:
    def __init__(self, plan, metrics, cancel, collator, progress, world) -> None:
        self.plan, self.metrics, self.cancel = plan, metrics, cancel
        self.collator, self.progress, self.world = collator, progress, world
        self.stopped = False
        self.last_checkpoint: str | None = None
        self._t0 = self._tlast = time.time()
        self._tokens_last = 0
        self._step0 = 0
        self._rates: list[float] = []

    def on_train_begin(self, args, state, control, **kw):
        self._t0 = self._tlast = time.time()
        self._step0 = state.global_step
        self._tokens_last = state.num_input_tokens_seen
        self.metrics.write("start", max_steps=state.max_steps, config=self.plan.config())
        self.progress.update(state.global_step, state.max_steps, status=tr("Training"))

    def on_step_end(self, args, state, control, **kw):
        self.progress.update(state.global_step, state.max_steps, status=tr("Training"))
        if _stop_agreed(self.cancel.cancelled, args.device) and state.global_step < state.max_steps:
            self.stopped = True
            control.should_save = True
            control.should_training_stop = True
        return control

    def on_log(self, args, state, control, logs=None, **kw):
        logs = logs or {}
        if "loss" not in logs:
            return
        now = time.time()
        tokens = state.num_input_tokens_seen          # non-padding tokens, summed over all processes
        dt = max(now - self._tlast, 1e-9)
        rate = (tokens - self._tokens_last) / dt
        self._tlast, self._tokens_last = now, tokens
        if state.global_step > self._step0 + 1 or self._step0 > 0:
            self._rates.append(rate)
        done = state.global_step - self._step0
        eta = (now - self._t0) / done * (state.max_steps - state.global_step) if done > 0 else None
        mem = None
        import torch
        if torch.cuda.is_available():
            mem = round(torch.cuda.max_memory_allocated() / 2 ** 30, 3)
        self.metrics.write("step", step=state.global_step, max_steps=state.max_steps,
                           epoch=round(float(logs.get("epoch", state.epoch or 0)), 4), loss=float(logs["loss"]),
                           lr=float(logs.get("learning_rate", 0.0)), tokens_per_s=round(rate, 1),
                           gpu_mem_gb=mem, eta_s=None if eta is None else round(eta, 1))

    def on_save(self, args, state, control, **kw):
        path = Path(args.output_dir) / f"checkpoint-{state.global_step}"
        if state.is_world_process_zero and path.is_dir():
            self.plan.tokenizer.save(path)       # a checkpoint is a loadable PEFT folder (adapter + tokenizer)
        self.last_checkpoint = str(path)
        self.metrics.write("checkpoint", step=state.global_step, path=str(path))

    def mean_tokens_per_s(self) -> float | None:
        return sum(self._rates) / len(self._rates) if self._rates else None


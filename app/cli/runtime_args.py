"""The model-runtime options that ``chat``, ``serve`` and ``eval ceval`` share:
--ctx, --threads, --device, --dtype, and what they (with the Settings) become."""
from __future__ import annotations


def add_runtime_args(p) -> None:
    p.add_argument("--ctx", type=int, default=2048, help="context size in tokens (default 2048)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (default: the Settings value)")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"], help="HF models only")
    p.add_argument("--dtype", default="auto", choices=["auto", "float32", "float16", "bfloat16"],
                   help="HF models only")


def runtime_options(args, settings) -> dict:
    """context_size, threads (0: the Settings value), use_gpu (the Settings), device, dtype."""
    return dict(context_size=args.ctx, threads=args.threads or settings.effective_threads(),
                use_gpu=settings.use_gpu, device=args.device, dtype=args.dtype)


def load_options(args, settings):
    """``LoadOptions`` from the runtime options and ``--lora``."""
    from engine.chat.backends import LoadOptions
    return LoadOptions(lora=args.lora, **runtime_options(args, settings))

"""``merge``: LoRA(s) into an original LLaMA, streamed in bounded memory, with upstream's checks."""
from __future__ import annotations

import json
import re
from pathlib import Path

from engine.catalog import load_catalog
from engine.errors import UserError
from engine.jobs import format_bytes
from engine.merge.request import merge_request
from engine.settings import SettingsStore

from ..progress import cli_job

NAME = "merge"
HELP = "merge LoRA(s) into an original LLaMA (HF or Meta format) -> full model (HF or pth)"
DESCRIPTION = (HELP + ". Several LoRAs are applied in the order given (Plus/Pro: the LLaMA-Plus LoRA first, "
               "then the Alpaca-Plus/Pro LoRA). A --lora entry may also be a catalog id of a downloaded "
               "LoRA, which expands to its whole merge chain.")
ORDER = 30


def _size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*", text, re.I)
    if not m:
        raise UserError(f"Bad size {text!r}.", "Write it like 4GB or 500MB.")
    return int(float(m.group(1)) * 1024 ** " KMG".index((m.group(2) or " ").upper()))


def register(p) -> None:
    p.add_argument("--base", metavar="DIR",
                   help="original LLaMA folder (HF or consolidated.NN.pth); with a catalog id as the last --lora, "
                        "default: the base of that size registered with 'base add' (or on the Models page)")
    p.add_argument("--lora", required=True, action="append", metavar="DIR[,DIR]",
                   help="LoRA folder(s) in merge order; comma-separated or repeated")
    p.add_argument("--out", metavar="DIR",
                   help="output folder (must not exist or be empty); with a catalog id as the last --lora, "
                        "default <models>/merged/<id> (as the Merge page names it, so the Models page sees it)")
    p.add_argument("--format", choices=("hf", "pth"), default="hf",
                   help="hf: safetensors shards + config (default); pth: consolidated.NN.pth + params.json")
    p.add_argument("--dtype", choices=("float16", "bfloat16", "float32"), default="float16")
    p.add_argument("--fix-order", action="store_true",
                   help="put LoRAs into the right order (by vocabulary) instead of refusing a reversed pair")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    p.add_argument("--shard-size", default="4GB", help="largest safetensors shard (default 4GB)")
    p.add_argument("--pth-shards", type=int, default=None,
                   help="number of consolidated.NN.pth files (default: upstream's, by model size)")
    p.add_argument("--dry-run", action="store_true", help="run the checks and show the plan; write nothing")
    p.add_argument("--json", action="store_true", help="print the plan/result as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def expand_loras(entries: list[str]) -> list[Path]:
    """Folders as given; a name that is not a folder is tried as a catalog id (its merge chain)."""
    out: list[Path] = []
    for entry in entries:
        for item in (x.strip() for x in entry.split(",")):
            if not item:
                continue
            path = Path(item).expanduser()
            if path.exists() or "/" in item or "\\" in item:
                out.append(path)
                continue
            out.extend(_catalog_chain(item) or [path])
    return out


def _catalog_chain(model_id: str) -> list[Path] | None:
    model = load_catalog().find(model_id)
    if model is None:
        return None
    return merge_request(model.id, SettingsStore().settings).loras


def _catalog_target(entries: list[str]):
    """The catalog model named by the last --lora entry, if it is a catalog id rather than a folder."""
    items = [x.strip() for e in entries for x in e.split(",") if x.strip()]
    last = items[-1] if items else ""
    return None if not last or Path(last).expanduser().exists() else load_catalog().find(last)


def default_out(entries: list[str], out_format: str) -> Path:
    """The Merge page's output for a catalog model: <models>/merged/<id>[-pth]."""
    model = _catalog_target(entries)
    if model is None:
        raise UserError("No output folder given.",
                        "Pass --out DIR, or give a catalog id as the last --lora (output <models>/merged/<id>).")
    return merge_request(model.id, SettingsStore().settings, out_format=out_format).out


def default_base(entries: list[str]) -> Path:
    """The registered original LLaMA of the catalog model's size."""
    model = _catalog_target(entries)
    if model is None:
        raise UserError("No base model given.", "Pass --base DIR with your original LLaMA folder.")
    return merge_request(model.id, SettingsStore().settings).require_base(
        "Pass --base DIR, or register yours once: python main.py base add DIR")


def run(args) -> int:
    from engine.merge import plan_merge, run_merge

    loras = expand_loras(args.lora)
    out = Path(args.out).expanduser() if args.out else default_out(args.lora, args.format)
    base = Path(args.base).expanduser() if args.base else default_base(args.lora)
    plan = plan_merge(base, loras, out, out_format=args.format, dtype=args.dtype,
                      fix_order=args.fix_order, overwrite=args.overwrite,
                      shard_bytes=_size(args.shard_size), pth_shards=args.pth_shards)
    if args.dry_run:
        plan.close()
        if args.json:
            print(json.dumps(plan.summary(), indent=2, ensure_ascii=False))
        else:
            print("\n".join(plan.describe()))
        return 0
    if not args.json and not args.quiet:
        print("\n".join(plan.describe()))
    progress, cancel, bar = cli_job(quiet=args.quiet or args.json, unit="bytes")
    try:
        result = run_merge(plan, progress=progress, cancel=cancel)
    finally:
        bar.close()
    if args.json:
        print(json.dumps({**plan.summary(), **result.details}, indent=2, ensure_ascii=False))
    else:
        print(f"{result.summary} ({format_bytes(plan.output_bytes)}, vocabulary {plan.final_vocab}).")
    return 0

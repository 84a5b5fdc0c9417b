"""``convert``: a LLaMA folder (Hugging Face or Meta .pth) to a GGUF file llama.cpp loads, then verified."""
from __future__ import annotations

import json
from pathlib import Path

from engine.errors import UserError
from engine.gguf_convert import OUTTYPES, convert, default_output_name, inspect_model
from engine.layout import gguf_dir
from engine.settings import SettingsStore

from ..progress import cli_job

NAME = "convert"
HELP = "convert a LLaMA folder (Hugging Face or Meta .pth) to GGUF (F16 by default) and verify it against the original"
ORDER = 40
DESCRIPTION = (HELP + ". After writing, llama.cpp loads the file, its token ids for a Chinese + English text are "
               "compared with the model's tokenizer and its logits with transformers' (for a Meta folder, a transformers model "
               "built from the same tensors). Exit status: 0 all good, "
               "1 refused or failed, 3 written but a check found a difference.")


def register(p) -> None:
    p.add_argument("--model", required=True, metavar="DIR", help="model folder: Hugging Face (config.json + weights) or Meta (params.json + consolidated.NN.pth, "
                        "tokenizer.model beside it or in the parent folder)")
    p.add_argument("--out", metavar="FILE.gguf", help="output file (default: <models>/gguf/<folder>-<outtype>.gguf)")
    p.add_argument("--outtype", choices=OUTTYPES, default="f16", help="tensor type (norms stay F32); default f16")
    p.add_argument("--no-verify", action="store_true",
                   help="skip the checks (llama.cpp load, tokenizer parity, logits against transformers)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args) -> int:
    model = Path(args.model).expanduser()
    out = Path(args.out).expanduser() if args.out else gguf_dir(SettingsStore().settings) / default_output_name(
        model, args.outtype)
    if out.suffix.lower() != ".gguf":
        raise UserError(f"The output {out.name} does not end in .gguf.", "Give the output file a .gguf name.")
    from engine.atomic import check_writable
    check_writable(out, "the GGUF file")     # read-only disk, a file in the way...: named before any work
    info = inspect_model(model)
    progress, cancel, bar = cli_job(quiet=args.quiet or args.json, unit="bytes")
    try:
        result = convert(model, out, outtype=args.outtype, progress=progress, cancel=cancel)
        check = None
        if not args.no_verify:
            from engine.gguf_verify import verify_conversion

            check = verify_conversion(model, out, n_params=info.n_params, progress=progress, cancel=cancel)
    finally:
        bar.close()
    data = {"path": str(result.path), "source_format": result.source_format, "outtype": result.outtype,
            "tensors": result.n_tensors,
            "parameters": result.n_params, "vocab_size": result.vocab_size, "tokenizer": result.tokenizer,
            "bytes": result.path.stat().st_size, "seconds": round(result.seconds, 2), "notes": result.notes}
    if check is not None:
        data["verification"] = {
            "ok": check.ok, "loads": check.loads,
            "tokenizer_parity": None if check.parity is None else {
                "ok": check.parity.ok, "tokens": check.parity.n_tokens, "reference": check.parity.reference,
                "first_mismatch": check.parity.first_mismatch},
            "logits": None if check.logits is None else {
                "positions": check.logits.positions, "top1_matches": check.logits.top1_matches,
                "max_abs_diff": check.logits.max_abs_diff, "max_logit": check.logits.max_logit,
                "near_ties": check.logits.near_ties, "max_abs_diff_limit": check.logits.diff_limit,
                "ok": check.logits.ok},
            "notes": check.notes}
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(result.summary)
        for note in result.notes:
            print(f"note: {note}")
        if check is not None:
            print(format_check(check))
    return 0 if check is None or check.ok else 3


def format_check(check) -> str:
    lines = ["llama.cpp loads the file: yes"]
    if check.parity is not None:
        p = check.parity
        lines.append(f"tokenizer parity ({p.n_tokens} tokens, "
                     f"against {p.reference}): " + ("identical" if p.ok else f"DIFFERS at token {p.first_mismatch}"))
    if check.logits is not None:
        lg = check.logits
        verdict = "" if lg.ok else " - FAILED: this file does not compute what the model does"
        lines.append(f"logits vs transformers: {lg.describe()}{verdict}")
    lines.extend(f"note: {n}" for n in check.notes)
    return "\n".join(lines)

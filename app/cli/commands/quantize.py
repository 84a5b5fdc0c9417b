"""``quantize``: a GGUF file to a smaller type through llama.cpp's own quantizer."""
from __future__ import annotations

import json
from pathlib import Path

from engine.errors import UserError
from engine.jobs import format_bytes
from engine.quantize import DEFAULT_TYPE, QUANT_TYPES, normalize_type

from ..progress import cli_job

NAME = "quantize"
HELP = "quantize a GGUF file (Q4_K_M, Q8_0, ...) with llama.cpp, and compare its perplexity with the input"
ORDER = 41


def register(p) -> None:
    p.add_argument("--in", dest="inp", metavar="FILE.gguf", help="F16/F32 GGUF written by convert")
    p.add_argument("--out", metavar="FILE.gguf", help="output file (default: beside the input, named after the type)")
    p.add_argument("--type", default=DEFAULT_TYPE, help=f"one of {', '.join(QUANT_TYPES)} (default {DEFAULT_TYPE})")
    p.add_argument("--threads", type=int, default=0, help="threads for llama.cpp (0: all cores)")
    p.add_argument("--ppl", action="store_true",
                   help="measure perplexity of input and output on the built-in Chinese + English text")
    p.add_argument("--list", action="store_true",
                   help="list the types with the file size and RAM each needs for --model (or 7B/13B/33B LLaMA)")
    p.add_argument("--model", metavar="DIR", help="with --list: the model folder to size (Hugging Face or Meta .pth)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


# config.json figures of the upstream LLaMA sizes, with the Chinese-Alpaca vocabulary.
UPSTREAM_SHAPES = {
    "7B": dict(hidden_size=4096, intermediate_size=11008, num_hidden_layers=32, num_attention_heads=32),
    "13B": dict(hidden_size=5120, intermediate_size=13824, num_hidden_layers=40, num_attention_heads=40),
    "33B": dict(hidden_size=6656, intermediate_size=17920, num_hidden_layers=60, num_attention_heads=52),
}


def size_table(model: str | None) -> dict:
    from engine.quantize import Shapes, estimate_file_bytes, estimate_ram_bytes

    if model:
        from engine.gguf_convert import inspect_model

        info = inspect_model(Path(model).expanduser())
        shapes = {info.folder.name: Shapes.from_config(info.config, vocab=info.embedding_rows)}
    else:
        shapes = {k: Shapes.from_config(dict(v, vocab_size=49954)) for k, v in UPSTREAM_SHAPES.items()}
    return {name: {t: {"file_bytes": estimate_file_bytes(s, t), "ram_bytes": estimate_ram_bytes(s, t)}
                   for t in ("F16", *QUANT_TYPES)} for name, s in shapes.items()}


def run(args) -> int:
    if args.list:
        table = size_table(args.model)
        if args.json:
            print(json.dumps(table, indent=2))
            return 0
        for name, rows in table.items():
            print(f"{name}:")
            print(f"  {'type':8} {'file':>10} {'RAM':>10}")
            for t, r in rows.items():
                print(f"  {t:8} {format_bytes(r['file_bytes']):>10} {format_bytes(r['ram_bytes']):>10}")
        return 0
    if not args.inp:
        raise UserError("No input file.", "Pass --in FILE.gguf (an F16 GGUF from the convert command).")
    from engine.quantize import quantize

    qtype = normalize_type(args.type)
    inp = Path(args.inp).expanduser()
    if args.out:
        out = Path(args.out).expanduser()
    else:
        stem = inp.stem[:-4] if inp.stem.lower().endswith("-f16") else inp.stem
        out = inp.with_name(f"{stem}-{qtype.lower()}.gguf")
    progress, cancel, bar = cli_job(quiet=args.quiet or args.json, unit="tensors")
    try:
        result = quantize(inp, out, qtype, threads=args.threads, progress=progress, cancel=cancel)
        ppl = {}
        if args.ppl:
            from engine.gguf_verify import perplexity

            ppl = {"input": perplexity(inp, cancel=cancel).perplexity,
                   "output": perplexity(out, cancel=cancel).perplexity}
    finally:
        bar.close()
    if args.json:
        print(json.dumps({"path": str(result.path), "type": qtype, "input_bytes": result.input_bytes,
                          "output_bytes": result.output_bytes, "seconds": round(result.seconds, 2),
                          "perplexity": ppl or None}, indent=2))
    else:
        print(result.summary)
        if ppl:
            print(f"perplexity on the built-in text: input {ppl['input']:.3f}, {qtype} {ppl['output']:.3f} "
                  f"({(ppl['output'] / ppl['input'] - 1) * 100:+.1f}%)")
    return 0

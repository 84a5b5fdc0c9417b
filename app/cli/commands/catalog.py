"""``catalog``: every upstream Chinese-LLaMA/Alpaca LoRA and original LLaMA size, with hashes and needs."""
from __future__ import annotations

import json
from dataclasses import asdict

from engine.catalog import load_catalog

NAME = "catalog"
HELP = "list every Chinese-LLaMA/Alpaca model, what it needs, and its published SHA256"
ORDER = 10


def register(p) -> None:
    p.add_argument("--json", action="store_true", help="print the whole catalog as JSON")
    p.add_argument("--all", action="store_true", help="also list legacy (not recommended) models")
    p.set_defaults(func=run)


def run(args) -> int:
    cat = load_catalog()
    models = cat.models if (args.all or args.json) else [m for m in cat.models if m.recommended]
    if args.json:
        print(json.dumps({
            "models": [{**asdict(m), "merge_chain": m.merge_chain} for m in models],
            "bases": [asdict(b) for b in cat.bases],
            "tokenizers": cat.tokenizers,
        }, indent=2, ensure_ascii=False))
        return 0
    print(f"{'ID':26} {'TYPE':12} {'LORA':6} {'DATA':26} MERGE ORDER (into original LLaMA)")
    for m in models:
        flag = "" if m.recommended else "  (legacy)"
        kind = "instruction" if m.kind == "instruction" else "base"
        chain = " + ".join(m.merge_chain)
        print(f"{m.id:26} {kind:12} {m.lora_size:6} {m.training_data:26} LLaMA-{m.size} + {chain}{flag}")
    if not args.all:
        print(f"\n{len(cat.models) - len(models)} legacy models hidden; --all lists them.")
    print(f"\n{'ORIGINAL LLaMA':16} {'FP16':>8} {'8-BIT':>8} {'4-BIT':>8}   (disk and memory needed, minimum)")
    for b in cat.bases:
        print(f"{b.name:16} {b.fp16_size:>8} {b.q8_size:>8} {b.q4_size:>8}")
    return 0

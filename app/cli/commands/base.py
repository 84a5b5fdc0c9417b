"""``base``: register, list and forget original LLaMA folders (the Models page's "Add local base LLaMA…")."""
from __future__ import annotations

import json
from dataclasses import asdict

from engine.errors import UserError
from engine.model_library import BaseMismatch, register_base, registered_bases, unregister_base
from engine.settings import SettingsStore

from ..progress import cli_job

NAME = "base"
HELP = "register, list or forget your original LLaMA folders (checked against the published SHA256)"
DESCRIPTION = ("The original LLaMA weights are not distributed by the Chinese-LLaMA-Alpaca project: point Alpaca "
               "Studio at your copy (Meta consolidated.*.pth + params.json, or Hugging Face format). 'add' hashes "
               "the weights, compares them with the published SHA256 and remembers the folder for merging; "
               "'remove' only forgets it, your files stay where they are.")
ORDER = 22


def register(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="<action>", required=True)
    add = sub.add_parser("add", help="verify a base LLaMA folder and register it")
    add.add_argument("folder")
    add.add_argument("--accept-mismatch", action="store_true",
                     help="register even if a file differs from its published SHA256 (kept as a warning)")
    add.add_argument("--json", action="store_true", help="print JSON")
    lst = sub.add_parser("list", help="list registered base folders")
    lst.add_argument("--json", action="store_true", help="print JSON")
    rm = sub.add_parser("remove", help="forget a registered folder (its files are not deleted)")
    rm.add_argument("folder")
    p.set_defaults(func=run)


def _line(r) -> str:
    mark = {"verified": "✓", "mismatch": "✗", "unverified": "?"}.get(r.status, "?")
    return f"{mark} {r.name:10} {r.format:4} {r.status:10} {r.path}"


def run(args) -> int:
    settings = SettingsStore().settings
    if args.action == "add":
        progress, cancel, bar = cli_job(quiet=args.json, unit="bytes")
        try:
            record = register_base(args.folder, settings=settings, accept_mismatch=args.accept_mismatch,
                                   progress=progress, cancel=cancel)
        except BaseMismatch as exc:
            raise UserError(exc.message, exc.hint + " To use it anyway, add --accept-mismatch.") from None
        finally:
            bar.close()
        if args.json:
            print(json.dumps(asdict(record), indent=2, ensure_ascii=False))
        else:
            print(_line(record))
            for name, status in sorted(record.files.items()):
                print(f"    {status:9} {name}")
        return 0
    if args.action == "list":
        records = registered_bases(settings)
        if args.json:
            print(json.dumps([asdict(r) for r in records], indent=2, ensure_ascii=False))
        elif not records:
            print("No base LLaMA registered. Add one with: python main.py base add FOLDER")
        else:
            for r in records:
                print(_line(r))
        return 0
    before = len(registered_bases(settings))
    unregister_base(settings, args.folder)
    if len(registered_bases(settings)) == before:
        print(f"{args.folder} was not registered.")
        return 1
    print(f"Forgot {args.folder} (its files were not touched).")
    return 0

"""``verify PATH...``: hash files or folders and match them against every published SHA256."""
from __future__ import annotations

import json
import sys

from app.cli.progress import cli_job
from engine.verify import MISMATCH, summarize, verify_paths

NAME = "verify"
HELP = "check model files (or whole folders) against the published SHA256 values"
ORDER = 25


def register(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-cache", action="store_true", help="hash again even if the file is unchanged since the last check")
    p.set_defaults(func=run)


def run(args) -> int:
    progress, cancel, bar = cli_job(quiet=args.json, unit="bytes")
    try:
        verdicts = verify_paths(args.paths, progress=progress, cancel=cancel, use_cache=not args.no_cache)
    finally:
        bar.close()
    return report(verdicts, as_json=args.json,
                  line=lambda v: f"{v.symbol} {v.path}\n    {v.sha256}  {v.describe()}", summary_to=sys.stderr)


def report(verdicts, *, as_json: bool, line, summary_to=None) -> int:
    """Print verdicts (JSON, or one ``line(v)`` each and a summary); exit code 1 on any mismatch."""
    if as_json:
        print(json.dumps([v.to_json() for v in verdicts], indent=2, ensure_ascii=False))
    else:
        for v in verdicts:
            print(line(v))
        print(summarize(verdicts), file=summary_to or sys.stdout)
    return 1 if any(v.status == MISMATCH for v in verdicts) else 0

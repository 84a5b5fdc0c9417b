"""``download MODEL_ID`` or ``download --url URL``: resumable downloads, checked against published SHA256."""
from __future__ import annotations

import json
from pathlib import Path

from app.cli.commands.verify import report
from app.cli.progress import cli_job
from engine.errors import UserError
from engine.settings import DOWNLOAD_SOURCES, SettingsStore

NAME = "download"
HELP = "download a catalog LoRA (or any URL) with resume, mirrors and SHA256 checks"
DESCRIPTION = ("Download a catalog model into the models folder (resumes an interrupted download), or any "
               "file with --url. Published hashes are checked while the bytes stream in.")
ORDER = 20


def register(p) -> None:
    p.add_argument("model_id", nargs="?", metavar="MODEL_ID", help="catalog id, e.g. chinese-alpaca-pro-7b (see 'catalog')")
    p.add_argument("--url", help="download this URL instead of a catalog model")
    p.add_argument("--sha256", help="with --url: the expected SHA256 (64 hex digits)")
    p.add_argument("--name", help="with --url: file name to save as (default: from the URL)")
    p.add_argument("--source", choices=DOWNLOAD_SOURCES, help="where to download from (default: the setting)")
    p.add_argument("--endpoint", help="base URL of the source (a mirror or local server)")
    p.add_argument("--dest", help="folder to download into (default: <models>/lora/<id>; required with --url)")
    p.add_argument("--concurrency", type=int, default=3, help="files downloaded at once (default 3)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def _downloader(settings, concurrency: int):
    from engine.download import Downloader

    if concurrency < 1:
        raise UserError("--concurrency must be at least 1.")
    return Downloader(proxy=settings.proxy, concurrency=concurrency)


def run(args) -> int:
    from engine.model_library import download_model, download_url

    settings = SettingsStore().settings
    if bool(args.url) == bool(args.model_id):
        raise UserError("Give either a MODEL_ID or --url URL.",
                        "Examples: 'download chinese-alpaca-pro-7b', 'download --url https://host/f.bin --dest DIR'.")
    progress, cancel, bar = cli_job(quiet=args.json, unit="bytes")
    downloader = _downloader(settings, args.concurrency)
    try:
        if args.url:
            if not args.dest:
                raise UserError("--url needs --dest DIR (where to save the file).")
            path = download_url(args.url, Path(args.dest), sha256=args.sha256, filename=args.name,
                                settings=settings, downloader=downloader, progress=progress, cancel=cancel)
            bar.close()
            result = {"path": str(path), "sha256": args.sha256, "verified": bool(args.sha256)}
            print(json.dumps(result, indent=2) if args.json else
                  f"{'✓ verified' if args.sha256 else 'saved (no hash given to check)'}: {path}")
            return 0
        if args.sha256 or args.name:
            raise UserError("--sha256 and --name only apply with --url.",
                            "Catalog downloads are checked against the published hashes automatically.")
        verdicts = download_model(args.model_id, settings=settings, source=args.source, endpoint=args.endpoint,
                                  dest=Path(args.dest) if args.dest else None, downloader=downloader,
                                  progress=progress, cancel=cancel)
    finally:
        bar.close()
    return report(verdicts, as_json=args.json, line=lambda v: f"{v.symbol} {v.path.name:26} {v.describe()}")

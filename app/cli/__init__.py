"""Command-line front end. ``python main.py <command> ...``.

Each module in ``app.cli.commands`` defines ``NAME``, ``HELP`` and
``register(parser)``; ``register`` sets ``parser.set_defaults(func=run)``
where ``run(args) -> int``.  Commands are discovered, so adding a capability
means adding one module.  Nothing here imports Qt.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from typing import Optional, Sequence

from engine import __version__
from engine.errors import UserError, user_error_from_os
from engine.jobs import Cancelled
from engine.logs import setup_logging

from . import commands as _commands_pkg


def _command_modules():
    mods = []
    for info in pkgutil.iter_modules(_commands_pkg.__path__):
        if info.name.startswith("_"):
            continue
        mods.append(importlib.import_module(f"{_commands_pkg.__name__}.{info.name}"))
    return sorted(mods, key=lambda m: (getattr(m, "ORDER", 100), m.NAME))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alpaca-studio",
        description="Alpaca Studio: download, verify, merge, quantize and chat with "
                    "Chinese-LLaMA/Alpaca models. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="<command>")
    for mod in _command_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
        mod.register(p)
    return parser


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _settings_warning() -> None:
    """A damaged or partly invalid settings file is said once, whatever the command (the command
    itself goes on with the defaults for what was wrong)."""
    try:
        from engine.settings import SettingsStore
        warning = SettingsStore().warning
    except Exception:  # noqa: BLE001 - a settings problem must never stop a command
        logging.getLogger("alpaca-studio.cli").warning("Settings could not be checked", exc_info=True)
        return
    if warning:
        print(f"warning: {warning}", file=sys.stderr)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # Records go to the log file only: the user gets one line from us, never a traceback,
    # and a warning a command prints itself is not repeated by a logging handler.
    try:
        log_file = setup_logging()
    except OSError:                 # an unwritable user folder must not hide the command's own error
        log_file = None
    log = logging.getLogger("alpaca-studio.cli")
    _settings_warning()
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        log.info("%s: %s", args.command, exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Cancelled:
        print("cancelled", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        log.warning("%s failed", args.command, exc_info=True)
        print(f"error: {user_error_from_os(exc)}", file=sys.stderr)
        return 1
    except (ValueError, RuntimeError) as exc:
        log.warning("%s failed", args.command, exc_info=True)
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line for the user, the traceback for the log
        log.exception("Unexpected failure of %r", args.command)
        where = f" (details in {log_file})" if log_file else ""
        print(f"error: {type(exc).__name__}: {_one_line(exc)}{where}", file=sys.stderr)
        return 1

#!/usr/bin/env python3
"""Alpaca Studio. No arguments: open the window. ``main.py <command> ...``: run the CLI."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from app.gui.application import run_gui
        return run_gui()
    import logging

    # Library warnings (deprecations inside transformers/peft...) go to the log file with the rest,
    # not between the command's own output lines.
    logging.captureWarnings(True)
    from app.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())

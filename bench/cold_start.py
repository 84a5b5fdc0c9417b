"""Cold start: seconds from launching ``python main.py`` to the window on screen,
vs. a bare PySide6 window (the floor any Qt app pays), in the same run.
Also checks that torch, transformers and llama_cpp were not imported.
Target: < 2 s.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/cold_start.py [--trials 5]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0

# Runs main.main() unchanged; a zero-delay timer set when the window is shown fires on
# the first event-loop turn after it, prints the clock and quits.
PROJECT = """
import sys, time, json
sys.path.insert(0, {root!r})
sys.argv = ["main.py"]
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
_show = QMainWindow.show
def show(self):
    _show(self)
    def done():
        heavy = [m for m in ("torch", "transformers", "llama_cpp", "peft") if m in sys.modules]
        print(json.dumps({{"t": time.time(), "heavy": heavy}}), flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, done)
QMainWindow.show = show
import main
main.main([])
"""

BARE = """
import time, json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1180, 780); w.show()
QTimer.singleShot(0, lambda: (print(json.dumps({"t": time.time(), "heavy": []}), flush=True), app.quit()))
app.exec()
"""


def launch(code: str, env: dict) -> tuple[float, list]:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    line = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if not line:
        raise SystemExit(f"no timing printed:\n{out.stdout}\n{out.stderr}")
    data = json.loads(line[-1])
    return data["t"] - t0, data["heavy"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "ALPACA_STUDIO_HOME": tempfile.mkdtemp(prefix="bench-cold-"),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    project, bare, heavy = [], [], set()
    launch(BARE, env)                                   # warm the OS file cache once
    for _ in range(args.trials):
        t, h = launch(PROJECT.format(root=str(ROOT)), env)
        project.append(t)
        heavy.update(h)
        bare.append(launch(BARE, env)[0])
    p, b = statistics.median(project), statistics.median(bare)
    print(f"python main.py -> window shown : {p:.2f} s (median of {args.trials}; best {min(project):.2f} s)  "
          f"target < {TARGET:.0f} s  {'OK' if p < TARGET else 'MISSED'}")
    print(f"bare PySide6 window            : {b:.2f} s  -> project/bare ratio {p / b:.2f}")
    print(f"heavy modules imported at start: {sorted(heavy) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

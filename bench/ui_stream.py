"""Chat view smoothness: the longest Qt event-loop stall while a reply streams
into a 500-message chat (real model, and a synthetic 1000 tokens/s stream), and
the time to open a 500-message chat.  Targets: stall < 50 ms, open < 1 s.

    OMP_NUM_THREADS=2 QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_stream.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("ALPACA_STUDIO_HOME", tempfile.mkdtemp(prefix="bench-ui-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STALL_TARGET = 0.050
OPEN_TARGET = 1.0

ANSWER = ("Here is **one way** to do it, with a list:\n\n- first step\n- second step\n\n"
          "```python\ndef add(a, b):\n    return a + b\n```\n\nThat is all. 这是中文的回答。")


class StallMeter:
    """A 5 ms timer; the longest gap between its ticks is the longest event-loop stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last - 0.005)
        self.last = now

    def start(self) -> None:
        self.last, self.worst = None, 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def pump_until(app, cond, timeout: float = 600) -> None:
    end = time.time() + timeout
    while not cond() and time.time() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from app.gui.application import apply_style
    from app.gui.context import AppContext
    from app.gui.pages.chat_page import ChatPage
    from engine.chat.backends import LoadOptions, load_model
    from engine.chat.model_list import starter_model
    from engine.chat.presets import GenerationSettings
    from engine.settings import SettingsStore

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    page = ChatPage(AppContext(SettingsStore()))
    page.resize(1100, 760)
    page.show()
    pump_until(app, lambda: False, 0.2)

    history = page.history
    chat = history.create_chat("Long chat")
    parent = None
    for i in range(250):
        q = history.add_message(chat.id, "user", f"Question {i}: how do I add two numbers in Python?", parent_id=parent)
        parent = history.add_message(chat.id, "assistant", ANSWER, parent_id=q.id, tokens=60,
                                     tokens_per_second=20.0, model="bench.gguf").id
    page.chat_list.refresh()

    t0 = time.perf_counter()
    page.open_chat(chat.id)
    app.processEvents()
    page.view.viewport().repaint()
    open_s = time.perf_counter() - t0
    assert page.view.message_count() == 500

    meter = StallMeter()
    # 1) synthetic stream at 1000 pieces/s from a worker thread, through the page's queued bridge
    page.view.begin_stream()
    done = threading.Event()

    def feed() -> None:
        for i in range(2000):
            page.bridge.piece.emit("token " if i % 12 else "\n\n")
            time.sleep(0.001)
        done.set()

    meter.start()
    threading.Thread(target=feed, daemon=True).start()
    pump_until(app, done.is_set)
    pump_until(app, lambda: False, 0.1)
    synthetic = meter.stop()
    page.view.end_stream(None)

    # 2) the real model streaming at full speed into the same 500-message chat
    model = starter_model()
    real = None
    if model is not None:
        backend = load_model(model, LoadOptions(threads=2, use_gpu=False, context_size=2048))
        page._loaded(str(model), backend)
        page.open_chat(chat.id)
        page.settings_panel.set_generation_settings(
            GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0, max_new_tokens=96))
        page.input.setPlainText("Tell me a long story about a dragon.")
        meter.start()
        page.send()
        pump_until(app, lambda: not page._generating())
        real = meter.stop()
        tokens = page.session.thread()[-1].tokens
        backend.unload()

    print(f"open a 500-message chat : {open_s * 1000:7.1f} ms   target < {OPEN_TARGET * 1000:.0f} ms "
          f"(ratio {open_s / OPEN_TARGET:.2f})  {'OK' if open_s < OPEN_TARGET else 'MISSED'}")
    print(f"longest stall, synthetic 1000 pieces/s : {synthetic * 1000:6.1f} ms   target < {STALL_TARGET * 1000:.0f} ms "
          f"(ratio {synthetic / STALL_TARGET:.2f})  {'OK' if synthetic < STALL_TARGET else 'MISSED'}")
    if real is not None:
        print(f"longest stall, SmolLM2 reply ({tokens} tokens) : {real * 1000:6.1f} ms   target < "
              f"{STALL_TARGET * 1000:.0f} ms (ratio {real / STALL_TARGET:.2f})  "
              f"{'OK' if real < STALL_TARGET else 'MISSED'}")
    page.history.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

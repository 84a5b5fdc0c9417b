"""Chat view smoothness: the longest Qt event-loop stall while a reply streams into a
500-message chat, in the whole main window with 100 models on disk, while the library
changes (what a finished download, merge or quantize job says: here once a second, far
more often than jobs end) and, separately, while the user moves between pages.  Also a synthetic 1000 tokens/s stream, and the time to open a
500-message chat.  Targets: stall < 50 ms, open < 1 s.

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
N_MODELS = 100

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


def fill_library(settings, n: int) -> None:
    """``n`` models on disk, listed by name and never loaded: GGUF files in the GGUF folder and
    in merged-model folders (each with its SHA256SUMS, as a merge leaves them)."""
    from engine import layout
    gguf = layout.gguf_dir(settings)
    gguf.mkdir(parents=True, exist_ok=True)
    for i in range(n * 3 // 4):
        (gguf / f"model-{i:03d}-q4_k_m.gguf").write_bytes(b"GGUF" + bytes(60))
    for i in range(n - n * 3 // 4):
        folder = layout.merged_dir(settings, f"merged-{i:03d}")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"merged-{i:03d}-q8_0.gguf").write_bytes(b"GGUF" + bytes(60))
        (folder / "SHA256SUMS").write_text("")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from app.gui.application import apply_style, create_window
    from engine.chat.model_list import starter_model
    from engine.chat.presets import GenerationSettings
    from engine.settings import SettingsStore

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    store = SettingsStore()
    fill_library(store.settings, N_MODELS)
    window = create_window(store)
    window.resize(1280, 800)
    window.show()
    window.show_page("chat")
    page = window.pages["chat"]
    context = window.context
    pump_until(app, lambda: page.model_combo.count() >= N_MODELS)
    listed = page.model_combo.count()

    history = page.history
    chat = history.create_chat("Long chat")
    parent = None
    for i in range(250):
        q = history.add_message(chat.id, "user", f"Question {i}: how do I add two numbers in Python?", parent_id=parent)
        parent = history.add_message(chat.id, "assistant", ANSWER, parent_id=q.id, tokens=60,
                                     tokens_per_second=20.0, model="bench.gguf").id
    page.chat_list.refresh()

    t0 = time.perf_counter()
    page.controller.open_chat(chat.id)
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

    # 2) the real model (on the model host) streaming into the same chat, while the library
    #    changes every 300 ms (every page updates from the notification) and pages are switched.
    model = starter_model()
    real = tokens = changes = switching = switches = None
    if model is not None:
        page.settings_panel.context_size.setValue(2048)
        page.open_with(model_path=str(model))
        pump_until(app, lambda: page.backend is not None)
        page.controller.open_chat(chat.id)
        page.settings_panel.set_generation_settings(
            GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0, max_new_tokens=160))
        pump_until(app, lambda: False, 0.5)          # the meter's count of 500 messages, on the host
        page.input.setPlainText("Tell me a long story about a dragon.")
        changes = 0
        meter.start()
        page.controller.send()
        next_change = time.perf_counter() + 0.5
        while page._generating():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() >= next_change:
                context.notify_library_changed("quantize", Path("model-000-q4_k_m.gguf"))
                changes += 1
                next_change = time.perf_counter() + 1.0
        pump_until(app, lambda: False, 0.3)          # the last refreshes land
        real = meter.stop()
        tokens = page.session.thread()[-1].tokens
        # Moving between pages while the next reply streams (each page is already built).
        page.input.setPlainText("And another one, please.")
        cycle = ["models", "quantize", "merge", "train", "server", "evaluate", "settings", "chat"]
        switches = 0
        meter.start()
        page.controller.send()
        while page._generating():
            pump_until(app, lambda: False, 0.2)
            window.show_page(cycle[switches % len(cycle)])
            switches += 1
        pump_until(app, lambda: False, 0.3)
        switching = meter.stop()
    context.jobs.shutdown()

    print(f"models on disk: {N_MODELS} (listed in Chat: {listed}); chat: 500 messages")
    print(f"open a 500-message chat : {open_s * 1000:7.1f} ms   target < {OPEN_TARGET * 1000:.0f} ms "
          f"(ratio {open_s / OPEN_TARGET:.2f})  {'OK' if open_s < OPEN_TARGET else 'MISSED'}")
    print(f"longest stall, synthetic 1000 pieces/s : {synthetic * 1000:6.1f} ms   target < {STALL_TARGET * 1000:.0f} ms "
          f"(ratio {synthetic / STALL_TARGET:.2f})  {'OK' if synthetic < STALL_TARGET else 'MISSED'}")
    if real is not None:
        print(f"longest stall, SmolLM2 reply ({tokens} tokens) with {changes} library changes : "
              f"{real * 1000:6.1f} ms   target < {STALL_TARGET * 1000:.0f} ms "
              f"(ratio {real / STALL_TARGET:.2f})  {'OK' if real < STALL_TARGET else 'MISSED'}")
        print(f"longest stall, a reply streaming while switching pages ({switches} switches) : "
              f"{switching * 1000:6.1f} ms   (page layout and paint; reported, no target)")
    page.history.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

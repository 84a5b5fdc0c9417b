"""Screenshots of the Chat page in use (issue 15): a loaded model, chats with a poem, a numbered
list and a code block, and a search with its hit marked, at 1024×640 and 1920×1080.

    QT_QPA_PLATFORM=offscreen python -m tools.chat_screenshots en       # docs/screenshots/chat_1024_en.png ...
    QT_QPA_PLATFORM=offscreen python -m tools.chat_screenshots zh_CN

A fresh user folder (a temporary ALPACA_STUDIO_HOME); the model is the SmolLM2 starter GGUF.
The replies are written into the history (not generated), so the pictures are the same each run.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"

CHATS = {
    "en": [("Write a short poem about the moon", "Silver lamp above the hill,\nquiet water, cold and still.\n"
            "Every window, every tree\nborrows light it cannot see."),
           ("How do I make tea?", "Three steps:\n\n1. Boil fresh water\n2. Pour it over the leaves\n"
            "3. Wait three minutes, then pour"),
           ("Add two numbers in Python", "Here is a function:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\n"
            "Call it as `add(2, 3)`.")],
    "zh": [("写一首关于月亮的诗", "静夜思\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。"),
           ("怎么泡茶？", "三个步骤：\n\n1. 烧开水\n2. 把水倒在茶叶上\n3. 等三分钟，然后倒出"),
           ("用 Python 把两个数相加", "这是一个函数：\n\n```python\ndef add(a, b):\n    return a + b\n```\n\n"
            "调用方式：`add(2, 3)`。")],
}


def wait(app, condition, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(lang: str = "en") -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ALPACA_STUDIO_HOME"] = tempfile.mkdtemp(prefix="alpaca-chat-shots-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.gui.application import apply_style, create_window
    from engine.chat.model_list import starter_model
    from engine.chat.session import ChatSession
    from engine.settings import SettingsStore

    store = SettingsStore()
    store.settings.language = "" if lang == "en" else lang
    apply_style(app)        # the style sheet the app starts with
    window = create_window(store)
    window.show()
    window.show_page("chat")
    page = window.pages["chat"]
    suffix = "en" if lang == "en" else lang.split("_")[0]
    model = starter_model()
    last = None
    for question, answer in CHATS[suffix]:
        session = ChatSession.new(page.history)
        user = session.add_user(question)
        page.history.add_message(session.chat_id, "assistant", answer, parent_id=user.id, model=model.name,
                                 tokens=len(answer) // 2, tokens_per_second=83.9, ttft=0.12, finish="stop")
        last = session.chat_id
    page.chat_list.refresh()
    page.chat_list.select(last - 2)              # the poem
    page.open_with(model_path=str(model))
    wait(app, lambda: page.backend is not None)
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height in ((1024, 640), (1920, 1080)):
        window.resize(width, height)
        if width == 1920:                        # a search: the hit once, marked
            page.chat_list.search.setText("三分钟" if suffix == "zh" else "three minutes")
            page.chat_list.select(last - 1)      # the list, its statistics under it
        for _ in range(5):
            app.processEvents()
        path = OUT / f"chat_{width}_{suffix}.png"
        window.grab().save(str(path))
        print(path.relative_to(ROOT))
    window.context.jobs.shutdown()
    window.log_view.detach()


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["en"]))

"""The accent button follows the user's next step (issue 15 item 10): Chat's Load stops being the accent once
a model is loaded (Send is), and is the accent again after Unload."""
from __future__ import annotations

import pytest

from app.gui.context import AppContext
from app.gui.pages.chat_page import ChatPage
from engine.settings import SettingsStore

TIMEOUT = 120_000


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    p = ChatPage(context)
    qtbot.addWidget(p)
    p.resize(1024, 640)
    p.show()
    yield p
    context.jobs.shutdown()
    p.history.close()


def test_load_is_the_accent_only_until_a_model_is_loaded(page, qtbot, smollm2_gguf_path):
    assert page.load_button.property("primary")
    page.open_with(model_path=str(smollm2_gguf_path))
    qtbot.waitUntil(lambda: page.backend is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not page.load_button.property("primary"), timeout=TIMEOUT)
    assert page.send_button.property("primary")
    page.unload_button.click()
    qtbot.waitUntil(lambda: page.backend is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bool(page.load_button.property("primary")), timeout=TIMEOUT)

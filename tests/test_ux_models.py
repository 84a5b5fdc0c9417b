"""Models page defaults and base detection (issue 15 items 4, 6): opens on Alpaca-Pro-7B, lists sorted by
family and size as numbers, an unrecognised base says what it is and why no model uses it."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from app.gui.context import AppContext
from app.gui.pages.models_page import ModelsPage
from engine.catalog import size_billions
from engine.settings import SettingsStore

LONG = 60_000


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    widget = ModelsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.reading, timeout=LONG)     # the models folder is read off the UI thread
    yield widget
    context.jobs.shutdown()
    gc.collect()


def test_opens_on_the_recommended_chat_model(page, qtbot):
    assert page.selected_id() == "chinese-alpaca-pro-7b"
    assert page.details.name.text() == "Chinese-Alpaca-Pro-7B"
    # A choice is remembered for next time.
    page.select("chinese-llama-plus-13b")
    again = ModelsPage(AppContext(SettingsStore()))
    qtbot.addWidget(again)
    assert again.selected_id() == "chinese-llama-plus-13b"


def test_rows_sorted_by_family_then_size_as_numbers(page, qtbot):
    qtbot.mouseClick(page.legacy, Qt.MouseButton.LeftButton)
    ids = page.visible_ids()
    models = [page.catalog.get(i) for i in ids]
    families = [m.family for m in models]
    assert families == sorted(families, key=lambda f: f != "llama")           # LLaMA, then Alpaca
    for family in ("llama", "alpaca"):
        sizes = [size_billions(m.size) for m in models if m.family == family]
        assert sizes == sorted(sizes) and sizes[0] == 7 and sizes[-1] == 33     # 7B < 13B < 33B
    assert ids.index("chinese-alpaca-pro-13b") < ids.index("chinese-alpaca-pro-33b")


def test_unrecognised_base_says_what_was_detected_and_why_unused(page, qtbot, models):
    tiny = models.llama()
    messages = []
    page.context.status_message.connect(messages.append)
    page.add_base(str(tiny))
    qtbot.waitUntil(lambda: any("Registered" in m for m in messages), timeout=LONG)
    said = next(m for m in messages if "Registered" in m)
    assert "not a 7B/13B/33B/65B LLaMA" in said and "hidden size" in said and "not used as the base" in said
    assert "4096" in said                                  # the originals' shapes are named
    qtbot.waitUntil(lambda: "not a 7B/13B/33B/65B LLaMA" in page.bases_label.text(), timeout=LONG)
    assert page.statuses["chinese-alpaca-pro-7b"] is not None

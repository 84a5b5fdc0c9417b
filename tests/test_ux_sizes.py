"""The window fits a small laptop screen: 1024×640 and 1280×720, every page with its primary button in view."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton

from tests.factory import main_window


@pytest.fixture
def window(qtbot):
    with main_window(qtbot) as win:
        yield win


def _in_view(window, widget) -> bool:
    """The widget's whole rectangle is inside the page's visible area and the window."""
    area = window.stack.widget(window.stack.currentIndex())
    view = QRect(area.viewport().mapTo(window, QPoint(0, 0)), area.viewport().size())
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return view.contains(rect) and window.rect().contains(rect) and not widget.visibleRegion().isEmpty()


def _primary_buttons(page):
    return [b for b in page.findChildren(QPushButton) if b.property("primary") and b.isVisible()]


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_every_page_fits_with_its_primary_button_in_view(window, qtbot, size):
    window.resize(*size)
    QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640, hint
    assert (window.width(), window.height()) == size
    expected = {"models", "merge", "quantize", "chat"}
    seen = set()
    for page_id, page in window.pages.items():
        window.show_page(page_id)
        QApplication.processEvents()
        assert (window.width(), window.height()) == size, page_id      # no page makes the window grow
        buttons = _primary_buttons(page)
        if page_id in expected:
            assert buttons, page_id
        for button in buttons:
            assert _in_view(window, button), (page_id, button.text(), size)
        seen.add(page_id)
    assert expected <= seen


def test_chat_settings_panel_does_not_widen_the_window(window, qtbot):
    window.resize(1024, 640)
    window.show_page("chat")
    chat = window.pages["chat"]
    chat.settings_toggle.setChecked(True)
    QApplication.processEvents()
    assert chat.settings_panel.isVisible()
    assert (window.width(), window.height()) == (1024, 640)
    assert window.minimumSizeHint().width() <= 1024
    for button in _primary_buttons(chat):
        assert _in_view(window, button), button.text()


def test_quantize_table_scrolls_instead_of_setting_the_window_height(window, qtbot):
    window.resize(1024, 640)
    window.show_page("quantize")
    QApplication.processEvents()
    table = window.pages["quantize"].table
    assert table.minimumHeight() < table.verticalHeader().length()       # not every row reserved
    assert _in_view(window, window.pages["quantize"].start_button)

"""The menu bar lists every action with its keys; the keys work; dropping models opens the right page."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.factory import main_window

LONG = 60_000


@pytest.fixture
def window(qtbot):
    with main_window(qtbot, size=(1280, 720)) as win:
        yield win


def _menu_titles(win):
    return [a.text().replace("&", "") for a in win.menuBar().actions()]


def _shortcuts(win):
    return {name: keys for name, keys in win.menus.shortcut_rows()}


def test_menu_bar_lists_every_action_with_its_keys(window):
    assert _menu_titles(window) == ["File", "Edit", "View", "Help"]
    keys = {k: a.shortcut().toString() for k, a in window.menus.actions.items()}
    # pages: Ctrl+1…N in sidebar order
    page_ids = list(window.pages)
    for i, page_id in enumerate(page_ids[:9]):
        assert keys[f"page:{page_id}"] == f"Ctrl+{i + 1}"
        assert window.menus.actions[f"page:{page_id}"].text() == window.pages[page_id].title()
    assert keys["toggle_jobs"] == "Ctrl+J"
    assert keys["refresh"] == "F5"
    assert keys["export_md"] == "Ctrl+E" and keys["export_json"] == "Ctrl+Shift+E"
    assert keys["rename_chat"] == "F2" and keys["delete_chat"] == "Del"
    assert keys["new_chat"] == "Ctrl+N" and keys["quit"] == "Ctrl+Q"
    assert keys["open_gguf"] == "Ctrl+O" and keys["download"] == "Ctrl+D"
    # The Help list names them too.
    rows = _shortcuts(window)
    assert rows["Jobs and log panel"] == "Ctrl+J" and rows["Export the chat as Markdown…"] == "Ctrl+E"


def test_keys_switch_pages_toggle_the_panel_and_refresh(window, qtbot):
    page_ids = list(window.pages)
    for i, page_id in enumerate(page_ids[:5]):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.pages[page_id]
    assert window.bottom.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not window.bottom.isVisible() and not window.menus.actions["toggle_jobs"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.bottom.isVisible()
    changes = []
    window.context.library_changed.connect(changes.append)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert [c.kind for c in changes] == ["external"]


def test_export_without_a_chat_says_what_to_do(window, qtbot):
    messages = []
    window.context.status_message.connect(messages.append)
    window.menus.actions["export_md"].trigger()
    assert window.stack.currentWidget() is window.pages["chat"]
    assert messages and "Open a chat first" in messages[-1]


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    # A drop goes to the widget that accepted the drag's entry, as with a real drag.
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_dropping_a_lora_folder_opens_the_merge_page_with_it(window, qtbot, models):
    lora = models.lora(models.llama())
    assert _drop(window, [lora])
    merge = window.pages["merge"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is merge, timeout=LONG)
    assert merge.lora_paths() == [str(lora)]


def test_dropping_a_model_folder_opens_quantize_and_nothing_useful_says_so(window, qtbot, models, tmp_path):
    model = models.llama()
    _drop(window, [model])
    quantize = window.pages["quantize"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is quantize, timeout=LONG)
    assert quantize.current_model_dir() == str(model)
    messages = []
    window.context.status_message.connect(messages.append)
    (tmp_path / "notes.txt").write_text("hello")
    _drop(window, [tmp_path / "notes.txt"])
    qtbot.waitUntil(lambda: any("Nothing to open" in m for m in messages), timeout=LONG)
    assert window.stack.currentWidget() is quantize

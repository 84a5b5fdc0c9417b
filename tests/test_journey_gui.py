"""The whole user journey clicked through the real main window: Merge -> Quantize -> Chat -> Models.

A Plus LoRA pair sits in the models folder under its catalog ids (as if downloaded);
the user merges it into a tiny base, follows "Quantize this model…", quantizes to
Q4_K_M, follows "Chat with this model…", sends a message with Enter and reads the
streamed reply; the Models page then shows the catalog model as quantized and
offers to chat with the Q4_K_M file (not the F16 conversion kept beside it).
"""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from app.gui.pages.models_page import COL_STATE
from app.gui.pages.quantize_page import TYPES
from app.gui.worker import JobState
from engine.chat.presets import GenerationSettings
from tests.factory import main_window
from tests.journey_fixtures import PROMPT, TARGET, build_inputs, gguf_file_type, gguf_vocab, install_loras

LONG = 180_000
LEFT = Qt.MouseButton.LeftButton


def type_with_input_method(widget, text: str) -> None:
    """Chinese text arrives as an input method's commit (QTest.keyClicks handles Latin-1 only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _click_sidebar(qtbot, window, page_id: str) -> None:
    row = next(r for r in range(window.sidebar.count())
               if window.sidebar.item(r).data(Qt.ItemDataRole.UserRole) == page_id)
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), LEFT, pos=rect.center())
    assert window.stack.currentWidget() is window.pages[page_id]


@pytest.fixture
def window(qtbot):
    with main_window(qtbot, size=(1280, 800)) as win:
        yield win


def test_merge_quantize_chat_through_the_window(window, qtbot, models):
    import llama_cpp

    from engine import layout
    from engine.catalog import load_catalog
    from engine.model_library import QUANTIZED

    base, llama_plus, alpaca_plus = build_inputs(models)
    settings = window.context.settings
    install_loras(settings, llama_plus, alpaca_plus)
    merged = layout.merged_dir(settings, TARGET)
    gguf = layout.gguf_dir(settings)

    # Merge page, opened as the Models page's "Merge with…" does: the catalog chain + a base folder.
    window.context.navigate("merge", lora_ids=["chinese-llama-plus-7b", TARGET], base_dir=str(base))
    merge = window.pages["merge"]
    assert window.stack.currentWidget() is merge
    assert merge.target.currentData() == TARGET
    assert merge.out_edit.text() == str(merged)              # default output: named after the catalog model
    qtbot.waitUntil(lambda: merge.merge_button.isEnabled() or merge.plan_error.isVisible(), timeout=LONG)
    assert not merge.plan_error.isVisible()
    assert "vocabulary 49954" in merge.plan_label.text()
    qtbot.mouseClick(merge.merge_button, LEFT)
    qtbot.waitUntil(lambda: merge.job.state in (JobState.DONE, JobState.FAILED), timeout=LONG)
    assert merge.job.state == JobState.DONE, merge.status.text()
    assert json.loads((merged / "config.json").read_text())["vocab_size"] == 49954
    assert merge.quantize_button.isVisible()

    # "Quantize this model…": the Quantize page, with the merged folder as its source.
    qtbot.mouseClick(merge.quantize_button, LEFT)
    quantize = window.pages["quantize"]
    assert window.stack.currentWidget() is quantize
    assert quantize.current_model_dir() == str(merged)
    qtbot.waitUntil(lambda: quantize.info is not None, timeout=LONG)
    assert "49954" in quantize.model_label.text()
    assert quantize.out_edit.text() == str(gguf)
    row = TYPES.index("Q4_K_M")
    rect = quantize.table.visualItemRect(quantize.table.item(row, 3))
    qtbot.mouseClick(quantize.table.viewport(), LEFT, pos=rect.center())
    assert quantize.selected_type() == "Q4_K_M"
    q4 = gguf / f"{TARGET}-q4_k_m.gguf"
    assert q4.name in quantize.files_label.text()
    qtbot.mouseClick(quantize.start_button, LEFT)
    qtbot.waitUntil(lambda: quantize.results_box.isVisible() or "Failed" in quantize.status.text(), timeout=LONG)
    assert quantize.results_box.isVisible(), quantize.status.text()
    assert quantize.result_labels["load"].text() == "Yes"
    assert "Identical token ids" in quantize.result_labels["tokens"].text()
    assert q4.is_file() and gguf_vocab(q4) == 49954
    assert gguf_file_type(q4) == llama_cpp.LLAMA_FTYPE_MOSTLY_Q4_K_M

    # "Chat with this model…": the Chat page loads that GGUF; Enter sends; the reply streams in.
    qtbot.mouseClick(quantize.chat_button, LEFT)
    chat = window.pages["chat"]
    assert window.stack.currentWidget() is chat
    qtbot.waitUntil(lambda: chat.backend is not None, timeout=LONG)
    # The model list names it as the catalog does, the Q4_K_M file before the F16 conversion.
    name = load_catalog().get(TARGET).name
    assert chat.model_combo.currentData() == str(q4)
    assert chat.model_combo.currentText() == f"{name} · {q4.name}"
    assert chat.model_combo.itemData(0) == str(q4)
    assert chat.model_combo.findData(str(gguf / f"{TARGET}-f16.gguf")) > 0
    chat.settings_panel.set_generation_settings(
        GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0, max_new_tokens=8, seed=1))
    pieces = []
    chat.bridge.piece.connect(pieces.append)
    chat.input.setFocus()
    type_with_input_method(chat.input, PROMPT)
    qtbot.keyClick(chat.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chat.reply_job is not None and not chat._generating(), timeout=LONG)
    assert chat.reply_job.state == JobState.DONE
    assert chat.session.template.name == "alpaca"             # chosen from the 49954 vocabulary
    thread = chat.session.thread()
    assert [m.role for m in thread] == ["user", "assistant"] and thread[0].content == PROMPT
    answer = thread[1].content
    assert answer.strip() and pieces and "".join(pieces).strip() == answer.strip()
    assert PROMPT in chat.view.toPlainText() and answer.strip() in chat.view.toPlainText()

    # Models page: the catalog model reads as quantized from disk; its next step chats with the Q4_K_M file.
    window.show_page("models")
    models_page = window.pages["models"]
    assert window.stack.currentWidget() is models_page
    qtbot.waitUntil(lambda: not models_page.reading, timeout=LONG)     # its read of the folder arrived
    assert models_page.statuses[TARGET].state == QUANTIZED
    assert models_page.table.item(models_page.row_of(TARGET), COL_STATE).text() == "✓ Quantized"
    assert models_page.statuses[TARGET].merged == [merged]
    label, page_id, kwargs = models_page.next_step_for(TARGET)
    assert (page_id, kwargs) == ("chat", {"model_path": str(q4)})


def test_sidebar_pages_see_outputs_made_after_the_window_opened(window, qtbot, models):
    """Users also move between pages with the sidebar: pages built at start-up list new outputs, updated
    from the one library-change notification a finished job sends (not by rescanning when shown)."""
    import shutil

    from engine import layout

    settings = window.context.settings
    window.show_page("quantize")                # seen once while the models folder is still empty
    window.show_page("chat")
    window.show_page("models")
    merged = layout.merged_dir(settings, TARGET)
    shutil.copytree(build_inputs(models)[0], merged)             # as if just merged on the Merge page
    q4 = layout.gguf_dir(settings) / f"{TARGET}-q4_k_m.gguf"
    q4.write_bytes(b"GGUF")                     # listed by name; never loaded here
    window.context.notify_library_changed("merge", merged)          # what the Merge and Quantize jobs say
    window.context.notify_library_changed("quantize", q4)

    _click_sidebar(qtbot, window, "quantize")
    quantize = window.pages["quantize"]
    qtbot.waitUntil(lambda: not quantize.listing, timeout=LONG)         # listed off the UI thread
    assert quantize.source.findData(str(merged)) == 1 and "just merged" in quantize.source.itemText(1)
    assert quantize.current_model_dir() == str(merged)
    qtbot.waitUntil(lambda: quantize.info is not None, timeout=LONG)

    _click_sidebar(qtbot, window, "chat")
    chat = window.pages["chat"]
    qtbot.waitUntil(lambda: chat.model_combo.findData(str(q4)) >= 0)   # listed off the UI thread

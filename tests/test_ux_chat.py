"""Issue 15, Chat: a reply keeps its shape when it ends (line breaks kept while streaming and
after, the statistics line outside the reply's Markdown, code blocks with a background and a copy
link); the chat list shows a search hit once with the match marked, only from the current
branch; editing the first message renames the chat; separators between chats."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextFormat

from app.gui.chat.chat_list import HTML_ROLE
from app.gui.chat.message_view import CODE_BACKGROUND, ShownMessage
from engine.chat.session import ChatSession
from tests.test_chat_page import page  # noqa: F401 - the page fixture

POEM = "静夜思\n\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。"
LIST = "Three steps:\n\n1. Boil water\n2. Add tea\n3. Wait three minutes"


def stream(view, text: str) -> str:
    """Stream ``text`` two characters at a time; the reply's text as shown at the last piece."""
    before = len(view.toPlainText())
    view.begin_stream()
    for i in range(0, len(text), 2):
        view.append_stream(text[i:i + 2])
    return view.toPlainText()[before:]


def blocks(view) -> list:
    out, block = [], view.document().begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def test_a_streamed_poem_keeps_its_lines_when_it_ends(page):
    page.view.set_messages([ShownMessage(1, "user", "写一首诗")])
    during = stream(page.view, POEM)
    page.view.end_stream(ShownMessage(2, "assistant", POEM, "83.9 tokens/s · 40 tokens"))
    after = page.view.toPlainText()
    lines = ["床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"]
    assert "\n".join(lines) in during and "\n".join(lines) in after      # one line each, both times
    # What streaming showed is what stays, apart from the header's links and the statistics.
    assert during.split("Assistant")[-1].strip() == after.split("Copy\n")[-1].rsplit("\n", 1)[0].strip()
    # Opening the chat again draws it the same way.
    page.view.set_messages([ShownMessage(1, "user", "写一首诗"), ShownMessage(2, "assistant", POEM, "83.9 tokens/s")])
    assert "\n".join(lines) in page.view.toPlainText()


def test_stats_after_a_numbered_list_are_not_a_list_item(page):
    page.view.set_messages([ShownMessage(1, "user", "How do I make tea?")])
    during = stream(page.view, LIST)
    assert "Boil water\nAdd tea\n" in during                  # finished lines are a list already
    page.view.end_stream(ShownMessage(2, "assistant", LIST, "83.9 tokens/s · 12 tokens"))
    items = [b.text() for b in blocks(page.view) if b.textList() is not None]
    assert items == ["Boil water", "Add tea", "Wait three minutes"]
    stats = next(b for b in blocks(page.view) if "tokens/s" in b.text())
    assert stats.textList() is None and stats.text() == "83.9 tokens/s · 12 tokens"
    # The next message starts outside the list too.
    page.view.append_message(ShownMessage(3, "user", "thanks"))
    assert next(b for b in blocks(page.view) if b.text() == "thanks").textList() is None


def test_code_blocks_have_a_background_and_a_copy_link(page):
    text = "Run this:\n\n```python\nprint('hi')\nprint('there')\n```\n\nDone."
    page.view.set_messages([ShownMessage(1, "user", "code"), ShownMessage(2, "assistant", text, "1.0 tokens/s")])
    code = [b for b in blocks(page.view) if b.text().startswith("print")]
    assert [b.text() for b in code] == ["print('hi')", "print('there')"]
    assert all(b.blockFormat().background().color() == CODE_BACKGROUND for b in code)
    done = next(b for b in blocks(page.view) if b.text() == "Done.")
    assert not done.blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush)
    page.view.anchorClicked.emit(QUrl("copycode:2:0"))
    assert QGuiApplication.clipboard().text() == "print('hi')\nprint('there')"


def _rows(page):
    lst = page.chat_list.list
    return [(lst.item(i).text(), lst.item(i).data(HTML_ROLE)) for i in range(lst.count())]


def test_search_hit_once_highlighted_and_only_in_the_current_branch(page, qtbot):
    history = page.history
    one = ChatSession.new(history)
    first = one.add_user("Tell me about green apples please")
    history.add_message(one.chat_id, "assistant", "Apples are fruit.", parent_id=first.id)
    one.edit_user(first.id, "Tell me about ripe bananas")       # the apples branch is abandoned
    two = ChatSession.new(history)
    two.add_user("What rhymes with orange?")
    history.add_message(two.chat_id, "assistant", "Nothing rhymes with orange, sadly.",
                        parent_id=two.thread()[-1].id)
    page.chat_list.refresh()
    assert len(_rows(page)) == 2
    qtbot.keyClicks(page.chat_list.search, "apples")
    assert _rows(page) == []                                  # only the old branch had apples
    page.chat_list.search.clear()
    qtbot.keyClicks(page.chat_list.search, "sadly")
    [(title, html)] = _rows(page)
    assert title == "What rhymes with orange?"
    assert html.count("What rhymes with orange?") == 1        # the title once, then the hit
    assert "rhymes with orange, <b" in html and ">sadly</b>" in html
    page.chat_list.search.clear()
    qtbot.keyClicks(page.chat_list.search, "Orange")
    [(title, html)] = _rows(page)
    assert html.count("rhymes with") == 1 and ">orange</b>" in html   # title hit: no repeated snippet
    # Every chat is drawn with a separator: the delegate paints a line under each row.
    page.chat_list.search.clear()
    assert type(page.chat_list.list.itemDelegate()).__name__ == "ChatItemDelegate"
    page.chat_list.list.grab()                                # paints without error


def test_editing_the_first_message_renames_the_chat(page, qtbot):
    session = ChatSession.new(page.history)
    first = session.add_user("Name a colour")
    page.history.add_message(session.chat_id, "assistant", "Blue.", parent_id=first.id)
    page.chat_list.refresh()
    page.chat_list.select(session.chat_id)
    assert page.chat_list.list.currentItem().text() == "Name a colour"
    edited = page.session.edit_user(first.id, "Name a fruit")     # what Send does after Edit
    page.chat_list.refresh()
    assert page.history.chat(session.chat_id).title == "Name a fruit"
    assert page.chat_list.list.currentItem().text() == "Name a fruit"
    # A chat the user renamed keeps its name; editing a later message never renames.
    page.history.rename_chat(session.chat_id, "Mine")
    page.session.edit_user(edited.id, "Name a tree")
    assert page.history.chat(session.chat_id).title == "Mine"


def test_chat_with_a_lora_from_the_train_page_loads_it_unmerged(page, qtbot, tiny_llama_dir, tiny_lora_dir):
    # What the Train page's "Chat with this LoRA…" hands over.
    page.open_with(model_path=str(tiny_llama_dir), lora=str(tiny_lora_dir))
    qtbot.waitUntil(lambda: page.backend is not None or page.model_status.text().startswith("Loading failed"),
                    timeout=120_000)
    assert page.backend is not None, (page.notice.text(), page.model_status.text())
    assert page.backend.lora == str(tiny_lora_dir) and page.backend.options.lora == str(tiny_lora_dir)
    assert page.settings_panel.lora.text() == str(tiny_lora_dir)

    def layer_is_unmerged(backend, _cancel):
        q = backend.model.base_model.model.model.layers[0].self_attn.q_proj
        return hasattr(q, "lora_A") and not q.merged
    assert page.context.host.run(layer_is_unmerged).result(timeout=60)


def test_loading_shows_progress_memory_and_the_model_and_a_failure_says_why(page, qtbot, smollm2_gguf_path, tmp_path):
    from app.gui.chat.chat_models import process_memory  # noqa: F401 - what the line shows

    qtbot.waitUntil(lambda: page.model_combo.count() > 0, timeout=60_000)      # listed off the UI thread
    lines = []
    page.controller.model.load_progress.connect(lambda _p: lines.append(page.model_status.text()))
    copy = tmp_path / "my-model.gguf"                         # not in the list: a hand-off from elsewhere
    copy.write_bytes(smollm2_gguf_path.read_bytes())
    page.open_with(model_path=str(copy))
    assert page.model_combo.currentData() == str(copy)        # the list shows what is loading
    assert page.center.currentWidget() is page.view           # the "no model yet" notice gives way
    qtbot.waitUntil(lambda: page.backend is not None, timeout=120_000)
    assert any("Reading my-model.gguf" in line and "memory in use" in line for line in lines), lines
    assert any(" MB / " in line for line in lines)           # bytes read of the file's size
    assert "(trained with 8192)" in page.model_status.text() and "memory-mapped" in page.model_status.text()

    # Longer than trained without RoPE scaling: a warning; within, or with scaling: none.
    panel = page.settings_panel
    panel.rope_scaling.setCurrentIndex(panel.rope_scaling.findData("none"))
    panel.context_size.setValue(16384)
    assert page.context_warning.isVisible() and "8192" in page.context_warning.text()
    panel.context_size.setValue(4096)
    assert not page.context_warning.isVisible()
    panel.context_size.setValue(16384)
    panel.rope_scaling.setCurrentIndex(panel.rope_scaling.findData("ntk"))
    assert not page.context_warning.isVisible()
    panel.context_size.setValue(2048)

    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 64)
    page.open_with(model_path=str(broken))
    qtbot.waitUntil(lambda: not page.controller.loading(), timeout=120_000)
    assert page.model_status.text().startswith("Loading failed:") and "broken.gguf" in page.model_status.text()
    assert not page.load_progress.isVisible()
    assert page.notice.isVisible() and "broken.gguf" in page.notice.text()
    page.controller.update_state()                            # later refreshes keep saying why
    assert page.model_status.text().startswith("Loading failed:")


def test_gpu_layers_per_model_with_a_vram_estimate(page, qtbot, smollm2_gguf_path, tmp_path):
    mine = tmp_path / "mine.gguf"
    mine.write_bytes(smollm2_gguf_path.read_bytes())
    qtbot.waitUntil(lambda: page.model_combo.count() > 0, timeout=60_000)
    panel, spin = page.settings_panel, page.settings_panel.gpu_layers
    page.model_combo.addItem("mine", str(mine))
    page.model_combo.setCurrentIndex(page.model_combo.count() - 1)
    qtbot.waitUntil(lambda: panel.vram_note.text() != "", timeout=30_000)   # header read off the UI thread
    assert spin.maximum() == 30 and spin.value() == -1                   # SmolLM2: 30 layers; default: Settings
    spin.setValue(10)
    assert "for 10 of 30 layers" in panel.vram_note.text() and "MB" in panel.vram_note.text()
    spin.setValue(0)
    assert "CPU only" in panel.vram_note.text()
    spin.setValue(12)
    page.load_button.click()
    qtbot.waitUntil(lambda: page.backend is not None, timeout=120_000)
    assert page.backend.options.gpu_layers == 12                          # reached llama.cpp's n_gpu_layers
    # Remembered for this model only.
    other = page.model_combo.findData(str(smollm2_gguf_path))
    page.model_combo.setCurrentIndex(other)
    assert spin.value() == -1
    page.model_combo.setCurrentIndex(page.model_combo.findData(str(mine)))
    assert spin.value() == 12

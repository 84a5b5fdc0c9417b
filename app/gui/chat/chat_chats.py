"""The chat list's side of the Chat controller: new, open, rename, delete (with undo),
export and import chats, branches and editing.  Mixed into ChatController, whose state
(``history``, ``session``, ``page``...) it uses."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog

from engine.chat.session import ChatSession
from engine.errors import UserError
from engine.history import Message

from ..error_dialog import show_error
from .message_view import ShownMessage


class ChatsMixin:
    @Slot()
    def new_chat(self) -> None:
        if self.generating():
            return
        self.session = None
        self.editing_id = None
        self.page.chat_list.list.clearSelection()
        self.page.chat_list.list.setCurrentItem(None)
        self.page.view.set_messages([])
        self.page.settings_panel.system_prompt.blockSignals(True)
        self.page.settings_panel.system_prompt.setPlainText("")
        self.page.settings_panel.system_prompt.blockSignals(False)
        self.page.stats.setText("")
        self.update_meter()
        self.update_state()
        self.page.input.setFocus()

    @Slot(int)
    def open_chat(self, chat_id: int) -> None:
        if self.generating():
            return
        self.session = ChatSession(self.history, chat_id, settings=self.page.settings_panel.generation_settings())
        chat = self.session.chat
        self.editing_id = None
        panel = self.page.settings_panel
        panel.system_prompt.blockSignals(True)
        panel.system_prompt.setPlainText(chat.system_prompt)
        panel.system_prompt.blockSignals(False)
        panel.set_template_choice(chat.template or "auto")
        if self.info is not None:
            self.attach()
        self.render_thread()
        self.remember("chat.last_chat", chat_id)
        self.page.stats.setText("")
        self.update_meter()
        self.update_state()

    def ensure_session(self) -> ChatSession:
        if self.session is None:
            self.session = ChatSession.new(self.history, system_prompt=self.page.settings_panel.system_prompt.toPlainText(),
                                           template_choice=self.page.settings_panel.template_choice(),
                                           settings=self.page.settings_panel.generation_settings())
            if self.info is not None:
                self.attach()
            self.page.chat_list.refresh(select=self.session.chat_id)
        return self.session

    def shown_thread(self) -> list[ShownMessage]:
        if self.session is None:
            return []
        every = self.history.messages(self.session.chat_id)
        groups: dict = {}
        for m in every:
            groups.setdefault((m.parent_id, m.role), []).append(m.id)
        out = []
        for m in self.history.thread(self.session.chat_id):
            siblings = groups.get((m.parent_id, m.role), [m.id])
            out.append(ShownMessage(m.id, m.role, m.content, self.meta(m),
                                    (siblings.index(m.id) + 1, len(siblings)), siblings))
        return out

    def render_thread(self) -> None:
        shown = self.shown_thread()
        self.page.view.set_messages(shown)
        self.page.center.setCurrentWidget(self.page.view if shown or self.info is not None else self.page.empty_state)

    def meta(self, m: Message) -> str:
        if m.role != "assistant" or not m.tokens:
            return ""
        parts = [self.tr("{rate:.1f} tokens/s").format(rate=m.tokens_per_second or 0),
                 self.tr("{n} tokens").format(n=m.tokens)]
        if m.model:
            parts.append(m.model)
        if m.finish == "stopped":
            parts.append(self.tr("stopped"))
        elif m.finish == "length":
            parts.append(self.tr("cut off (Continue to go on)"))
        return " · ".join(parts)

    @Slot(int)
    def rename_chat(self, chat_id: int) -> None:
        chat = self.history.chat(chat_id)
        title, ok = QInputDialog.getText(self.page, self.tr("Rename chat"), self.tr("Name"), text=chat.title)
        if ok:
            try:
                self.history.rename_chat(chat_id, title)
            except UserError as exc:
                self.show_notice(str(exc))
            self.page.chat_list.refresh()

    @Slot(int)
    def delete_chat(self, chat_id: int) -> None:
        if self.generating() and self.session is not None and self.session.chat_id == chat_id:
            return
        title = self.history.chat(chat_id).title
        self.history.delete_chat(chat_id)
        self.deleted_id = chat_id
        if self.session is not None and self.session.chat_id == chat_id:
            self.new_chat()
        self.page.chat_list.refresh()
        self.show_notice(self.tr("Deleted “{title}”.").format(title=title), undo=True)

    @Slot()
    def undo_delete(self) -> None:
        if self.deleted_id is not None:
            self.history.undo_delete(self.deleted_id)
            self.page.chat_list.refresh(select=self.deleted_id)
            self.open_chat(self.deleted_id)
            self.deleted_id = None
        self.show_notice("")

    @Slot(int, str)
    def export_chat(self, chat_id: int, fmt: str, path: str | None = None) -> None:
        if path is None:
            title = self.history.chat(chat_id).title
            safe = "".join(c for c in title if c.isalnum() or c in " -_").strip() or "chat"
            filters = self.tr("Markdown (*.md)") if fmt == "md" else self.tr("JSON (*.json)")
            path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export chat"), f"{safe}.{fmt}", filters)
            if not path:
                return
            if not path.endswith(f".{fmt}"):
                path += f".{fmt}"
        self.history.save_export(chat_id, Path(path))
        self.context.show_status(self.tr("Exported to {path}").format(path=path))

    @Slot()
    def import_chat(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.page, self.tr("Import a chat"), "", self.tr("JSON (*.json)"))
            if not path:
                return
        try:
            chat = self.history.import_json(Path(path))
        except UserError as exc:
            show_error(self.page, self.tr("Import failed"), exc.message, exc.hint, "")
            return
        self.page.chat_list.refresh(select=chat.id)
        self.open_chat(chat.id)

    @Slot(int)
    def start_edit(self, message_id: int) -> None:
        if self.generating():
            return
        self.editing_id = message_id
        self.page.input.setPlainText(self.history.message(message_id).content)
        self.page.input.setFocus()
        self.show_notice(self.tr("Editing an earlier message: Send makes a new branch, the old one is kept "
                                 "(Esc cancels)."))

    @Slot(int)
    def show_version(self, message_id: int) -> None:
        if self.generating() or self.session is None:
            return
        self.history.select_branch(message_id)
        self.render_thread()
        self.update_meter()
        self.update_state()

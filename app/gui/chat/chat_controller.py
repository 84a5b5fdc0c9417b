"""The Chat page's controller: its state and every operation behind its widgets.

The model lives on the model host's thread (engine/host); this controller only sends it
requests through ``context.model`` (app/gui/host_bridge.py): load, reply (``run`` with
the ChatSession), the context meter's token count, unload, stop (cancel).  Disk reads
(the model list) go through ``context.jobs.query``; the list follows
``context.library_changed`` rather than rescanning whenever the page is shown.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject, Signal, Slot

from engine.chat.presets import GenerationSettings
from engine.chat.session import ChatSession
from engine.errors import UserError
from engine.history import History
from engine.host import ModelInfo

from .chat_chats import ChatsMixin
from .chat_models import ModelsMixin
from .message_view import ShownMessage

if TYPE_CHECKING:
    from ..pages.chat_page import ChatPage

class StreamBridge(QObject):
    """Emitted on the host thread, received on the UI thread (queued)."""

    piece = Signal(str)
    prompt = Signal(object)


class ChatController(ModelsMixin, ChatsMixin, QObject):
    def __init__(self, page: "ChatPage") -> None:
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.model = page.context.model          # the HostBridge: the one model, shared
        self.history = History()
        self.info: Optional[ModelInfo] = None    # the loaded model, as last announced
        self.session: Optional[ChatSession] = None
        self.reply_job = None                    # HostCall of the reply in progress (or the last one)
        self.load_job = None                     # the device check (a query) or the host's load
        self.editing_id: Optional[int] = None
        self.deleted_id: Optional[int] = None
        self._pending_settings = False
        self._meter_call = None
        self._meter_again = False
        self.closed = False
        self.stream = StreamBridge(self)
        self.stream.piece.connect(self._on_piece)
        self.stream.prompt.connect(self._on_prompt)

    def start(self) -> None:
        """After the view is built: restore choices, list models, follow the host and the library."""
        self._restore()
        self.refresh_models()
        self.page.chat_list.refresh()
        self.model.model_loaded.connect(self._on_model_loaded)
        self.model.model_unloaded.connect(self._on_model_unloaded)
        self.model.load_progress.connect(self._load_progress)
        self.context.library_changed.connect(self._library_changed)
        if self.model.info is not None:          # loaded by another page before this one was built
            self._on_model_loaded(self.model.info)
        self.update_meter()
        self.update_state()

    # remembered choices ----------------------------------------------------------------------------
    def _restore(self) -> None:
        store, panel = self.context.store, self.page.settings_panel
        saved = store.ui_value("chat.settings")
        if isinstance(saved, dict):
            try:
                panel.set_generation_settings(GenerationSettings.from_dict(saved).validate())
            except (UserError, TypeError):
                pass
        panel.context_size.setValue(int(store.ui_value("chat.context_size", 2048) or 2048))
        panel.set_device_choice(str(store.ui_value("chat.device", "auto") or "auto"))
        panel.set_dtype_choice(str(store.ui_value("chat.dtype", "auto") or "auto"))
        panel.set_rope_scaling_choice(str(store.ui_value("chat.rope_scaling", "ntk") or "ntk"))
        visible = bool(store.ui_value("chat.settings_visible", False))
        self.page.settings_toggle.setChecked(visible)
        panel.setVisible(visible)

    def remember(self, key: str, value) -> None:
        if self.context.store.ui_value(key) != value:
            self.context.store.set_ui_value(key, value)

    @Slot(bool)
    def toggle_settings(self, on: bool) -> None:
        self.page.settings_panel.setVisible(on)
        self.remember("chat.settings_visible", on)

    # sending and streaming ------------------------------------------------------------------------------
    def generating(self) -> bool:
        return self.reply_job is not None and self.reply_job.is_active

    @Slot()
    def send(self) -> None:
        p = self.page
        text = p.input.toPlainText()
        if not text.strip() or self.generating():
            return
        if self.info is None:
            self.show_notice(self.tr("Load a model first: pick one above and press Load."))
            return
        session = self.ensure_session()
        # As the REPL: a message that cannot fit is refused before it is saved (counted on the host
        # thread; the history is read here), a new version of an edited message too.  Sending goes
        # on once it is known to fit.
        session.settings = p.settings_panel.generation_settings()
        thread, editing = session.thread(), self.editing_id
        ids = [m.id for m in thread]
        turns = session.turns(thread[:ids.index(editing)] if editing in ids else thread)
        try:
            call = self.model.run(self.tr("Chat reply"),
                                  lambda backend, _c: session.check_fits(text, backend, turns=turns))
        except UserError as exc:            # the host's queue is full or it was shut down
            self.show_notice(str(exc))
            return
        self.reply_job = call
        call.finished.connect(lambda _r: self._send_checked(session, text, editing))
        call.failed.connect(self._send_refused)
        call.cancelled.connect(self._send_refused)
        self.update_state()

    def _send_refused(self, message: str = "", hint: str = "", _details: str = "") -> None:
        self.reply_job = None
        if message:
            self.show_notice(f"{message} {hint}".strip())
        self.update_state()

    def _send_checked(self, session, text: str, editing: Optional[int]) -> None:
        self.reply_job = None
        if session is not self.session:         # another chat was opened meanwhile
            self.update_state()
            return
        try:
            if editing is not None:
                session.edit_user(editing, text)
                if self.editing_id == editing:
                    self.editing_id = None
                self.render_thread()
            else:
                message = session.add_user(text)
                self.page.view.append_message(ShownMessage(message.id, "user", message.content))
        except UserError as exc:
            self._send_refused(str(exc))
            return
        self._sent(session)

    def _sent(self, session) -> None:
        p = self.page
        p.center.setCurrentWidget(p.view)
        p.input.clear()
        p.chat_list.refresh(select=session.chat_id)
        self._start_reply()

    def _start_reply(self, continue_last: bool = False) -> None:
        session, p = self.session, self.page
        session.settings = p.settings_panel.generation_settings()
        self.remember("chat.settings", session.settings.to_dict())
        if continue_last:
            p.view.begin_continue()
        else:
            p.view.begin_stream()
        self.show_notice("")
        piece, prompt = self.stream.piece.emit, self.stream.prompt.emit

        def reply(backend, cancel):             # on the host thread
            return session.reply(backend=backend, cancel=cancel, on_piece=piece, on_prompt=prompt,
                                 continue_last=continue_last)
        try:
            call = self.model.run(self.tr("Chat reply"), reply)
        except UserError as exc:            # the host's queue is full (HostBusy) or it was shut down
            self._reply_failed(exc.message, exc.hint, "")
            return
        self.reply_job = call
        call.finished.connect(self._reply_done)
        call.failed.connect(self._reply_failed)
        call.cancelled.connect(lambda: self._reply_failed("", "", ""))
        self.update_state()

    @Slot(str)
    def _on_piece(self, piece: str) -> None:
        self.page.view.append_stream(piece)

    @Slot(object)
    def _on_prompt(self, fitted) -> None:
        if fitted.dropped_messages:
            self.show_notice(self.tr("{n} older message(s) no longer fit in the model's context and were left "
                                     "out of this reply. The system prompt is kept.").format(n=fitted.dropped_messages))
        self.page.meter.setRange(0, fitted.context_size)
        self.page.meter.setValue(fitted.prompt_tokens)

    @Slot(object)
    def _reply_done(self, reply) -> None:
        p, m = self.page, reply.message
        shown = None
        if m is not None:
            siblings = [s.id for s in self.history.siblings(m.id)]
            shown = ShownMessage(m.id, "assistant", m.content, self.meta(m),
                                 (siblings.index(m.id) + 1, len(siblings)), siblings)
        if shown is not None and shown.version[1] > 1:
            p.view.end_stream(None)
            self.render_thread()
        else:
            p.view.end_stream(shown)
        s = reply.stats
        p.stats.setText(self.tr("{rate:.1f} tokens/s · first token {ttft:.2f} s · {n} tokens").format(
            rate=s.tokens_per_second, ttft=s.time_to_first_token, n=s.generated_tokens))
        p.stats.setToolTip(p.stats.text())
        p.meter.setRange(0, reply.fitted.context_size)
        p.meter.setValue(min(reply.fitted.context_size, reply.fitted.prompt_tokens + s.generated_tokens))
        p.chat_list.refresh()
        self.update_state()
        if self._pending_settings:
            self.settings_changed()

    @Slot(str, str, str)
    def _reply_failed(self, message: str, hint: str, _details: str) -> None:
        self.page.view.end_stream(None)
        self.render_thread()
        if message:
            self.show_notice(f"{message} {hint}".strip())
        self.update_state()

    @Slot()
    def stop(self) -> None:
        if self.generating():
            self.reply_job.cancel()

    @Slot()
    def regenerate(self) -> None:
        if self.generating() or self.session is None or self.info is None:
            return
        try:
            self.session.prepare_regenerate()
        except UserError as exc:
            self.show_notice(str(exc))
            return
        self.render_thread()
        self._start_reply()

    @Slot()
    def continue_reply(self) -> None:
        if self.generating() or self.session is None or self.info is None:
            return
        thread = self.session.thread()
        if not thread or thread[-1].role != "assistant":
            return
        self._start_reply(continue_last=True)

    @Slot()
    def escape(self) -> None:
        if self.generating():
            self.stop()
        elif self.editing_id is not None:
            self.editing_id = None
            self.page.input.clear()
            self.show_notice("")

    # state ------------------------------------------------------------------------------------------------
    def show_notice(self, text: str, undo: bool = False) -> None:
        self.page.notice.setText(text)
        self.page.notice.setVisible(bool(text))
        self.page.undo_button.setVisible(undo and bool(text))

    @Slot()
    def settings_changed(self) -> None:
        if self.generating():
            self._pending_settings = True      # applied when the reply ends (the host uses the session)
            return
        self._pending_settings = False
        panel = self.page.settings_panel
        if self.session is not None:
            self.session.set_system_prompt(panel.system_prompt.toPlainText())
            if self.info is not None:
                self.attach()
        self.remember("chat.settings", panel.generation_settings().to_dict())
        self.show_template_note()
        self.update_meter()

    def update_meter(self) -> None:
        """The context meter: the branch's prompt counted by the model, on the host thread."""
        meter = self.page.meter
        meter.setVisible(self.info is not None)
        if self.info is None:
            return
        meter.setRange(0, self.info.context_size)
        session = self.session
        if session is None or session.template is None:
            meter.setValue(0)
            return
        if self._meter_call is not None and self._meter_call.is_active:
            self._meter_again = True            # one count at a time; the latest state wins
            return
        session.settings = self.page.settings_panel.generation_settings()
        try:
            self._meter_call = self.model.run("context meter", lambda backend, _c: session.context_usage(backend))
        except UserError:                   # busy or shut down: the next change counts again
            return
        self._meter_call.finished.connect(lambda usage: self._meter_counted(session, usage))
        self._meter_call.failed.connect(lambda *_: self._meter_counted(session, None))

    def _meter_counted(self, session, usage) -> None:
        if self._meter_again:
            self._meter_again = False
            self.update_meter()
            return
        if session is self.session and self.info is not None and not self.generating():
            self.page.meter.setValue(usage.prompt_tokens if usage else 0)

    def update_state(self) -> None:
        p = self.page
        generating, loading, loaded = self.generating(), self.loading(), self.info is not None
        thread = self.session.thread() if self.session is not None and not generating else []
        p.send_button.setVisible(not generating)
        p.stop_button.setVisible(generating)
        p.send_button.setEnabled(loaded)
        p.load_button.setEnabled(not loading and not generating)
        p.unload_button.setEnabled(loaded and not generating and not loading)
        p.model_combo.setEnabled(not loading and not generating)
        p.regen_button.setEnabled(loaded and not generating and bool(thread))
        p.continue_button.setEnabled(loaded and not generating and bool(thread) and thread[-1].role == "assistant")
        p.chat_list.setEnabled(not generating)
        if not loading:
            p.model_status.setText(self.tr("Loading failed: {reason}").format(reason=self.load_error)
                                   if self.load_error and not loaded else self.model_label())
        if p.center.currentWidget() is p.empty_state and (loaded or loading or p.view.message_count()):
            p.center.setCurrentWidget(p.view)
        elif not loaded and not loading and not p.view.message_count():
            p.center.setCurrentWidget(p.empty_state)

    def close(self) -> None:
        """Stop following the host and the library, close the history (a page that goes away)."""
        self.closed = True
        for signal, slot in ((self.model.model_loaded, self._on_model_loaded),
                             (self.model.model_unloaded, self._on_model_unloaded),
                             (self.model.load_progress, self._load_progress),
                             (self.context.library_changed, self._library_changed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.history.close()

    def can_close(self) -> bool:
        if self.generating():
            self.reply_job.cancel()
            self.reply_job.wait(10000)      # the reply stops within a token; it is saved
        return True

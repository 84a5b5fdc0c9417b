"""Chat: talk to a GGUF or Hugging Face model, with history that is never lost.

Loading and generating run as jobs on worker threads; text pieces arrive through
a queued signal and are appended to the view as they come.  Everything is saved
in the SQLite history by the engine's ChatSession (the same one the CLI uses).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu, QProgressBar,
                               QSizePolicy,
                               QPushButton, QSplitter, QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from engine.chat.backends import LoadOptions, detect_kind, load_model
from engine.chat.model_list import ready_models, starter_model
from engine.chat.presets import GenerationSettings
from engine.chat.session import ChatSession
from engine.errors import UserError
from engine.history import History, Message

from ..chat.chat_list import ChatList
from ..chat.input_box import ChatInput
from ..chat.message_view import MessageView, ShownMessage
from ..chat.settings_panel import SettingsPanel, check_device
from ..error_dialog import show_error
from ..worker import Job
from .base import Page

RECENT_LIMIT = 8


class StreamBridge(QObject):
    """Emitted on the worker thread, received on the UI thread (queued)."""

    piece = Signal(str)
    prompt = Signal(object)


class ChatPage(Page):
    PAGE_ID = "chat"
    ORDER = 40
    ICON = "chat.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.history = History()
        self.backend = None
        self.session: Optional[ChatSession] = None
        self.reply_job = None
        self.load_job = None
        self.editing_id: Optional[int] = None
        self.deleted_id: Optional[int] = None
        self._pending_settings = False
        self.bridge = StreamBridge(self)
        self.bridge.piece.connect(self._on_piece)
        self.bridge.prompt.connect(self._on_prompt)
        self._build()
        self._restore()
        self.refresh_models()
        self.chat_list.refresh()
        self._update_meter()
        self._update_state()

    def title(self) -> str:
        return self.tr("Chat")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh_models()       # the page is built at start-up; list models quantized or merged since

    # layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.chat_list = ChatList(self.history)
        self.chat_list.chat_selected.connect(self.open_chat)
        self.chat_list.new_requested.connect(self.new_chat)
        self.chat_list.rename_requested.connect(self.rename_chat)
        self.chat_list.delete_requested.connect(self.delete_chat)
        self.chat_list.export_requested.connect(self.export_chat)
        self.chat_list.import_requested.connect(self.import_chat)

        # model bar
        self.model_combo = QComboBox()
        self.model_combo.setMinimumWidth(180)
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setMinimumContentsLength(12)
        self.model_combo.setToolTip(self.tr("Models ready to chat: GGUF files and merged models in your models "
                                            "folder, and models you opened before"))
        self.open_button = QToolButton()
        self.open_button.setText(self.tr("Open…"))
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        open_menu = QMenu(self.open_button)
        open_menu.addAction(self.tr("GGUF file…"), self.open_gguf)
        open_menu.addAction(self.tr("Hugging Face model folder…"), self.open_hf_folder)
        self.open_button.setMenu(open_menu)
        self.load_button = QPushButton(self.tr("Load"))
        self.load_button.setProperty("primary", True)
        self.load_button.clicked.connect(self.load_selected)
        self.unload_button = QPushButton(self.tr("Unload"))
        self.unload_button.clicked.connect(self.unload)
        self.load_progress = QProgressBar()
        self.load_progress.setMaximumWidth(160)
        self.load_progress.setVisible(False)
        self.model_status = QLabel(self.tr("No model loaded"))
        self.model_status.setObjectName("hint")
        self.model_status.setMinimumWidth(60)
        self.settings_toggle = QToolButton()
        self.settings_toggle.setText(self.tr("Settings"))
        self.settings_toggle.setCheckable(True)
        self.settings_toggle.setToolTip(self.tr("Show or hide the chat settings (Ctrl+Shift+S)"))
        self.settings_toggle.setShortcut(QKeySequence("Ctrl+Shift+S"))
        model_bar = QHBoxLayout()
        model_bar.addWidget(QLabel(self.tr("Model")))
        model_bar.addWidget(self.model_combo, 1)
        model_bar.addWidget(self.open_button)
        model_bar.addWidget(self.load_button)
        model_bar.addWidget(self.unload_button)
        model_bar.addWidget(self.settings_toggle)
        status_row = QHBoxLayout()
        status_row.addWidget(self.model_status, 1)
        status_row.addWidget(self.load_progress)

        # conversation
        self.view = MessageView()
        self.view.labels = {"user": self.tr("You"), "assistant": self.tr("Assistant"), "system": self.tr("System"),
                            "copy": self.tr("Copy"), "edit": self.tr("Edit"), "copy_code": self.tr("Copy code"),
                            "stopped": self.tr("stopped")}
        self.view.edit_requested.connect(self.start_edit)
        self.view.version_requested.connect(self.show_version)
        self.view.copied.connect(lambda _t: self.context.show_status(self.tr("Copied to the clipboard.")))
        self.empty_state = self._build_empty_state()
        self.center = QStackedWidget()
        self.center.addWidget(self.empty_state)
        self.center.addWidget(self.view)

        self.notice = QLabel()
        self.notice.setObjectName("warning")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_delete)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.undo_button)

        self.input = ChatInput()
        self.input.setPlaceholderText(self.tr("Type a message. Enter sends, Shift+Enter adds a line."))
        self.input.send_requested.connect(self.send)
        self.input.escape_pressed.connect(self._escape)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the reply (Esc); what was written is kept"))
        self.stop_button.clicked.connect(self.stop)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        input_row = QHBoxLayout()
        input_row.addWidget(self.input, 1)
        input_row.addLayout(buttons)

        self.regen_button = QPushButton(self.tr("Regenerate"))
        self.regen_button.setToolTip(self.tr("Answer the last message again; the old answer is kept (Ctrl+R)"))
        self.regen_button.clicked.connect(self.regenerate)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setToolTip(self.tr("Continue an answer that was cut off"))
        self.continue_button.clicked.connect(self.continue_reply)
        self.stats = QLabel()
        self.stats.setObjectName("hint")
        self.stats.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meter = QProgressBar()
        self.meter.setObjectName("contextMeter")
        self.meter.setMinimumWidth(170)
        self.meter.setFormat(self.tr("Context %v / %m"))
        self.meter.setToolTip(self.tr("How much of the model's context the conversation fills (tokens)"))
        self.meter.setRange(0, 1)
        self.meter.setValue(0)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.regen_button)
        actions_row.addWidget(self.continue_button)
        actions_row.addWidget(self.stats, 1)
        actions_row.addWidget(self.meter)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(6, 0, 6, 0)
        mid.addLayout(model_bar)
        mid.addLayout(status_row)
        mid.addWidget(self.center, 1)
        mid.addLayout(notice_row)
        mid.addLayout(input_row)
        mid.addLayout(actions_row)

        self.settings_panel = SettingsPanel()
        self.settings_panel.changed.connect(self._settings_changed)
        self.settings_toggle.toggled.connect(self._toggle_settings)
        self.model_combo.currentIndexChanged.connect(self._model_picked)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chat_list)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.settings_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 560, 340])

        heading = QLabel(self.title())
        heading.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.splitter, 1)

        for keys, slot in (("Ctrl+N", self.new_chat), ("Ctrl+F", self._focus_search), ("Ctrl+R", self.regenerate),
                           ("Ctrl+L", self.input.setFocus)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def _build_empty_state(self) -> QWidget:
        box = QWidget()
        box.setObjectName("emptyState")
        title = QLabel(self.tr("Chat with a model"))
        title.setObjectName("pageTitle")
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setObjectName("hint")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_text.setMinimumWidth(320)
        self.empty_text.setMaximumWidth(520)
        # A wrapped label in a centred layout gets one line's height unless told otherwise.
        self.empty_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        self.models_link = QPushButton(self.tr("Go to the Models page"))
        self.models_link.clicked.connect(lambda: self.context.navigate("models"))
        self.starter_button = QPushButton(self.tr("Try the starter model (English-only demo)"))
        self.starter_button.setProperty("primary", True)
        self.starter_button.clicked.connect(self.load_starter)
        open_button = QPushButton(self.tr("Open a model…"))
        open_button.clicked.connect(self.open_gguf)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (self.models_link, open_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.empty_text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.starter_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(row)
        layout.addStretch(2)
        return box

    # remembered choices ----------------------------------------------------------------------------
    def _restore(self) -> None:
        store = self.context.store
        saved = store.ui_value("chat.settings")
        if isinstance(saved, dict):
            try:
                self.settings_panel.set_generation_settings(GenerationSettings.from_dict(saved).validate())
            except (UserError, TypeError):
                pass
        self.settings_panel.context_size.setValue(int(store.ui_value("chat.context_size", 2048) or 2048))
        self.settings_panel.set_device_choice(str(store.ui_value("chat.device", "auto") or "auto"))
        self.settings_panel.set_dtype_choice(str(store.ui_value("chat.dtype", "auto") or "auto"))
        visible = bool(store.ui_value("chat.settings_visible", False))
        self.settings_toggle.setChecked(visible)
        self.settings_panel.setVisible(visible)

    def _remember(self, key: str, value) -> None:
        if self.context.store.ui_value(key) != value:
            self.context.store.set_ui_value(key, value)

    @Slot(bool)
    def _toggle_settings(self, on: bool) -> None:
        self.settings_panel.setVisible(on)
        self._remember("chat.settings_visible", on)

    # models ---------------------------------------------------------------------------------------
    def refresh_models(self) -> None:
        recent = self.context.store.ui_value("chat.recent_models", []) or []
        entries = ready_models(self.context.settings, recent)
        current = self.model_combo.currentData() or self.context.store.ui_value("chat.model")
        self.model_combo.clear()
        for e in entries:
            label = self.tr("SmolLM2-135M-Instruct (English-only demo)") if e.kind == "starter" else e.label
            self.model_combo.addItem(label, e.path)
            self.model_combo.setItemData(self.model_combo.count() - 1, e.path, Qt.ItemDataRole.ToolTipRole)
        if current:
            index = self.model_combo.findData(current)
            if index >= 0:
                self.model_combo.setCurrentIndex(index)
        if not entries:
            self.model_combo.setPlaceholderText(self.tr("No model yet"))
        has_starter = starter_model() is not None
        self.starter_button.setVisible(has_starter)
        if entries and not (len(entries) == 1 and has_starter):
            text = self.tr("Pick a model above and press Load, or open any GGUF file or Hugging Face folder.")
        elif has_starter:
            text = self.tr("You have no Chinese-LLaMA/Alpaca model yet. Get one on the Models page "
                           "(download, merge, quantize), or try the app now with a small English-only "
                           "starter model.")
        else:
            text = self.tr("You have no model yet. Get a Chinese-Alpaca model on the Models page "
                           "(download, merge, quantize), or open any GGUF file or Hugging Face folder.")
        self.empty_text.setText(text)

    @Slot()
    def _model_picked(self) -> None:
        path = self.model_combo.currentData()
        self.settings_panel.set_hf_options_enabled(not (path and str(path).lower().endswith(".gguf")))

    def open_with(self, model_path=None, **_kwargs) -> None:
        if model_path:
            self.load_model(str(model_path))

    @Slot()
    def open_gguf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a GGUF model"), "",
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.load_model(path)

    @Slot()
    def open_hf_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a Hugging Face model folder"))
        if folder:
            self.load_model(folder)

    @Slot()
    def load_selected(self) -> None:
        path = self.model_combo.currentData()
        if path:
            self.load_model(path)
        else:
            self.open_gguf()

    @Slot()
    def load_starter(self) -> None:
        path = starter_model()
        if path is not None:
            self.load_model(str(path))

    def load_options(self) -> LoadOptions:
        s = self.context.settings
        lora = self.settings_panel.lora.text().strip() or None
        return LoadOptions(context_size=self.settings_panel.context_size.value(), threads=s.effective_threads(),
                           use_gpu=s.use_gpu, device=self.settings_panel.device_choice(),
                           dtype=self.settings_panel.dtype_choice(), lora=lora)

    def load_model(self, path: str) -> None:
        if self.load_job is not None and self.load_job.is_active:
            return
        if self.reply_job is not None and self.reply_job.is_active:
            self.show_notice(self.tr("Wait for the reply to finish (or stop it) before changing the model."))
            return
        self.settings_panel.set_hf_options_enabled(not path.lower().endswith(".gguf"))
        options = self.load_options()
        self._remember("chat.context_size", options.context_size)
        self._remember("chat.device", options.device)
        self._remember("chat.dtype", options.dtype)
        self.load_progress.setRange(0, 0)
        self.load_progress.setVisible(True)
        self.model_status.setText(self.tr("Loading {name}…").format(name=Path(path).name))
        job = self.context.jobs.start(self.tr("Load {name}").format(name=Path(path).name), _load, path, options)
        self.load_job = job
        job.progress.connect(self._load_progress)
        job.finished.connect(lambda backend, p=path: self._loaded(p, backend))
        job.failed.connect(lambda *_: self._load_ended(self.tr("Loading failed.")))
        job.cancelled.connect(lambda: self._load_ended(self.tr("Loading cancelled.")))
        self._update_state()

    @Slot(object)
    def _load_progress(self, p) -> None:
        if p.total:
            self.load_progress.setRange(0, 100)
            self.load_progress.setValue(int(100 * (p.fraction or 0)))

    def _load_ended(self, text: str) -> None:
        self.load_progress.setVisible(False)
        self.model_status.setText(text if self.backend is None else self._model_label())
        self._update_state()

    def _loaded(self, path: str, backend) -> None:
        old, self.backend = self.backend, backend
        if old is not None:
            old.unload()
        recent = [p for p in (self.context.store.ui_value("chat.recent_models", []) or []) if p != path]
        self.context.store.settings.ui["chat.recent_models"] = [path] + recent[:RECENT_LIMIT - 1]
        self._remember("chat.model", path)
        self.refresh_models()
        index = self.model_combo.findData(path)
        if index >= 0:
            self.model_combo.setCurrentIndex(index)
        if self.session is not None:
            self._attach()
        self._load_ended("")
        self._show_template_note()
        self._update_meter()
        if self.center.currentWidget() is self.empty_state:
            self.center.setCurrentWidget(self.view)
        self.input.setFocus()

    def _model_label(self) -> str:
        if self.backend is None:
            return self.tr("No model loaded")
        return self.tr("{name} · {kind} · {ctx} tokens").format(
            name=self.backend.display_name, kind=self.backend.kind, ctx=self.backend.context_size)

    @Slot()
    def unload(self) -> None:
        if self.reply_job is not None and self.reply_job.is_active:
            return
        if self.backend is not None:
            self.backend.unload()
        self.backend = None
        if self.session is not None:
            self.session.backend = None
            self.session.template = None
        self.model_status.setText(self.tr("No model loaded"))
        self._update_state()

    def _attach(self) -> None:
        try:
            self.session.attach(self.backend, self.settings_panel.template_choice())
        except UserError as exc:
            self.show_notice(str(exc))
            self.session.attach(self.backend, "auto")
            self.settings_panel.set_template_choice("auto")

    def _show_template_note(self) -> None:
        template = self.session.template if self.session is not None else None
        if template is None and self.backend is not None:
            from engine.chat.templates import pick_template
            try:
                template = pick_template(self.backend.facts(), self.settings_panel.template_choice())
            except UserError:
                template = None
        if template is None:
            self.settings_panel.set_template_note("")
            return
        if template.warning:
            self.settings_panel.set_template_note(self.tr("Base model: it continues your text rather than "
                                                          "answering it. Use a Chinese-Alpaca model to chat."), True)
            self.show_notice(self.tr("This looks like a base model, not a chat model: it continues your text "
                                     "instead of answering it."))
        else:
            self.settings_panel.set_template_note(self.tr("Template in use: {name}").format(name=template.label))

    # chats ----------------------------------------------------------------------------------------------
    @Slot()
    def new_chat(self) -> None:
        if self._generating():
            return
        self.session = None
        self.editing_id = None
        self.chat_list.list.clearSelection()
        self.chat_list.list.setCurrentItem(None)
        self.view.set_messages([])
        self.settings_panel.system_prompt.blockSignals(True)
        self.settings_panel.system_prompt.setPlainText("")
        self.settings_panel.system_prompt.blockSignals(False)
        self.stats.setText("")
        self._update_meter()
        self._update_state()
        self.input.setFocus()

    @Slot(int)
    def open_chat(self, chat_id: int) -> None:
        if self._generating():
            return
        self.session = ChatSession(self.history, chat_id, settings=self.settings_panel.generation_settings())
        chat = self.session.chat
        self.editing_id = None
        panel = self.settings_panel
        panel.system_prompt.blockSignals(True)
        panel.system_prompt.setPlainText(chat.system_prompt)
        panel.system_prompt.blockSignals(False)
        panel.set_template_choice(chat.template or "auto")
        if self.backend is not None:
            self._attach()
        self.render_thread()
        self._remember("chat.last_chat", chat_id)
        self.stats.setText("")
        self._update_meter()
        self._update_state()

    def _ensure_session(self) -> ChatSession:
        if self.session is None:
            self.session = ChatSession.new(self.history, system_prompt=self.settings_panel.system_prompt.toPlainText(),
                                           backend=None, template_choice=self.settings_panel.template_choice(),
                                           settings=self.settings_panel.generation_settings())
            if self.backend is not None:
                self._attach()
            self.chat_list.refresh(select=self.session.chat_id)
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
            out.append(ShownMessage(m.id, m.role, m.content, self._meta(m),
                                    (siblings.index(m.id) + 1, len(siblings)), siblings))
        return out

    def render_thread(self) -> None:
        shown = self.shown_thread()
        self.view.set_messages(shown)
        self.center.setCurrentWidget(self.view if shown or self.backend is not None else self.empty_state)

    def _meta(self, m: Message) -> str:
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
        title, ok = QInputDialog.getText(self, self.tr("Rename chat"), self.tr("Name"), text=chat.title)
        if ok:
            try:
                self.history.rename_chat(chat_id, title)
            except UserError as exc:
                self.show_notice(str(exc))
            self.chat_list.refresh()

    @Slot(int)
    def delete_chat(self, chat_id: int) -> None:
        if self._generating() and self.session is not None and self.session.chat_id == chat_id:
            return
        title = self.history.chat(chat_id).title
        self.history.delete_chat(chat_id)
        self.deleted_id = chat_id
        if self.session is not None and self.session.chat_id == chat_id:
            self.new_chat()
        self.chat_list.refresh()
        self.show_notice(self.tr("Deleted “{title}”.").format(title=title), undo=True)

    @Slot()
    def undo_delete(self) -> None:
        if self.deleted_id is not None:
            self.history.undo_delete(self.deleted_id)
            self.chat_list.refresh(select=self.deleted_id)
            self.open_chat(self.deleted_id)
            self.deleted_id = None
        self.show_notice("")

    @Slot(int, str)
    def export_chat(self, chat_id: int, fmt: str, path: str | None = None) -> None:
        if path is None:
            title = self.history.chat(chat_id).title
            safe = "".join(c for c in title if c.isalnum() or c in " -_").strip() or "chat"
            filters = self.tr("Markdown (*.md)") if fmt == "md" else self.tr("JSON (*.json)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chat"), f"{safe}.{fmt}", filters)
            if not path:
                return
            if not path.endswith(f".{fmt}"):
                path += f".{fmt}"
        self.history.save_export(chat_id, Path(path))
        self.context.show_status(self.tr("Exported to {path}").format(path=path))

    @Slot()
    def import_chat(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a chat"), "", self.tr("JSON (*.json)"))
            if not path:
                return
        try:
            chat = self.history.import_json(Path(path))
        except UserError as exc:
            show_error(self, self.tr("Import failed"), exc.message, exc.hint, "")
            return
        self.chat_list.refresh(select=chat.id)
        self.open_chat(chat.id)

    @Slot()
    def _focus_search(self) -> None:
        self.chat_list.search.setFocus()
        self.chat_list.search.selectAll()

    # sending and streaming ------------------------------------------------------------------------------
    def _generating(self) -> bool:
        return self.reply_job is not None and self.reply_job.is_active

    @Slot()
    def send(self) -> None:
        text = self.input.toPlainText()
        if not text.strip() or self._generating():
            return
        if self.backend is None:
            self.show_notice(self.tr("Load a model first: pick one above and press Load."))
            return
        session = self._ensure_session()
        try:
            if self.editing_id is not None:
                session.edit_user(self.editing_id, text)
                self.editing_id = None
                self.render_thread()
            else:
                message = session.add_user(text)
                self.view.append_message(ShownMessage(message.id, "user", message.content))
        except UserError as exc:
            self.show_notice(str(exc))
            return
        self.center.setCurrentWidget(self.view)
        self.input.clear()
        self.chat_list.refresh(select=session.chat_id)
        self._start_reply()

    def _start_reply(self, continue_last: bool = False) -> None:
        session = self.session
        session.settings = self.settings_panel.generation_settings()
        self._remember("chat.settings", session.settings.to_dict())
        if continue_last:
            self.view.begin_continue()
        else:
            self.view.begin_stream()
        self.show_notice("")
        # Replies are not listed in the jobs panel (one per message would bury real jobs);
        # the page shows their progress, stop button and errors itself.
        job = Job(self.tr("Chat reply"), session.reply, (),
                  dict(on_piece=self.bridge.piece.emit, on_prompt=self.bridge.prompt.emit,
                       continue_last=continue_last), parent=self)
        self.reply_job = job
        job.finished.connect(self._reply_done)
        job.failed.connect(self._reply_failed)
        job.cancelled.connect(lambda: self._reply_failed("", "", ""))
        job.start()
        self._update_state()

    @Slot(str)
    def _on_piece(self, piece: str) -> None:
        self.view.append_stream(piece)

    @Slot(object)
    def _on_prompt(self, fitted) -> None:
        if fitted.dropped_messages:
            self.show_notice(self.tr("{n} older message(s) no longer fit in the model's context and were left "
                                     "out of this reply. The system prompt is kept.").format(n=fitted.dropped_messages))
        self.meter.setRange(0, fitted.context_size)
        self.meter.setValue(fitted.prompt_tokens)

    @Slot(object)
    def _reply_done(self, reply) -> None:
        m = reply.message
        shown = None
        if m is not None:
            siblings = [s.id for s in self.history.siblings(m.id)]
            shown = ShownMessage(m.id, "assistant", m.content, self._meta(m),
                                 (siblings.index(m.id) + 1, len(siblings)), siblings)
        if shown is not None and shown.version[1] > 1:
            self.view.end_stream(None)
            self.render_thread()
        else:
            self.view.end_stream(shown)
        s = reply.stats
        self.stats.setText(self.tr("{rate:.1f} tokens/s · first token {ttft:.2f} s · {n} tokens").format(
            rate=s.tokens_per_second, ttft=s.time_to_first_token, n=s.generated_tokens))
        self.stats.setToolTip(self.stats.text())
        self.meter.setRange(0, reply.fitted.context_size)
        self.meter.setValue(min(reply.fitted.context_size, reply.fitted.prompt_tokens + s.generated_tokens))
        self.chat_list.refresh()
        self._update_state()
        if self._pending_settings:
            self._settings_changed()

    @Slot(str, str, str)
    def _reply_failed(self, message: str, hint: str, _details: str) -> None:
        self.view.end_stream(None)
        self.render_thread()
        if message:
            self.show_notice(f"{message} {hint}".strip())
        self._update_state()

    @Slot()
    def stop(self) -> None:
        if self._generating():
            self.reply_job.cancel()

    @Slot()
    def regenerate(self) -> None:
        if self._generating() or self.session is None or self.backend is None:
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
        if self._generating() or self.session is None or self.backend is None:
            return
        thread = self.session.thread()
        if not thread or thread[-1].role != "assistant":
            return
        self._start_reply(continue_last=True)

    @Slot(int)
    def start_edit(self, message_id: int) -> None:
        if self._generating():
            return
        self.editing_id = message_id
        self.input.setPlainText(self.history.message(message_id).content)
        self.input.setFocus()
        self.show_notice(self.tr("Editing an earlier message: Send makes a new branch, the old one is kept "
                                 "(Esc cancels)."))

    @Slot(int)
    def show_version(self, message_id: int) -> None:
        if self._generating() or self.session is None:
            return
        self.history.select_branch(message_id)
        self.render_thread()
        self._update_meter()
        self._update_state()

    @Slot()
    def _escape(self) -> None:
        if self._generating():
            self.stop()
        elif self.editing_id is not None:
            self.editing_id = None
            self.input.clear()
            self.show_notice("")

    # state ------------------------------------------------------------------------------------------------
    def show_notice(self, text: str, undo: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.undo_button.setVisible(undo and bool(text))

    @Slot()
    def _settings_changed(self) -> None:
        if self._generating():
            self._pending_settings = True      # applied when the reply ends (the worker uses the session)
            return
        self._pending_settings = False
        if self.session is not None:
            self.session.set_system_prompt(self.settings_panel.system_prompt.toPlainText())
            if self.backend is not None:
                self._attach()
        self._remember("chat.settings", self.settings_panel.generation_settings().to_dict())
        self._show_template_note()
        self._update_meter()

    def _update_meter(self) -> None:
        self.meter.setVisible(self.backend is not None)
        if self.backend is None:
            return
        usage = self.session.context_usage() if self.session is not None and self.session.backend else None
        self.meter.setRange(0, self.backend.context_size)
        self.meter.setValue(usage.prompt_tokens if usage else 0)

    def _update_state(self) -> None:
        generating = self._generating()
        loading = self.load_job is not None and self.load_job.is_active
        loaded = self.backend is not None
        thread = self.session.thread() if self.session is not None and not generating else []
        self.send_button.setVisible(not generating)
        self.stop_button.setVisible(generating)
        self.send_button.setEnabled(loaded)
        self.load_button.setEnabled(not loading and not generating)
        self.unload_button.setEnabled(loaded and not generating and not loading)
        self.model_combo.setEnabled(not loading and not generating)
        self.regen_button.setEnabled(loaded and not generating and bool(thread))
        self.continue_button.setEnabled(loaded and not generating and bool(thread)
                                        and thread[-1].role == "assistant")
        self.chat_list.setEnabled(not generating)
        if not loading:
            self.model_status.setText(self._model_label())
        if self.center.currentWidget() is self.empty_state and (loaded or self.view.message_count()):
            self.center.setCurrentWidget(self.view)
        elif not loaded and not self.view.message_count():
            self.center.setCurrentWidget(self.empty_state)

    def can_close(self) -> bool:
        if self._generating():
            self.reply_job.cancel()
            self.reply_job.wait(10000)      # the reply stops within a token; it is saved
        return True


def _load(path: str, options: LoadOptions, *, progress, cancel):
    """The load job: vet a remembered GPU choice off the UI thread (it imports torch), then load."""
    if detect_kind(Path(path).expanduser()) == "hf":
        check_device(options.device)
    return load_model(path, options, progress=progress, cancel=cancel)


PAGE = ChatPage

"""Chat: talk to a GGUF or Hugging Face model, with history that is never lost.

This module is the view: the page's layout and its widgets.  What happens when they
are used (loading through the model host, streaming replies, the meter, chats) is the
controller's, app/gui/chat/chat_controller.py.  Everything is saved in the SQLite
history by the engine's ChatSession (the same one the CLI uses).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMenu, QProgressBar, QPushButton, QSizePolicy,
                               QSplitter, QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from ..chat.chat_controller import ChatController
from ..chat.chat_list import ChatList
from ..chat.input_box import ChatInput
from ..chat.message_view import MessageView
from ..chat.settings_panel import SettingsPanel
from .base import Page


class ChatPage(Page):
    PAGE_ID = "chat"
    ORDER = 40
    ICON = "chat.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.controller = ChatController(self)
        self.history = self.controller.history
        self._build()
        self.controller.start()
        # Load is the accent button only while no model is loaded; then Send is (issue 15 item 10).
        context.model.model_loaded.connect(self._loaded_accent)
        context.model.model_unloaded.connect(self._unloaded_accent)
        context.model.model_load_failed.connect(self._unloaded_accent)

    def title(self) -> str:
        return self.tr("Chat")

    @Slot(object)
    def _loaded_accent(self, _info) -> None:
        self._accent_load(False)

    @Slot(object)
    def _unloaded_accent(self, _info) -> None:
        self._accent_load(True)

    def _accent_load(self, accent: bool) -> None:
        if bool(self.load_button.property("primary")) != accent:
            self.load_button.setProperty("primary", accent)
            self.load_button.style().unpolish(self.load_button)
            self.load_button.style().polish(self.load_button)

    # what tests and other pages read ------------------------------------------------------------
    @property
    def backend(self):
        """The loaded model as this page knows it (a ModelInfo), None when none is loaded."""
        return self.controller.info

    @property
    def session(self):
        return self.controller.session

    @property
    def reply_job(self):
        return self.controller.reply_job

    @property
    def load_job(self):
        return self.controller.load_job

    @property
    def bridge(self):
        return self.controller.stream

    def _generating(self) -> bool:
        return self.controller.generating()

    def open_with(self, model_path=None, lora=None, **_kwargs) -> None:
        """Load ``model_path``; with ``lora`` (a PEFT folder or GGUF LoRA, e.g. from the Train
        page) that LoRA is applied unmerged on it.  A hand-off names exactly what to load, so a
        LoRA left in the settings from before is cleared when none is given."""
        if model_path:
            self.settings_panel.lora.setText(str(lora) if lora else "")
            self.controller.load_model(str(model_path))

    def can_close(self) -> bool:
        return self.controller.can_close()

    # layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.chat_list = ChatList(self.history)
        c = self.controller
        self.chat_list.chat_selected.connect(c.open_chat)
        self.chat_list.new_requested.connect(c.new_chat)
        self.chat_list.rename_requested.connect(c.rename_chat)
        self.chat_list.delete_requested.connect(c.delete_chat)
        self.chat_list.export_requested.connect(c.export_chat)
        self.chat_list.import_requested.connect(c.import_chat)

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
        open_menu.addAction(self.tr("GGUF file…"), c.open_gguf)
        open_menu.addAction(self.tr("Hugging Face model folder…"), c.open_hf_folder)
        self.open_button.setMenu(open_menu)
        self.load_button = QPushButton(self.tr("Load"))
        self.load_button.setProperty("primary", True)
        self.load_button.clicked.connect(c.load_selected)
        self.unload_button = QPushButton(self.tr("Unload"))
        self.unload_button.clicked.connect(c.unload)
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
        status_row = QVBoxLayout()
        status_line = QHBoxLayout()
        status_line.addWidget(self.model_status, 1)
        status_line.addWidget(self.load_progress)
        status_row.addLayout(status_line)
        # A context longer than the model was trained with, without RoPE scaling (issue 15).
        self.context_warning = QLabel()
        self.context_warning.setObjectName("warning")
        self.context_warning.setWordWrap(True)
        self.context_warning.setVisible(False)
        status_row.addWidget(self.context_warning)

        # conversation
        self.view = MessageView()
        self.view.labels = {"user": self.tr("You"), "assistant": self.tr("Assistant"), "system": self.tr("System"),
                            "copy": self.tr("Copy"), "edit": self.tr("Edit"), "copy_code": self.tr("Copy code"),
                            "stopped": self.tr("stopped")}
        self.view.edit_requested.connect(c.start_edit)
        self.view.version_requested.connect(c.show_version)
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
        self.undo_button.clicked.connect(c.undo_delete)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.undo_button)

        self.input = ChatInput()
        self.input.setPlaceholderText(self.tr("Type a message. Enter sends, Shift+Enter adds a line."))
        self.input.send_requested.connect(c.send)
        self.input.escape_pressed.connect(c.escape)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(c.send)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the reply (Esc); what was written is kept"))
        self.stop_button.clicked.connect(c.stop)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        input_row = QHBoxLayout()
        input_row.addWidget(self.input, 1)
        input_row.addLayout(buttons)

        self.regen_button = QPushButton(self.tr("Regenerate"))
        self.regen_button.setToolTip(self.tr("Answer the last message again; the old answer is kept (Ctrl+R)"))
        self.regen_button.clicked.connect(c.regenerate)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setToolTip(self.tr("Continue an answer that was cut off"))
        self.continue_button.clicked.connect(c.continue_reply)
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
        self.settings_panel.changed.connect(c.settings_changed)
        self.settings_panel.context_size.valueChanged.connect(c.check_context)
        self.settings_panel.rope_scaling.currentIndexChanged.connect(c.check_context)
        self.settings_panel.gpu_layers.valueChanged.connect(c.update_vram_note)
        self.settings_panel.context_size.valueChanged.connect(c.update_vram_note)
        self.settings_toggle.toggled.connect(c.toggle_settings)
        self.model_combo.currentIndexChanged.connect(c.model_picked)

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

        for keys, slot in (("Ctrl+N", c.new_chat), ("Ctrl+F", self._focus_search), ("Ctrl+R", c.regenerate),
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
        self.starter_button.clicked.connect(self.controller.load_starter)
        open_button = QPushButton(self.tr("Open a model…"))
        open_button.clicked.connect(self.controller.open_gguf)
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

    @Slot()
    def _focus_search(self) -> None:
        self.chat_list.search.setFocus()
        self.chat_list.search.selectAll()


PAGE = ChatPage

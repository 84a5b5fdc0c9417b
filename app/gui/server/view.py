"""The Server page's widgets (layout only; app/gui/pages/server_page.py drives them)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMenu, QPlainTextEdit, QProgressBar, QPushButton, QSpinBox,
                               QTableWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget)

LOG_LIMIT = 500         # rows kept in the request log


class ServerView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        root = QVBoxLayout(self)
        heading = QLabel(self.tr("API server"))
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("Serves the model loaded in the app through the OpenAI API, so chat clients, IDE "
                               "plugins and agent frameworks can use it. Requests from the server and from the "
                               "Chat page take turns on the one model in memory."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        root.addWidget(heading)
        root.addWidget(intro)

        top = QHBoxLayout()
        top.addWidget(self._build_settings(), 1)
        top.addWidget(self._build_snippets(), 1)
        root.addLayout(top)
        root.addWidget(self._build_log(), 1)

    # sections ---------------------------------------------------------------------------------
    def _build_settings(self) -> QGroupBox:
        box = QGroupBox(self.tr("Server"))
        form = QFormLayout(box)
        self.model_label = QLabel(self.tr("No model loaded"))
        self.model_label.setWordWrap(True)
        self.load_button = QToolButton()
        self.load_button.setText(self.tr("Load another…"))
        self.load_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.load_menu = QMenu(self.load_button)
        self.gguf_action = self.load_menu.addAction(self.tr("GGUF file…"))
        self.hf_action = self.load_menu.addAction(self.tr("Hugging Face model folder…"))
        self.load_button.setMenu(self.load_menu)
        self.load_progress = QProgressBar()
        self.load_progress.setMaximumWidth(140)
        self.load_progress.setVisible(False)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_label, 1)
        model_row.addWidget(self.load_progress)
        model_row.addWidget(self.load_button)
        form.addRow(self.tr("Model"), model_row)

        self.address = QComboBox()
        self.address.setEditable(True)
        self.address.addItems(["127.0.0.1", "0.0.0.0"])
        self.address.setToolTip(self.tr("127.0.0.1: this computer only. 0.0.0.0: every network interface "
                                        "(needs an API key)."))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(19327)
        addr_row = QHBoxLayout()
        addr_row.addWidget(self.address, 1)
        addr_row.addWidget(QLabel(self.tr("Port")))
        addr_row.addWidget(self.port)
        form.addRow(self.tr("Address"), addr_row)

        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("none (this computer only)"))
        self.show_key = QToolButton()
        self.show_key.setText(self.tr("Show"))
        self.show_key.setCheckable(True)
        self.generate_key = QPushButton(self.tr("Generate"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.generate_key)
        form.addRow(self.tr("API key"), key_row)

        self.notice = QLabel()
        self.notice.setObjectName("warning")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        form.addRow(self.notice)

        self.start_button = QPushButton(self.tr("Start server"))
        self.start_button.setProperty("primary", True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.status = QLabel(self.tr("Stopped"))
        self.status.setObjectName("hint")
        run_row = QHBoxLayout()
        run_row.addWidget(self.start_button)
        run_row.addWidget(self.stop_button)
        run_row.addWidget(self.status, 1)
        form.addRow(run_row)

        self.url = QLineEdit()
        self.url.setReadOnly(True)
        self.copy_url = QPushButton(self.tr("Copy"))
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_url)
        form.addRow(self.tr("URL"), url_row)
        return box

    def _build_counters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count_requests = QLabel("0")
        self.count_errors = QLabel("0")
        self.count_busy = QLabel("0")
        self.count_tokens = QLabel("0")
        self.count_active = QLabel("0")
        for label, value in ((self.tr("Requests"), self.count_requests), (self.tr("Errors"), self.count_errors),
                             (self.tr("Refused (queue full)"), self.count_busy),
                             (self.tr("Tokens generated"), self.count_tokens),
                             (self.tr("In progress"), self.count_active)):
            name = QLabel(label)
            name.setObjectName("hint")
            value.setObjectName("counter")
            row.addWidget(name)
            row.addWidget(value)
            row.addSpacing(18)
        row.addStretch(1)
        return row

    def _build_snippets(self) -> QGroupBox:
        box = QGroupBox(self.tr("Client examples"))
        layout = QVBoxLayout(box)
        self.snippet_tabs = QTabWidget()
        self.python_snippet = QPlainTextEdit()
        self.curl_snippet = QPlainTextEdit()
        for edit in (self.python_snippet, self.curl_snippet):
            edit.setReadOnly(True)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            edit.setObjectName("code")
        self.snippet_tabs.addTab(self.python_snippet, self.tr("Python (openai)"))
        self.snippet_tabs.addTab(self.curl_snippet, "curl")
        self.copy_snippet = QPushButton(self.tr("Copy example"))
        layout.addWidget(self.snippet_tabs, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_snippet)
        layout.addLayout(row)
        return box

    def _build_log(self) -> QGroupBox:
        box = QGroupBox(self.tr("Request log"))
        layout = QVBoxLayout(box)
        self.log = QTableWidget(0, 5)
        self.log.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Endpoint"), self.tr("Status"),
                                            self.tr("Tokens"), self.tr("Duration")])
        self.log.verticalHeader().setVisible(False)
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.log.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.clear_log = QPushButton(self.tr("Clear"))
        row = self._build_counters()
        row.addWidget(self.clear_log)
        layout.addLayout(row)
        layout.addWidget(self.log, 1)
        return box

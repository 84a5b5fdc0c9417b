"""Server: the OpenAI-compatible API server (engine/serve) on the app's one model host.

The server runs as a job (uvicorn on the job's thread, stopped through its cancel token,
so it ends with the app); it serves whatever model the shared host holds, the one loaded
in Chat or one picked here, and its requests queue with the Chat page's.  Each request
arrives in the log through a queued signal.
"""
from __future__ import annotations

import secrets
import time
from typing import Optional

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QTableWidgetItem, QVBoxLayout

from engine.chat.backends import LoadOptions
from engine.errors import UserError
from engine.serve.app import model_id
from engine.serve.config import DEFAULT_HOST, DEFAULT_PORT, ServeConfig, check_bind, is_loopback
from engine.serve.records import RequestRecord
from engine.serve.server import ApiServer

from ..error_dialog import show_error
from ..server.view import LOG_LIMIT, ServerView
from .base import Page

PLACEHOLDER_MODEL = "MODEL"


class _Records(QObject):
    """Emitted on the server's thread, received on the UI thread (queued)."""

    record = Signal(object)


def python_snippet(url: str, key: str, model: str) -> str:
    return (f'from openai import OpenAI\n\n'
            f'client = OpenAI(base_url="{url}", api_key="{key or "not-needed"}")\n'
            f'stream = client.chat.completions.create(\n'
            f'    model="{model}",\n'
            f'    messages=[{{"role": "user", "content": "你好，介绍一下北京"}}],\n'
            f'    stream=True,\n)\n'
            f'for chunk in stream:\n'
            f'    print(chunk.choices[0].delta.content or "", end="", flush=True)\n')


def curl_snippet(url: str, key: str, model: str) -> str:
    auth = f'  -H "Authorization: Bearer {key}" \\\n' if key else ""
    return (f'curl {url}/chat/completions \\\n'
            f'  -H "Content-Type: application/json" \\\n{auth}'
            f'  -d \'{{"model": "{model}", "messages": [{{"role": "user", "content": "你好"}}]}}\'\n')


class ServerPage(Page):
    PAGE_ID = "server"
    ORDER = 60
    ICON = "server.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.server: Optional[ApiServer] = None
        self.job = None
        self.load_call = None
        self.view = ServerView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.records = _Records(self)
        self.records.record.connect(self._on_record)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self._update_counters)
        self._wire()
        self._restore()
        self._update_model()
        self._update_state()

    def title(self) -> str:
        return self.tr("Server")

    # wiring -----------------------------------------------------------------------------------
    def _wire(self) -> None:
        v = self.view
        v.start_button.clicked.connect(self.start)
        v.stop_button.clicked.connect(self.stop)
        v.generate_key.clicked.connect(self.generate_key)
        v.show_key.toggled.connect(lambda on: v.api_key.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        v.address.currentTextChanged.connect(self._update_state)
        v.port.valueChanged.connect(self._update_state)
        v.api_key.textChanged.connect(self._update_state)
        v.copy_url.clicked.connect(lambda: self._copy(v.url.text()))
        v.copy_snippet.clicked.connect(
            lambda: self._copy(v.snippet_tabs.currentWidget().toPlainText()))
        v.clear_log.clicked.connect(lambda: v.log.setRowCount(0))
        v.gguf_action.triggered.connect(self.open_gguf)
        v.hf_action.triggered.connect(self.open_hf_folder)
        bridge = self.context.model
        for signal in (bridge.model_loaded, bridge.model_unloaded, bridge.model_load_failed, bridge.model_loading):
            signal.connect(self._update_model)
        bridge.load_progress.connect(self._on_load_progress)

    def _restore(self) -> None:
        store = self.context.store
        self.view.address.setCurrentText(store.ui_value("server.host", DEFAULT_HOST))
        self.view.port.setValue(store.ui_value("server.port", DEFAULT_PORT))
        self.view.api_key.setText(store.ui_value("server.api_key", ""))

    def _remember(self, config: ServeConfig) -> None:
        store = self.context.store
        store.set_ui_value("server.host", config.host)
        store.set_ui_value("server.port", config.port)
        store.set_ui_value("server.api_key", config.api_key)

    def config(self) -> ServeConfig:
        v = self.view
        return ServeConfig(host=v.address.currentText().strip() or DEFAULT_HOST, port=v.port.value(),
                           api_key=v.api_key.text().strip())

    # actions ----------------------------------------------------------------------------------
    def start(self) -> None:
        if self.server is not None:
            return
        config = self.config()
        try:
            check_bind(config)
            server = ApiServer(self.context.host, config, on_record=self.records.record.emit)
            server.bind()
        except UserError as exc:
            show_error(self, self.tr("The server could not start"), exc.message, exc.hint)
            return
        self._remember(config)
        self.server = server
        self.job = self.context.jobs.start(self.tr("API server"), server.run)
        self.job.finished.connect(self._on_stopped)
        self.job.cancelled.connect(self._on_stopped)
        self.job.failed.connect(self._on_failed)
        self.timer.start()
        self._update_state()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.view.status.setText(self.tr("Stopping…"))

    def generate_key(self) -> None:
        self.view.api_key.setText(secrets.token_urlsafe(24))
        self.view.show_key.setChecked(True)

    def open_gguf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a GGUF model"), "",
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.load_model(path)

    def open_hf_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open a Hugging Face model folder"))
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> None:
        """Load into the shared host: Chat sees the same model."""
        s = self.context.settings
        options = LoadOptions(context_size=self.context.store.ui_value("chat.context_size", 2048) or 2048,
                              threads=s.effective_threads(), use_gpu=s.use_gpu)
        self.view.load_progress.setRange(0, 0)
        self.view.load_progress.setVisible(True)
        self.load_call = self.context.model.load(path, options)
        self.load_call.failed.connect(self._on_load_failed)
        self.load_call.finished.connect(self._on_load_done)
        self.load_call.cancelled.connect(self._on_load_done)

    # host and server events ---------------------------------------------------------------------
    @Slot(object)
    def _on_load_progress(self, p) -> None:
        if p.total:
            self.view.load_progress.setRange(0, 100)
            self.view.load_progress.setValue(int(100 * (p.fraction or 0)))

    def _on_load_done(self, *_args) -> None:
        self.load_call = None
        self.view.load_progress.setVisible(False)
        self._update_model()

    def _on_load_failed(self, message: str, hint: str, details: str) -> None:
        self._on_load_done()
        show_error(self, self.tr("The model could not be loaded"), message, hint, details)

    def _update_model(self, *_args) -> None:
        info = self.context.host.info
        if info is None or info.facts is None:
            loading = self.load_call is not None
            self.view.model_label.setText(self.tr("Loading…") if loading else
                                          self.tr("No model loaded: load one here or on the Chat page"))
        elif model_id(info) == info.display_name:
            self.view.model_label.setText(info.display_name)
        else:
            self.view.model_label.setText(self.tr("{name} (as \"{id}\")").format(name=info.display_name,
                                                                                 id=model_id(info)))
        self._update_state()

    def _on_stopped(self, *_args) -> None:
        self.server = None
        self.job = None
        self.timer.stop()
        self._update_counters()
        self._update_state()

    def _on_failed(self, message: str, hint: str, details: str) -> None:
        self._on_stopped()
        show_error(self, self.tr("The server stopped"), message, hint, details)

    @Slot(object)
    def _on_record(self, record: RequestRecord) -> None:
        log = self.view.log
        log.insertRow(0)
        endpoint = f"{record.method} {record.path}"
        status = str(record.status)
        if record.note == "client left":
            status += " · " + self.tr("client left")
        tokens = f"{record.prompt_tokens} + {record.completion_tokens}" if record.tokens else ""
        cells = [time.strftime("%H:%M:%S", time.localtime(record.started)), endpoint, status, tokens,
                 self.tr("{seconds} s").format(seconds=f"{record.duration:.2f}")]
        for col, text in enumerate(cells):
            log.setItem(0, col, QTableWidgetItem(text))
        while log.rowCount() > LOG_LIMIT:
            log.removeRow(log.rowCount() - 1)
        self._update_counters()

    def _update_counters(self) -> None:
        if self.server is not None:
            self._counted = self.server
        if getattr(self, "_counted", None) is None:
            return
        counts = self._counted.counters.snapshot()      # the last server's totals stay shown
        v = self.view
        v.count_requests.setText(str(counts["requests"]))
        v.count_errors.setText(str(counts["errors"]))
        v.count_busy.setText(str(counts["busy"]))
        v.count_tokens.setText(str(counts["completion_tokens"]))
        v.count_active.setText(str(counts["active"]))

    def _update_state(self, *_args) -> None:
        v = self.view
        running = self.server is not None
        config = self.server.config if running else self.config()
        url = self.server.url if running else config.url()
        needs_key = not is_loopback(config.host) and not config.api_key
        for w in (v.address, v.port, v.api_key, v.generate_key):
            w.setEnabled(not running)
        v.start_button.setEnabled(not running and not needs_key)
        v.stop_button.setEnabled(running)
        if needs_key:
            v.notice.setText(self.tr("Listening on {host} makes the server reachable from other machines: "
                                     "set an API key first.").format(host=config.host))
        elif not is_loopback(config.host):
            v.notice.setText(self.tr("Reachable from other machines on the network; every request needs the "
                                     "API key."))
        elif self.context.host.info is None:
            v.notice.setText(self.tr("No model is loaded: requests are answered with an error until one is."))
        v.notice.setVisible(needs_key or not is_loopback(config.host) or self.context.host.info is None)
        v.url.setText(url)
        if running:
            v.status.setText(self.tr("Running at {url}").format(url=url))
        else:
            v.status.setText(self.tr("Stopped"))
        info = self.context.host.info
        model = model_id(info) if info is not None and info.facts is not None else PLACEHOLDER_MODEL
        v.python_snippet.setPlainText(python_snippet(url, config.api_key, model))
        v.curl_snippet.setPlainText(curl_snippet(url, config.api_key, model))

    def _copy(self, text: str) -> None:
        QApplication.clipboard().setText(text)
        self.context.show_status(self.tr("Copied to the clipboard."))

    @property
    def running(self) -> bool:
        return self.server is not None


PAGE = ServerPage

"""The model side of the Chat controller: the list of models ready to chat (read off the
UI thread, refreshed when the library changes), loading and unloading through the model
host, and what the page says about the loaded model.  Mixed into ChatController."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFileDialog

from engine.chat.backends import LoadOptions
from engine.chat.gguf_header import offload_info, vram_bytes
from engine.chat.model_list import ready_models, starter_model
from engine.chat.templates import pick_template
from engine.errors import UserError
from engine.host import ModelInfo
from engine.jobs import format_bytes

from ..progress_text import describe_progress
from .settings_panel import check_device

RECENT_LIMIT = 8


def process_memory() -> int:
    """Resident memory of this process (the loaded model lives in it)."""
    try:
        import psutil
        return int(psutil.Process().memory_info().rss)
    except Exception:  # noqa: BLE001 - only a figure on the status line
        return 0
KIND_LABEL = {"gguf": "llama.cpp", "hf": "transformers"}


class ModelsMixin:
    _loading_path: Optional[str] = None
    load_error = ""
    offload: Optional[dict] = None        # the picked GGUF's layer count and sizes (VRAM estimate)

    # the model list ----------------------------------------------------------------------------------
    def refresh_models(self, then: Optional[Callable[[], None]] = None) -> None:
        """List the models ready to chat, read off the UI thread."""
        recent = list(self.context.store.ui_value("chat.recent_models", []) or [])
        settings = self.context.settings

        def read():
            return ready_models(settings, recent), starter_model() is not None

        def show(result) -> None:
            if self.closed:
                return
            self._show_models(*result)
            if then is not None:
                then()
        self.context.jobs.query(read, show, title="List chat models")

    @Slot(object)
    def _library_changed(self, _change) -> None:
        self.refresh_models()

    def _show_models(self, entries, has_starter: bool) -> None:
        p = self.page
        current = p.model_combo.currentData() or self.context.store.ui_value("chat.model")
        p.model_combo.blockSignals(True)
        p.model_combo.clear()
        for e in entries:
            label = self.tr("SmolLM2-135M-Instruct (English-only demo)") if e.kind == "starter" else e.label
            p.model_combo.addItem(label, e.path)
            p.model_combo.setItemData(p.model_combo.count() - 1, e.path, Qt.ItemDataRole.ToolTipRole)
        if current:
            index = p.model_combo.findData(current)
            if index >= 0:
                p.model_combo.setCurrentIndex(index)
        p.model_combo.blockSignals(False)
        self.model_picked()
        if not entries:
            p.model_combo.setPlaceholderText(self.tr("No model yet"))
        p.starter_button.setVisible(has_starter)
        if entries and not (len(entries) == 1 and has_starter):
            text = self.tr("Pick a model above and press Load, or open any GGUF file or Hugging Face folder.")
        elif has_starter:
            text = self.tr("You have no Chinese-LLaMA/Alpaca model yet. Get one on the Models page "
                           "(download, merge, quantize), or try the app now with a small English-only "
                           "starter model.")
        else:
            text = self.tr("You have no model yet. Get a Chinese-Alpaca model on the Models page "
                           "(download, merge, quantize), or open any GGUF file or Hugging Face folder.")
        p.empty_text.setText(text)

    @Slot()
    def model_picked(self) -> None:
        path = self.page.model_combo.currentData()
        gguf = bool(path and str(path).lower().endswith(".gguf"))
        self.page.settings_panel.set_hf_options_enabled(not gguf)
        self.show_gpu_layers(str(path) if gguf else None)

    def show_gpu_layers(self, path: Optional[str]) -> None:
        """This model's remembered GPU layers, and (read off the UI thread) its layer count for
        the VRAM estimate."""
        spin = self.page.settings_panel.gpu_layers
        spin.setEnabled(path is not None)
        remembered = (self.context.store.ui_value("chat.gpu_layers", {}) or {}).get(path, -1) if path else -1
        spin.blockSignals(True)
        spin.setValue(remembered)
        spin.blockSignals(False)
        self.offload = None
        self.update_vram_note()
        if path is None:
            return

        def show(info) -> None:
            if self.closed or self.page.model_combo.currentData() != path:
                return
            self.offload = info
            if info is not None:
                spin.setMaximum(info["layers"])
            self.update_vram_note()
        self.context.jobs.query(lambda: offload_info(path), show, title="Read the model header")

    @Slot()
    def update_vram_note(self, *_args) -> None:
        panel, info = self.page.settings_panel, getattr(self, "offload", None)
        if info is None:
            panel.vram_note.setText("")
            return
        layers = panel.gpu_layers.value()
        if layers < 0:
            layers = info["layers"] if self.context.settings.use_gpu else 0
        layers = min(layers, info["layers"])
        if layers == 0:
            text = self.tr("On the CPU only ({n} layers).").format(n=info["layers"])
        else:
            text = self.tr("About {vram} of GPU memory for {k} of {n} layers.").format(
                vram=format_bytes(vram_bytes(info, layers, panel.context_size.value())), k=layers, n=info["layers"])
        panel.vram_note.setText(text)

    # loading -------------------------------------------------------------------------------------------
    @Slot()
    def open_gguf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.page, self.tr("Open a GGUF model"), "",
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.load_model(path)

    @Slot()
    def open_hf_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("Open a Hugging Face model folder"))
        if folder:
            self.load_model(folder)

    @Slot()
    def load_selected(self) -> None:
        path = self.page.model_combo.currentData()
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
        s, panel = self.context.settings, self.page.settings_panel
        lora = panel.lora.text().strip() or None
        layers = panel.gpu_layers.value()
        return LoadOptions(context_size=panel.context_size.value(), threads=s.effective_threads(),
                           use_gpu=s.use_gpu, gpu_layers=None if layers < 0 else layers,
                           device=panel.device_choice(), dtype=panel.dtype_choice(), lora=lora,
                           rope_scaling=panel.rope_scaling_choice())

    def loading(self) -> bool:
        return self.load_job is not None and self.load_job.is_active

    def load_model(self, path: str) -> None:
        if self.loading():
            return
        if self.generating():
            self.show_notice(self.tr("Wait for the reply to finish (or stop it) before changing the model."))
            return
        p = self.page
        gguf = path.lower().endswith(".gguf")
        p.settings_panel.set_hf_options_enabled(not gguf)
        options = self.load_options()
        self.remember("chat.context_size", options.context_size)
        self.remember("chat.device", options.device)
        self.remember("chat.dtype", options.dtype)
        self.remember("chat.rope_scaling", options.rope_scaling)
        if gguf:                                  # GPU layers are remembered for each model
            by_model = dict(self.context.store.ui_value("chat.gpu_layers", {}) or {})
            by_model[path] = p.settings_panel.gpu_layers.value()
            self.remember("chat.gpu_layers", by_model)
        p.load_progress.setRange(0, 0)
        p.load_progress.setVisible(True)
        p.model_status.setText(self.tr("Loading {name}…").format(name=Path(path).name))
        self.load_error = ""
        # The list shows what is loading (a hand-off may name a model not listed yet), and the
        # "no model yet" notice gives way to the (empty) conversation.
        index = p.model_combo.findData(path)
        if index < 0:
            p.model_combo.blockSignals(True)
            p.model_combo.addItem(Path(path).name, path)
            p.model_combo.blockSignals(False)
            index = p.model_combo.count() - 1
        p.model_combo.setCurrentIndex(index)
        p.center.setCurrentWidget(p.view)
        if gguf or options.device in ("auto", "cpu"):
            self._start_load(path, options)
        else:   # a remembered GPU choice is vetted off the UI thread (it imports torch)
            self.load_job = self.context.jobs.query(lambda: check_device(options.device),
                                                    lambda _r: self._start_load(path, options),
                                                    self._load_failed, title="Check the device")
        self.update_state()

    def _start_load(self, path: str, options: LoadOptions) -> None:
        self._loading_path = path
        try:
            self.load_job = self.model.load(path, options)
        except UserError as exc:            # the host's queue is full or it was shut down
            self._load_failed(exc.message, exc.hint)
            return
        self.load_job.failed.connect(self._load_failed)
        self.load_job.cancelled.connect(lambda: self._load_ended(self.tr("Loading cancelled.")))
        self.update_state()

    @Slot(object)
    def _load_progress(self, progress) -> None:
        if not self.loading():
            return
        if progress.total:
            self.page.load_progress.setRange(0, 100)
            self.page.load_progress.setValue(int(100 * (progress.fraction or 0)))
        # What is being read (bytes, shard i/n) and the memory the app uses now.
        self.page.model_status.setText(self.tr("{progress} · memory in use {rss}").format(
            progress=describe_progress(progress), rss=format_bytes(process_memory())))

    @Slot(str, str, str)
    def _load_failed(self, message: str, hint: str, _details: str = "") -> None:
        self.load_error = message
        self.show_notice(f"{message} {hint}".strip())
        self._load_ended(self.tr("Loading failed: {reason}").format(reason=message))

    def _load_ended(self, text: str) -> None:
        self.page.load_progress.setVisible(False)
        self.update_state()
        self.page.model_status.setText(text if self.info is None else self.model_label())

    @Slot(object)
    def _on_model_loaded(self, info: ModelInfo) -> None:
        """Loaded by this page or another (one model for the whole app): list it, then use it."""
        path = getattr(self, "_loading_path", None) or str(info.path)
        self._loading_path = None
        recent = [r for r in (self.context.store.ui_value("chat.recent_models", []) or []) if r != path]
        self.context.store.settings.ui["chat.recent_models"] = [path] + recent[:RECENT_LIMIT - 1]
        self.remember("chat.model", path)
        self.refresh_models(then=lambda: self._use_model(info, path))

    def _use_model(self, info: ModelInfo, path: str) -> None:
        if self.context.host.info is not info:
            return                              # replaced or unloaded meanwhile
        p = self.page
        self.info = info
        index = p.model_combo.findData(path)
        if index >= 0:
            p.model_combo.setCurrentIndex(index)
        if self.session is not None:
            self.attach()
        self.load_error = ""
        self._load_ended("")
        self.check_context()
        self.show_template_note()
        self.update_meter()
        if p.center.currentWidget() is p.empty_state:
            p.center.setCurrentWidget(p.view)
        p.input.setFocus()

    @Slot(object)
    def _on_model_unloaded(self, _info) -> None:
        self.info = None
        if self.session is not None:
            self.session.detach()
        self.page.model_status.setText(self.tr("No model loaded"))
        self.check_context()
        self.update_meter()
        self.update_state()

    def model_label(self) -> str:
        info = self.info
        if info is None:
            return self.tr("No model loaded")
        label = self.tr("{name} · {kind} · {ctx} tokens").format(
            name=info.display_name, kind=KIND_LABEL.get(info.kind, info.kind), ctx=info.context_size)
        if info.n_ctx_train and not info.extended:
            label += " " + self.tr("(trained with {n})").format(n=info.n_ctx_train)
        if info.extended:
            label += " · " + self.tr("extended from {n} (RoPE scaling)").format(n=info.n_ctx_train)
        if info.memory_mapped is not None:      # chosen from free memory when it was loaded
            label += " · " + (self.tr("memory-mapped") if info.memory_mapped else self.tr("read into memory"))
        return label

    @Slot()
    def check_context(self, *_args) -> None:
        """Warn when the chosen context is longer than the loaded model's trained one and
        long-context scaling is off (the model then garbles what lies past its trained length)."""
        panel, info = self.page.settings_panel, self.info
        trained = info.n_ctx_train if info is not None else 0
        chosen = panel.context_size.value()
        warn = bool(trained) and chosen > trained and panel.rope_scaling_choice() == "none"
        self.page.context_warning.setVisible(warn)
        self.page.context_warning.setText(self.tr(
            "{name} was trained with a {trained}-token context; {chosen} tokens without long-context scaling "
            "garbles what lies past {trained}. Choose {trained} or less, or turn on Long context (NTK) in the "
            "settings.").format(name=info.display_name, trained=trained, chosen=chosen) if warn else "")

    @Slot()
    def unload(self) -> None:
        if self.generating() or self.info is None:
            return
        try:
            self.model.unload()
        except UserError as exc:
            self.show_notice(str(exc))

    def attach(self) -> None:
        """Pick the session's template from the loaded model's facts (no model object needed)."""
        choice = self.page.settings_panel.template_choice()
        try:
            self.session.use_model(self.info.facts, self.info.display_name, choice)
        except UserError as exc:
            self.show_notice(str(exc))
            self.session.use_model(self.info.facts, self.info.display_name, "auto")
            self.page.settings_panel.set_template_choice("auto")

    def show_template_note(self) -> None:
        panel = self.page.settings_panel
        template = self.session.template if self.session is not None else None
        if template is None and self.info is not None:
            try:
                template = pick_template(self.info.facts, panel.template_choice())
            except UserError:
                template = None
        if template is None:
            panel.set_template_note("")
            return
        if template.warning:
            panel.set_template_note(self.tr("Base model: it continues your text rather than "
                                            "answering it. Use a Chinese-Alpaca model to chat."), True)
            self.show_notice(self.tr("This looks like a base model, not a chat model: it continues your text "
                                     "instead of answering it."))
        else:
            panel.set_template_note(self.tr("Template in use: {name}").format(name=template.label))

"""Settings: models folder, download source and proxy, language, threads, GPU.

Changes are saved as soon as they are made; a language change applies at the
next start (the page says so).
"""
from __future__ import annotations

import os

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout)

from engine import paths
from engine.gpu import detect_gpus_isolated
from engine.settings import Settings, physical_cores

from ..i18n import LANGUAGE_NAMES
from ..log_view import LogView
from .base import Page


class SettingsPage(Page):
    PAGE_ID = "settings"
    ORDER = 1000
    ICON = "settings.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        s = context.settings

        self.models_dir = QLineEdit(str(s.resolved_models_dir()))
        self.models_dir.setPlaceholderText(str(paths.default_models_dir()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse_models_dir)
        models_row = QHBoxLayout()
        models_row.addWidget(self.models_dir, 1)
        models_row.addWidget(browse)
        self.models_dir.editingFinished.connect(self._save)

        self.source = QComboBox()
        for key, label in (("hf", self.tr("Hugging Face")), ("hf-mirror", self.tr("hf-mirror (mainland China)")),
                           ("modelscope", self.tr("ModelScope"))):
            self.source.addItem(label, key)
        self.source.setCurrentIndex(max(0, self.source.findData(s.download_source)))
        self.source.currentIndexChanged.connect(self._save)

        self.proxy = QLineEdit(s.proxy)
        self.proxy.setPlaceholderText(self.tr("e.g. http://127.0.0.1:7890 (empty: system proxy)"))
        self.proxy.editingFinished.connect(self._save)

        self.language = QComboBox()
        for key, label in LANGUAGE_NAMES.items():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.language.currentIndexChanged.connect(self._save)
        self.language_note = QLabel()
        self.language_note.setObjectName("hint")
        self.language_note.hide()

        self.threads = QSpinBox()
        self.threads.setRange(0, max(64, os.cpu_count() or 1))
        self.threads.setSpecialValueText(self.tr("Automatic ({n} cores)").format(n=physical_cores()))
        self.threads.setValue(s.cpu_threads)
        self.threads.valueChanged.connect(self._save)

        self.use_gpu = QCheckBox(self.tr("Use the GPU when one is available (CUDA, Metal, Vulkan builds)"))
        self.use_gpu.setChecked(s.use_gpu)
        self.use_gpu.toggled.connect(self._save)
        self.gpu_report = QLabel(self.tr("Checking this computer's GPU support…"))
        self.gpu_report.setObjectName("hint")
        self._gpu_job = None

        storage = QGroupBox(self.tr("Storage"))
        f1 = QFormLayout(storage)
        f1.addRow(self.tr("Models folder"), models_row)
        downloads = QGroupBox(self.tr("Downloads"))
        f2 = QFormLayout(downloads)
        f2.addRow(self.tr("Download source"), self.source)
        f2.addRow(self.tr("Proxy"), self.proxy)
        general = QGroupBox(self.tr("General"))
        f3 = QFormLayout(general)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        language_row.addWidget(self.language_note)
        f3.addRow(self.tr("Language"), language_row)
        f3.addRow(self.tr("CPU threads"), self.threads)
        f3.addRow(self.tr("GPU"), self.use_gpu)
        f3.addRow("", self.gpu_report)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")
        open_logs = QPushButton(self.tr("Open log folder"))
        open_logs.clicked.connect(LogView.open_log_folder)
        defaults = QPushButton(self.tr("Restore defaults"))
        defaults.clicked.connect(self.restore_defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(open_logs)
        buttons.addWidget(defaults)

        layout = QVBoxLayout(self)
        heading = QLabel(self.title())
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        if context.store.warning:
            warn = QLabel(context.store.warning)
            warn.setObjectName("warning")
            warn.setWordWrap(True)
            layout.addWidget(warn)
        for box in (storage, downloads, general):
            layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._loaded_language = s.language

    def title(self) -> str:
        return self.tr("Settings")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._gpu_job is None:        # probe once, when the page is first seen (torch: in a child process)
            self._gpu_job = self.context.jobs.run_quietly("Detect GPU", detect_gpus_isolated)
            self._gpu_job.finished.connect(self._show_gpu_report)

    @Slot(object)
    def _show_gpu_report(self, report) -> None:
        found = report.llama_cpp_offload or bool(report.torch_device)
        text = self.tr("Found: {what}") if found else self.tr("No usable GPU found ({what}); everything runs on the CPU.")
        self.gpu_report.setText(text.format(what=report.describe()))

    @Slot()
    def browse_models_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the models folder"),
                                                  self.models_dir.text())
        if folder:
            self.models_dir.setText(folder)
            self._save()

    def values(self) -> dict:
        models_dir = self.models_dir.text().strip()
        if models_dir == str(paths.default_models_dir()):
            models_dir = ""
        return dict(models_dir=models_dir, download_source=self.source.currentData(),
                    proxy=self.proxy.text().strip(), language=self.language.currentData(),
                    cpu_threads=self.threads.value(), use_gpu=self.use_gpu.isChecked())

    @Slot()
    def _save(self) -> None:
        try:
            self.context.store.update(**self.values())
        except ValueError as exc:
            self.saved_label.setText(self.tr("Not saved: {reason}").format(reason=exc))
            return
        self.saved_label.setText(self.tr("Saved."))
        changed = self.context.settings.language != self._loaded_language
        self.language_note.setText(self.tr("The new language applies the next time Alpaca Studio starts.")
                                   if changed else "")
        self.language_note.setVisible(changed)
        self.context.settings_changed.emit()

    @Slot()
    def restore_defaults(self) -> None:
        d = Settings()
        for w in (self.source, self.language, self.threads, self.use_gpu, self.models_dir, self.proxy):
            w.blockSignals(True)
        self.models_dir.setText(str(paths.default_models_dir()))
        self.source.setCurrentIndex(self.source.findData(d.download_source))
        self.proxy.setText(d.proxy)
        self.language.setCurrentIndex(self.language.findData(d.language))
        self.threads.setValue(d.cpu_threads)
        self.use_gpu.setChecked(d.use_gpu)
        for w in (self.source, self.language, self.threads, self.use_gpu, self.models_dir, self.proxy):
            w.blockSignals(False)
        self._save()


PAGE = SettingsPage

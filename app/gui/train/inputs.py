"""The run tab's inputs: base model and tokenizer from the library or a folder, data, output folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog

from engine.layout import adapters_dir

from . import tasks
from .run_view import RunTabView

OTHER = "__other__"


class RunInputs(QObject):
    changed = Signal()           # anything the checks read
    base_changed = Signal()      # the hardware check reads the base

    def __init__(self, context, view: RunTabView, parent=None) -> None:
        super().__init__(parent)
        self.context, self.view, self.mode = context, view, view.mode
        self.out_edited = False
        v = view
        v.base_browse.clicked.connect(self.browse_base)
        v.tokenizer_browse.clicked.connect(self.browse_tokenizer)
        v.data_files.clicked.connect(self.browse_data_files)
        v.data_folder.clicked.connect(self.browse_data_folder)
        v.out_browse.clicked.connect(self.browse_out)
        v.peft_browse.clicked.connect(self.browse_peft)
        v.base_combo.activated.connect(self._base_activated)
        v.tokenizer_combo.activated.connect(self._tokenizer_activated)
        v.out_edit.textEdited.connect(self._out_typed)
        self._fill_combo(v.base_combo, [], self.tr("Choose a base model…"))
        self._fill_combo(v.tokenizer_combo, [], self.tr("Same as the base model"))

    def _fill_combo(self, combo, entries: list[dict], first: str) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, "")
        kinds = {"merged": self.tr("merged"), "base": self.tr("registered base"), "lora": self.tr("LoRA tokenizer")}
        for e in entries:
            combo.addItem(f"{e['label']} ({kinds.get(e['kind'], e['kind'])})", e["path"])
        combo.addItem(self.tr("Other folder…"), OTHER)
        if keep and keep != OTHER:
            self.select(combo, keep)
        combo.blockSignals(False)

    @staticmethod
    def select(combo, path: str) -> None:
        if combo.findData(path) < 0:
            combo.insertItem(combo.count() - 1, Path(path).name, path)
        combo.setCurrentIndex(combo.findData(path))

    @Slot(object)
    def _library_read(self, found: dict) -> None:
        self._fill_combo(self.view.base_combo, found["models"], self.tr("Choose a base model…"))
        self._fill_combo(self.view.tokenizer_combo, found["tokenizers"], self.tr("Same as the base model"))

    def reload_library(self) -> None:
        settings = self.context.settings
        self.context.jobs.query(lambda: tasks.library_models(settings), self._library_read,
                                title="Read the model library")

    def base(self) -> str:
        data = self.view.base_combo.currentData()
        return "" if data in (None, OTHER) else data

    def tokenizer(self) -> str:
        data = self.view.tokenizer_combo.currentData()
        return "" if data in (None, OTHER) else data

    def set_base(self, path: str) -> None:
        self.select(self.view.base_combo, str(path))
        self._base_changed()

    def set_tokenizer(self, path: str) -> None:
        self.select(self.view.tokenizer_combo, str(path))
        self.changed.emit()

    @Slot(int)
    def _base_activated(self, _index: int) -> None:
        if self.view.base_combo.currentData() == OTHER:
            self.browse_base()
        else:
            self._base_changed()

    @Slot(int)
    def _tokenizer_activated(self, _index: int) -> None:
        if self.view.tokenizer_combo.currentData() == OTHER:
            self.browse_tokenizer()
        else:
            self.changed.emit()

    def _base_changed(self) -> None:
        base = self.base()
        if base and not self.out_edited:
            self.view.out_edit.setText(str(adapters_dir(self.context.settings) / f"{Path(base).name}-{self.mode}"))
        self.changed.emit()
        self.base_changed.emit()

    def _folder(self, title: str, start: str = "") -> str:
        return QFileDialog.getExistingDirectory(self.view, title, start)

    @Slot()
    def browse_base(self) -> None:
        folder = self._folder(self.tr("Choose the base model folder"), self.base())
        if folder:
            self.set_base(folder)
        elif self.view.base_combo.currentData() == OTHER:
            self.view.base_combo.setCurrentIndex(0)

    @Slot()
    def browse_tokenizer(self) -> None:
        folder = self._folder(self.tr("Choose a folder with tokenizer.model"), self.tokenizer() or self.base())
        if folder:
            self.set_tokenizer(folder)
        elif self.view.tokenizer_combo.currentData() == OTHER:
            self.view.tokenizer_combo.setCurrentIndex(0)

    @Slot()
    def browse_data_files(self) -> None:
        pattern = self.tr("Alpaca JSON (*.json *.jsonl)") if self.mode == "sft" else self.tr("Text files (*.txt)")
        path, _ = QFileDialog.getOpenFileName(self.view, self.tr("Choose the training data"), "", pattern)
        if path:        # one file; several: the Folder… button takes every data file in a folder
            self.view.data_edit.setText(path)

    @Slot()
    def browse_data_folder(self) -> None:
        folder = self._folder(self.tr("Choose the folder with the training data"))
        if folder:
            self.view.data_edit.setText(folder)

    @Slot()
    def browse_out(self) -> None:
        folder = self._folder(self.tr("Choose the output folder"), self.view.out_edit.text())
        if folder:
            self.out_edited = True
            self.view.out_edit.setText(folder)

    @Slot()
    def browse_peft(self) -> None:
        folder = self._folder(self.tr("Choose a LoRA folder to continue from"))
        if folder:
            self.view.peft_edit.setText(folder)

    @Slot(str)
    def _out_typed(self, _text: str) -> None:
        self.out_edited = True

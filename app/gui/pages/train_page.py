"""Train page: vocabulary expansion, LoRA pre-training and instruction tuning, with live charts.

A thin shell: the tabs' widgets and behaviour live in ``app/gui/train/``.  Training runs in a
child process (``main.py train ...``) watched by a job; closing the window while it runs asks
first and stops it cleanly (a checkpoint is saved).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QVBoxLayout

from ..train.controller import RunController
from ..train.run_view import RunTabView
from ..train.vocab_tab import VocabController
from ..train.vocab_view import VocabView
from .base import Page


class TrainPage(Page):
    PAGE_ID = "train"
    ORDER = 50
    ICON = "train.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.vocab_view = VocabView()
        self.vocab = VocabController(context, self.vocab_view, self)
        self.pt_view, self.sft_view = RunTabView("pt"), RunTabView("sft")
        self.pt = RunController(context, self.pt_view, self)
        self.sft = RunController(context, self.sft_view, self)
        for controller in (self.pt, self.sft):
            controller.run_ended.connect(self._run_ended)
        if hasattr(context, "library_changed"):
            context.library_changed.connect(self._library_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.vocab_view, self.tr("Vocabulary"))
        self.tabs.addTab(self.pt_view, self.tr("Pre-training"))
        self.tabs.addTab(self.sft_view, self.tr("Instruction tuning"))
        self.tabs.setCurrentIndex(int(context.store.ui_value("train.tab", 2)))
        self.vocab.use_tokenizer.connect(self._pretrain_with)
        self.tabs.currentChanged.connect(self._tab_changed)

        heading = QLabel(self.title())
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("Upstream's training recipe without a terminal: expand the vocabulary, continue "
                               "pre-training with LoRA, then instruction-tune. Each run goes to a LoRA folder that "
                               "the Merge and Chat pages open."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Train")

    @property
    def controllers(self) -> tuple[RunController, RunController]:
        return self.pt, self.sft

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        self.context.store.set_ui_value("train.tab", index)

    @Slot(object)
    def _library_changed(self, change) -> None:
        if getattr(change, "kind", "") != "train":     # merges, registered bases: new models to train on
            for controller in self.controllers:
                controller.reload_library()

    def open_with(self, mode: str = "sft", base_dir=None, data=None, tokenizer_dir=None, **_ignored) -> None:
        """Pre-fill a run from another page (e.g. the Models page: train on this model)."""
        controller = self.sft if mode == "sft" else self.pt
        self.tabs.setCurrentWidget(controller.view)
        if base_dir:
            controller.set_base(str(base_dir))
        if tokenizer_dir:
            controller.set_tokenizer(str(tokenizer_dir))
        if data:
            controller.view.data_edit.setText(str(data))

    @Slot(str)
    def _pretrain_with(self, tokenizer_dir: str) -> None:
        self.tabs.setCurrentWidget(self.pt_view)
        self.pt.set_tokenizer(tokenizer_dir)

    @Slot(str)
    def _run_ended(self, lora_dir: str) -> None:
        notify = getattr(self.context, "notify_library_changed", None)
        if lora_dir and notify is not None:
            notify("train", lora_dir)        # the new LoRA appears on the Models page

    def can_close(self) -> bool:
        running = [c for c in self.controllers if c.busy]
        if not running:
            return True
        answer = QMessageBox.question(
            self, self.tr("Training is running"),
            self.tr("Stop training and quit? A checkpoint is saved first; Resume continues from it next time."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        for c in running:
            c.view.run_bar.set_status(self.tr("Stopping: saving a checkpoint…"))
        QCoreApplication.processEvents()
        for c in running:
            c.stop_and_wait()
        QCoreApplication.processEvents()     # the jobs' ends reach the UI before the window asks about jobs
        return True


PAGE = TrainPage

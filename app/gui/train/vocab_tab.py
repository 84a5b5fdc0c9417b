"""Behaviour of the Vocabulary tab: SentencePiece training and the upstream merge as jobs, the report."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog

from engine.layout import tokenizers_dir

from ..worker import Job
from . import tasks
from .vocab_view import VocabView


class VocabController(QObject):
    use_tokenizer = Signal(str)     # the merged HF tokenizer folder, for the Pre-training tab
    def __init__(self, context, view: VocabView, parent=None) -> None:
        super().__init__(parent)
        self.context, self.view = context, view
        self.train_job: Job | None = None
        self.merge_job: Job | None = None
        self.check_job = None           # a FutureCall (a read on the jobs pool)
        self.report: dict | None = None
        v = view
        v.corpus_browse.clicked.connect(self.browse_corpus)
        v.sp_out_browse.clicked.connect(self.browse_sp_out)
        v.llama_browse.clicked.connect(self.browse_llama)
        v.chinese_browse.clicked.connect(self.browse_chinese)
        v.merge_out_browse.clicked.connect(self.browse_merge_out)
        v.train_button.clicked.connect(self.train)
        v.merge_button.clicked.connect(self.merge)
        v.use_button.clicked.connect(self._use)
        form = context.store.ui_value("train.vocab.form") or {}
        tokenizers = tokenizers_dir(context.settings)
        v.corpus_edit.setText(form.get("corpus", ""))
        v.vocab_size.setValue(int(form.get("vocab_size") or 20000))
        v.sp_out_edit.setText(form.get("sp_out") or str(tokenizers / "my_chinese_sp.model"))
        v.llama_edit.setText(form.get("llama", ""))
        v.chinese_edit.setText(form.get("chinese", ""))
        v.merge_out_edit.setText(form.get("merge_out") or str(tokenizers / "chinese_llama"))
        if form.get("report"):
            self.report = form["report"]
            v.show_report(self.report)
            v.use_button.setVisible(bool(self.report.get("hf_dir")))

    def _remember(self) -> None:
        v = self.view
        self.context.store.set_ui_value("train.vocab.form", {
            "corpus": v.corpus_edit.text().strip(), "vocab_size": v.vocab_size.value(),
            "sp_out": v.sp_out_edit.text().strip(), "llama": v.llama_edit.text().strip(),
            "chinese": v.chinese_edit.text().strip(), "merge_out": v.merge_out_edit.text().strip(),
            "report": self.report or {}})

    # pickers ------------------------------------------------------------------------------------------
    @Slot()
    def browse_corpus(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.view, self.tr("Choose text files"), "",
                                                self.tr("Text files (*.txt);;All files (*)"))
        if files:
            self.view.corpus_edit.setText(";".join(files))

    @Slot()
    def browse_sp_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Save the SentencePiece model"),
                                              self.view.sp_out_edit.text(), self.tr("SentencePiece models (*.model)"))
        if path:
            self.view.sp_out_edit.setText(path)

    def _model_file(self, edit, title: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self.view, title, edit.text(),
                                              self.tr("SentencePiece models (*.model);;All files (*)"))
        if path:
            edit.setText(path)

    @Slot()
    def browse_llama(self) -> None:
        self._model_file(self.view.llama_edit, self.tr("Choose LLaMA's tokenizer.model"))

    @Slot()
    def browse_chinese(self) -> None:
        self._model_file(self.view.chinese_edit, self.tr("Choose the Chinese SentencePiece model"))

    @Slot()
    def browse_merge_out(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.view, self.tr("Choose the output folder"),
                                                  self.view.merge_out_edit.text())
        if folder:
            self.view.merge_out_edit.setText(folder)

    # jobs ---------------------------------------------------------------------------------------------
    @Slot()
    def train(self) -> None:
        v = self.view
        corpus = [p.strip() for p in v.corpus_edit.text().split(";") if p.strip()]
        out = v.sp_out_edit.text().strip()
        if not corpus:
            v.show_error(v.train_error, self.tr("Choose one or more text files to learn the vocabulary from."))
            return
        if not out:
            v.show_error(v.train_error, self.tr("Choose where to save the SentencePiece model."))
            return
        v.show_error(v.train_error, "")
        self._remember()
        v.train_button.setEnabled(False)
        self.check_job = self.context.jobs.query(lambda: tasks.check_vocab_files([], corpus), self._train_checked,
                                                 self._train_failed, title="Check the text files")

    @Slot(object)
    def _train_checked(self, problem: str) -> None:
        v = self.view
        if problem:          # a wrong input is a message on the form, not a failed job
            self._train_failed(problem)
            return
        corpus = [p.strip() for p in v.corpus_edit.text().split(";") if p.strip()]
        v.train_status.setText(self.tr("Training the SentencePiece model…"))
        self.train_job = self.context.jobs.start(self.tr("Learn a vocabulary of {n} pieces").format(
            n=v.vocab_size.value()), tasks.train_sentencepiece, corpus, v.vocab_size.value(),
            v.sp_out_edit.text().strip())
        self.train_job.finished.connect(self._trained)
        self.train_job.failed.connect(self._train_failed)
        self.train_job.cancelled.connect(self._train_failed)

    @Slot(object)
    def _trained(self, _result) -> None:
        v = self.view
        v.train_button.setEnabled(True)
        out = v.sp_out_edit.text().strip()
        v.train_status.setText(self.tr("Saved {file}. It is filled in below as the Chinese pieces.").format(
            file=Path(out).name))
        v.chinese_edit.setText(out)
        self._remember()

    @Slot()
    def _train_failed(self, message: str = "", hint: str = "", _details: str = "") -> None:
        v = self.view
        v.train_button.setEnabled(True)
        v.train_status.setText("")
        v.show_error(v.train_error, f"{message}\n{hint}".strip() or self.tr("Cancelled."))

    @Slot()
    def merge(self) -> None:
        v = self.view
        llama, chinese, out = (v.llama_edit.text().strip(), v.chinese_edit.text().strip(),
                               v.merge_out_edit.text().strip())
        missing = [name for name, value in ((self.tr("LLaMA tokenizer"), llama), (self.tr("Chinese pieces"), chinese),
                                            (self.tr("Output folder"), out)) if not value]
        if missing:
            v.show_error(v.merge_error, self.tr("Choose: {fields}.").format(fields=", ".join(missing)))
            return
        v.show_error(v.merge_error, "")
        self._remember()
        v.merge_button.setEnabled(False)
        self.check_job = self.context.jobs.query(lambda: tasks.check_vocab_files([llama, chinese], []),
                                                 self._merge_checked, self._merge_failed,
                                                 title="Check the tokenizers")

    @Slot(object)
    def _merge_checked(self, problem: str) -> None:
        v = self.view
        if problem:
            self._merge_failed(problem)
            return
        llama, chinese, out = (v.llama_edit.text().strip(), v.chinese_edit.text().strip(),
                               v.merge_out_edit.text().strip())
        v.merge_status.setText(self.tr("Merging…"))
        self.merge_job = self.context.jobs.start(self.tr("Merge vocabularies into {name}").format(
            name=Path(out).name), tasks.merge_vocab, llama, chinese, out)
        self.merge_job.finished.connect(self._merged)
        self.merge_job.failed.connect(self._merge_failed)
        self.merge_job.cancelled.connect(self._merge_failed)

    @Slot(object)
    def _merged(self, report: dict) -> None:
        v = self.view
        v.merge_button.setEnabled(True)
        self.report = report
        v.merge_status.setText(self.tr("Merged: {size} pieces ({added} added). The tokenizer for training is "
                                       "{folder}.").format(size=f"{report.get('after_size', 0):,}",
                                                           added=f"{report.get('added', 0):,}",
                                                           folder=report.get("hf_dir") or v.merge_out_edit.text()))
        v.show_report(report)
        v.use_button.setVisible(bool(report.get("hf_dir")))
        self._remember()

    @Slot()
    def _use(self) -> None:
        if self.report and self.report.get("hf_dir"):
            self.use_tokenizer.emit(self.report["hf_dir"])

    @Slot()
    def _merge_failed(self, message: str = "", hint: str = "", _details: str = "") -> None:
        v = self.view
        v.merge_button.setEnabled(True)
        v.merge_status.setText("")
        v.show_error(v.merge_error, f"{message}\n{hint}".strip() or self.tr("Cancelled."))

    @property
    def busy(self) -> bool:
        return any(j is not None and j.is_active for j in (self.train_job, self.merge_job, self.check_job))

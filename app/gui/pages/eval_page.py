"""Evaluate: C-Eval as upstream runs it, on the one model in memory (the model host).

Setup on the left (model, data, subjects by group, settings), on the right the progress per
subject and the comparison of runs (past runs from their run.json/summary.json, upstream's
published figures beside them, a bar chart by group, CSV export).  The run is one job
(``engine.eval.run_ceval``) whose model calls go through ``context.host``; stopping keeps what
was answered, and starting the same settings again continues.
"""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (QFileDialog, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from engine.eval.data import subjects_in
from engine.layout import datasets_dir, evals_dir

from ..eval.results_panel import ResultsPanel, read_runs
from ..eval.view import ProgressTable, SetupForm
from ..run_bar import RunBar, bar_parts
from ..worker import Job
from .base import Page


class _SubjectRelay(QObject):
    """Lives on the UI thread: the job's per-subject callback arrives here queued."""

    done = Signal(object)


def run_eval_job(host, config, *, on_subject=None, progress=None, cancel=None):
    from engine.eval import run_ceval
    return run_ceval(host, config, progress=progress, cancel=cancel, on_subject=on_subject)


def count_questions(data_dir, split, *, progress=None, cancel=None) -> dict:
    """Questions per subject in ``data_dir/split`` (worker thread)."""
    from engine.eval.data import read_split
    folder = Path(data_dir)
    return {s: len(read_split(folder, s, split)) for s in subjects_in(folder, split)}


def download_job(dest, source, proxy, *, progress=None, cancel=None):
    from engine.eval.dataset import download_ceval
    return str(download_ceval(dest, source, proxy=proxy, progress=progress, cancel=cancel))


class EvalPage(Page):
    PAGE_ID = "evaluate"
    ORDER = 70
    ICON = "eval.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.result = None
        self.count_job: Job | None = None
        self.download: Job | None = None
        self.relay = _SubjectRelay(self)
        self.relay.done.connect(self._subject_done)

        self.form = SetupForm()
        self.form.model_file_button.clicked.connect(self.browse_model_file)
        self.form.model_folder_button.clicked.connect(self.browse_model_folder)
        self.form.lora_button.clicked.connect(self.browse_lora)
        self.form.data_button.clicked.connect(self.browse_data)
        self.form.download_button.clicked.connect(self.download_data)
        self.form.data_edit.editingFinished.connect(self._data_changed)
        self.form.split_combo.currentIndexChanged.connect(self._data_changed)
        for edit in (self.form.model_edit, self.form.lora_edit, self.form.data_edit):
            edit.textChanged.connect(self._update_start)
        self.form.tree.itemChanged.connect(self._update_start)

        self.progress_table = ProgressTable()
        self.results = ResultsPanel()
        self.results.exported.connect(self._exported)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.progress_table, self.tr("Progress"))
        self.tabs.addTab(self.results, self.tr("Results and comparison"))

        self.run_bar = RunBar(self, start_text=self.tr("Evaluate"), start_tip=self.tr("Start (Ctrl+Enter)"),
                              cancel_tip=self.tr("Stop; answered questions are kept and the run continues "
                                                 "when started again (Esc)"), on_start=self.start)
        self.run_bar.succeeded.connect(self._finished)
        self.run_bar.ended.connect(self._ended)

        heading = QLabel(self.title())
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("Measures a model on C-Eval (52 subjects, 4 groups) exactly as the upstream project "
                               "does: did quantization cost accuracy, did fine-tuning help?"))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        # At most 330 px: the window must fit 1024×640 (issue 15); a narrower form scrolls sideways.
        scroll.setMinimumWidth(min(self.form.minimumSizeHint().width() + 16, 330))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 2)
        split.setSizes([460, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.run_bar)

        self._restore()
        self._runs_asked = self._runs_shown = 0
        self.refresh_runs()             # one read off the UI thread now; later ones when the library changes
        context.library_changed.connect(self._library_changed)
        context.settings_changed.connect(self.refresh_runs)     # the models folder (and its evals/) moved
        self._data_changed()
        self._update_start()

    def title(self) -> str:
        return self.tr("Evaluate")

    job, start_button, cancel_button, open_button, progress, status = bar_parts(
        "job", "start_button", "cancel_button", "open_button", "progress", "status")

    def runs_root(self) -> Path:
        return evals_dir(self.context.settings)

    # remembered form ----------------------------------------------------------------------------
    def _restore(self) -> None:
        f = self.context.store.ui_value("eval.form", {})
        default_data = datasets_dir(self.context.settings) / "ceval-exam"
        self.form.model_edit.setText(f.get("model", ""))
        self.form.lora_edit.setText(f.get("lora", ""))
        self.form.data_edit.setText(f.get("data") or (str(default_data) if default_data.is_dir() else ""))
        self.form.split_combo.setCurrentIndex(max(0, self.form.split_combo.findData(f.get("split", "val"))))
        self.form.shots_spin.setValue(int(f.get("few_shot", 5)))
        self.form.cot_check.setChecked(bool(f.get("cot", False)))
        self.form.prompt_check.setChecked(bool(f.get("with_prompt", False)))
        self.form.ctx_spin.setValue(int(f.get("context_size", 2048)))
        if isinstance(f.get("subjects"), list):
            self.form.set_subjects(f["subjects"])

    def _remember(self, config) -> None:
        self.context.store.set_ui_value("eval.form", {
            "model": config.model, "lora": config.lora or "", "data": config.data_dir, "split": config.split,
            "few_shot": config.few_shot, "cot": config.cot, "with_prompt": config.with_prompt,
            "context_size": config.context_size,
            "subjects": self.form.selected_subjects()})

    def open_with(self, model=None, lora=None, **_ignored) -> None:
        """Pre-fill the model (another page sends a GGUF file or a folder)."""
        if model:
            self.form.model_edit.setText(str(model))
        if lora is not None:
            self.form.lora_edit.setText(str(lora or ""))

    # choosing -----------------------------------------------------------------------------------
    @Slot()
    def browse_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a GGUF model"),
                                              self.form.model_edit.text() or str(self.runs_root().parent),
                                              self.tr("GGUF models (*.gguf)"))
        if path:
            self.form.model_edit.setText(path)

    @Slot()
    def browse_model_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a Hugging Face model folder"),
                                                  self.form.model_edit.text() or str(self.runs_root().parent))
        if folder:
            self.form.model_edit.setText(folder)

    @Slot()
    def browse_lora(self) -> None:
        start = self.form.lora_edit.text() or str(self.runs_root().parent)
        if self.form.model_edit.text().strip().lower().endswith(".gguf"):     # llama.cpp takes a GGUF LoRA file
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a GGUF LoRA file"), start,
                                                  self.tr("GGUF LoRA files (*.gguf)"))
        else:                                                                  # transformers: a PEFT folder
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a LoRA folder"), start)
        if path:
            self.form.lora_edit.setText(path)

    @Slot()
    def browse_data(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the unzipped ceval-exam folder"),
                                                  self.form.data_edit.text() or str(Path.home()))
        if folder:
            self.form.data_edit.setText(folder)
            self._data_changed()

    @Slot()
    def _data_changed(self, *_args) -> None:
        folder = self.form.data_edit.text().strip()
        self.form.data_error.hide()
        if not folder:
            self.form.set_counts({})
            return
        split = self.form.split_combo.currentData()
        if not (Path(folder) / split).is_dir():
            self.form.data_error.setText(self.tr("{folder} has no {split}/ folder: choose the unzipped "
                                                 "ceval-exam folder.").format(folder=folder, split=split))
            self.form.data_error.show()
            self.form.set_counts({})
            return
        job = self.context.jobs.run_quietly(self.tr("Count C-Eval questions"), count_questions, folder, split)
        self.count_job = job
        job.finished.connect(self._counted)

    @Slot(object)
    def _counted(self, counts: dict) -> None:
        if self.sender() is self.count_job:
            self.form.set_counts(counts)
            n = sum(counts.get(k, 0) for k in self.form.selected_subjects())
            self.form.subjects_label.setText(self.tr("{n} questions").format(n=n))
            self._update_start()

    @Slot()
    def download_data(self) -> None:
        settings = self.context.settings
        from engine.eval.dataset import source_for
        source = source_for(settings.download_source)
        job = self.context.jobs.start(self.tr("Download C-Eval data"), download_job, str(datasets_dir(settings)),
                                      source, settings.proxy)
        self.download = job
        self.form.download_button.setEnabled(False)
        job.finished.connect(self._downloaded)
        job.failed.connect(self._download_failed)
        job.cancelled.connect(self._download_cancelled)

    @Slot(object)
    def _downloaded(self, folder: str) -> None:
        self.form.download_button.setEnabled(True)
        self.form.data_edit.setText(folder)
        self._data_changed()

    @Slot(str, str, str)
    def _download_failed(self, message: str, _hint: str, _details: str) -> None:
        self.form.download_button.setEnabled(True)
        self.form.data_error.setText(self.tr("Download failed: {message}").format(message=message))
        self.form.data_error.show()

    @Slot()
    def _download_cancelled(self) -> None:
        self.form.download_button.setEnabled(True)

    @Slot()
    def _update_start(self, *_args) -> None:
        ready = bool(self.form.model_edit.text().strip() and self.form.data_edit.text().strip()
                     and self.form.selected_subjects())
        self.run_bar.start_button.setEnabled(ready and not self.run_bar.busy)

    # running ------------------------------------------------------------------------------------
    def make_config(self):
        from engine.eval import EvalConfig
        from engine.eval.runner import folder_state, run_folder_name
        settings = self.context.settings
        f = self.form
        config = EvalConfig(model=f.model_edit.text().strip(), lora=f.lora_edit.text().strip() or None,
                            data_dir=f.data_edit.text().strip(), out_dir="", split=f.split_combo.currentData(),
                            few_shot=f.shots_spin.value(), cot=f.cot_check.isChecked(),
                            with_prompt=f.prompt_check.isChecked(), subjects=f.selected_subjects(),
                            threads=settings.effective_threads(), use_gpu=settings.use_gpu,
                            context_size=f.ctx_spin.value(),
                            label=f.label_edit.text().strip())
        base = self.runs_root() / run_folder_name(config)
        out, n = base, 1
        while folder_state(config, out) == "other":       # same name, another model or data: a new folder
            n += 1
            out = base.with_name(f"{base.name}-{n}")
        config.out_dir = str(out)
        return config

    @Slot()
    def start(self) -> None:
        if self.run_bar.busy or not self.run_bar.start_button.isEnabled():
            return
        config = self.make_config()
        self._remember(config)
        self.progress_table.start(config.subjects)
        self.tabs.setCurrentWidget(self.progress_table)
        job = self.context.jobs.start(self.tr("C-Eval {name}").format(name=Path(config.model).name),
                                      run_eval_job, self.context.host, config, on_subject=self.relay.done.emit)
        self.run_bar.watch(job, folder=config.out_dir,
                           cancelled_text=self.tr("Stopped. Start again with the same settings to continue."))

    @Slot(object)
    def _subject_done(self, result) -> None:
        self.progress_table.subject_done(result.subject, result.num, result.correct)

    @Slot(object)
    def _finished(self, result) -> None:
        self.result = result
        a = result.summary["All"]
        if a["score"] is None:
            text = self.tr("Predicted {n} questions: submission.json is ready to submit.").format(n=a["num"])
        else:
            text = self.tr("Accuracy {score:.1f}% ({correct}/{num}), {rate:.2f} questions/s.").format(
                score=100 * a["score"], correct=int(a["correct"]), num=a["num"], rate=result.questions_per_second)
        self.run_bar.set_status(text, "ok")
        self.refresh_runs(select=str(result.out_dir))
        self.tabs.setCurrentWidget(self.results)

    @Slot()
    def _ended(self) -> None:
        self.progress_table.stopped()
        self._update_start()

    @Slot(str)
    def _exported(self, path: str) -> None:
        self.context.show_status(self.tr("Saved {path}").format(path=path))

    # runs on disk: read off the UI thread ------------------------------------------------------------
    @property
    def reading_runs(self) -> bool:
        return self._runs_shown < self._runs_asked

    @Slot()
    def refresh_runs(self, select: str | None = None):
        """List the runs under the evals folder from a query; the newest read wins."""
        root = self.runs_root()
        self._runs_asked += 1
        number = self._runs_asked
        return self.context.jobs.query(lambda: read_runs(root),
                                       lambda runs: self._runs_arrived(number, root, runs, select),
                                       title="List evaluation runs", receiver=self)

    def _runs_arrived(self, number: int, root: Path, runs: list, select: str | None) -> None:
        if number <= self._runs_shown or not shiboken6.isValid(self):
            return
        self._runs_shown = number
        self.results.show_runs(root, runs, select)

    @Slot(object)
    def _library_changed(self, change) -> None:
        # Runs are written here or by `python main.py eval` (F5 says "external"); models moving changes nothing.
        if change.kind in ("external", "remove"):
            self.refresh_runs()


PAGE = EvalPage

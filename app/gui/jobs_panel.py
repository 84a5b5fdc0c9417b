"""Lists running and finished jobs with progress, speed, ETA and a Cancel button."""
from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from engine.jobs import Progress

from .progress_text import describe_progress

from .worker import Job, JobManager, JobState


class JobRow(QFrame):
    def __init__(self, job: Job, parent=None) -> None:
        super().__init__(parent)
        self.job = job
        self.setObjectName("jobRow")
        self.title = QLabel(job.title)
        self.title.setObjectName("jobTitle")
        self.state = QLabel()
        self.state.setObjectName("jobState")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        self.detail = QLabel()
        self.detail.setObjectName("jobDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(job.cancel)
        self.cancel_button.clicked.connect(lambda: self.cancel_button.setEnabled(False))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.state)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)

        job.progress.connect(self._on_progress)
        job.state_changed.connect(self._on_state)
        job.failed.connect(lambda message, hint, details: self.detail.setText(message))
        self._on_state(job.state.value)

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        frac = p.fraction
        if frac is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(frac * 1000))
        self.detail.setText(describe_progress(p))

    @Slot(str)
    def _on_state(self, state: str) -> None:
        labels = {
            JobState.QUEUED: self.tr("Queued"),
            JobState.RUNNING: self.tr("Running"),
            JobState.DONE: self.tr("Done"),
            JobState.FAILED: self.tr("Failed"),
            JobState.CANCELLED: self.tr("Cancelled"),
        }
        st = JobState(state)
        self.state.setText(labels[st])
        self.state.setProperty("state", state)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        active = st in (JobState.QUEUED, JobState.RUNNING)
        self.cancel_button.setVisible(active)
        if st == JobState.DONE:
            self.bar.setRange(0, 1000)
            self.bar.setValue(1000)
        elif not active and self.bar.maximum() == 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(0)


class JobsPanel(QWidget):
    def __init__(self, manager: JobManager, parent=None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.rows: list[JobRow] = []
        self.empty = QLabel(self.tr("No jobs yet. Downloads, merges and conversions appear here."))
        self.empty.setObjectName("placeholder")
        self.clear_button = QPushButton(self.tr("Clear finished"))
        self.clear_button.clicked.connect(self.clear_finished)

        self._list = QVBoxLayout()
        self._list.setSpacing(4)
        self._list.addWidget(self.empty)
        self._list.addStretch(1)
        inner = QWidget()
        inner.setLayout(self._list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addLayout(bar)
        manager.job_added.connect(self.add_job)

    @Slot(object)
    def add_job(self, job: Job) -> None:
        row = JobRow(job)
        self.rows.insert(0, row)
        self._list.insertWidget(0, row)
        self.empty.hide()

    def row_for(self, job: Job) -> JobRow:
        return next(r for r in self.rows if r.job is job)

    @Slot()
    def clear_finished(self) -> None:
        for row in [r for r in self.rows if not r.job.is_active]:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
        self.manager.clear_finished()
        self.empty.setVisible(not self.rows)

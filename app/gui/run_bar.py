"""The bottom row of a wizard page that runs one long job: progress bar, status line,
primary start button, cancel, and "next step" buttons shown after a success.

The page decides when the job may start and what it is; the bar shows the job's life
(starting, progress, done / failed / cancelled) the same way on every page.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


from .progress_text import describe_progress
from .worker import Job


def bar_parts(*names: str) -> tuple[property, ...]:
    """Page properties reaching into ``page.run_bar``, so a page keeps its familiar names."""
    return tuple(property(lambda page, name=name: getattr(page.run_bar, name)) for name in names)


class RunBar(QWidget):
    succeeded = Signal(object)   # the job's result; the page says what was made with set_status(..., "ok")
    ended = Signal()             # after any end (done, failed, cancelled): the page unlocks its inputs

    def __init__(self, page: QWidget, *, start_text: str, start_tip: str, cancel_tip: str,
                 on_start: Callable[[], None]) -> None:
        super().__init__(page)
        self.job: Job | None = None
        self.folder: str | None = None
        self._cancelled_text = ""

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.start_button = QPushButton(start_text)
        self.start_button.setProperty("primary", True)
        self.start_button.setToolTip(start_tip)
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(on_start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(cancel_tip)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.next_buttons: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.addWidget(self.status, 1)
        self._row.addWidget(self.cancel_button)
        self._row.addWidget(self.start_button)
        self.open_button = self.add_next_step(self.tr("Open folder"), self.open_folder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addLayout(self._row)

        # Page-scoped: the same keys mean other things on other pages (Chat sends with Ctrl+Enter).
        for keys, slot in (("Ctrl+Return", on_start), ("Ctrl+Enter", on_start), ("Esc", self.cancel)):
            QShortcut(QKeySequence(keys), page, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def add_next_step(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """A button offered after a success, placed after the earlier ones and before Cancel."""
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.hide()
        self._row.insertWidget(1 + len(self.next_buttons), button)
        self.next_buttons.append(button)
        return button

    def set_accent(self, button: QPushButton) -> None:
        """Make ``button`` the one accent (primary) button of the bar: the start button before a run,
        the next step after a success."""
        for b in (self.start_button, *self.next_buttons):
            if bool(b.property("primary")) != (b is button):
                b.setProperty("primary", b is button)
                b.style().unpolish(b)
                b.style().polish(b)

    def hide_next_steps(self) -> None:
        """The inputs changed after a run: its "Done" and next steps no longer apply."""
        for b in self.next_buttons:
            b.hide()
        if self.status.objectName() == "ok":
            self.set_status("")
        self.set_accent(self.start_button)

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.is_active

    def set_status(self, text: str, kind: str = "hint") -> None:
        self.status.setText(text)
        self.status.setObjectName(kind)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    # the job's life -------------------------------------------------------------------------------
    def watch(self, job: Job, *, folder: str, cancelled_text: str) -> None:
        """Show ``job`` until it ends; ``folder`` is what "Open folder" opens after a success."""
        # Bound methods only: a lambda holding the page and the job makes a cycle that Python may
        # collect on a worker thread.
        self.job = job
        self.folder = folder
        self._cancelled_text = cancelled_text
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        self._set_running(True)
        self.set_status(self.tr("Starting…"))

    @Slot()
    def cancel(self) -> None:
        if self.busy:
            self.status.setText(self.tr("Cancelling…"))
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.start_button.setEnabled(False)   # the page re-enables it when a new run makes sense
        for b in self.next_buttons:
            b.hide()
        self.set_accent(self.start_button)

    @Slot(object)
    def _on_progress(self, p) -> None:
        if p.fraction is not None:
            self.progress.setValue(int(p.fraction * 1000))
        self.status.setText(describe_progress(p))

    @Slot(object)
    def _on_finished(self, result) -> None:
        self._set_running(False)
        for b in self.next_buttons:
            b.setEnabled(True)
            b.show()
        # The page's own hand-off (added last: Quantize…, Chat…) is the accent now, not the start button.
        self.set_accent(self.next_buttons[-1] if len(self.next_buttons) > 1 else self.start_button)
        self.succeeded.emit(result)
        self.ended.emit()

    @Slot(str, str, str)
    def _on_failed(self, message: str, _hint: str, _details: str) -> None:
        self._set_running(False)
        self.set_status(self.tr("Failed: {message}").format(message=message), "error")
        self.ended.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.set_status(self._cancelled_text)
        self.ended.emit()

    @Slot()
    def open_folder(self) -> None:
        if self.folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder))

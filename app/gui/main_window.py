"""The main window: sidebar pages, a jobs/log panel below, a status bar."""
from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QScrollArea,
                               QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget, QHBoxLayout)

from resources import RESOURCES_DIR

from .context import AppContext
from .error_dialog import show_error
from .jobs_panel import JobsPanel
from .log_view import LogView
from .menus import MenuBar, classify_drop, drop_target, droppable
from .pages import page_classes
from .progress_text import describe_progress
from .worker import Job


def icon(name: str) -> QIcon:
    return QIcon(str(RESOURCES_DIR / "icons" / name)) if name else QIcon()


class PageScroll(QScrollArea):
    """One page, filling the view down to the page's minimum size and scrolling below it.

    Not ``widgetResizable``: that sizes a page with wrapped labels to its preferred height for the
    width, pushing the run bar and its primary button out of sight on a small screen."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setObjectName("pageScroll")
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(page)
        page.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        for _ in range(2):          # a scroll bar appearing narrows the view: fit once more
            view = self.viewport().size()
            page.resize(max(view.width(), least.width()), max(view.height(), least.height()))


class PageStack(QStackedWidget):
    """The pages, each inside a scroll area: a page's minimum size never makes the window larger
    than the screen (1024×640 must work); below its minimum a page scrolls instead of being cut.
    ``currentWidget()`` is the page itself, not its scroll area."""

    def add_page(self, page: QWidget) -> None:
        self.addWidget(PageScroll(page))

    def currentWidget(self):  # noqa: N802 (Qt API)
        area = super().currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else area


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("Alpaca Studio"))
        self.setWindowIcon(icon("app.svg"))
        self.error_boxes: list = []

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(188)
        self.stack = PageStack()
        self.pages = {}
        for cls in page_classes():
            page = cls(context)
            self.pages[cls.PAGE_ID] = page
            self.stack.add_page(page)
            item = QListWidgetItem(icon(cls.ICON), page.title())
            item.setData(Qt.ItemDataRole.UserRole, cls.PAGE_ID)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.jobs_panel = JobsPanel(context.jobs)
        self.log_view = LogView()
        self.bottom = QTabWidget()
        self.bottom.setObjectName("bottomTabs")
        self.bottom.addTab(self.jobs_panel, self.tr("Jobs"))
        self.bottom.addTab(self.log_view, self.tr("Log"))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        # The jobs panel stays small on a small screen (1024×640): the page keeps its run bar in view.
        self.bottom.setMinimumHeight(60)
        self.splitter.setSizes([660, 96])

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QWidget()
        side.setObjectName("sidebarPanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        brand = QLabel(self.tr("Alpaca Studio"))
        brand.setObjectName("brand")
        side_layout.addWidget(brand)
        side_layout.addWidget(self.sidebar, 1)
        layout.addWidget(side)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_jobs = QLabel()
        self.statusBar().addPermanentWidget(self.status_jobs)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        context.navigate_requested.connect(self._navigate)
        context.jobs.job_added.connect(self._watch_job)

        # File, Edit, View, Help: every action with its keys (Ctrl+1…N pages, Ctrl+J, F5, Ctrl+Q...).
        self.menus = MenuBar(self)
        self.setAcceptDrops(True)       # .gguf files and model folders open in the right page

        self._restore_state()
        self._update_status()
        if self.sidebar.currentRow() < 0 and self.sidebar.count():
            self.sidebar.setCurrentRow(0)
        if context.store.warning:
            self.statusBar().showMessage(context.store.warning, 15000)

    # navigation --------------------------------------------------------------------------
    def show_page(self, page_id: str) -> None:
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == page_id:
                self.sidebar.setCurrentRow(row)
                return

    @Slot(str, dict)
    def _navigate(self, page_id: str, kwargs: dict) -> None:
        self.show_page(page_id)
        page = self.pages.get(page_id)
        if page is not None and kwargs:
            page.open_with(**kwargs)

    # drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if droppable([u.toLocalFile() for u in urls if u.isLocalFile()]):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # What a path holds is read from the disk: off the UI thread.
        call = self.context.jobs.query(lambda: classify_drop(paths), self.open_dropped, title="Read dropped files")
        # A read that ended before query() returned may have emitted before open_dropped was connected.
        if getattr(getattr(call, "state", None), "name", "") == "DONE":
            self.open_dropped(call.result)

    def open_dropped(self, found: list) -> None:
        """Open classified paths ((kind, path), from classify_drop) in the page that handles them."""
        if not found:
            self.context.show_status(self.tr("Nothing to open there: drop a .gguf file, a model folder "
                                             "or a LoRA folder."))
            return
        loras = [p for kind, p in found if drop_target(kind) == "merge"]
        if loras:
            self._navigate("merge", {"lora_dirs": loras})
            return
        kind, path = found[0]
        target = drop_target(kind)
        if target == "chat":
            self._navigate("chat", {"model_path": path})
        elif target == "quantize":
            self._navigate("quantize", {"model_dir": path})

    # jobs ----------------------------------------------------------------------------------
    @Slot(object)
    def _watch_job(self, job: Job) -> None:
        job.progress.connect(lambda p: self.statusBar().showMessage(f"{job.title}: {describe_progress(p)}", 4000))
        job.state_changed.connect(self._update_status)
        job.failed.connect(lambda message, hint, details: self._job_failed(job, message, hint, details))
        self._update_status()

    def _job_failed(self, job: Job, message: str, hint: str, details: str) -> None:
        box = show_error(self, self.tr("{title} failed").format(title=job.title), message, hint, details)
        self.error_boxes.append(box)

    @Slot()
    def _update_status(self) -> None:
        active = len(self.context.jobs.active())
        self.status_jobs.setText(self.tr("{n} job(s) running").format(n=active) if active else self.tr("Ready"))

    # window state ---------------------------------------------------------------------------
    def _restore_state(self) -> None:
        store = self.context.store
        geometry = store.ui_value("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        else:
            self.resize(1180, 780)
        splitter = store.ui_value("main_splitter")
        if splitter:
            self.splitter.restoreState(QByteArray.fromHex(splitter.encode()))
        last = store.ui_value("last_page")
        if last:
            self.show_page(last)

    def save_state(self) -> None:
        store = self.context.store
        store.settings.ui["window_geometry"] = bytes(self.saveGeometry().toHex()).decode()
        store.settings.ui["main_splitter"] = bytes(self.splitter.saveState().toHex()).decode()
        item = self.sidebar.currentItem()
        if item is not None:
            store.settings.ui["last_page"] = item.data(Qt.ItemDataRole.UserRole)
        try:
            store.save()
        except OSError as exc:      # a read-only config folder must not keep the window from closing
            logging.getLogger(__name__).warning("Window state not saved: %s", exc)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        for page in self.pages.values():
            if not page.can_close():
                event.ignore()
                return
        active = self.context.jobs.active()
        if active:
            answer = QMessageBox.question(
                self, self.tr("Jobs are running"),
                self.tr("{n} job(s) are still running. Cancel them and quit?").format(n=len(active)))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_state()
        self.context.jobs.shutdown()
        self.log_view.detach()
        super().closeEvent(event)

"""Compare C-Eval runs side by side: past runs (each folder's run.json + summary.json) checked in a
list, upstream's published figures added beside them, a table (All, the four groups, every subject),
a bar chart by group, and CSV export."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from engine.eval.results import RunRecord, comparison_rows, export_csv, list_runs
from engine.eval.subjects import GROUPS, published_scores, subject_table

from ..widgets.charts import BarChart

RUN_ROLE = Qt.ItemDataRole.UserRole
PUB_ROLE = Qt.ItemDataRole.UserRole + 1



def read_runs(root) -> list[RunRecord]:
    """The finished runs under ``root`` (reads their summaries: call it off the UI thread)."""
    return [r for r in list_runs(Path(root)) if r.summary is not None]

class ResultsPanel(QWidget):
    """``refresh(root)`` lists the runs under ``root``; ``select(path)`` checks one."""

    exported = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.runs: list[RunRecord] = []
        self.header: list[str] = []
        self.rows: list[list] = []
        self._published_setting: tuple[str, int] | None = None

        self.run_list = QListWidget()
        self.run_list.setToolTip(self.tr("Check the runs to compare"))
        self.run_list.itemChanged.connect(self._update)
        self.published_list = QListWidget()
        self.published_list.setToolTip(self.tr("Upstream's published C-Eval scores (All), from the "
                                               "Chinese-LLaMA-Alpaca technical report"))
        self.published_list.itemChanged.connect(self._update)
        runs_label = QLabel(self.tr("Your runs"))
        runs_label.setObjectName("sectionTitle")
        pub_label = QLabel(self.tr("Published by upstream (same split and shots)"))
        pub_label.setObjectName("sectionTitle")
        pub_label.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(runs_label)
        ll.addWidget(self.run_list, 1)
        ll.addWidget(pub_label)
        ll.addWidget(self.published_list, 1)

        self.table = QTableWidget(0, 1)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart(y_label=self.tr("Accuracy (%)"))
        self.chart.setMinimumHeight(180)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save this table as a CSV file"))
        self.export_button.clicked.connect(self.export)
        self.empty_label = QLabel(self.tr("No runs yet: a finished evaluation appears here."))
        self.empty_label.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.export_button)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        right.addWidget(self.table)
        right.setStretchFactor(1, 2)
        right.setSizes([250, 420])
        right_box = QWidget()
        rl = QVBoxLayout(right_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(right, 1)
        rl.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right_box)
        split.setStretchFactor(1, 3)
        split.setSizes([250, 630])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # runs -----------------------------------------------------------------------------------------
    def refresh(self, root, select: str | None = None) -> None:
        """Read and list the runs under ``root`` now (the page reads them off the UI thread: ``show_runs``)."""
        self.show_runs(root, read_runs(root), select)

    def show_runs(self, root, runs: list[RunRecord], select: str | None = None) -> None:
        """List ``runs`` (read by ``read_runs(root)``); keep earlier checks and check ``select``."""
        self.root = Path(root)
        checked = set(self.checked_paths()) | ({str(Path(select))} if select else set())
        self.runs = list(runs)
        self.run_list.blockSignals(True)
        self.run_list.clear()
        for r in self.runs:
            settings = r.run.get("settings", {})
            shots = settings.get("few_shot", 0)
            detail = self.tr("{split}, {shots}-shot").format(split=settings.get("split", "val"), shots=shots)
            if settings.get("cot"):
                detail += ", CoT"
            if settings.get("with_prompt"):
                detail += ", " + self.tr("template")
            item = QListWidgetItem(f"{r.label}\n{detail}")
            item.setData(RUN_ROLE, str(r.path))
            item.setToolTip(str(r.path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if str(r.path) in checked else Qt.CheckState.Unchecked)
            self.run_list.addItem(item)
        self.run_list.blockSignals(False)
        self._update()

    def checked_paths(self) -> list[str]:
        return [self.run_list.item(i).data(RUN_ROLE) for i in range(self.run_list.count())
                if self.run_list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, path: str, on: bool = True) -> None:
        for i in range(self.run_list.count()):
            item = self.run_list.item(i)
            if item.data(RUN_ROLE) == str(Path(path)):
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _selected_runs(self) -> list[RunRecord]:
        paths = set(self.checked_paths())
        return [r for r in self.runs if str(r.path) in paths]

    def _setting(self) -> tuple[str, int]:
        """Split and shots of the checked runs (the first one), for the published figures."""
        runs = self._selected_runs() or self.runs
        if not runs:
            return "val", 0
        s = runs[0].run.get("settings", {})
        return s.get("split", "val"), int(s.get("few_shot", 0))

    def _fill_published(self) -> None:
        split, shots = self._setting()
        key = str(shots)
        keep = {self.published_list.item(i).data(PUB_ROLE) for i in range(self.published_list.count())
                if self.published_list.item(i).checkState() == Qt.CheckState.Checked}
        self.published_list.blockSignals(True)
        self.published_list.clear()
        for m in published_scores():
            value = m.get(split, {}).get(key)
            if value is None:
                continue
            item = QListWidgetItem(f"{m['name']}  {value:.1f}")
            item.setData(PUB_ROLE, (m["name"], value))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if (m["name"], value) in keep else Qt.CheckState.Unchecked)
            self.published_list.addItem(item)
        self.published_list.blockSignals(False)

    def check_published(self, name: str) -> None:
        for i in range(self.published_list.count()):
            item = self.published_list.item(i)
            if item.data(PUB_ROLE)[0] == name:
                item.setCheckState(Qt.CheckState.Checked)

    def _published(self) -> list[tuple[str, float]]:
        return [tuple(self.published_list.item(i).data(PUB_ROLE)) for i in range(self.published_list.count())
                if self.published_list.item(i).checkState() == Qt.CheckState.Checked]

    # table and chart --------------------------------------------------------------------------------
    def row_names(self) -> dict[str, str]:
        names = {"All": self.tr("All"), "STEM": self.tr("STEM"), "Social Science": self.tr("Social Science"),
                 "Humanities": self.tr("Humanities"), "Other": self.tr("Other")}
        names.update({k: f"{s.name_zh} · {s.name}" for k, s in subject_table().items()})
        return names

    @Slot()
    def _update(self, *_args) -> None:
        if self._setting() != self._published_setting:
            self._published_setting = self._setting()
            self._fill_published()
        runs = self._selected_runs()
        published = self._published()
        self.header, self.rows = comparison_rows(runs, published)
        names = self.row_names()
        self.table.clear()
        self.table.setColumnCount(len(self.header))
        self.table.setRowCount(len(self.rows))
        self.table.setHorizontalHeaderLabels([self.tr("Subject")] + self.header[1:])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 190)
        for r, row in enumerate(self.rows):
            name = QTableWidgetItem(names.get(row[0], row[0]))
            if row[0] in ("All", *GROUPS):
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            self.table.setItem(r, 0, name)
            for c, value in enumerate(row[1:], start=1):
                item = QTableWidgetItem("" if value is None else f"{value:.1f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        categories = [names[g] for g in (*GROUPS, "All")]
        series = {}
        for col, label in enumerate(self.header[1:], start=1):
            by_key = {row[0]: row[col] for row in self.rows}
            series[label] = [by_key.get(k) or 0.0 for k in (*GROUPS, "All")]
        self.chart.set_bars(categories, series)
        self.empty_label.setVisible(not self.runs)
        self.export_button.setEnabled(bool(runs or published))

    @Slot()
    def export(self, path: str | None = None) -> None:
        if not path:
            start = str((self.root or Path.home()) / "ceval-comparison.csv")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the comparison"), start,
                                                  self.tr("CSV files (*.csv)"))
        if path:
            export_csv(path, [self.tr("Subject")] + self.header[1:], self.rows, names=self.row_names())
            self.exported.emit(str(path))

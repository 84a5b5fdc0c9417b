"""A table of verification verdicts: ✓ / ✗ / ? per file, with the matched entry or both hashes."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from engine.verify import MATCH, MISMATCH

_COLORS = {MATCH: "#067647", MISMATCH: "#b42318"}


class VerifyResults(QTableWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Result"), self.tr("File"), self.tr("Details")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verdicts: list = []

    def _detail(self, v) -> str:
        if v.status == MATCH:
            return self.tr("Matches {entry}").format(entry=v.entry.label)
        if v.status == MISMATCH:
            return self.tr("Does not match {entry}: expected {expected}, got {actual}").format(
                entry=v.entry.label, expected=v.entry.sha256, actual=v.sha256)
        return self.tr("No published hash (SHA256 {sha})").format(sha=v.sha256)

    def show_verdicts(self, verdicts: list) -> None:
        order = {MISMATCH: 0, MATCH: 1}
        self.verdicts = sorted(verdicts, key=lambda v: order.get(v.status, 2))   # problems first
        self.setRowCount(len(self.verdicts))
        for row, v in enumerate(self.verdicts):
            symbol = QTableWidgetItem(v.symbol)
            if v.status in _COLORS:
                symbol.setForeground(QBrush(QColor(_COLORS[v.status])))
            name = QTableWidgetItem(v.path.name)
            name.setToolTip(str(v.path))
            detail = QTableWidgetItem(self._detail(v))
            detail.setToolTip(f"{v.path}\nSHA256 {v.sha256}")
            for col, item in enumerate((symbol, name, detail)):
                self.setItem(row, col, item)

    def symbols(self) -> dict[str, str]:
        """file name -> ✓ / ✗ / ? as shown (for tests and status lines)."""
        return {self.item(r, 1).text(): self.item(r, 0).text() for r in range(self.rowCount())}

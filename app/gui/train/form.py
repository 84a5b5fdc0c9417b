"""Small form helpers the Training page's two tabs (run_view, vocab_view) share."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def hint_label(text: str, name: str = "hint") -> QLabel:
    """A word-wrapped label styled by object name (``hint`` or ``error``)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def column(*items) -> QWidget:
    """Widgets and row layouts stacked tightly, for one form field."""
    box = QWidget()
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 2)
    col.setSpacing(2)
    for item in items:
        (col.addLayout if isinstance(item, QHBoxLayout) else col.addWidget)(item)
    return box


def show_error(label: QLabel, text: str) -> None:
    """Show ``text`` in an error label, hidden while empty."""
    label.setText(text)
    label.setVisible(bool(text))

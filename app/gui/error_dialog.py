"""A readable error: what went wrong, what to do, and details that can be copied."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .i18n import engine_text, tr


def error_box(parent: QWidget | None, title: str, message: str, hint: str = "",
              details: str = "") -> QMessageBox:
    message, hint = engine_text(message), engine_text(hint)       # engine messages in the UI's language
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    if hint:
        box.setInformativeText(hint)
    if details:
        box.setDetailedText(details)
    copy = box.addButton(tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(
        "\n\n".join(x for x in (message, hint, details) if x)))
    return box


def show_error(parent: QWidget | None, title: str, message: str, hint: str = "",
               details: str = "") -> QMessageBox:
    """Show non-modally (the window keeps repainting); returns the box for tests."""
    box = error_box(parent, title, message, hint, details)
    box.setModal(False)
    box.show()
    return box

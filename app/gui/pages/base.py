"""What a sidebar page is: a widget with an id, a place in the sidebar and a title."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..context import AppContext


class Page(QWidget):
    PAGE_ID = ""
    ORDER = 100
    ICON = ""          # file name in resources/icons

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        raise NotImplementedError

    def open_with(self, **kwargs) -> None:
        """Called when another page navigates here with arguments (e.g. a model path)."""

    def can_close(self) -> bool:
        """False to veto closing the window (unsaved work); the page explains why."""
        return True

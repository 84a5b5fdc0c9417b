"""Left-hand panel: new chat, search across chats, the chat list, rename/delete/export."""
from __future__ import annotations

import time

import re
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAbstractTextDocumentLayout, QAction, QKeySequence, QPalette, QTextDocument
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMenu,
                               QPushButton, QStyle, QStyledItemDelegate, QVBoxLayout, QWidget)

from engine.history import History

ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1      # the two lines as HTML (title, snippet or date)


def highlight(text: str, query: str) -> str:
    """``text`` as HTML with every occurrence of ``query`` (any case) marked."""
    if not query:
        return escape(text)
    parts = re.split(f"({re.escape(query)})", text, flags=re.I)
    return "".join(f"<b style='background-color:#ffe066; color:#000'>{escape(p)}</b>" if i % 2 else escape(p)
                   for i, p in enumerate(parts))


class ChatItemDelegate(QStyledItemDelegate):
    """Draws a chat as its title and a second line (the matching text with the match marked,
    or the date), with a separator line under each chat."""

    def _document(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(index.data(HTML_ROLE) or escape(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        # Laid out at the list's width both when sized and when painted (option.rect is not
        # set yet when the view asks for the size).
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        doc.setTextWidth(max(60, width))
        return doc

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, index)
        if selected:        # the second line's grey would vanish on the selection colour
            doc.setHtml((index.data(HTML_ROLE) or "").replace("color:#6b7280", ""))
        painter.save()
        painter.translate(option.rect.topLeft())
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        ctx.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, option.rect.height() - 1, option.rect.width(), option.rect.height() - 1)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 1)


class ChatList(QWidget):
    chat_selected = Signal(int)
    new_requested = Signal()
    rename_requested = Signal(int)
    delete_requested = Signal(int)
    export_requested = Signal(int, str)       # chat id, "md" | "json"
    import_requested = Signal()

    def __init__(self, history: History, parent=None) -> None:
        super().__init__(parent)
        self.history = history
        self.setMinimumWidth(180)
        self.setMaximumWidth(320)
        self.new_button = QPushButton(self.tr("New chat"))
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(self.tr("Start a new chat (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_requested)
        import_button = QPushButton(self.tr("Import…"))
        import_button.setToolTip(self.tr("Import a chat exported as JSON"))
        import_button.clicked.connect(self.import_requested)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search chats (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.list = QListWidget()
        self.list.setObjectName("chatList")
        self.list.setWordWrap(True)
        self.list.setItemDelegate(ChatItemDelegate(self.list))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)     # rows re-measured when the width changes
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._current_changed)
        for keys, signal in ((QKeySequence.StandardKey.Delete, self.delete_requested),
                             (QKeySequence("F2"), self.rename_requested)):
            action = QAction(self.list)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, sig=signal: self.current_id() is not None
                                     and sig.emit(self.current_id()))
            self.list.addAction(action)
        self.empty = QLabel(self.tr("No chats yet."))
        self.empty.setObjectName("hint")

        bottom = QHBoxLayout()
        bottom.addWidget(self.empty, 1)
        bottom.addWidget(import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    @Slot()
    def refresh(self, *_args, select: int | None = None) -> None:
        keep = select if select is not None else self.current_id()
        query = self.search.text().strip()
        self.list.blockSignals(True)
        self.list.clear()
        if query:
            results = self.history.search(query)
        else:
            results = [(c, None) for c in self.history.chats()]
        for chat, hit in results:
            second = escape(time.strftime("%Y-%m-%d %H:%M", time.localtime(chat.updated)))
            # The title shows the match when it has it; else the message that has it, once.
            if hit is not None and query.lower() not in chat.title.lower():
                snippet = " ".join(hit.content.split())
                pos = snippet.lower().find(query.lower())
                snippet = ("…" if pos > 20 else "") + snippet[max(0, pos - 20): pos + 60]
                second = highlight(snippet, query)
            html = (f"<div>{highlight(chat.title, query)}</div>"
                    f"<div style='font-size:small; color:#6b7280'>{second}</div>")
            item = QListWidgetItem(chat.title)
            item.setData(HTML_ROLE, html)
            item.setData(ID_ROLE, chat.id)
            item.setToolTip(chat.title)
            self.list.addItem(item)
            if chat.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.count() == 0)
        if query and self.list.count() == 0:
            self.empty.setText(self.tr("No chat contains “{text}”.").format(text=query))
        else:
            self.empty.setText(self.tr("No chats yet."))

    def select(self, chat_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == chat_id:
                self.list.setCurrentRow(row)
                return

    @Slot()
    def _current_changed(self, current, _previous) -> None:
        if current is not None:
            self.chat_selected.emit(current.data(ID_ROLE))

    @Slot()
    def _menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        chat_id = item.data(ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…") + "\tF2", lambda: self.rename_requested.emit(chat_id))
        menu.addAction(self.tr("Export as Markdown…"), lambda: self.export_requested.emit(chat_id, "md"))
        menu.addAction(self.tr("Export as JSON…"), lambda: self.export_requested.emit(chat_id, "json"))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(chat_id))
        menu.popup(self.list.viewport().mapToGlobal(pos))

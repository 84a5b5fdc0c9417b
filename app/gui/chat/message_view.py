"""The conversation: one QTextBrowser holding every message.

Replies are rendered from Markdown with every single line break kept (poems,
lists, addresses are written line by line); code blocks get a background and a
"Copy code" link.  A streaming reply is rendered the same way each time a line
ends (the line being written is appended as plain text piece by piece, so a
token costs one small insert), so a reply keeps its shape when it ends.  The
statistics line is a plain block after the Markdown, never part of a list.
Actions are links: copy, edit, versions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Optional

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import (QColor, QDesktopServices, QGuiApplication, QTextBlockFormat, QTextCharFormat,
                           QTextCursor, QTextFormat)
from PySide6.QtWidgets import QTextBrowser

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
CODE_BACKGROUND = QColor(127, 127, 127, 38)     # readable on light and dark themes


def keep_line_breaks(text: str) -> str:
    """Markdown in which every single line break outside code blocks is a hard break
    (CommonMark would join the lines of a paragraph into one)."""
    lines = text.split("\n")
    out, in_fence = [], False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and line.strip() and i + 1 < len(lines) and lines[i + 1].strip():
            line = line.rstrip() + "  "
        out.append(line)
    return "\n".join(out)


@dataclass
class ShownMessage:
    """What the view needs to draw a message."""

    id: Optional[int]
    role: str
    content: str
    meta: str = ""                 # "12.3 tokens/s · 40 tokens · model"
    version: tuple[int, int] = (1, 1)   # (index, count) among edits / regenerations
    sibling_ids: list[int] = field(default_factory=list)


class MessageView(QTextBrowser):
    edit_requested = Signal(int)          # message id
    version_requested = Signal(int)       # message id of the version to show
    copied = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("messageView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.document().setDocumentMargin(14)
        self._codes: dict[str, str] = {}
        self._texts: dict[int, str] = {}
        self._count = 0
        self._starts: list[int] = []      # where each message begins (text is only appended)
        self._stream_start: Optional[int] = None
        self._stream_parts: list[str] = []
        self._plain = QTextCharFormat()

    # labels (translated by the page) -------------------------------------------------------
    labels = {"user": "You", "assistant": "Assistant", "system": "System", "copy": "Copy",
              "edit": "Edit", "copy_code": "Copy code", "stopped": "stopped"}

    # building -------------------------------------------------------------------------------
    def set_messages(self, messages: list[ShownMessage]) -> None:
        """Replace the whole view (opening a chat)."""
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self._codes.clear()
            self._texts.clear()
            self._starts.clear()
            self._count = 0
            self._stream_start = None
            for m in messages:
                self.append_message(m, scroll=False)
        finally:
            self.setUpdatesEnabled(True)
        self.scroll_to_end()

    def message_count(self) -> int:
        return self._count

    def _cursor_at_end(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _header(self, cursor: QTextCursor, m: ShownMessage) -> None:
        self._starts.append(cursor.position())
        if self._count:
            self._plain_block(cursor)
        colour = "#c7683a" if m.role == "user" else "#3b5bdb" if m.role == "assistant" else "#6b7280"
        links = []
        if m.id is not None:
            links.append(f"<a href='copy:{m.id}'>{escape(self.labels['copy'])}</a>")
            if m.role == "user":
                links.append(f"<a href='edit:{m.id}'>{escape(self.labels['edit'])}</a>")
        if m.version[1] > 1 and m.sibling_ids:
            i, n = m.version
            prev_id = m.sibling_ids[i - 2] if i > 1 else None
            next_id = m.sibling_ids[i] if i < n else None
            prev = f"<a href='version:{prev_id}'>‹</a>" if prev_id else "‹"
            nxt = f"<a href='version:{next_id}'>›</a>" if next_id else "›"
            links.append(f"{prev} {i}/{n} {nxt}")
        html = (f"<p style='margin-top:14px'><span style='color:{colour}; font-weight:600'>"
                f"{escape(self.labels.get(m.role, m.role))}</span>"
                + ("&nbsp;&nbsp;<span style='font-size:small'>" + " &nbsp;".join(links) + "</span>" if links else "")
                + "</p>")
        cursor.insertHtml(html)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(14 if self._count else 0)      # a gap above each message's header
        cursor.setBlockFormat(spaced)
        self._plain_block(cursor)

    def _plain_block(self, cursor: QTextCursor) -> None:
        """A new block with no list, code or quote formatting inherited from the one before."""
        cursor.insertBlock(QTextBlockFormat(), self._plain)
        text_list = cursor.currentList()
        if text_list is not None:
            text_list.remove(cursor.block())
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setCharFormat(self._plain)

    def _markdown(self, cursor: QTextCursor, key, text: str) -> None:
        """Insert a reply's Markdown (line breaks kept) and give its code blocks a background."""
        start = cursor.position()
        cursor.insertMarkdown(self._with_copy_links(key, keep_line_breaks(text)))
        block = self.document().findBlock(start)
        end = cursor.position()
        while block.isValid() and block.position() <= end:
            fmt = block.blockFormat()
            if fmt.hasProperty(QTextFormat.Property.BlockCodeFence) or fmt.nonBreakableLines():
                fmt.setBackground(CODE_BACKGROUND)
                QTextCursor(block).setBlockFormat(fmt)
            block = block.next()

    def _body(self, cursor: QTextCursor, m: ShownMessage) -> None:
        key = m.id if m.id is not None else -1 - self._count
        self._texts[key] = m.content
        if m.role == "user":
            # What the user typed is shown as typed (no Markdown surprises).
            cursor.insertText(m.content, self._plain)
        else:
            self._markdown(cursor, key, m.content)
        if m.meta:
            self._plain_block(cursor)
            cursor.insertHtml(f"<span style='color:#6b7280; font-size:small'>{escape(m.meta)}</span>")

    def _with_copy_links(self, key: int, text: str) -> str:
        parts, last, k = [], 0, 0
        for match in FENCE.finditer(text):
            code_id = f"{key}:{k}"
            self._codes[code_id] = match.group(1).rstrip("\n")
            parts.append(text[last:match.start()].rstrip())
            parts.append(f"\n\n[⧉ {self.labels['copy_code']}](copycode:{code_id})\n\n")
            parts.append(match.group(0))
            last, k = match.end(), k + 1
        parts.append(text[last:])
        return "".join(parts).strip()

    def append_message(self, m: ShownMessage, *, scroll: bool = True) -> None:
        at_end = self._at_bottom()
        cursor = self._cursor_at_end()
        cursor.beginEditBlock()
        self._header(cursor, m)
        self._body(cursor, m)
        cursor.endEditBlock()
        self._count += 1
        if scroll and at_end:
            self.scroll_to_end()

    # streaming --------------------------------------------------------------------------------
    def begin_stream(self, prefix: str = "") -> None:
        """Start an assistant reply; ``prefix``: the text of an answer being continued."""
        cursor = self._cursor_at_end()
        self._header(cursor, ShownMessage(None, "assistant", ""))
        self._stream_start = cursor.position()
        self._stream_parts = [prefix] if prefix else []
        self._count += 1
        if prefix:
            self._render_stream()
        self.scroll_to_end()

    def begin_continue(self) -> str:
        """Reopen the last (assistant) message as a stream; returns its text."""
        text = ""
        if self._texts:
            key = list(self._texts)[-1]
            text = self._texts[key]
        self.remove_last_message()
        self.begin_stream(text)
        return text

    def append_stream(self, piece: str) -> None:
        if self._stream_start is None or not piece:
            return
        at_end = self._at_bottom()
        self._stream_parts.append(piece)
        if "\n" in piece:
            self._render_stream()
        else:
            self._cursor_at_end().insertText(piece, self._plain)
        if at_end:
            self.scroll_to_end()

    def _render_stream(self) -> None:
        """Draw the finished lines of the reply as Markdown (as the final message will be),
        the line being written after them as plain text."""
        cursor = self._cursor_at_end()
        cursor.setPosition(self._stream_start, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setCharFormat(self._plain)
        head, newline, tail = self.streamed_text.rpartition("\n")
        self._markdown(cursor, -1 - self._count, head)
        if newline:         # the next pieces go on a new line
            self._plain_block(cursor)
        cursor.insertText(tail, self._plain)
        cursor.endEditBlock()

    def end_stream(self, final: Optional[ShownMessage]) -> None:
        """Replace the streamed plain text by the saved message rendered as Markdown."""
        if self._stream_start is None:
            return
        cursor = self._cursor_at_end()
        if final is None:           # nothing was generated: the reply leaves no trace
            self._stream_start = None
            self._stream_parts = []
            self._texts.setdefault(-10 ** 9, "")    # placeholder popped by remove_last_message
            self.remove_last_message()
            return
        # Redraw the whole message: the header gains its links now that it has an id.
        cursor.setPosition(self._starts.pop(), QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        self._count -= 1
        self._header(cursor, final)
        self._body(cursor, final)
        self._count += 1
        cursor.endEditBlock()
        self._stream_start = None
        self._stream_parts = []
        if self._at_bottom(slack=200):
            self.scroll_to_end()

    @property
    def streamed_text(self) -> str:
        return "".join(self._stream_parts)

    def remove_last_message(self) -> None:
        """Drop the last message (it is shown again as a stream when continued)."""
        if not self._starts:
            return
        cursor = self._cursor_at_end()
        cursor.setPosition(self._starts.pop(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._count -= 1
        if self._texts:
            self._texts.pop(list(self._texts)[-1])

    # scrolling and links ----------------------------------------------------------------------
    def _at_bottom(self, slack: int = 40) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - slack

    def scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == "copycode":
            self._copy(self._codes.get(rest, ""))
        elif scheme == "copy":
            self._copy(self._texts.get(int(rest), ""))
        elif scheme == "edit":
            self.edit_requested.emit(int(rest))
        elif scheme == "version":
            self.version_requested.emit(int(rest))
        elif scheme in ("http", "https"):
            QDesktopServices.openUrl(url)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)

"""Data preview: record count, token-length histogram, truncation at the chosen length, and the first
records with the template applied: the masked prompt (not trained on) greyed, the response highlighted."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..widgets.charts import BarChart

PROMPT_STYLE = "color:#8a8f98;background:#f1f2f4;"
RESPONSE_STYLE = "color:#0f3d1f;background:#dff3e4;"


class DataPreview(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self.tr("Choose the base model and the data to see what training will read."))
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.histogram = BarChart(self.tr("Tokens per record"))
        self.histogram.setMinimumHeight(100)    # 1024×640 must fit (issue 15)
        self.legend = QLabel(self.tr('<span style="{p}">&nbsp;grey: prompt, masked (-100), not trained on&nbsp;</span> '
                                     '<span style="{r}">&nbsp;green: response, trained on&nbsp;</span>').format(
            p=PROMPT_STYLE, r=RESPONSE_STYLE))
        self.legend.setWordWrap(True)        # narrow side column on a 1024×640 window (issue 15)
        self.records = QTextBrowser()
        self.records.setOpenLinks(False)
        self.records.setMinimumHeight(80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.histogram, 2)
        layout.addWidget(self.legend)
        layout.addWidget(self.records, 3)
        self.stats: dict | None = None
        self.shown: list[dict] = []

    def set_busy(self) -> None:
        self.summary.setText(self.tr("Reading the data…"))

    def clear(self, text: str) -> None:
        self.stats, self.shown = None, []
        self.summary.setText(text)
        self.histogram.set_bars([], {})
        self.records.clear()

    def show_result(self, mode: str, stats: dict, records: list[dict]) -> None:
        self.stats, self.shown = stats, records
        n, truncated, length = stats["records"], stats["truncated"], stats["max_length"]
        if mode == "sft":
            text = self.tr("{n} records, {tokens} tokens. {cut} of them are longer than {length} tokens and get "
                           "truncated.").format(n=f"{n:,}", tokens=f"{stats['tokens']:,}", cut=f"{truncated:,}",
                                                length=length)
        else:
            text = self.tr("{n} blocks of {length} tokens ({tokens} tokens in all; the remainder is dropped, as "
                           "upstream does).").format(n=f"{n:,}", tokens=f"{stats['tokens']:,}", length=length)
        self.summary.setText(text)
        self.histogram.setVisible(mode == "sft")    # PT blocks all have the block size
        self.legend.setVisible(mode == "sft")       # PT trains on every token
        bins = stats.get("histogram") or []
        self.histogram.set_bars([f"{b['from']}–{b['to']}" for b in bins],
                                {self.tr("records"): [b["count"] for b in bins]})
        parts = []
        for i, rec in enumerate(records, 1):
            masked = sum(1 for v in rec.get("labels", []) if v == -100)
            head = self.tr("Record {i}: {tokens} tokens, {masked} masked").format(
                i=i, tokens=len(rec.get("input_ids", [])), masked=masked) if mode == "sft" else \
                self.tr("Block {i}: {tokens} tokens").format(i=i, tokens=len(rec.get("input_ids", [])))
            parts.append(f"<p><b>{html.escape(head)}</b><br>"
                         f'<span style="{PROMPT_STYLE}">{_text(rec.get("prompt", ""))}</span>'
                         f'<span style="{RESPONSE_STYLE if mode == "sft" else ""}">'
                         f'{_text(rec.get("response", ""))}</span></p>')
        self.records.setHtml("".join(parts))


def _text(s: str) -> str:
    return html.escape(s).replace("\n", "<br>")

"""The Vocabulary tab, as widgets: train a SentencePiece model from your text, merge it into LLaMA's,
and the before/after efficiency as a table and a bar chart."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..widgets.charts import BarChart
from . import form
from .form import hint_label as _hint


class VocabView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # 1. train ---------------------------------------------------------------------------------
        self.corpus_edit = QLineEdit()
        self.corpus_edit.setPlaceholderText(self.tr("One or more .txt files; several separated by ;"))
        self.corpus_browse = QPushButton(self.tr("Files…"))
        self.vocab_size = QSpinBox()
        self.vocab_size.setRange(100, 200_000)
        self.vocab_size.setSingleStep(1000)
        self.vocab_size.setValue(20000)
        self.sp_out_edit = QLineEdit()
        self.sp_out_browse = QPushButton(self.tr("Save as…"))
        self.train_button = QPushButton(self.tr("Train vocabulary"))
        self.train_status = _hint("")
        self.train_error = _hint("", "error")
        self.train_error.hide()
        train_box = QGroupBox(self.tr("1. Learn a Chinese vocabulary from your text (optional)"))
        tf = QFormLayout(train_box)
        tf.addRow(self.tr("Text"), self._column(self._row(self.corpus_edit, self.corpus_browse),
                                                _hint(self.tr("Plain text in the language you will train on; "
                                                              "more text gives better pieces."))))
        tf.addRow(self.tr("Vocabulary size"), self._column(self.vocab_size, _hint(
            self.tr("Pieces to learn. Upstream's chinese_sp.model has 20000."))))
        tf.addRow(self.tr("Save to"), self._row(self.sp_out_edit, self.sp_out_browse))
        tf.addRow("", self._column(self._row(self.train_button), self.train_status, self.train_error))

        # 2. merge ---------------------------------------------------------------------------------
        self.llama_edit = QLineEdit()
        self.llama_edit.setPlaceholderText(self.tr("LLaMA's tokenizer.model (32000 pieces)"))
        self.llama_browse = QPushButton(self.tr("File…"))
        self.chinese_edit = QLineEdit()
        self.chinese_edit.setPlaceholderText(self.tr("A Chinese SentencePiece .model"))
        self.chinese_browse = QPushButton(self.tr("File…"))
        self.merge_out_edit = QLineEdit()
        self.merge_out_browse = QPushButton(self.tr("Folder…"))
        self.merge_button = QPushButton(self.tr("Merge vocabularies"))
        self.merge_button.setProperty("primary", True)
        self.use_button = QPushButton(self.tr("Pre-train with it…"))
        self.use_button.setToolTip(self.tr("Opens the Pre-training tab with this tokenizer chosen"))
        self.use_button.hide()
        self.merge_status = _hint("")
        self.merge_error = _hint("", "error")
        self.merge_error.hide()
        merge_box = QGroupBox(self.tr("2. Merge it into LLaMA's vocabulary"))
        mf = QFormLayout(merge_box)
        mf.addRow(self.tr("LLaMA tokenizer"), self._row(self.llama_edit, self.llama_browse))
        mf.addRow(self.tr("Chinese pieces"), self._column(self._row(self.chinese_edit, self.chinese_browse), _hint(
            self.tr("Upstream's merge: the pieces LLaMA lacks are appended in order (32000 + chinese_sp = 49953)."))))
        mf.addRow(self.tr("Output folder"), self._column(self._row(self.merge_out_edit, self.merge_out_browse), _hint(
            self.tr("Gets tokenizer.model and the Hugging Face tokenizer files; use it as the Tokenizer for "
                    "pre-training."))))
        mf.addRow("", self._column(self._row(self.merge_button, self.use_button), self.merge_status,
                                   self.merge_error))

        # efficiency -------------------------------------------------------------------------------
        self.table = QTableWidget(4, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Before"), self.tr("After"), self.tr("Change")])
        self.table.setVerticalHeaderLabels([self.tr("Vocabulary size"), self.tr("Pieces added"),
                                            self.tr("Chinese: tokens per 1,000 characters"),
                                            self.tr("English: tokens per 1,000 characters")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(170)
        for r in range(4):
            for c in range(3):
                self.table.setItem(r, c, QTableWidgetItem("–"))
        self.chart = BarChart(self.tr("Tokens per 1,000 characters (fewer is better)"))
        self.report_hint = _hint(self.tr("Merge to compare the new vocabulary with LLaMA's: Chinese text takes "
                                         "about half as many tokens."))
        eff_box = QGroupBox(self.tr("Efficiency"))
        el = QVBoxLayout(eff_box)
        el.addWidget(self.report_hint)
        el.addWidget(self.table)
        el.addWidget(self.chart, 1)

        left = QVBoxLayout()
        left.addWidget(train_box)
        left.addWidget(merge_box)
        left.addStretch(1)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(6, 6, 6, 6)
        columns.addLayout(left, 1)
        columns.addWidget(eff_box, 1)

    @staticmethod
    def _row(*widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        for i, w in enumerate(widgets):
            row.addWidget(w, 1 if i == 0 and isinstance(w, QLineEdit) else 0)
        if not isinstance(widgets[0], QLineEdit):
            row.addStretch(1)
        return row

    _column = staticmethod(form.column)

    show_error = staticmethod(form.show_error)

    def show_report(self, report: dict) -> None:
        per = report.get("per_1000_chars") or {}
        zh, en = per.get("zh") or {}, per.get("en") or {}
        rows = [(report.get("before_size"), report.get("after_size")), (None, report.get("added")),
                (zh.get("before"), zh.get("after")), (en.get("before"), en.get("after"))]
        for r, (before, after) in enumerate(rows):
            self.table.item(r, 0).setText("–" if before is None else _num(before))
            self.table.item(r, 1).setText("–" if after is None else _num(after))
            change = ""
            if before and after is not None and r >= 2:
                change = f"{(after / before - 1) * 100:+.0f}%"
            elif before is not None and after is not None and r == 0:
                change = f"+{_num(after - before)}"
            self.table.item(r, 2).setText(change or "–")
        self.chart.set_bars([self.tr("Chinese"), self.tr("English")],
                            {self.tr("before"): [zh.get("before") or 0, en.get("before") or 0],
                             self.tr("after"): [zh.get("after") or 0, en.get("after") or 0]},
                            colors=["#9aa3b2", "#2f6fdf"])
        self.report_hint.setText(self.tr("Chinese text needs {ratio}× fewer tokens with the merged vocabulary.").format(
            ratio=f"{zh['before'] / zh['after']:.2f}") if zh.get("before") and zh.get("after") else "")


def _num(v) -> str:
    return f"{v:,.0f}" if isinstance(v, int) or float(v).is_integer() or abs(v) >= 100 else f"{v:,.1f}"

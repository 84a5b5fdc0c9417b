"""The Quantize page's widgets (layout only; app/gui/pages/quantize_page.py drives them)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from engine.quantize import CHOICES as TYPES  # the one list of types

from ..run_bar import RunBar


class QuantizeView(QWidget):
    """Source, type table, output, verification results and the run bar.

    ``on_start`` is what the run bar's start button and Ctrl+Enter call (the page's ``start``)."""

    def __init__(self, title: str, on_start, parent=None) -> None:
        super().__init__(parent)
        # 1. source ---------------------------------------------------------------------------------
        self.source = QComboBox()
        self.source.setMinimumWidth(200)
        self.browse_source_button = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.browse_source_button)
        self.model_label = QLabel(self.tr("Choose a LLaMA folder (Hugging Face or Meta .pth), such as a Merge page output."))
        self.model_label.setObjectName("hint")
        self.model_label.setWordWrap(True)
        self.model_error = QLabel()
        self.model_error.setObjectName("error")
        self.model_error.setWordWrap(True)
        self.model_error.hide()
        source_box = QGroupBox(self.tr("1. Model"))
        sl = QVBoxLayout(source_box)
        sl.addLayout(row)
        sl.addWidget(self.model_label)
        sl.addWidget(self.model_error)

        # 2. type table -----------------------------------------------------------------------------
        self.table = QTableWidget(len(TYPES), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Type"), self.tr("File size"), self.tr("RAM to run"),
                                              self.tr("Quality")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        notes = self.quality_notes()
        for r, t in enumerate(TYPES):
            item = QTableWidgetItem(t)
            item.setData(Qt.ItemDataRole.UserRole, t)
            self.table.setItem(r, 0, item)
            for c in (1, 2):
                self.table.setItem(r, c, QTableWidgetItem("–"))
            self.table.setItem(r, 3, QTableWidgetItem(notes[t]))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Scrolls on a small screen: room for a few rows, not all of them (the window must fit 1024×640).
        self.table.setMinimumHeight(header.sizeHint().height() + 4 * self.table.verticalHeader().defaultSectionSize())
        type_box = QGroupBox(self.tr("2. Quantization type"))
        tl = QVBoxLayout(type_box)
        type_hint = QLabel(self.tr("Sizes are computed for this model. Q4_K_M suits laptops; "
                                   "Q8_0 is nearly lossless when memory allows."))
        type_hint.setObjectName("hint")
        type_hint.setWordWrap(True)
        tl.addWidget(type_hint)
        tl.addWidget(self.table)

        # 3. output ---------------------------------------------------------------------------------
        self.out_edit = QLineEdit()
        self.browse_output_button = QPushButton(self.tr("Browse…"))
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_output_button)
        self.keep_f16 = QCheckBox(self.tr("Keep the F16 file"))
        self.keep_f16.setToolTip(self.tr("Needed to try other types without converting again"))
        self.files_label = QLabel()
        self.files_label.setObjectName("hint")
        self.files_label.setWordWrap(True)
        self.disk_label = QLabel()
        self.disk_label.setWordWrap(True)
        out_box = QGroupBox(self.tr("3. Output"))
        of = QFormLayout(out_box)
        of.addRow(self.tr("Folder"), out_row)
        of.addRow("", self.keep_f16)
        of.addRow(self.tr("Files"), self.files_label)
        of.addRow(self.tr("Disk"), self.disk_label)

        # results -----------------------------------------------------------------------------------
        self.results_box = QGroupBox(self.tr("Verification"))
        self.results_form = QFormLayout(self.results_box)
        self.result_labels = {}
        for key, label in (("load", self.tr("llama.cpp loads it")), ("tokens", self.tr("Tokenizer")),
                           ("logits", self.tr("Logits vs transformers")), ("ppl", self.tr("Perplexity")),
                           ("size", self.tr("Files"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.result_labels[key] = value
            self.results_form.addRow(label, value)
        self.results_box.hide()

        # run ---------------------------------------------------------------------------------------
        self.run_bar = RunBar(self, start_text=self.tr("Convert and quantize"), start_tip=self.tr("Start (Ctrl+Enter)"),
                              cancel_tip=self.tr("Stop; no partial file is left behind (Esc)"), on_start=on_start)

        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("Converts a LLaMA model (Hugging Face or Meta .pth) to GGUF for llama.cpp, checks it "
                               "against the original, and shrinks it with llama.cpp's quantizer."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        columns = QHBoxLayout()
        left_body = QWidget()
        left = QVBoxLayout(left_body)
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(source_box)
        left.addWidget(out_box)
        left.addWidget(self.results_box)
        left.addStretch(1)
        scroll = QScrollArea()      # the results must never be squeezed on a small screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left_body)
        columns.addWidget(scroll, 1)
        columns.addWidget(type_box, 1)
        layout.addLayout(columns, 1)
        layout.addWidget(self.run_bar)

    def quality_notes(self) -> dict:
        return {
            "F16": self.tr("Not quantized: the reference, largest file"),
            "Q8_0": self.tr("Practically lossless; when memory allows"),
            "Q6_K": self.tr("Nearly indistinguishable from F16"),
            "Q5_K_M": self.tr("Very close to the original"),
            "Q5_1": self.tr("Older 5-bit format; prefer Q5_K_M"),
            "Q5_0": self.tr("Older 5-bit format; prefer Q5_K_M"),
            "Q4_K_M": self.tr("Balanced size and quality: best for laptops"),
            "Q4_1": self.tr("Older 4-bit format; prefer Q4_K_M"),
            "Q4_0": self.tr("Older 4-bit format, upstream's first default"),
            "Q3_K_M": self.tr("Small; answers get noticeably worse"),
            "Q2_K": self.tr("Smallest; large quality loss"),
        }

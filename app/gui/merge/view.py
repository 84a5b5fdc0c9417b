"""The Merge page's widgets (layout only; app/gui/pages/merge_page.py drives them)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QGridLayout, QLineEdit, QListWidget, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..run_bar import RunBar

CUSTOM = "custom"


class MergeView(QWidget):
    """What to build (catalog model or custom LoRAs), the base, the output, the plan and the run bar.

    ``models`` fill the target list (the page sorts them); ``on_start`` is what Merge and Ctrl+Enter call."""

    def __init__(self, title: str, models, on_start, parent=None) -> None:
        super().__init__(parent)
        # 1. what to build ----------------------------------------------------------------------------
        self.target = QComboBox()
        for m in models:                 # sorted by the page: family, then 7B < 13B < 33B
            self.target.addItem(m.name, m.id)
        self.target.addItem(self.tr("Custom LoRA folder(s)…"), CUSTOM)
        self.loras = QListWidget()
        self.loras.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_lora = QPushButton(self.tr("Add…"))
        self.remove_lora = QPushButton(self.tr("Remove"))
        self.up_lora = QPushButton(self.tr("Move up"))
        self.down_lora = QPushButton(self.tr("Move down"))
        self.loras.setMaximumHeight(64)
        self.lora_note = QLabel()
        self.lora_note.setObjectName("hint")
        self.lora_note.setWordWrap(True)
        lora_buttons = QGridLayout()       # two rows of two: the column stays narrow at 1024 px
        for i, b in enumerate((self.add_lora, self.remove_lora, self.up_lora, self.down_lora)):
            lora_buttons.addWidget(b, i // 2, i % 2)
        lora_buttons.setColumnStretch(2, 1)
        lora_col = QVBoxLayout()
        lora_col.addWidget(self.loras)
        lora_col.addLayout(lora_buttons)
        lora_col.addWidget(self.lora_note)
        what = QGroupBox(self.tr("1. Model to build"))
        f1 = QFormLayout(what)
        f1.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # labels above fields: fits 1024 px
        f1.addRow(self.tr("Model"), self.target)
        f1.addRow(self.tr("LoRAs, in merge order"), lora_col)

        # 2. base LLaMA -----------------------------------------------------------------------------
        self.base_edit = QLineEdit()
        self.base_edit.setPlaceholderText(self.tr("Folder with config.json (HF) or consolidated.00.pth + params.json"))
        self.browse_base_button = QPushButton(self.tr("Browse…"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Compare the weight files with the published SHA256 hashes"))
        base_row = QHBoxLayout()
        base_row.addWidget(self.base_edit, 1)
        base_row.addWidget(self.browse_base_button)
        base_row.addWidget(self.verify_button)
        self.base_status = QLabel()
        self.base_status.setObjectName("hint")
        self.base_status.setWordWrap(True)
        base_box = QGroupBox(self.tr("2. Original LLaMA"))
        f2 = QFormLayout(base_box)
        f2.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # labels above fields: fits 1024 px
        f2.addRow(self.tr("Base model"), base_row)
        f2.addRow("", self.base_status)
        self.base_status.hide()

        # 3. output -----------------------------------------------------------------------------------
        self.format = QComboBox()
        self.format.addItem(self.tr("Hugging Face (safetensors) — for quantizing, chat and training"), "hf")
        self.format.addItem(self.tr("Meta (consolidated.NN.pth) — for tools that want the original layout"), "pth")
        self.dtype = QComboBox()
        self.dtype.addItem(self.tr("float16 (as published)"), "float16")
        self.dtype.addItem(self.tr("bfloat16"), "bfloat16")
        self.dtype.addItem(self.tr("float32 (twice the size)"), "float32")
        self.out_edit = QLineEdit()
        self.browse_out_button = QPushButton(self.tr("Browse…"))
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_out_button)
        out_box = QGroupBox(self.tr("3. Output"))
        f3 = QFormLayout(out_box)
        f3.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # labels above fields: fits 1024 px
        f3.addRow(self.tr("Format"), self.format)
        f3.addRow(self.tr("Precision"), self.dtype)
        f3.addRow(self.tr("Output folder"), out_row)

        # plan ------------------------------------------------------------------------------------------
        self.plan_label = QLabel(self.tr("Choose the LoRAs and the base model to see the plan."))
        self.plan_label.setObjectName("placeholder")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.plan_error = QLabel()
        self.plan_error.setObjectName("error")
        self.plan_error.setWordWrap(True)
        self.plan_error.hide()
        plan_box = QGroupBox(self.tr("What will happen"))
        pl = QVBoxLayout(plan_box)
        pl.addWidget(self.plan_label)
        pl.addWidget(self.plan_error)

        # run -------------------------------------------------------------------------------------------
        self.run_bar = RunBar(self, start_text=self.tr("Merge"), start_tip=self.tr("Start the merge (Ctrl+Enter)"),
                              cancel_tip=self.tr("Stop the merge; nothing is left behind (Esc)"),
                              on_start=on_start)

        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("The Chinese LLaMA/Alpaca releases are LoRA patches. Merging one (or, for Plus and "
                               "Pro, two in order) into the original LLaMA gives the full model. The merge runs "
                               "tensor by tensor, so it needs little memory."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (intro, what, base_box, out_box):
            layout.addWidget(w)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(heading)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 2)
        plan_col = QVBoxLayout()
        plan_col.addWidget(plan_box)
        plan_col.addStretch(1)
        columns.addLayout(plan_col, 1)
        outer.addLayout(columns, 1)
        outer.addWidget(self.run_bar)

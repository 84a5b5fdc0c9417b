"""The Models page's widgets (layout only; app/gui/pages/models_page.py drives them)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFrame, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMenu, QPushButton, QScrollArea, QSplitter, QTableWidget,
                               QVBoxLayout, QWidget)

from .details import ModelDetails
from .verify_results import VerifyResults

COL_NAME, COL_KIND, COL_SIZE, COL_LORA, COL_STATE = range(5)


class ModelsView(QWidget):
    """Filters and download source, the catalog table, the details pane, base LLaMA buttons, verification results."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.family = QComboBox()
        for key, label in (("", self.tr("All families")), ("llama", self.tr("Chinese-LLaMA (base)")),
                           ("alpaca", self.tr("Chinese-Alpaca (chat)"))):
            self.family.addItem(label, key)
        self.size = QComboBox()
        self.size.addItem(self.tr("All sizes"), "")
        for size in ("7B", "13B", "33B"):
            self.size.addItem(size, size)
        self.legacy = QCheckBox(self.tr("Show legacy models"))
        self.legacy.setToolTip(self.tr("Models the upstream project no longer recommends"))
        self.source = QComboBox()
        for key, label in (("hf", self.tr("Hugging Face")), ("hf-mirror", self.tr("hf-mirror (mainland China)")),
                           ("modelscope", self.tr("ModelScope"))):
            self.source.addItem(label, key)
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText(self.tr("Mirror URL (optional)"))
        self.endpoint.setToolTip(self.tr("Base URL of a mirror with the same layout as the chosen source"))

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Type"), self.tr("Size"),
                                              self.tr("LoRA"), self.tr("State")])
        header = self.table.horizontalHeader()
        for col in (COL_NAME, COL_KIND, COL_SIZE, COL_LORA):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setMinimumWidth(560)

        self.details = ModelDetails()
        self.details.download_button.setToolTip(self.tr("Download the selected model (Ctrl+D)"))

        self.verify_button = QPushButton(self.tr("Verify…"))
        self.verify_button.setToolTip(self.tr("Check any folder of model files against the published SHA256 (Ctrl+Shift+V)"))
        self.add_base_button = QPushButton(self.tr("Add local base LLaMA…"))
        self.add_base_button.setToolTip(self.tr("Meta consolidated.*.pth + params.json, or an HF-format LLaMA folder"))
        self.remove_base_button = QPushButton(self.tr("Remove base LLaMA…"))
        self.remove_base_button.setToolTip(self.tr("Forget a registered base LLaMA; its files are not deleted"))
        self.remove_base_menu = QMenu(self.remove_base_button)
        self.remove_base_button.setMenu(self.remove_base_menu)
        self.bases_label = QLabel()
        self.bases_label.setObjectName("hint")
        self.bases_label.setWordWrap(True)
        self.bases_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.results = VerifyResults()
        self.results_summary = QLabel()
        self.results_box = QGroupBox(self.tr("Verification results"))
        rb = QVBoxLayout(self.results_box)
        rb.addWidget(self.results_summary)
        rb.addWidget(self.results)
        self.results_box.setVisible(False)

        filters = QHBoxLayout()
        filters.addWidget(self.family)
        filters.addWidget(self.size)
        filters.addWidget(self.legacy)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Download from")))
        filters.addWidget(self.source)
        filters.addWidget(self.endpoint)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        base_row = QHBoxLayout()
        base_row.addWidget(self.verify_button)
        base_row.addWidget(self.add_base_button)
        base_row.addWidget(self.remove_base_button)
        base_row.addStretch(1)
        lv.addLayout(base_row)
        lv.addWidget(self.bases_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidget(self.details)
        self.splitter.addWidget(details_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 480])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        layout.addLayout(filters)
        self.vsplitter = QSplitter(Qt.Orientation.Vertical)
        self.vsplitter.addWidget(self.splitter)
        self.vsplitter.addWidget(self.results_box)
        self.vsplitter.setStretchFactor(0, 3)
        self.vsplitter.setStretchFactor(1, 2)
        layout.addWidget(self.vsplitter, 1)

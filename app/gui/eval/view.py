"""The Evaluate page's widgets: the setup form (model, data, subjects by group, settings) and the
per-subject progress table.  No engine calls here; the page (controller) fills and reads them."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from engine.eval.subjects import GROUPS, data_info, subject_table

from ..i18n import tr

KEY_ROLE = Qt.ItemDataRole.UserRole


def group_labels() -> dict[str, str]:
    return {"STEM": tr("STEM"), "Social Science": tr("Social Science"), "Humanities": tr("Humanities"),
            "Other": tr("Other")}


def _row(*widgets, stretch_first: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    for i, w in enumerate(widgets):
        row.addWidget(w, 1 if (i == 0 and stretch_first) else 0)
    return row


class SetupForm(QWidget):
    """Model, data folder, subjects and settings."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # model -----------------------------------------------------------------------------------
        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(self.tr("A .gguf file or a Hugging Face model folder"))
        self.model_file_button = QPushButton(self.tr("File…"))
        self.model_file_button.setToolTip(self.tr("Choose a GGUF file"))
        self.model_folder_button = QPushButton(self.tr("Folder…"))
        self.model_folder_button.setToolTip(self.tr("Choose a Hugging Face model folder"))
        self.lora_edit = QLineEdit()
        self.lora_edit.setPlaceholderText(self.tr("Optional: a LoRA applied without merging"))
        self.lora_button = QPushButton(self.tr("Browse…"))
        model_box = QGroupBox(self.tr("1. Model"))
        mf = QFormLayout(model_box)
        mf.addRow(self.tr("Model"), _row(self.model_edit, self.model_file_button, self.model_folder_button))
        mf.addRow(self.tr("LoRA"), _row(self.lora_edit, self.lora_button))

        # data ------------------------------------------------------------------------------------
        self.data_edit = QLineEdit()
        self.data_edit.setPlaceholderText(self.tr("The unzipped ceval-exam folder (dev/, val/, test/)"))
        self.data_button = QPushButton(self.tr("Browse…"))
        self.download_button = QPushButton(self.tr("Download C-Eval data"))
        self.download_button.setToolTip(self.tr("Download ceval-exam.zip from the source chosen in Settings "
                                                "and unpack it"))
        pages = data_info()["pages"]
        self.data_hint = QLabel(self.tr(
            "C-Eval is published as ceval-exam.zip in the dataset ceval/ceval-exam on "
            "<a href=\"{hf}\">Hugging Face</a>, <a href=\"{mirror}\">hf-mirror</a> and "
            "<a href=\"{ms}\">ModelScope</a>. Download and unzip it, or let the app do it.").format(
            hf=pages["hf"], mirror=pages["hf-mirror"], ms=pages["modelscope"]))
        self.data_hint.setObjectName("hint")
        self.data_hint.setWordWrap(True)
        self.data_hint.setOpenExternalLinks(True)
        self.data_error = QLabel()
        self.data_error.setObjectName("error")
        self.data_error.setWordWrap(True)
        self.data_error.hide()
        data_box = QGroupBox(self.tr("2. C-Eval data"))
        dl = QVBoxLayout(data_box)
        dl.addLayout(_row(self.data_edit, self.data_button))
        dl.addWidget(self.data_hint)
        download_row = QHBoxLayout()
        download_row.addStretch(1)
        download_row.addWidget(self.download_button)
        dl.addLayout(download_row)
        dl.addWidget(self.data_error)

        # subjects --------------------------------------------------------------------------------
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(180)
        self.group_items: dict[str, QTreeWidgetItem] = {}
        self.subject_items: dict[str, QTreeWidgetItem] = {}
        labels = group_labels()
        table = subject_table()
        for g in GROUPS:
            top = QTreeWidgetItem([labels[g]])
            top.setData(0, KEY_ROLE, g)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            self.tree.addTopLevelItem(top)
            self.group_items[g] = top
            for key, s in table.items():
                if s.group != g:
                    continue
                child = QTreeWidgetItem([f"{s.name_zh} · {s.name}"])
                child.setData(0, KEY_ROLE, key)
                child.setToolTip(0, key)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked)
                top.addChild(child)
        self.all_button = QPushButton(self.tr("All"))
        self.none_button = QPushButton(self.tr("None"))
        self.all_button.clicked.connect(lambda: self.set_subjects(None))
        self.none_button.clicked.connect(lambda: self.set_subjects([]))
        self.subjects_label = QLabel()
        self.subjects_label.setObjectName("hint")
        subjects_box = QGroupBox(self.tr("3. Subjects"))
        sl = QVBoxLayout(subjects_box)
        sl.addWidget(self.tree, 1)
        sl.addLayout(_row(self.subjects_label, self.all_button, self.none_button))

        # settings --------------------------------------------------------------------------------
        self.split_combo = QComboBox()
        self.split_combo.addItem(self.tr("Validation (scored, 1346 questions)"), "val")
        self.split_combo.addItem(self.tr("Test (predictions for the C-Eval submission)"), "test")
        self.shots_spin = QSpinBox()
        self.shots_spin.setRange(0, 5)
        self.shots_spin.setValue(5)
        self.shots_spin.setSpecialValueText(self.tr("0 (zero-shot)"))
        self.shots_spin.setToolTip(self.tr("Solved dev examples before each question (upstream: 5)"))
        self.cot_check = QCheckBox(self.tr("Chain of thought (free-text answers)"))
        self.prompt_check = QCheckBox(self.tr("Instruction template (for Chinese-Alpaca models)"))
        self.ctx_spin = QSpinBox()
        self.ctx_spin.setRange(512, 32768)
        self.ctx_spin.setSingleStep(512)
        self.ctx_spin.setValue(2048)
        self.ctx_spin.setToolTip(self.tr("Tokens the model reads at once; a few-shot prompt longer than this stops "
                                         "the run with a message"))
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("Name in comparisons (default: the model's file name)"))
        settings_box = QGroupBox(self.tr("4. Settings"))
        sf = QFormLayout(settings_box)
        sf.addRow(self.tr("Split"), self.split_combo)
        sf.addRow(self.tr("Few-shot"), self.shots_spin)
        sf.addRow("", self.cot_check)
        sf.addRow("", self.prompt_check)
        sf.addRow(self.tr("Context (tokens)"), self.ctx_spin)
        sf.addRow(self.tr("Run name"), self.label_edit)
        note = QLabel(self.tr("Upstream reports Chinese-Alpaca zero-shot with the template (Alpaca-Plus-7B: 36.7 "
                              "on val) and Chinese-LLaMA 5-shot without it."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        sf.addRow(note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        for box in (model_box, data_box, subjects_box, settings_box):
            layout.addWidget(box)

    def selected_subjects(self) -> list[str]:
        return [k for k, item in self.subject_items_by_key().items() if item.checkState(0) == Qt.CheckState.Checked]

    def subject_items_by_key(self) -> dict[str, QTreeWidgetItem]:
        if not self.subject_items:
            for top in self.group_items.values():
                for i in range(top.childCount()):
                    self.subject_items[top.child(i).data(0, KEY_ROLE)] = top.child(i)
        return self.subject_items

    def set_subjects(self, keys) -> None:
        """Check ``keys`` (None: all)."""
        for key, item in self.subject_items_by_key().items():
            on = keys is None or key in keys
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show each subject's number of questions (0 or missing: no file for the split)."""
        table = subject_table()
        for key, item in self.subject_items_by_key().items():
            n = counts.get(key)
            s = table[key]
            item.setText(0, f"{s.name_zh} · {s.name}" + (f"  ({n})" if n else ""))
            item.setDisabled(bool(counts) and not n)


class ProgressTable(QTableWidget):
    """One row per subject of the run: group, questions, accuracy, state."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([self.tr("Subject"), self.tr("Group"), self.tr("Questions"),
                                        self.tr("Accuracy"), self.tr("State")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows: dict[str, int] = {}

    def start(self, subjects: list[str]) -> None:
        table = subject_table()
        labels = group_labels()
        self.setRowCount(len(subjects))
        self.rows = {}
        for r, key in enumerate(subjects):
            s = table[key]
            self.rows[key] = r
            for c, text in enumerate((f"{s.name_zh} · {s.name}", labels[s.group], "", "", self.tr("Waiting"))):
                self.setItem(r, c, QTableWidgetItem(text))
        if subjects:
            self.item(0, 4).setText(self.tr("Running…"))

    def subject_done(self, key: str, num: int, correct) -> None:
        r = self.rows.get(key)
        if r is None:
            return
        self.item(r, 2).setText(str(num))
        self.item(r, 3).setText("–" if correct is None else f"{100 * correct / num:.1f}%  ({correct}/{num})")
        self.item(r, 4).setText(self.tr("Done"))
        if r + 1 < self.rowCount():
            self.item(r + 1, 4).setText(self.tr("Running…"))
        self.scrollToItem(self.item(r, 0))

    def stopped(self) -> None:
        for r in range(self.rowCount()):
            if self.item(r, 4).text() == self.tr("Running…"):
                self.item(r, 4).setText(self.tr("Stopped"))

"""The Pre-training / Instruction tuning tab, as widgets only (RunController gives it life).

Left: the form (model and tokenizer from the library or a folder, data files or a folder,
training settings with upstream's defaults and a one-line explanation each, output folder).
Right: data preview, hardware check and the live charts.  Bottom: the run bar.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from ..run_bar import RunBar
from . import form
from .form import hint_label as _label
from .charts_panel import TrainingCharts
from .hardware_panel import HardwarePanel
from .preview_panel import DataPreview

# upstream's run_pt.sh / run_sft.sh (BEHAVIOR.md §3.3)
DEFAULTS = {
    "pt": {"lr": "2e-4", "lora_rank": 8, "lora_alpha": 32, "lora_dropout": 0.05, "length": 512, "epochs": 1, "save_steps": 200},
    "sft": {"lr": "1e-4", "lora_rank": 8, "lora_alpha": 32, "lora_dropout": 0.05, "length": 512, "epochs": 1, "save_steps": 200},
}


def _error_label() -> QLabel:
    label = _label("", "error")
    label.hide()
    return label


class RunTabView(QWidget):
    start_requested = Signal()

    def __init__(self, mode: str, parent=None) -> None:
        super().__init__(parent)
        self.mode = mode
        d = DEFAULTS[mode]
        sft = mode == "sft"

        # 1. model ---------------------------------------------------------------------------------
        self.base_combo = QComboBox()
        self.base_combo.setMinimumWidth(240)
        self.base_browse = QPushButton(self.tr("Folder…"))
        self.tokenizer_combo = QComboBox()
        self.tokenizer_browse = QPushButton(self.tr("Folder…"))
        self.base_error, self.tokenizer_error = _error_label(), _error_label()
        model_box = QGroupBox(self.tr("1. Model"))
        mf = QFormLayout(model_box)
        mf.addRow(self.tr("Base model"), self._column(
            self._row(self.base_combo, self.base_browse),
            _label(self.tr("A Hugging Face LLaMA: a merged model or a registered base from the Models page.")),
            self.base_error))
        mf.addRow(self.tr("Tokenizer"), self._column(
            self._row(self.tokenizer_combo, self.tokenizer_browse),
            _label(self.tr("Instruction tuning needs the Chinese-Alpaca tokenizer (49954 tokens).") if sft else
                   self.tr("LLaMA's own, or the Chinese one (49953) to teach LLaMA the new Chinese pieces.")),
            self.tokenizer_error))

        # 2. data ----------------------------------------------------------------------------------
        self.data_edit = QLineEdit()
        self.data_edit.setPlaceholderText(self.tr("Alpaca-format .json file(s) or a folder of them") if sft else
                                          self.tr(".txt file(s) or a folder of them"))
        self.data_files = QPushButton(self.tr("File…"))
        self.data_folder = QPushButton(self.tr("Folder…"))
        self.data_error = _error_label()
        data_box = QGroupBox(self.tr("2. Data"))
        dl = QVBoxLayout(data_box)
        dl.addLayout(self._row(self.data_edit, self.data_files, self.data_folder))
        dl.addWidget(_label(self.tr("Records with instruction, input and output, as upstream's "
                                    "alpaca_data_zh_51k.json.") if sft else
                            self.tr("Plain text, one example per line; lines are joined and cut into blocks.")))
        dl.addWidget(self.data_error)

        # 3. settings ------------------------------------------------------------------------------
        self.lr = QLineEdit(d["lr"])
        self.lora_rank = self._spin(1, 512, d["lora_rank"])
        self.lora_alpha = self._spin(1, 4096, d["lora_alpha"])
        self.lora_dropout = QDoubleSpinBox()
        self.lora_dropout.setRange(0.0, 0.9)
        self.lora_dropout.setSingleStep(0.05)
        self.lora_dropout.setDecimals(2)
        self.lora_dropout.setValue(d["lora_dropout"])
        self.length = self._spin(16, 32768, d["length"], step=64)
        self.epochs = self._spin(1, 1000, d["epochs"])
        self.max_steps = self._spin(0, 10_000_000, 0, special=self.tr("By epochs"))
        self.micro_batch = self._spin(0, 4096, 0, special=self.tr("Automatic"))
        self.grad_accum = self._spin(0, 4096, 0, special=self.tr("Automatic"))
        self.save_steps = self._spin(1, 1_000_000, d["save_steps"], step=50)
        self.qlora = QCheckBox(self.tr("Load the base in 4 bits (QLoRA)"))
        self.peft_edit = QLineEdit()
        self.peft_edit.setPlaceholderText(self.tr("Optional: a LoRA folder to continue training"))
        self.peft_browse = QPushButton(self.tr("Folder…"))
        self.settings_box = QGroupBox(self.tr("3. Training settings"))
        sf = QFormLayout(self.settings_box)
        rows = [
            (self.tr("Learning rate"), self.lr, self.tr("How big each update is. Upstream: 2e-4 for pre-training, "
                                                        "1e-4 for instruction tuning.")),
            (self.tr("LoRA rank"), self.lora_rank, self.tr("Size of the LoRA matrices: higher learns more and uses "
                                                           "more memory. Upstream: 8.")),
            (self.tr("LoRA alpha"), self.lora_alpha, self.tr("Scales the LoRA update (the effect is alpha / rank). "
                                                             "Upstream: 32.")),
            (self.tr("LoRA dropout"), self.lora_dropout, self.tr("Drops LoRA inputs at random while training, "
                                                                 "against overfitting. Upstream: 0.05.")),
            (self.tr("Max length") if sft else self.tr("Block size"), self.length,
             self.tr("Tokens per record; longer records are cut. Upstream: 512.") if sft else
             self.tr("Tokens per training block; the text is joined and cut into blocks. Upstream: 512.")),
            (self.tr("Epochs"), self.epochs, self.tr("Passes over the data. Upstream: 1.")),
            (self.tr("Max steps"), self.max_steps, self.tr("Stop after this many optimizer steps instead of "
                                                           "counting epochs.")),
            (self.tr("Micro-batch"), self.micro_batch, self.tr("Records per forward pass; automatic picks the "
                                                               "largest that fits in memory.")),
            (self.tr("Accumulation"), self.grad_accum, self.tr("Micro-batches added up per update; automatic keeps "
                                                               "upstream's effective batch.")),
            (self.tr("Save every"), self.save_steps, self.tr("Steps between checkpoints; Stop and Resume continue "
                                                             "from the last one.")),
            ("", self.qlora, self.tr("Trains a 7B model on a 12–16 GB GPU; needs CUDA and bitsandbytes.")),
            (self.tr("Continue from"), self._row(self.peft_edit, self.peft_browse),
             self.tr("Upstream's --peft_path: train further on an existing LoRA (its rank and alpha are kept).")),
        ]
        for label, widget, hint in rows:
            sf.addRow(label, self._column(widget, _label(hint)))

        # 4. output --------------------------------------------------------------------------------
        self.out_edit = QLineEdit()
        self.out_browse = QPushButton(self.tr("Folder…"))
        self.out_error = _error_label()
        out_box = QGroupBox(self.tr("4. Output"))
        ol = QVBoxLayout(out_box)
        ol.addLayout(self._row(self.out_edit, self.out_browse))
        ol.addWidget(_label(self.tr("Checkpoints, metrics.jsonl and the final LoRA (lora/) go here.")))
        ol.addWidget(self.out_error)

        # right side -------------------------------------------------------------------------------
        self.preview = DataPreview()
        self.hardware = HardwarePanel()
        self.charts = TrainingCharts()
        self.side = QTabWidget()
        self.side.addTab(self.preview, self.tr("Data preview"))
        self.side.addTab(self.hardware, self.tr("Hardware check"))
        self.side.addTab(self.charts, self.tr("Charts"))

        # run bar ----------------------------------------------------------------------------------
        self.run_bar = RunBar(self, start_text=self.tr("Start training"),
                              start_tip=self.tr("Start training in a separate process (Ctrl+Enter)"),
                              cancel_tip=self.tr("Stop after the current step; a checkpoint is saved (Esc)"),
                              on_start=self.start_requested.emit)
        self.run_bar.cancel_button.setText(self.tr("Stop"))
        self.resume_button = self.run_bar.add_next_step(self.tr("Resume"), self._noop)
        self.resume_button.setToolTip(self.tr("Continue from the last checkpoint"))
        self.merge_button = self.run_bar.add_next_step(self.tr("Merge this LoRA…"), self._noop)
        self.chat_button = self.run_bar.add_next_step(self.tr("Chat with this LoRA…"), self._noop)

        body = QWidget()
        left = QVBoxLayout(body)
        left.setContentsMargins(0, 0, 4, 0)
        for w in (model_box, data_box, self.settings_box, out_box):
            left.addWidget(w)
        left.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setMinimumWidth(420)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 4)
        columns.addWidget(self.side, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(columns, 1)
        layout.addWidget(self.run_bar)

    def _noop(self) -> None:
        """Placeholder slot: the controller connects the real ones."""

    @staticmethod
    def _row(*widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        for i, w in enumerate(widgets):
            row.addWidget(w, 1 if i == 0 else 0)
        return row

    _column = staticmethod(form.column)

    @staticmethod
    def _spin(low: int, high: int, value: int, *, step: int = 1, special: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setValue(value)
        if special:
            spin.setSpecialValueText(special)
        return spin

    show_error = staticmethod(form.show_error)

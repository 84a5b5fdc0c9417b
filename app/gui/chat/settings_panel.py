"""Right-hand panel: system prompt, template, generation preset and knobs, load options."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from engine.chat.presets import DEFAULT_PRESET, PRESETS, GenerationSettings
from engine.errors import UserError

CUSTOM_EXAMPLE = ("{% for m in messages %}{{ m.role }}: {{ m.content }}\n{% endfor %}"
                  "{% if add_generation_prompt %}assistant: {% endif %}")


_ACCELERATORS: list[str] | None = None


def available_accelerators() -> list[str]:
    """GPU devices torch can use here ("cuda", "mps"). Imports torch, so call it only
    on demand (the device list opening, a model loading), never while building the page."""
    global _ACCELERATORS
    if _ACCELERATORS is None:
        import torch
        found = ["cuda"] if torch.cuda.is_available() else []
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            found.append("mps")
        _ACCELERATORS = found
    return _ACCELERATORS


def check_device(choice: str) -> None:
    """A remembered CUDA/MPS choice may not exist on this machine (or after a driver change)."""
    if choice not in ("auto", "cpu") and choice not in available_accelerators():
        raise UserError(f"This computer has no {choice.upper()} device that PyTorch can use.",
                        "Choose Automatic or CPU under Model loading in the chat settings.")


class _DeviceCombo(QComboBox):
    """Finds CUDA/MPS the first time the list opens, so torch is imported only when needed."""

    def __init__(self, on_open, parent=None) -> None:
        super().__init__(parent)
        self._on_open = on_open

    def showPopup(self) -> None:  # noqa: N802 (Qt API)
        self._on_open()
        super().showPopup()


class SettingsPanel(QScrollArea):
    changed = Signal()               # generation settings, system prompt or template changed
    load_options_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("chatSettings")
        self.setMinimumWidth(220)    # shrinks on a 1024×640 window (issue 15)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)

        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setPlaceholderText(self.tr("Optional. For Alpaca it replaces the instruction header."))
        self.system_prompt.setMaximumHeight(90)
        self.system_prompt.textChanged.connect(self.changed)

        self.template = QComboBox()
        for key, label in (("auto", self.tr("Automatic (from the model)")),
                           ("alpaca", self.tr("Chinese-Alpaca (upstream)")),
                           ("alpaca-gradio", self.tr("Chinese-Alpaca (gradio demo multi-turn)")),
                           ("llama", self.tr("Base model (plain continuation)")),
                           ("embedded", self.tr("Chat template in the model")),
                           ("custom", self.tr("Custom (Jinja)…"))):
            self.template.addItem(label, key)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.custom_template = QPlainTextEdit(CUSTOM_EXAMPLE)
        self.custom_template.setMaximumHeight(110)
        self.custom_template.setVisible(False)
        self.custom_template.textChanged.connect(self.changed)
        self.template_note = QLabel()
        self.template_note.setObjectName("hint")
        self.template_note.setWordWrap(True)

        self.preset = QComboBox()
        labels = {"llama.cpp": self.tr("llama.cpp (upstream)"), "inference_hf": self.tr("inference_hf (upstream)"),
                  "gradio": self.tr("gradio demo (upstream)"), "precise": self.tr("Precise (greedy)"),
                  "creative": self.tr("Creative")}
        for key, p in PRESETS.items():
            self.preset.addItem(labels.get(key, p.label), key)
            self.preset.setItemData(self.preset.count() - 1, p.source, Qt.ItemDataRole.ToolTipRole)
        self.preset.addItem(self.tr("Custom"), "")
        self.preset.activated.connect(self._preset_chosen)

        self.temperature = self._double(0.0, 5.0, 0.05, 2)
        self.top_p = self._double(0.01, 1.0, 0.05, 2)
        self.top_k = self._int(0, 200)
        self.repetition_penalty = self._double(0.5, 3.0, 0.05, 2)
        self.max_new_tokens = self._int(1, 8192)
        self.seed = self._int(-1, 2 ** 31 - 1)
        self.seed.setSpecialValueText(self.tr("Random"))
        self.stop = QLineEdit()
        self.stop.setPlaceholderText(self.tr("e.g. ### | User:"))
        self.stop.editingFinished.connect(self._knob_changed)

        self.context_size = QSpinBox()
        self.context_size.setRange(256, 131072)
        self.context_size.setSingleStep(512)
        self.context_size.setValue(2048)
        self.context_size.valueChanged.connect(self.load_options_changed)
        self.context_size.setToolTip(self.tr("Tokens the model reads at once. Above the length it was trained "
                                             "with, RoPE scaling stretches it (upstream: 8K with llama.cpp, "
                                             "4K+ with transformers); quality may drop the further it goes."))
        # Beyond the trained length: upstream's NTK-aware scaling, linear interpolation, or none.
        self.rope_scaling = self._narrow(QComboBox())
        for key, label in (("ntk", self.tr("NTK-aware (as upstream)")), ("linear", self.tr("Linear")),
                           ("none", self.tr("Off"))):
            self.rope_scaling.addItem(label, key)
        self.rope_scaling.setToolTip(self.tr("How positions are stretched when the context size is above the "
                                             "model's trained length (llama.cpp rope_freq_base / "
                                             "rope_freq_scale, transformers rope_scaling)."))
        self.rope_scaling.currentIndexChanged.connect(self.load_options_changed)
        self.lora = QLineEdit()
        self.lora.setPlaceholderText(self.tr("None"))
        self.lora.editingFinished.connect(self.load_options_changed)
        lora_pick = QPushButton(self.tr("Choose…"))
        lora_pick.clicked.connect(self._pick_lora)
        lora_row = QHBoxLayout()
        lora_row.addWidget(self.lora, 1)
        lora_row.addWidget(lora_pick)

        # Hugging Face folders only: llama.cpp has its own offload setting (Settings page).
        self.device = self._narrow(_DeviceCombo(self.probe_devices))
        self.device.addItem(self.tr("Automatic"), "auto")
        self.device.addItem(self.tr("CPU"), "cpu")
        self.device.currentIndexChanged.connect(self.load_options_changed)
        self._devices_probed = False
        self.dtype = self._narrow(QComboBox())
        for key, label in (("auto", self.tr("Automatic")), ("float32", "float32"), ("float16", "float16"),
                           ("bfloat16", "bfloat16")):
            self.dtype.addItem(label, key)
        self.dtype.currentIndexChanged.connect(self.load_options_changed)
        # GPU offload of this GGUF model (remembered per model), beside the Settings page's switch.
        self.gpu_layers = QSpinBox()
        self.gpu_layers.setRange(-1, 999)
        self.gpu_layers.setSpecialValueText(self.tr("As in Settings"))
        self.gpu_layers.setValue(-1)
        self.gpu_layers.setToolTip(self.tr("Layers of this GGUF model that llama.cpp puts on the GPU (0: none). "
                                           "'As in Settings' follows the GPU switch on the Settings page (all "
                                           "layers or none). Remembered for each model."))
        self.gpu_layers.valueChanged.connect(self.load_options_changed)
        self.vram_note = QLabel()
        self.vram_note.setObjectName("hint")
        self.vram_note.setWordWrap(True)
        self.set_hf_options_enabled(True)

        prompt_box = QGroupBox(self.tr("Prompt"))
        f1 = QFormLayout(prompt_box)
        f1.addRow(QLabel(self.tr("System prompt")))
        f1.addRow(self.system_prompt)
        f1.addRow(self.tr("Template"), self.template)
        f1.addRow(self.custom_template)
        f1.addRow(self.template_note)
        gen_box = QGroupBox(self.tr("Generation"))
        f2 = QFormLayout(gen_box)
        f2.addRow(self.tr("Preset"), self.preset)
        f2.addRow(self.tr("Temperature"), self.temperature)
        f2.addRow(self.tr("Top-p"), self.top_p)
        f2.addRow(self.tr("Top-k"), self.top_k)
        f2.addRow(self.tr("Repetition penalty"), self.repetition_penalty)
        f2.addRow(self.tr("Max new tokens"), self.max_new_tokens)
        f2.addRow(self.tr("Seed"), self.seed)
        f2.addRow(self.tr("Stop strings"), self.stop)
        load_box = QGroupBox(self.tr("Model loading"))
        f3 = QFormLayout(load_box)
        f3.addRow(self.tr("Context size"), self.context_size)
        f3.addRow(self.tr("Long context"), self.rope_scaling)
        f3.addRow(self.tr("LoRA (unmerged)"), lora_row)
        f3.addRow(self.tr("Device"), self.device)
        f3.addRow(self.tr("Precision"), self.dtype)
        f3.addRow(self.tr("GPU layers"), self.gpu_layers)
        f3.addRow(self.vram_note)
        hint = QLabel(self.tr("Loading options apply when the model is next loaded."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        f3.addRow(hint)

        self._narrow(self.template)
        self._narrow(self.preset)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)
        for box in (prompt_box, gen_box, load_box):
            layout.addWidget(box)
        layout.addStretch(1)
        self.set_generation_settings(PRESETS[DEFAULT_PRESET].settings)

    @staticmethod
    def _narrow(combo: QComboBox) -> QComboBox:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _double(self, lo: float, hi: float, step: float, decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setSingleStep(step)
        box.setDecimals(decimals)
        box.valueChanged.connect(self._knob_changed)
        return box

    def _int(self, lo: int, hi: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(lo, hi)
        box.valueChanged.connect(self._knob_changed)
        return box

    # values ------------------------------------------------------------------------------
    def generation_settings(self) -> GenerationSettings:
        stops = tuple(s.strip() for s in self.stop.text().split("|") if s.strip())
        return GenerationSettings(temperature=round(self.temperature.value(), 4), top_p=round(self.top_p.value(), 4),
                                  top_k=self.top_k.value(),
                                  repetition_penalty=round(self.repetition_penalty.value(), 4),
                                  max_new_tokens=self.max_new_tokens.value(), seed=self.seed.value(), stop=stops)

    def set_generation_settings(self, s: GenerationSettings) -> None:
        boxes = (self.temperature, self.top_p, self.top_k, self.repetition_penalty, self.max_new_tokens, self.seed)
        for b in boxes:
            b.blockSignals(True)
        self.temperature.setValue(s.temperature)
        self.top_p.setValue(s.top_p)
        self.top_k.setValue(s.top_k)
        self.repetition_penalty.setValue(s.repetition_penalty)
        self.max_new_tokens.setValue(s.max_new_tokens)
        self.seed.setValue(s.seed)
        self.stop.setText(" | ".join(s.stop))
        for b in boxes:
            b.blockSignals(False)
        self._match_preset()

    def _add_device(self, key: str) -> None:
        if self.device.findData(key) < 0:
            labels = {"cuda": self.tr("CUDA (NVIDIA GPU)"), "mps": self.tr("MPS (Apple GPU)")}
            self.device.addItem(labels[key], key)

    def probe_devices(self) -> None:
        """Offer CUDA/MPS when torch reports them (first call imports torch)."""
        if self._devices_probed:
            return
        self._devices_probed = True
        for key in available_accelerators():
            self._add_device(key)

    def device_choice(self) -> str:
        return self.device.currentData() or "auto"

    def set_device_choice(self, choice: str) -> None:
        # A remembered GPU choice is shown without probing; check_device() vets it at load time.
        if choice in ("cuda", "mps"):
            self._add_device(choice)
        index = self.device.findData(choice)
        self.device.setCurrentIndex(index if index >= 0 else 0)

    def rope_scaling_choice(self) -> str:
        return self.rope_scaling.currentData() or "ntk"

    def set_rope_scaling_choice(self, choice: str) -> None:
        index = self.rope_scaling.findData(choice)
        self.rope_scaling.setCurrentIndex(index if index >= 0 else 0)

    def dtype_choice(self) -> str:
        return self.dtype.currentData() or "auto"

    def set_dtype_choice(self, choice: str) -> None:
        index = self.dtype.findData(choice)
        self.dtype.setCurrentIndex(index if index >= 0 else 0)

    def set_hf_options_enabled(self, enabled: bool) -> None:
        """Device and precision mean something only for Hugging Face folders."""
        device_tip = self.tr("Where a Hugging Face model runs. Automatic: the GPU when there is one, else the CPU.")
        dtype_tip = self.tr("Number format of the weights. Automatic: float16 on a GPU, float32 on the CPU.")
        gguf_tip = self.tr("GGUF models keep the precision they were quantized to; GPU offload is set on the "
                           "Settings page.")
        for combo, tip in ((self.device, device_tip), (self.dtype, dtype_tip)):
            combo.setEnabled(enabled)
            combo.setToolTip(tip if enabled else gguf_tip)

    def template_choice(self) -> str:
        key = self.template.currentData()
        return self.custom_template.toPlainText() if key == "custom" else key

    def set_template_choice(self, choice: str) -> None:
        index = self.template.findData(choice)
        if index < 0:
            self.custom_template.setPlainText(choice)
            index = self.template.findData("custom")
        self.template.blockSignals(True)
        self.template.setCurrentIndex(index)
        self.template.blockSignals(False)
        self.custom_template.setVisible(self.template.currentData() == "custom")

    def set_template_note(self, text: str, warning: bool = False) -> None:
        self.template_note.setText(text)
        self.template_note.setObjectName("warning" if warning else "hint")
        self.template_note.style().unpolish(self.template_note)
        self.template_note.style().polish(self.template_note)

    # reactions ---------------------------------------------------------------------------
    def _match_preset(self) -> None:
        current = self.generation_settings().with_(stop=())
        name = next((key for key, p in PRESETS.items() if p.settings == current), "")
        self.preset.setCurrentIndex(self.preset.findData(name))

    @Slot()
    def _knob_changed(self) -> None:
        self._match_preset()
        self.changed.emit()

    @Slot(int)
    def _preset_chosen(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name:
            stops = self.generation_settings().stop
            self.set_generation_settings(PRESETS[name].settings.with_(stop=stops))
            self.changed.emit()

    @Slot()
    def _template_changed(self) -> None:
        self.custom_template.setVisible(self.template.currentData() == "custom")
        self.changed.emit()

    @Slot()
    def _pick_lora(self) -> None:
        # One dialog for both kinds: a GGUF LoRA file, or a PEFT folder via its adapter_config.json.
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a LoRA"), "",
                                              self.tr("LoRA (*.gguf adapter_config.json)"))
        if path:
            self.lora.setText(str(Path(path).parent) if path.endswith("adapter_config.json") else path)
            self.load_options_changed.emit()

"""Hardware check: the device, memory needed for these settings vs. free, and what the engine will choose."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engine.jobs import format_bytes


class HardwarePanel(QWidget):
    use_qlora = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status = QLabel(self.tr("Choose a base model to see what this computer can train."))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, text in (("model", self.tr("Model")), ("device", self.tr("Device")), ("memory", self.tr("Memory")),
                          ("batch", self.tr("Batch")), ("checkpointing", self.tr("Gradient checkpointing")),
                          ("dtype", self.tr("Precision"))):
            value = QLabel("–")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(text, value)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.hide()
        self.qlora_button = QPushButton(self.tr("Use QLoRA (4-bit base)"))
        self.qlora_button.clicked.connect(self.use_qlora)
        self.qlora_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(self.qlora_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.plan: dict | None = None

    def set_busy(self) -> None:
        self.status.setText(self.tr("Checking memory…"))

    def set_error(self, text: str) -> None:
        self.plan = None
        self.status.setText(text)
        for v in self.values.values():
            v.setText("–")
        self.advice.hide()
        self.qlora_button.hide()

    def show_plan(self, plan: dict, qlora_chosen: bool) -> None:
        self.plan = plan
        note = "" if plan.get("qlora_suggested") else (plan.get("note") or "")
        self.status.setText(note)
        self.status.setVisible(bool(note))
        params = plan.get("params") or 0
        self.values["model"].setText(self.tr("{params} parameters").format(
            params=f"{params / 1e9:.2f}B" if params >= 1e9 else f"{params / 1e6:.1f}M"))
        name = plan.get("device_name") or ""
        self.values["device"].setText(f"{plan['device']}" + (f" ({name})" if name and name != plan["device"] else ""))
        needed, free = plan.get("memory_needed") or 0, plan.get("memory_free") or 0
        enough = not free or needed <= free
        self.values["memory"].setText(self.tr("{needed} needed, {free} free").format(
            needed=format_bytes(needed), free=format_bytes(free)))
        self.values["memory"].setObjectName("ok" if enough else "error")
        self.values["memory"].style().unpolish(self.values["memory"])
        self.values["memory"].style().polish(self.values["memory"])
        micro, accum = plan.get("micro_batch") or 1, plan.get("grad_accum") or 1
        self.values["batch"].setText(self.tr("micro-batch {micro} × accumulation {accum} = {total} per update").format(
            micro=micro, accum=accum, total=micro * accum))
        self.values["checkpointing"].setText(self.tr("On: less memory, about a third slower") if plan.get("checkpointing")
                                             else self.tr("Off: fits without it"))
        self.values["dtype"].setText(str(plan.get("dtype") or ""))
        suggest = bool(plan.get("qlora_suggested")) and not qlora_chosen
        if suggest:
            self.advice.setObjectName("error")
            self.advice.setText(self.tr("The bf16 base does not fit in free memory. QLoRA loads it in 4 bits.")
                                if plan.get("qlora_available") else
                                self.tr("The base does not fit in free memory. QLoRA would need CUDA and bitsandbytes; "
                                        "choose a smaller model, a shorter max length, or another computer."))
        elif not enough:
            self.advice.setObjectName("error")
            self.advice.setText(self.tr("Not enough free memory for these settings."))
        self.advice.style().unpolish(self.advice)
        self.advice.style().polish(self.advice)
        self.advice.setVisible(suggest or not enough)
        self.qlora_button.setVisible(suggest and bool(plan.get("qlora_available")))

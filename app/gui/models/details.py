"""The details pane of the Models page: what a model is for, what it needs, its files, the next step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from engine.jobs import Progress, describe, format_bytes
from engine.model_library import (CONVERTED, DOWNLOADED, FAILED, MERGED, NOT_DOWNLOADED, PARTIAL, QUANTIZED, VERIFIED,
                                  ModelStatus, requirements)
from engine.verify import MATCH, MISMATCH


def _label(object_name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class ModelDetails(QWidget):
    """Shows one catalog model; the page wires the buttons."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.name = _label("modelName")
        self.name.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.summary = _label("hint")
        self.purpose = _label()
        self.needs = _label()
        self.needs.setTextFormat(Qt.TextFormat.RichText)
        self.state = _label()
        self.base_warning = _label("warning")     # the registered base was accepted despite a hash mismatch
        self.base_warning.hide()
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.files = QTableWidget(0, 3)
        self.files.setHorizontalHeaderLabels([self.tr("File"), self.tr("Published SHA256"), self.tr("Check")])
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.files.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.files.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.files.verticalHeader().setVisible(False)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().setDefaultSectionSize(24)
        self.files.setMinimumHeight(100)

        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setProperty("primary", True)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.verify_button = QPushButton(self.tr("Verify files"))
        self.next_button = QPushButton()
        self.next_button.setProperty("primary", True)
        buttons = QHBoxLayout()
        for b in (self.download_button, self.pause_button, self.cancel_button, self.verify_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        for w in (self.name, self.summary, self.purpose, self.needs, self.base_warning, self.state, self.bar):
            layout.addWidget(w)
        layout.addLayout(buttons)
        files_title = QLabel(self.tr("Files and published hashes"))
        files_title.setObjectName("hint")
        layout.addWidget(files_title)
        layout.addWidget(self.files, 1)
        self.status: ModelStatus | None = None

    # text ---------------------------------------------------------------------------------------
    def purpose_text(self, model) -> str:
        if model.kind == "instruction":
            text = self.tr("Instruction model (ChatGPT-like): questions, writing, advice and multi-turn chat. "
                           "It expects the Alpaca prompt template, which Alpaca Studio applies for you.")
            if model.variant == "pro":
                text += " " + self.tr("Pro fixes the too-short answers of the Plus version.")
            elif model.variant == "plus":
                text += " " + self.tr("Prefer the Pro version unless you want short answers.")
        else:
            text = self.tr("Base model for text continuation: give it the start of a text and it writes on. "
                           "Not meant for instructions or chat; without a stop it writes until the length limit.")
        if not model.recommended:
            text += " " + self.tr("Legacy model: superseded by the Plus/Pro models, still useful in some cases.")
        return text

    def needs_text(self, model, base_record) -> str:
        req = requirements(model)
        chain = " → ".join([req["base"], *req["merge_chain"]])
        if base_record is not None and base_record.status == "mismatch":
            base = self.tr("⚠ {base} registered despite other hashes: {path}").format(base=req["base"],
                                                                                    path=base_record.path)
        elif base_record is not None:
            base = self.tr("✓ {base} registered: {path}").format(base=req["base"], path=base_record.path)
        else:
            base = self.tr("✗ Not registered yet: add your own copy.")
        lines = [
            self.tr("<b>Needs</b> the original {base}. {status}").format(base=req["base"], status=base),
            self.tr("<b>Merge order:</b> {chain}").format(chain=chain),
            self.tr("<b>Disk:</b> about {disk} (LoRA {lora}, merged FP16 {fp16}, 4-bit GGUF {q4}).").format(
                disk=format_bytes(req["disk_bytes"]), lora=model.lora_size, fp16=req["fp16_size"], q4=req["q4_size"]),
            self.tr("<b>Memory:</b> {q4} to chat with the 4-bit model, {q8} at 8-bit, {fp16} at FP16.").format(
                q4=req["q4_size"], q8=req["q8_size"], fp16=req["fp16_size"]),
        ]
        return "<br>".join(lines)

    def state_text(self, st: ModelStatus) -> str:
        return {
            NOT_DOWNLOADED: self.tr("Not downloaded"),
            PARTIAL: self.tr("Partly downloaded ({size}); resume to finish").format(size=format_bytes(st.partial_bytes)),
            DOWNLOADED: self.tr("Downloaded, not verified yet"),
            VERIFIED: self.tr("✓ Downloaded and verified"),
            FAILED: self.tr("✗ Failed: {why}").format(why=st.problem or self.tr("unknown reason")),
            MERGED: self.tr("Merged: {path}").format(path=st.merged[0] if st.merged else ""),
            CONVERTED: self.tr("Converted to GGUF ({type}), not quantized yet: {path}").format(
                type=st.converted_type, path=st.quantized[0] if st.quantized else ""),
            QUANTIZED: self.tr("Quantized: {path}").format(path=st.quantized[0] if st.quantized else ""),
        }[st.state]

    # updates --------------------------------------------------------------------------------------
    def show_status(self, st: ModelStatus, base_record, progress: Progress | None, next_label: str) -> None:
        m = st.model
        self.status = st
        self.name.setText(m.name)
        kind = self.tr("instruction model") if m.kind == "instruction" else self.tr("base model")
        amount = m.training_data.rsplit(" ", 1)[-1]
        data = (self.tr("{amount} of general text") if m.kind == "base" else
                self.tr("{amount} instructions")).format(amount=amount)
        self.summary.setText(self.tr("{kind} · {size} · LoRA {lora} · vocabulary {vocab} · trained on {data}").format(
            kind=kind, size=m.size, lora=m.lora_size, vocab=m.vocab_size, data=data))
        self.purpose.setText(self.purpose_text(m))
        self.needs.setText(self.needs_text(m, base_record))
        mismatched = base_record is not None and base_record.status == "mismatch"
        self.base_warning.setVisible(mismatched)
        if mismatched:
            files = ", ".join(f for f, verdict in base_record.files.items() if verdict == MISMATCH)
            self.base_warning.setText(self.tr("⚠ The registered {base} differs from the published SHA256 ({files}). "
                                              "It was registered anyway; a model merged from it may be broken.")
                                      .format(base=base_record.name, files=files))
        downloading = progress is not None
        self.state.setText(describe(progress) if downloading else self.state_text(st))
        self.state.setObjectName("error" if st.state == FAILED and not downloading else
                                 "ok" if st.state in (VERIFIED, MERGED, CONVERTED, QUANTIZED) else "")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self.show_progress(progress)
        self.files.setRowCount(len(m.files))
        for row, fname in enumerate(m.files):
            present = fname in st.present
            check = st.checks.get(fname)
            mark = ("✓" if check == MATCH else "✗" if check == MISMATCH else
                    self.tr("not checked") if present and fname in m.sha256 else
                    self.tr("present") if present else self.tr("missing"))
            items = (QTableWidgetItem(fname), QTableWidgetItem(m.sha256.get(fname, "—")), QTableWidgetItem(mark))
            for col, item in enumerate(items):
                self.files.setItem(row, col, item)
        can_download = st.state in (NOT_DOWNLOADED, PARTIAL, FAILED, DOWNLOADED) and bool(st.missing or st.state == FAILED)
        self.download_button.setText(self.tr("Resume download") if st.state == PARTIAL else
                                     self.tr("Download again") if st.state == FAILED else self.tr("Download"))
        self.download_button.setVisible(not downloading and can_download)
        self.pause_button.setVisible(downloading)
        self.cancel_button.setVisible(downloading or st.state == PARTIAL)
        self.verify_button.setVisible(not downloading and bool(st.present))
        self.next_button.setText(next_label)
        self.next_button.setVisible(bool(next_label) and not downloading)

    def show_progress(self, p: Progress | None) -> None:
        self.bar.setVisible(p is not None)
        if p is None:
            return
        if p.fraction is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(p.fraction * 1000))
        self.state.setText(describe(p))

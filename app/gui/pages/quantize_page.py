"""Quantize wizard (the controller; the widgets are in app/gui/quantize/view.py): a LLaMA folder (Hugging Face or Meta .pth) -> GGUF F16 -> llama.cpp quantization.

The type table is computed from the chosen model's shapes (file size and RAM per
type); the run converts, verifies against the original (llama.cpp loads it,
tokenizer parity, logits against transformers), quantizes in a child process
and compares perplexity, then offers the result to the Chat page.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QVBoxLayout

from engine.checkpoint import HF, META, folder_kind
from engine.diskspace import free_bytes
from engine.jobs import format_bytes
from engine.layout import gguf_dir, merged_root, models_root
from engine.quantize import CHOICES as TYPES  # the one list of types
from engine.quantize import DEFAULT_TYPE

from ..quantize.view import QuantizeView
from ..run_bar import bar_parts
from ..worker import Job
from .base import Page

OTHER = "__other__"


def describe_model(model_dir, *, progress=None, cancel=None) -> dict:
    """Worker-thread part of choosing a folder: headers, tokenizer, size table."""
    from engine.gguf_convert import inspect_model
    from engine.quantize import (Shapes, available_ram, choose_mmap, estimate_file_bytes, estimate_load_bytes,
                                 recommended_type, total_ram)

    info = inspect_model(model_dir)
    shapes = Shapes.from_config(info.config, vocab=info.embedding_rows)
    ram, free = total_ram(), available_ram()

    def loading(t: str) -> tuple:
        """(memory-mapped?, peak read into memory, peak memory-mapped): what Chat will do here."""
        return (choose_mmap(shapes, t, free=free), estimate_load_bytes(shapes, t, mmap=False),
                estimate_load_bytes(shapes, t, mmap=True))
    loads = {t: loading(t) for t in TYPES}
    return {
        "model_dir": str(info.folder), "n_params": info.n_params, "vocab": info.embedding_rows,
        "tokenizer": info.tokenizer_kind, "layers": info.layers, "hidden": info.hidden,
        "source_bytes": info.source_bytes, "ram_total": ram, "format": info.format,
        "recommended": recommended_type(shapes, free),
        # RAM to run: the peak of the loading mode Chat picks on this machine (bench/load7b.py measures both)
        "sizes": {t: (estimate_file_bytes(shapes, t), loads[t][2] if loads[t][0] else loads[t][1]) for t in TYPES},
        "loading": loads, "ram_free": free,
    }


def run_quantize_job(model_dir, out_dir, qtype, *, keep_f16, progress=None, cancel=None):
    from engine.gguf_pipeline import convert_and_quantize

    return convert_and_quantize(model_dir, out_dir, None if qtype == "F16" else qtype, keep_f16=keep_f16,
                                progress=progress, cancel=cancel)


class QuantizePage(Page):
    PAGE_ID = "quantize"
    ORDER = 30
    ICON = "quantize.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.info: dict | None = None
        self.inspect_job: Job | None = None
        self.result = None
        self.broken_verdict = None      # engine.model_checks.PerplexityVerdict of the last run, when broken
        ui = context.store.ui_value

        self.view = QuantizeView(self.title(), self.start)
        v = self.view
        # the view's parts, by the names tests and other pages use
        (self.source, self.model_label, self.model_error, self.table, self.out_edit, self.keep_f16,
         self.files_label, self.disk_label, self.results_box, self.result_labels, self.run_bar) = (
            v.source, v.model_label, v.model_error, v.table, v.out_edit, v.keep_f16,
            v.files_label, v.disk_label, v.results_box, v.result_labels, v.run_bar)
        self.source.activated.connect(self._source_activated)
        v.browse_source_button.clicked.connect(self.browse_source)
        self.table.itemSelectionChanged.connect(self._type_changed)
        self.out_edit.setText(ui("quantize.out_dir") or str(gguf_dir(context.settings)))
        self.out_edit.editingFinished.connect(self._out_changed)
        v.browse_output_button.clicked.connect(self.browse_output)
        self.keep_f16.setChecked(bool(ui("quantize.keep_f16", True)))
        self.keep_f16.toggled.connect(self._keep_f16_changed)
        self.chat_button = self.run_bar.add_next_step(self.tr("Chat with this model…"), self.go_chat)
        self.run_bar.succeeded.connect(self._on_finished)
        self.run_bar.ended.connect(self._update_outputs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

        self._lists = self._listed = 0
        self._fill_sources(then=self._read_chosen)      # off the UI thread; read when it arrives if shown
        self._select_type(ui("quantize.type") or DEFAULT_TYPE)
        self._update_outputs()
        context.library_changed.connect(self._library_changed)

    def title(self) -> str:
        return self.tr("Quantize")

    # the run bar's parts, by the names tests and other pages use
    job, start_button, cancel_button, open_button, progress, status = bar_parts(
        "job", "start_button", "cancel_button", "open_button", "progress", "status")

    def _quality_notes(self) -> dict:
        return self.view.quality_notes()

    # source -------------------------------------------------------------------------------------------
    def _merged_folders(self) -> list[Path]:
        merged = merged_root(self.context.settings)
        if not merged.is_dir():
            return []
        # HF outputs and "-pth" (Meta format) outputs both convert (the one checkpoint reader says which).
        found = [p for p in merged.iterdir() if folder_kind(p) in (HF, META)]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    @property
    def listing(self) -> bool:
        """True while the merged-models folder is being read (off the UI thread)."""
        return self._listed < self._lists

    def _fill_sources(self, keep: str | None = None, then=None):
        """List the merged-models folder from a query (it reads every folder's files); the newest read wins."""
        self._lists = getattr(self, "_lists", 0) + 1
        number = self._lists
        return self.context.jobs.query(self._merged_folders,
                                       lambda folders: self._sources_read(number, folders, keep, then),
                                       title="List merged models", receiver=self)

    def _sources_read(self, number: int, folders: list, keep: str | None, then) -> None:
        if number < self._lists:
            return
        self._listed = number
        if keep is None and (self.info is not None or self.inspect_job is not None):
            keep = self.current_model_dir()         # chosen meanwhile (open_with, Other…): stays chosen
        self._show_sources(folders, keep)
        if then is not None:
            then()

    def _show_sources(self, folders: list, keep: str | None = None) -> None:
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("Choose a model folder…"), "")
        for i, folder in enumerate(folders):
            label = self.tr("{name} (just merged)").format(name=folder.name) if i == 0 else folder.name
            self.source.addItem(label, str(folder))
        remembered = keep or self.context.store.ui_value("quantize.model_dir")
        if remembered and Path(remembered).is_dir() and self.source.findData(remembered) < 0:
            self.source.addItem(Path(remembered).name, remembered)
        self.source.addItem(self.tr("Other folder…"), OTHER)
        self.source.setCurrentIndex(0)
        self.source.blockSignals(False)
        target = keep or (self.source.itemData(1) if self.source.count() > 2 and self.source.itemData(1) != OTHER
                          else remembered)
        if target and self.source.findData(target) >= 0:
            self.source.setCurrentIndex(self.source.findData(target))   # read when the page is shown

    @Slot(object)
    def _library_changed(self, _change) -> None:
        # Pages are built at start-up: list the merges made since. A folder already read stays chosen;
        # an untouched page moves to the newest merge.
        if self.job is None or not self.job.is_active:
            chosen = self.info is not None or self.inspect_job is not None
            self._fill_sources(keep=self.current_model_dir() if chosen else None, then=self._read_chosen)
        else:
            self._read_chosen()

    def _read_chosen(self) -> None:
        if self.info is None and self.inspect_job is None and self.current_model_dir() and self.isVisible():
            self._inspect(self.current_model_dir())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # The folder chosen at start (the newest merge, or the one remembered) is read once, on a job.
        super().showEvent(event)
        self._read_chosen()

    def open_with(self, model_dir=None, **_ignored) -> None:
        """Pre-fill the source (the Merge page sends its output folder)."""
        if model_dir:
            self.set_model_dir(str(model_dir))

    def set_model_dir(self, folder: str) -> None:
        folder = str(Path(folder))
        if self.source.findData(folder) < 0:
            self.source.insertItem(self.source.count() - 1, Path(folder).name, folder)
        self.source.setCurrentIndex(self.source.findData(folder))
        self._inspect(folder)

    @Slot(int)
    def _source_activated(self, index: int) -> None:
        data = self.source.itemData(index)
        if data == OTHER:
            self.browse_source()
        elif data:
            self._inspect(data)

    @Slot()
    def browse_source(self) -> None:
        start = self.current_model_dir() or str(models_root(self.context.settings))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a LLaMA model folder"), start)
        if folder:
            self.set_model_dir(folder)
        elif self.source.currentData() == OTHER:
            self.source.setCurrentIndex(0)

    def current_model_dir(self) -> str:
        data = self.source.currentData()
        return "" if data in (None, "", OTHER) else data

    def _inspect(self, folder: str) -> None:
        self.info = None
        self.model_error.hide()
        self.model_label.setText(self.tr("Reading {name}…").format(name=Path(folder).name))
        self._update_outputs()
        job = self.context.jobs.start(self.tr("Read model {name}").format(name=Path(folder).name),
                                      describe_model, folder)
        self.inspect_job = job
        # Bound methods, not lambdas: a lambda holding the page and the job makes a reference
        # cycle that Python may collect on a worker thread, deleting widgets off the UI thread.
        job.finished.connect(self._inspected)
        job.failed.connect(self._inspect_failed)

    @Slot(object)
    def _inspected(self, info: dict) -> None:
        if self.sender() is not self.inspect_job:
            return      # an older read, overtaken by a newer choice
        self.info = info
        self.context.store.set_ui_value("quantize.model_dir", info["model_dir"])
        tokenizer = self.tr("SentencePiece") if info["tokenizer"] == "sentencepiece" else self.tr("BPE")
        self.model_label.setText(self.tr("{params} parameters, {layers} layers, vocabulary {vocab} ({tokenizer}), "
                                         "{size} on disk").format(
            params=_params(info["n_params"]), layers=info["layers"], vocab=info["vocab"], tokenizer=tokenizer,
            size=format_bytes(info["source_bytes"])))
        if info.get("format") == "meta-pth":
            self.model_label.setText(self.model_label.text() + " · " + self.tr("Meta format (consolidated.NN.pth)"))
        recommended = info["recommended"]
        for r, t in enumerate(TYPES):
            file_bytes, ram_bytes = info["sizes"][t]
            self.table.item(r, 1).setText(format_bytes(file_bytes))
            ram = self.table.item(r, 2)
            ram.setText(format_bytes(ram_bytes))
            too_big = ram_bytes > info["ram_total"]
            mapped, read_bytes, mapped_bytes = info.get("loading", {}).get(t, (True, ram_bytes, ram_bytes))
            if mapped:
                tip = self.tr("Loaded memory-mapped (faster): {mapped}; read into memory it would take {read}.")
            else:
                tip = self.tr("Read into memory (not enough free memory to map the file, which would take {mapped}): "
                              "{read}.")
            tip = tip.format(mapped=format_bytes(mapped_bytes), read=format_bytes(read_bytes))
            ram.setToolTip((self.tr("More than this computer's memory") + "\n" if too_big else "") + tip)
            ram.setForeground(QColor("#b42318") if too_big else self.palette().text().color())
            note = self._quality_notes()[t]
            self.table.item(r, 3).setText(self.tr("Recommended here. {note}").format(note=note)
                                          if t == recommended else note)
            font = self.table.item(r, 0).font()
            font.setBold(t == recommended)
            self.table.item(r, 0).setFont(font)
        if not self.context.store.ui_value("quantize.type"):
            self._select_type(recommended)
        self._update_outputs()

    @Slot(str, str, str)
    def _inspect_failed(self, message: str, hint: str, _details: str) -> None:
        if self.sender() is not self.inspect_job:
            return
        self.model_label.setText("")
        self.model_error.setText(f"{message}\n{hint}".strip())
        self.model_error.show()
        self._update_outputs()

    @Slot(bool)
    def _keep_f16_changed(self, keep: bool) -> None:
        self.context.store.set_ui_value("quantize.keep_f16", keep)

    # type and output ----------------------------------------------------------------------------------
    def _select_type(self, qtype: str) -> None:
        row = TYPES.index(qtype) if qtype in TYPES else TYPES.index(DEFAULT_TYPE)
        self.table.selectRow(row)

    def selected_type(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return TYPES[rows[0].row()] if rows else DEFAULT_TYPE

    @Slot()
    def _type_changed(self) -> None:
        if self.info is not None or self.context.store.ui_value("quantize.type"):
            self.context.store.set_ui_value("quantize.type", self.selected_type())
        self._update_outputs()

    @Slot()
    def browse_output(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the output folder"), self.out_edit.text())
        if folder:
            self.out_edit.setText(folder)
            self._out_changed()

    @Slot()
    def _out_changed(self) -> None:
        text = self.out_edit.text().strip()
        default = str(gguf_dir(self.context.settings))
        self.context.store.set_ui_value("quantize.out_dir", "" if text == default else text)
        self._update_outputs()

    def planned(self):
        from engine.gguf_pipeline import planned_paths

        qtype = self.selected_type()
        return planned_paths(self.current_model_dir(), self.out_edit.text().strip(),
                             None if qtype == "F16" else qtype)

    def _update_outputs(self) -> None:
        busy = self.run_bar.busy
        ready = self.info is not None and bool(self.out_edit.text().strip())
        if not ready:
            self.files_label.setText("")
            self.disk_label.setText("")
            self.start_button.setEnabled(False)
            return
        qtype = self.selected_type()
        f16, quant = self.planned()
        names = [f16.name] + ([quant.name] if quant else [])
        self.files_label.setText(", ".join(names))
        needed = self.info["sizes"]["F16"][0] + (self.info["sizes"][qtype][0] if quant else 0)
        out_dir = Path(self.out_edit.text().strip())
        free = free_bytes(out_dir)
        enough = free >= needed * 1.05
        self.disk_label.setObjectName("ok" if enough else "error")
        self.disk_label.setText(self.tr("{needed} needed, {free} free").format(
            needed=format_bytes(needed), free=format_bytes(free)) if enough else
            self.tr("Not enough space: {needed} needed, {free} free. Choose another folder.").format(
                needed=format_bytes(needed), free=format_bytes(free)))
        self.disk_label.style().unpolish(self.disk_label)
        self.disk_label.style().polish(self.disk_label)
        self.start_button.setText(self.tr("Convert to F16") if qtype == "F16" else
                                  self.tr("Convert and quantize to {type}").format(type=qtype))
        self.start_button.setEnabled(enough and not busy)

    # run ----------------------------------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        if not self.start_button.isEnabled() or self.run_bar.busy:
            return
        qtype = self.selected_type()
        model_dir = self.current_model_dir()
        self.result = None
        self.broken_verdict = None
        self.results_box.hide()
        job = self.context.jobs.start(
            self.tr("Quantize {name} to {type}").format(name=Path(model_dir).name, type=qtype),
            run_quantize_job, model_dir, self.out_edit.text().strip(), qtype, keep_f16=self.keep_f16.isChecked())
        self.run_bar.watch(job, folder=self.out_edit.text().strip(),
                           cancelled_text=self.tr("Cancelled; no partial file was left behind."))

    @Slot()
    def cancel(self) -> None:
        self.run_bar.cancel()

    @Slot(object)
    def _on_finished(self, result) -> None:
        self.result = result
        self.run_bar.set_status(self.tr("Done: {file}").format(file=result.final_path.name), "ok")
        self._show_results(result)
        if self.broken_verdict is not None:
            self.run_bar.set_status(self.tr("Done, but the model looks broken: see Perplexity."), "error")
        self.context.notify_library_changed("quantize", result.f16_path, result.final_path)

    def _show_results(self, r) -> None:
        labels = self.result_labels
        labels["load"].setText(self.tr("Yes"))
        check = r.check
        if check is not None and check.parity is not None:
            p = check.parity
            labels["tokens"].setText(
                self.tr("Identical token ids on {n} tokens of Chinese and English text").format(n=p.n_tokens)
                if p.ok else self.tr("Differs from the source tokenizer at token {i}").format(i=p.first_mismatch))
        else:
            labels["tokens"].setText(self.tr("Not checked"))
        if check is not None and check.logits is not None:
            lg = check.logits
            text = self.tr("Top-1 identical at {m}/{n} positions; max difference {d}").format(
                m=lg.top1_matches, n=lg.positions, d=f"{lg.max_abs_diff:.4g}")
            if lg.near_ties:
                text += " " + self.tr("(near-ties within rounding: {k})").format(k=lg.near_ties)
            labels["logits"].setText(text)
        else:
            labels["logits"].setText(self.tr("Not compared (not enough memory for a float32 copy)"))
        if r.ppl_f16 is not None and r.ppl_quant is not None:
            change = (r.ppl_quant.perplexity / r.ppl_f16.perplexity - 1) * 100
            labels["ppl"].setText(self.tr("F16 {base}, {type} {quant} ({change})").format(
                base=f"{r.ppl_f16.perplexity:.2f}", type=r.quantized.qtype, quant=f"{r.ppl_quant.perplexity:.2f}",
                change=f"{change:+.1f}%"))
        elif r.ppl_f16 is not None:
            labels["ppl"].setText(self.tr("F16 {base}").format(base=f"{r.ppl_f16.perplexity:.2f}"))
        broken = self._perplexity_warning(r)
        labels["ppl"].setObjectName("error" if broken else "")
        labels["ppl"].style().unpolish(labels["ppl"])
        labels["ppl"].style().polish(labels["ppl"])
        files = [r.f16_path] if r.f16_path.exists() else []
        if r.quant_path is not None:
            files.append(r.quant_path)
        labels["size"].setText("\n".join(f"{p.name}  {format_bytes(p.stat().st_size)}" for p in files))
        ok = check is None or check.ok
        for key in ("tokens", "logits"):
            labels[key].setObjectName("ok" if ok else "error")
            labels[key].style().unpolish(labels[key])
            labels[key].style().polish(labels[key])
        self.results_box.show()

    def _perplexity_warning(self, r) -> bool:
        """A perplexity near the vocabulary size: say the model looks broken, with the likely causes."""
        from engine.model_checks import perplexity_verdict

        measured = r.ppl_quant or r.ppl_f16
        vocab = (self.info or {}).get("vocab") or 0
        if measured is None or not vocab:
            return False
        verdict = perplexity_verdict(measured.perplexity, vocab)
        label = self.result_labels["ppl"]
        if not verdict.broken:
            return False
        causes = [self.tr("the LoRAs merged in the wrong order (Plus/Pro: LLaMA-Plus first)"),
                  self.tr("the wrong base (another LLaMA size, or not the original LLaMA)"),
                  self.tr("Alpaca-Plus/Pro merged without the Chinese-LLaMA-Plus step"),
                  self.tr("untrained or damaged weights")]
        warning = self.tr("The model looks broken: a perplexity of {ppl} is close to guessing at random among "
                          "its {vocab} tokens (a working model scores well under 100). Likely causes: {causes}. "
                          "Merge it again on the Merge page.").format(
            ppl=f"{verdict.perplexity:.0f}", vocab=vocab, causes="; ".join(causes))
        label.setText(label.text() + "\n" + warning)
        self.broken_verdict = verdict
        return True

    @Slot()
    def go_chat(self) -> None:
        if self.result is not None:
            self.context.navigate("chat", model_path=str(self.result.final_path))


def _params(n: int) -> str:
    return f"{n / 1e9:.2f}B" if n >= 1e9 else f"{n / 1e6:.1f}M"


PAGE = QuantizePage

"""Merge wizard (the controller; the widgets are in app/gui/merge/view.py): pick the model (catalog or custom LoRAs), the base LLaMA and the output,
review the plan (order, vocabulary, size, disk, memory), merge with progress and cancel,
then go on to quantize or chat.

The plan is recomputed on a worker thread whenever an input changes, so every
upstream failure (wrong tokenizer, reversed order, wrong size, no disk) shows up
before the user presses Merge.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QVBoxLayout

from engine.jobs import format_bytes

from ..merge.tasks import preview_merge, remove_partials_job, run_merge_job  # noqa: F401 (names kept here)
from ..merge.view import CUSTOM, MergeView
from ..run_bar import bar_parts
from ..worker import Job
from .base import Page


def _catalog():
    """The Models catalog when it is available; the wizard works on folders without it."""
    try:
        from engine.catalog import load_catalog
        return load_catalog()
    except Exception:  # noqa: BLE001 - optional part
        return None


class MergePage(Page):
    PAGE_ID = "merge"
    ORDER = 20
    ICON = "merge.svg"

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.catalog = _catalog()
        self.preview_job: Job | None = None
        self.plan: dict | None = None
        self.out_dir: Path | None = None
        self._out_edited = False
        self._overwrite = ""        # the output folder the user chose to replace ("" = none)
        self._free_name = ""        # a free output folder to offer when the chosen one exists
        self._preview_timer = QTimer(self, singleShot=True, interval=300)
        self._preview_timer.timeout.connect(self.refresh_plan)

        from engine.catalog import display_order
        models = sorted(self.catalog.models, key=display_order) if self.catalog is not None else []
        self.view = MergeView(self.title(), models, self.start_merge)
        v = self.view
        # the view's parts, by the names tests and other pages use
        for name in ("target", "loras", "add_lora", "remove_lora", "up_lora", "down_lora", "lora_note", "base_edit",
                     "verify_button", "base_status", "format", "dtype", "out_edit", "plan_label", "plan_error",
                     "run_bar"):
            setattr(self, name, getattr(v, name))
        self.target.currentIndexChanged.connect(self._target_changed)
        self.add_lora.clicked.connect(self.browse_lora)
        self.remove_lora.clicked.connect(self._remove_lora)
        self.up_lora.clicked.connect(lambda: self._move_lora(-1))
        self.down_lora.clicked.connect(lambda: self._move_lora(1))
        self.base_edit.textChanged.connect(self._inputs_changed)
        self.base_edit.textChanged.connect(self._show_known_base_status)
        v.browse_base_button.clicked.connect(self.browse_base)
        self.verify_button.clicked.connect(self.verify_base)
        self.out_edit.textEdited.connect(self._out_edited_by_user)
        self.out_edit.textChanged.connect(self._inputs_changed)
        v.browse_out_button.clicked.connect(self.browse_out)
        ui = context.store.ui_value
        self.format.setCurrentIndex(max(0, self.format.findData(ui("merge.format") or "hf")))
        self.dtype.setCurrentIndex(max(0, self.dtype.findData(ui("merge.dtype") or "float16")))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.dtype.currentIndexChanged.connect(self._inputs_changed)
        self.plan_label.linkActivated.connect(self._plan_link)
        self.plan_error.linkActivated.connect(self._plan_link)      # "Use … instead" / "Overwrite it"
        self.chat_button = self.run_bar.add_next_step(self.tr("Chat with it…"), self.go_chat)
        self.quantize_button = self.run_bar.add_next_step(self.tr("Quantize this model…"), self.go_quantize)
        self.run_bar.succeeded.connect(self._on_finished)
        self.run_bar.ended.connect(self._on_ended)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

        saved_target = ui("merge.target")
        if saved_target and self.target.findData(saved_target) >= 0:
            self.target.setCurrentIndex(self.target.findData(saved_target))
        elif self.target.findData(CUSTOM) >= 0 and self.catalog is None:
            self.target.setCurrentIndex(self.target.findData(CUSTOM))
        self._target_changed()
        if ui("merge.base_dir") and not self.base_edit.text():
            self.base_edit.setText(ui("merge.base_dir"))

    def title(self) -> str:
        return self.tr("Merge")

    # the run bar's parts, by the names tests and other pages use
    job, merge_button, cancel_button, open_button, progress, status = bar_parts(
        "job", "start_button", "cancel_button", "open_button", "progress", "status")

    # inputs ---------------------------------------------------------------------------------------------
    def open_with(self, lora_ids=None, lora_dirs=None, base_dir=None, **_ignored) -> None:
        """Pre-fill from another page: catalog ids (a merge chain or one model) or LoRA folders."""
        if lora_ids:
            wanted = list(lora_ids)[-1]
            index = self.target.findData(wanted)
            if index >= 0:
                self.target.setCurrentIndex(index)
                self._target_changed()
            else:
                lora_dirs = [str(self._lora_dir(i)) for i in lora_ids] + list(lora_dirs or [])
        if lora_dirs:
            self.target.setCurrentIndex(self.target.findData(CUSTOM))
            self._target_changed()
            self._set_loras([str(d) for d in lora_dirs], editable=True)
        if base_dir:
            self.base_edit.setText(str(base_dir))
        self._suggest_output()
        self._inputs_changed()

    def _lora_dir(self, model_id: str) -> Path:
        from engine.layout import lora_dir
        return lora_dir(self.context.settings, model_id)

    def lora_paths(self) -> list[str]:
        return [self.loras.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.loras.count())]

    def _set_loras(self, paths: list[str], editable: bool) -> None:
        self.loras.clear()
        for p in paths:
            item = QListWidgetItem(p)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.loras.addItem(item)
        for b in (self.add_lora, self.remove_lora, self.up_lora, self.down_lora):
            b.setEnabled(editable)
        self._inputs_changed()

    @Slot()
    def _target_changed(self) -> None:
        target = self.target.currentData()
        if target == CUSTOM:
            saved = self.context.store.ui_value("merge.custom_loras") or []
            self._set_loras([p for p in saved if isinstance(p, str)], editable=True)
            self.lora_note.setText(self.tr("Add LoRA folders (PEFT: adapter_config.json + adapter_model), "
                                           "including ones trained on the Train page. Plus/Pro: the LLaMA-Plus "
                                           "LoRA first; a reversed pair is put right automatically."))
            self.lora_note.setObjectName("hint")
        else:
            from engine.merge.request import merge_request
            model = self.catalog.get(target)
            request = merge_request(target, self.context.settings, catalog=self.catalog)
            self._set_loras([str(p) for p in request.loras], editable=False)
            missing = request.missing
            if missing:
                self.lora_note.setText(self.tr("Not downloaded yet: {ids}. Download them on the Models page first.")
                                       .format(ids=", ".join(missing)))
                self.lora_note.setObjectName("warning")
            else:
                self.lora_note.setText(self.tr("{name}: vocabulary {vocab}, merged into original {base}.")
                                       .format(name=model.name, vocab=model.vocab_size, base=model.base))
                self.lora_note.setObjectName("hint")
            self._suggest_base(request.base)
        self.lora_note.style().polish(self.lora_note)
        self._suggest_output()

    def _suggest_base(self, base: Path | None) -> None:
        if base is not None and not self.base_edit.text().strip():
            self.base_edit.setText(str(base))

    def _suggest_output(self) -> None:
        if self._out_edited:
            return
        from engine.layout import merged_dir
        from engine.merge.request import merge_request, output_name
        target, out_format = self.target.currentData(), self.format.currentData()
        if target == CUSTOM:
            paths = self.lora_paths()
            out = merged_dir(self.context.settings, output_name(Path(paths[-1]).name if paths else "merged", out_format))
        else:
            out = merge_request(target, self.context.settings, out_format=out_format, catalog=self.catalog).out
        self.out_edit.setText(str(out))

    @Slot(str)
    def _out_edited_by_user(self, _text: str) -> None:
        self._out_edited = True

    @Slot()
    def _format_changed(self) -> None:
        self._suggest_output()
        self._inputs_changed()

    @Slot()
    def browse_lora(self) -> None:
        from engine.layout import adapters_dir
        start = str(adapters_dir(self.context.settings))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a LoRA folder"), start)
        if folder:
            self._set_loras([*self.lora_paths(), folder], editable=True)
            self._remember_custom()
            self._suggest_output()

    def _remove_lora(self) -> None:
        row = self.loras.currentRow()
        if row >= 0:
            self.loras.takeItem(row)
            self._remember_custom()
            self._suggest_output()
            self._inputs_changed()

    def _move_lora(self, step: int) -> None:
        row = self.loras.currentRow()
        new = row + step
        if row < 0 or not 0 <= new < self.loras.count():
            return
        item = self.loras.takeItem(row)
        self.loras.insertItem(new, item)
        self.loras.setCurrentRow(new)
        self._remember_custom()
        self._suggest_output()          # named after the last LoRA: the order changed the name
        self._inputs_changed()

    def _remember_custom(self) -> None:
        if self.target.currentData() == CUSTOM:
            self.context.store.set_ui_value("merge.custom_loras", self.lora_paths())

    @Slot()
    def browse_base(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the original LLaMA folder"),
                                                  self.base_edit.text())
        if folder:
            self.base_edit.setText(folder)

    @Slot()
    def browse_out(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose where the merged model goes"),
                                                  str(Path(self.out_edit.text()).parent))
        if folder:
            self._out_edited = True
            self.out_edit.setText(folder)

    # base verification -------------------------------------------------------------------------------
    @Slot()
    def verify_base(self) -> None:
        folder = self.base_edit.text().strip()
        if not folder:
            return
        try:
            from engine.model_library import register_base
        except ImportError:
            self.base_status.setText(self.tr("Verification is not available in this build."))
            self.base_status.show()
            return
        self.verify_button.setEnabled(False)
        self.base_status.show()
        self.base_status.setText(self.tr("Verifying the weight files…"))
        job = self.context.jobs.start(self.tr("Verify {name}").format(name=Path(folder).name), register_base,
                                      folder, settings=self.context.settings, accept_mismatch=True)
        job.finished.connect(self._verified)
        job.failed.connect(lambda message, hint, _d: self._verify_ended(message, error=True))
        job.cancelled.connect(lambda: self._verify_ended(self.tr("Verification cancelled.")))

    @Slot()
    def _show_known_base_status(self) -> None:
        """A folder already verified on the Models page shows its verdict without hashing again."""
        folder = self.base_edit.text().strip()
        record = None
        if folder:
            try:
                from engine.model_library import registered_bases
                record = next((r for r in registered_bases(self.context.settings)
                               if Path(r.path) == Path(folder).expanduser().absolute()), None)
            except Exception:  # noqa: BLE001 - the library is optional here
                record = None
        if record is None:
            self.base_status.hide()
            return
        self._verified(record)

    @Slot(object)
    def _verified(self, record) -> None:
        texts = {"verified": self.tr("✓ Verified: every weight file matches the published SHA256."),
                 "unverified": self.tr("No published hashes for these files: they could not be verified."),
                 "mismatch": self.tr("✗ A weight file differs from the published SHA256: it may be damaged.")}
        self._verify_ended(texts.get(record.status, record.status), error=record.status == "mismatch",
                           ok=record.status == "verified")

    def _verify_ended(self, text: str, error: bool = False, ok: bool = False) -> None:
        self.verify_button.setEnabled(True)
        self.base_status.setText(text)
        self.base_status.show()
        self.base_status.setObjectName("error" if error else "ok" if ok else "hint")
        self.base_status.style().polish(self.base_status)

    # plan ----------------------------------------------------------------------------------------------
    @Slot()
    def _inputs_changed(self, *_args) -> None:
        self.plan = None
        self.merge_button.setEnabled(False)
        if not self.run_bar.busy:
            self.run_bar.hide_next_steps()      # the last run's "Done" and next steps are about other inputs
        self.plan_error.hide()                  # about the old inputs; checked again in a moment
        self._preview_timer.start()

    def _inputs(self) -> tuple[str, list[str], str, str, str] | None:
        base, loras, out = self.base_edit.text().strip(), self.lora_paths(), self.out_edit.text().strip()
        if not base or not loras or not out:
            return None
        return base, loras, out, self.format.currentData(), self.dtype.currentData()

    @Slot()
    def refresh_plan(self) -> None:
        if self.run_bar.busy:
            return
        inputs = self._inputs()
        if inputs is None:
            self._show_plan_text(self.tr("Choose the LoRAs and the base model to see the plan."))
            return
        if self.preview_job is not None and self.preview_job.is_active:
            self._preview_timer.start()      # one check at a time; re-check when it ends
            return
        base, loras, out, fmt, dtype = inputs
        self._show_plan_text(self.tr("Checking the inputs…"))
        # A query, not a listed job: a preview is not a job the user started (it still ends at shutdown).
        overwrite, settings = self._overwrite == out, self.context.settings
        self.preview_job = self.context.jobs.query(
            lambda: preview_merge(base, loras, out, out_format=fmt, dtype=dtype, overwrite=overwrite,
                                  settings=settings),
            lambda summary, key=inputs: self._plan_ready(key, summary),
            lambda message, hint, _details, key=inputs: self._plan_failed(key, message, hint), title="Merge preview")

    def _show_plan_text(self, text: str) -> None:
        self.plan_label.setText(text)
        self.plan_error.hide()

    def _plan_ready(self, key, summary: dict) -> None:
        if key != self._inputs():
            return
        if self._follow_fixed_order(summary):
            return                       # the list now shows the order the merge uses; checked again
        self.plan = summary
        steps = summary["vocab_steps"]
        base_formats = {"hf-safetensors": self.tr("HF safetensors"), "hf-bin": self.tr("HF .bin"),
                        "meta-pth": self.tr("Meta .pth")}
        size = summary["size"]
        name = f"LLaMA-{size}" if size[:1].isdigit() else f"LLaMA ({size})"
        rows = [self.tr("Base: {name} ({fmt}), vocabulary {vocab}")
                .format(name=name, fmt=base_formats.get(summary["base_format"], ""), vocab=steps[0])]
        for i, name in enumerate(summary["order"], 1):
            rows.append(self.tr("Step {n}: merge {name} → vocabulary {vocab}").format(n=i, name=name, vocab=steps[i]))
        formats = {"hf": self.tr("Hugging Face safetensors"), "pth": self.tr("Meta consolidated.NN.pth")}
        rows.append(self.tr("Output: {size} as {format}; {free} free on that disk")
                    .format(size=format_bytes(summary["output_bytes"]), format=formats[summary["format"]],
                            free=format_bytes(summary["disk_free"])))
        rows.append(self.tr("Expected peak memory: {memory} (the model is processed one tensor at a time)")
                    .format(memory=format_bytes(summary["peak_memory_bytes"])))
        rows += [f"<i>{n}</i>" for n in summary["notices"]]
        if summary.get("stale_bytes"):
            stale = self.tr("An earlier merge into this folder was stopped and left {size} of partial files; "
                            "they are removed when the merge starts.").format(size=format_bytes(summary["stale_bytes"]))
            remove = self.tr("Remove them now")
            rows.append(f'{stale} <a href="remove-partials">{remove}</a>')
        rows += self._plus_hint_rows(summary.get("plus_hint"))
        self.plan_label.setText("<br>".join(rows))
        self.plan_label.setObjectName("")
        self.plan_label.style().polish(self.plan_label)
        self.plan_error.hide()
        if summary.get("out_exists"):
            # Say why Merge is greyed out, and offer both ways on.
            self.plan = None
            self._free_name = summary["free_name"]
            exists = self.tr("The output folder {folder} already exists and is not empty.").format(
                folder=summary["output"])
            new_name = self.tr("Use {name} instead").format(name=Path(summary["free_name"]).name)
            replace = self.tr("Overwrite it")
            self.plan_error.setText(f'{exists} <a href="new-name">{new_name}</a> · <a href="overwrite">{replace}</a>')
            self.plan_error.setTextFormat(Qt.TextFormat.RichText)
            self.plan_error.show()
            self.merge_button.setEnabled(False)
            return
        self.merge_button.setEnabled(not self.run_bar.busy)

    def _follow_fixed_order(self, summary: dict) -> bool:
        """A reversed Plus/Pro pair is merged in the right order: the list (and the output name) follow."""
        fixed = [str(p) for p in summary.get("loras", [])]
        shown = self.lora_paths()
        if self.target.currentData() != CUSTOM or len(fixed) != len(shown) or \
                [Path(p).expanduser() for p in shown] == [Path(p) for p in fixed]:
            return False
        by_path = {Path(p).expanduser(): p for p in shown}
        ordered = [by_path.get(Path(p), p) for p in fixed]
        self.lora_note.setText(self.tr("Order put right: {order} (the LLaMA-Plus LoRA first, then Alpaca).")
                               .format(order=" → ".join(Path(p).name for p in ordered)))
        self.lora_note.setObjectName("warning")
        self.lora_note.style().polish(self.lora_note)
        self._set_loras(ordered, editable=True)
        self._remember_custom()
        self._suggest_output()
        return True

    def _plus_hint_rows(self, hint) -> list[str]:
        if hint is None:
            return []
        if hint.kind == "known" and self.catalog is not None:
            model = self.catalog.get(hint.model_id)
            missing = ", ".join(self.catalog.get(i).name for i in hint.missing_ids)
            chain = " → ".join(self.catalog.get(i).name for i in hint.chain_ids)
            text = self.tr("{name} needs {missing} merged first; this merge leaves it out, so the model would "
                           "be broken.").format(name=model.name, missing=missing)
            link = self.tr("Merge the full chain: {chain}").format(chain=chain)
            return [f'<span style="color:#b42318">{text}</span> <a href="chain:{hint.model_id}">{link}</a>']
        text = self.tr("This LoRA has the 49954-token Chinese-Alpaca vocabulary and goes straight onto a 32000-token "
                       "LLaMA. That is right for the first Alpaca LoRAs, but Alpaca-Plus and Alpaca-Pro LoRAs need "
                       "the Chinese-LLaMA-Plus LoRA merged first: add it above this one.")
        return [f'<span style="color:#b54708">{text}</span>']

    def _plan_failed(self, key, message: str, hint: str) -> None:
        if key != self._inputs():
            return
        self.plan = None
        self.plan_label.setText(self.tr("The merge cannot start:"))
        self.plan_error.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_error.setText(f"{message}\n{hint}".strip())
        self.plan_error.show()
        self.merge_button.setEnabled(False)

    @Slot(str)
    def _plan_link(self, href: str) -> None:
        inputs = self._inputs()
        if inputs is None or self.run_bar.busy:
            return
        if href.startswith("chain:"):
            index = self.target.findData(href.split(":", 1)[1])
            if index >= 0:
                self.target.setCurrentIndex(index)
            return
        if href == "overwrite":
            self._overwrite = inputs[2]
            self.refresh_plan()
            return
        if href == "new-name" and self.plan is None:
            self._out_edited = True
            self.out_edit.setText(self._free_name or inputs[2])
            return
        if href != "remove-partials":
            return
        job = self.context.jobs.start(self.tr("Remove partial files"), remove_partials_job, inputs[2])
        job.finished.connect(lambda _removed: self.refresh_plan())

    # merge ----------------------------------------------------------------------------------------------
    @Slot()
    def start_merge(self) -> None:
        if self.plan is None or self.run_bar.busy:
            return
        base, loras, out, fmt, dtype = self._inputs()
        store = self.context.store
        store.set_ui_value("merge.format", fmt)
        store.set_ui_value("merge.dtype", dtype)
        store.set_ui_value("merge.target", self.target.currentData())
        store.set_ui_value("merge.base_dir", base)
        self._remember_custom()
        self.out_dir = Path(out)
        name = self.target.currentText() if self.target.currentData() != CUSTOM else Path(loras[-1]).name
        job = self.context.jobs.start(self.tr("Merge {name}").format(name=name), run_merge_job,
                                      base, loras, out, out_format=fmt, dtype=dtype, overwrite=self._overwrite == out)
        self.run_bar.watch(job, folder=out, cancelled_text=self.tr("Cancelled. Nothing was written."))
        self._lock_inputs(True)

    @Slot()
    def cancel_merge(self) -> None:
        self.run_bar.cancel()

    def _lock_inputs(self, locked: bool) -> None:
        for w in (self.target, self.loras, self.base_edit, self.format, self.dtype, self.out_edit):
            w.setEnabled(not locked)

    @Slot()
    def _on_ended(self) -> None:
        self._lock_inputs(False)
        self.merge_button.setEnabled(self.plan is not None)

    @Slot(object)
    def _on_finished(self, result) -> None:
        self.run_bar.set_status(self.tr("Done: {folder}").format(folder=self.out_dir), "ok")
        # The converter reads both layouts; the chat's transformers backend wants HF.
        self.quantize_button.setEnabled(result.details.get("format") in ("hf", "pth"))
        self.chat_button.setEnabled(result.details.get("format") == "hf")
        self.context.show_status(self.tr("Merged model written to {folder}").format(folder=self.out_dir))
        self.context.notify_library_changed("merge", self.out_dir)
        self.plan = None          # the output folder exists now: another merge needs another folder
        self._overwrite = ""
        self._preview_timer.start()     # ...and the plan says so, offering a new name or overwriting

    @Slot()
    def go_quantize(self) -> None:
        if self.out_dir is not None:
            self.context.navigate("quantize", model_dir=str(self.out_dir))

    @Slot()
    def go_chat(self) -> None:
        if self.out_dir is not None:
            self.context.navigate("chat", model_path=str(self.out_dir))

    def can_close(self) -> bool:
        # A running merge is a managed job (the window asks about it); a plan check takes
        # a moment at most: let it end so its thread is not destroyed while running.
        if self.preview_job is not None and self.preview_job.is_active:
            self.preview_job.wait(10000)
        return True


PAGE = MergePage

"""Behaviour of a Pre-training / Instruction tuning tab: checks as the inputs change, data preview and
hardware check on worker threads, the training child as a job, live charts, Stop / Resume, next steps."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from ..worker import Job
from . import tasks
from .inputs import RunInputs
from .metrics import RunHistory, load_history
from .process import run_training, train_command
from .run_view import DEFAULTS, RunTabView


class _Bridge(QObject):
    """Lives on the UI thread: ``record.emit`` from the job's thread arrives here queued."""
    record = Signal(dict)


class RunController(QObject):
    run_ended = Signal(str)       # the LoRA folder made ("" when none): the page tells the library

    def __init__(self, context, view: RunTabView, parent=None) -> None:
        super().__init__(parent)
        self.context, self.view, self.mode = context, view, view.mode
        self.history = RunHistory()
        self.checks: dict | None = None
        self.job: Job | None = None
        self.check_job = self.preview_job = self.hardware_job = None
        self._asked = 0         # reads asked for: only the newest answer is shown
        self._bridge = _Bridge(self)
        self._bridge.record.connect(self._on_record)
        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.refresh)
        self._redraw = QTimer(self, singleShot=True, interval=100)
        self._redraw.timeout.connect(self._draw)
        self._hw_timer = QTimer(self, singleShot=True, interval=350)
        self._hw_timer.timeout.connect(self.refresh_hardware)
        v = view
        v.start_requested.connect(self.start)
        v.resume_button.clicked.connect(self.resume)
        v.merge_button.clicked.connect(self.go_merge)
        v.chat_button.clicked.connect(self.go_chat)
        v.run_bar.ended.connect(self._on_ended)
        v.hardware.use_qlora.connect(lambda: v.qlora.setChecked(True))
        self.inputs = RunInputs(context, view, self)
        self.inputs.changed.connect(self.inputs_changed)
        self.inputs.base_changed.connect(self._hw_timer.start)
        self.base, self.tokenizer = self.inputs.base, self.inputs.tokenizer
        self.set_base, self.set_tokenizer = self.inputs.set_base, self.inputs.set_tokenizer
        for edit in (v.data_edit, v.out_edit, v.peft_edit):
            edit.textChanged.connect(self.inputs_changed)
        v.length.valueChanged.connect(self.inputs_changed)
        for w in (v.lora_rank, v.micro_batch, v.grad_accum):
            w.valueChanged.connect(self._hw_timer.start)
        v.qlora.toggled.connect(self._hw_timer.start)
        self._restore()
        self.inputs.reload_library()

    def reload_library(self) -> None:
        if not self.busy:
            self.inputs.reload_library()

    # checks, preview, hardware ------------------------------------------------------------------------
    @Slot()
    def inputs_changed(self) -> None:
        self.view.run_bar.start_button.setEnabled(False)
        self._timer.start()

    @Slot()
    def refresh(self) -> None:
        v = self.view
        args = (self.mode, self.base(), self.tokenizer(), v.data_edit.text().strip(), v.out_edit.text().strip())
        # A read (off the UI thread, on the jobs layer's pool): only the newest answer is shown.
        self._asked += 1
        number = self._asked
        self.check_job = self.context.jobs.query(
            lambda: tasks.check_inputs(*args), lambda result: self._checked(result, number),
            title="Check training inputs", receiver=self)

    def _checked(self, result: dict, number: int = 0) -> None:
        if number != self._asked:
            return
        v = self.view
        self.checks = result
        v.show_error(v.base_error, result["base_error"])
        v.show_error(v.tokenizer_error, result["tokenizer_error"])
        v.show_error(v.data_error, result["data_error"])
        if result.get("out_has_run") and self.history.status == "done" and \
                v.out_edit.text().strip() == str(self.history.config.get("out") or ""):
            # The finished run's folder: the next run goes to a fresh one (the checks run again).
            v.out_edit.setText(result["out_suggestion"])
            return
        v.show_error(v.out_error, self.tr("This folder holds an earlier run: Resume continues it, or choose "
                                          "another folder for a new run.") if result.get("out_has_run")
                     else result.get("out_error", ""))
        self._update_buttons()
        if result["tokenizer_error"] or result["data_error"] or result["base_error"]:
            v.preview.clear(self.tr("Fix the inputs marked in red to see the data."))
            return
        v.preview.set_busy()
        args = (self.mode, self.tokenizer() or self.base(), v.data_edit.text().strip(), v.length.value())
        number = self._asked
        self.preview_job = self.context.jobs.query(
            lambda: tasks.data_preview(*args), lambda result: self._previewed(result, number),
            lambda *error: self._preview_failed(*error, number=number), title="Preview training data", receiver=self)

    def _previewed(self, result: dict, number: int = 0) -> None:
        if number == self._asked:
            self.view.preview.show_result(self.mode, result["stats"], result["records"])

    def _preview_failed(self, message: str, hint: str, _details: str, number: int = 0) -> None:
        if number == self._asked:
            self.view.show_error(self.view.data_error, f"{message}\n{hint}".strip())
            self.view.preview.clear(message)

    def hardware_settings(self) -> dict:
        v = self.view
        return {"mode": self.mode, "max_length": v.length.value(), "lora_rank": v.lora_rank.value(),
                "micro_batch": v.micro_batch.value() or None, "grad_accum": v.grad_accum.value() or None,
                "qlora": v.qlora.isChecked()}

    @Slot()
    def refresh_hardware(self) -> None:
        if not self.base():
            return
        self.view.hardware.set_busy()
        # A device probe (torch, CUDA): housekeeping on its own quiet job, as the jobs layer says, not a pool read.
        self.hardware_job = self.context.jobs.run_quietly(
            "Check training memory", tasks.hardware_plan, self.base(), self.hardware_settings())
        self.hardware_job.finished.connect(self._hardware_planned)
        self.hardware_job.failed.connect(self._hardware_failed)

    @Slot(object)
    def _hardware_planned(self, plan: dict) -> None:
        if self.sender() is self.hardware_job:
            self.view.hardware.show_plan(plan, self.view.qlora.isChecked())

    @Slot(str, str, str)
    def _hardware_failed(self, message: str, hint: str, _details: str) -> None:
        if self.sender() is self.hardware_job:
            self.view.hardware.set_error(f"{message}\n{hint}".strip())

    # the run ------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.is_active

    def inputs_ok(self) -> bool:
        c = self.checks
        return bool(c) and not (c["base_error"] or c["tokenizer_error"] or c["data_error"])

    def options(self) -> dict:
        v = self.view
        out = v.out_edit.text().strip()
        return {"base": self.base(), "tokenizer": self.tokenizer() or None, "data": v.data_edit.text().strip(),
                "out": out, "lr": v.lr.text().strip() or None, "lora_rank": v.lora_rank.value(),
                "lora_alpha": v.lora_alpha.value(), "lora_dropout": round(v.lora_dropout.value(), 4),
                ("max_seq_length" if self.mode == "sft" else "block_size"): v.length.value(),
                "epochs": v.epochs.value() if not v.max_steps.value() else None,
                "max_steps": v.max_steps.value() or None, "micro_batch": v.micro_batch.value() or None,
                "grad_accum": v.grad_accum.value() or None, "save_steps": v.save_steps.value(),
                "qlora": v.qlora.isChecked(), "peft_path": v.peft_edit.text().strip() or None,
                "metrics": str(Path(out) / "metrics.jsonl")}

    @Slot()
    def start(self) -> None:
        if self.busy or not self.view.run_bar.start_button.isEnabled():
            return
        if self.checks and self.checks.get("out_error"):
            return
        self._run(resume=False)

    @Slot()
    def resume(self) -> None:
        if not self.busy and self.view.out_edit.text().strip():
            self._run(resume=True)

    def _run(self, *, resume: bool) -> None:
        opts = self.options()
        if not resume:
            self.history = RunHistory()
        self._remember(opts)
        cmd = train_command(self.mode, opts, resume=resume)
        name = Path(opts["out"]).name
        title = (self.tr("Resume training {name}") if resume else self.tr("Train {name}")).format(name=name)
        texts = {"starting": self.tr("Starting the training process…"), "training": self.tr("Training…"),
                 "stopping": self.tr("Stopping: saving a checkpoint…")}
        self.job = self.context.jobs.start(title, run_training, cmd, opts["metrics"], out_dir=opts["out"],
                                           on_record=self._bridge.record.emit, texts=texts)
        self.view.run_bar.watch(self.job, folder=opts["out"], cancelled_text=self.tr(
            "Stopped; a checkpoint was saved. Resume continues from it."))
        self.view.side.setCurrentWidget(self.view.charts)
        self.view.charts.show_history(self.history)
        self._set_inputs_enabled(False)

    @Slot(dict)
    def _on_record(self, rec: dict) -> None:
        self.history.add(rec)
        if not self._redraw.isActive():      # records can come in bursts: one redraw per 100 ms
            self._redraw.start()

    @Slot()
    def _draw(self) -> None:
        self.view.charts.show_history(self.history)

    @Slot()
    def stop(self) -> None:
        self.view.run_bar.cancel()

    @Slot()
    def _on_ended(self) -> None:
        self._set_inputs_enabled(True)
        h = self.history
        if h.status == "done":
            self.view.run_bar.set_status(self.tr("Done: the LoRA is in {path}").format(path=h.lora_dir), "ok")
        self.view.charts.show_history(h)
        self._update_buttons()
        self.run_ended.emit(h.lora_dir if h.status in ("done", "stopped") else "")
        self.inputs_changed()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        v = self.view
        for w in (v.base_combo, v.base_browse, v.tokenizer_combo, v.tokenizer_browse, v.data_edit, v.data_files,
                  v.data_folder, v.settings_box, v.out_edit, v.out_browse):
            w.setEnabled(enabled)

    def _update_buttons(self) -> None:
        v, h = self.view, self.history
        busy = self.busy
        v.run_bar.start_button.setEnabled(not busy and self.inputs_ok() and not (self.checks or {}).get("out_error"))
        resumable = h.status in ("stopped", "failed", "running") and bool(h.checkpoints) or \
            bool((self.checks or {}).get("out_has_run"))
        v.resume_button.setVisible(not busy and resumable and h.status != "done")
        v.resume_button.setEnabled(True)
        has_lora = bool(h.lora_dir) and h.status in ("done", "stopped")
        for b in (v.merge_button, v.chat_button):
            b.setVisible(not busy and has_lora)
            b.setEnabled(True)

    @Slot()
    def go_merge(self) -> None:
        if self.history.lora_dir:
            self.context.navigate("merge", lora_dirs=[self.history.lora_dir],
                                  base_dir=self.history.config.get("base") or self.base())

    @Slot()
    def go_chat(self) -> None:
        if self.history.lora_dir:
            self.context.navigate("chat", model_path=self.history.config.get("base") or self.base(),
                                  lora=self.history.lora_dir)

    # remembered between sessions ----------------------------------------------------------------------
    def _key(self, name: str) -> str:
        return f"train.{self.mode}.{name}"

    def _remember(self, opts: dict) -> None:
        store = self.context.store
        store.set_ui_value(self._key("form"), {k: v for k, v in opts.items() if k != "metrics"})
        store.set_ui_value(self._key("metrics"), opts["metrics"])

    def _restore(self) -> None:
        v = self.view
        form = self.context.store.ui_value(self._key("form")) or {}
        d = DEFAULTS[self.mode]
        if form.get("base"):
            self.inputs.select(v.base_combo, form["base"])
        if form.get("tokenizer"):
            self.inputs.select(v.tokenizer_combo, form["tokenizer"])
        v.data_edit.setText(form.get("data") or "")
        v.out_edit.setText(form.get("out") or "")
        self.inputs.out_edited = bool(form.get("out"))
        v.lr.setText(str(form.get("lr") or d["lr"]))
        v.lora_rank.setValue(int(form.get("lora_rank") or d["lora_rank"]))
        v.lora_alpha.setValue(int(form.get("lora_alpha") or d["lora_alpha"]))
        v.lora_dropout.setValue(float(form.get("lora_dropout", d["lora_dropout"])))
        v.length.setValue(int(form.get("max_seq_length") or form.get("block_size") or d["length"]))
        v.epochs.setValue(int(form.get("epochs") or d["epochs"]))
        v.max_steps.setValue(int(form.get("max_steps") or 0))
        v.micro_batch.setValue(int(form.get("micro_batch") or 0))
        v.grad_accum.setValue(int(form.get("grad_accum") or 0))
        v.save_steps.setValue(int(form.get("save_steps") or d["save_steps"]))
        v.qlora.setChecked(bool(form.get("qlora")))
        v.peft_edit.setText(form.get("peft_path") or "")
        metrics = self.context.store.ui_value(self._key("metrics"))
        if metrics:
            self.context.jobs.query(lambda: load_history(metrics), self._history_read,
                                    title="Read the last training run")
        if self.base():
            self._hw_timer.start()

    @Slot(object)
    def _history_read(self, result: dict) -> None:
        if self.busy:
            return
        history = RunHistory()
        history.extend(result["records"])
        self.history = history
        self.view.charts.show_history(history)
        if history.steps:
            self.view.side.setCurrentWidget(self.view.charts)
        if history.status == "done":
            self.view.run_bar.set_status(self.tr("Last run finished: the LoRA is in {path}").format(
                path=history.lora_dir), "ok")
        elif history.status in ("stopped", "running"):
            self.view.run_bar.set_status(self.tr("The last run stopped at step {step}; Resume continues it.").format(
                step=int(history.steps[-1]) if history.steps else 0))
        self._update_buttons()
        self.inputs_changed()        # the checks know now whether the output folder is this finished run's

    def stop_and_wait(self, timeout_ms: int = 300_000) -> None:
        """Closing the window: SIGTERM, then wait for the checkpoint (blocks: only at shutdown)."""
        if self.busy:
            self.job.cancel()
            self.job.wait(timeout_ms)

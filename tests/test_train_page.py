"""The Train page driven as a user would: a tiny SFT run from the form (real training child process),
live chart points, Stop, Resume, Merge this LoRA…; wrong inputs as form messages; the run read back
after a restart; the Vocabulary tab's merge report."""
from __future__ import annotations

import gc
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from app.gui.context import AppContext
from app.gui.jobs_panel import JobsPanel
from app.gui.pages.merge_page import MergePage
from app.gui.pages.train_page import TrainPage
from app.gui.train.metrics import RunHistory, read_records
from engine.settings import SettingsStore
from tests.factory import shared_file

LONG = 240_000


class Shell(QWidget):
    """The parts of the main window the Train page works with: its page, the Merge page it leads to
    (through the context's navigation, as the window does) and the jobs panel."""

    def __init__(self) -> None:
        super().__init__()
        self.context = AppContext(SettingsStore())
        self.pages = {"train": TrainPage(self.context), "merge": MergePage(self.context)}
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.jobs_panel = JobsPanel(self.context.jobs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 4)
        layout.addWidget(self.jobs_panel, 1)
        self.context.navigate_requested.connect(self.navigate)

    def navigate(self, page_id: str, kwargs: dict) -> None:
        self.navigated = (page_id, kwargs)
        if page_id in self.pages:
            self.stack.setCurrentWidget(self.pages[page_id])
            self.pages[page_id].open_with(**kwargs)


@pytest.fixture
def window(qtbot):
    win = Shell()
    qtbot.addWidget(win)
    win.resize(1400, 940)
    win.show()
    yield win
    win.context.jobs.shutdown(timeout_ms=120_000)
    gc.collect()


@pytest.fixture(scope="session")
def alpaca_model(models):
    """Tiny random LLaMA with the Chinese-Alpaca tokenizer (49954): what SFT trains."""
    return models.llama(tokenizer="chinese_alpaca")


def _click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(monkeypatch, qtbot, button, *, folder=None, files=None):
    """Click a Folder…/Files… button and answer its dialog."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(f) for f in files or []], "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str((files or [""])[0]), "")))
    _click(qtbot, button)


def _sft_tab(window, qtbot):
    page = window.pages["train"]
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert page.tabs.currentWidget() is page.sft_view
    return page, page.sft, page.sft_view


def _fill(monkeypatch, qtbot, view, base, data, out, *, steps=30):
    _choose(monkeypatch, qtbot, view.base_browse, folder=base)
    _choose(monkeypatch, qtbot, view.data_files, files=[data])
    view.out_edit.setText(str(out))
    view.max_steps.setValue(steps)
    view.length.setValue(64)
    view.micro_batch.setValue(1)
    view.grad_accum.setValue(1)


def test_sft_run_live_chart_stop_resume_merge(window, qtbot, monkeypatch, alpaca_model, tmp_path):
    page, ctl, view = _sft_tab(window, qtbot)
    records = json.loads(shared_file("alpaca_zh_sample.json").read_text(encoding="utf-8"))[:48]
    data = tmp_path / "alpaca_48.json"                # real records, fewer to tokenize
    data.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "my-sft"
    _fill(monkeypatch, qtbot, view, alpaca_model, data, out, steps=40)
    changes = []
    window.context.library_changed.connect(changes.append)

    # Data preview: counts at the chosen max length, the template applied, the prompt masked.
    qtbot.waitUntil(lambda: view.preview.stats is not None and view.run_bar.start_button.isEnabled(), timeout=LONG)
    stats = view.preview.stats
    assert stats["records"] == len(records) and stats["max_length"] == 64
    assert 0 < stats["truncated"] <= len(records) and sum(b["count"] for b in stats["histogram"]) == len(records)
    first = view.preview.shown[0]
    assert first["prompt"].rstrip().endswith("### Response:") and records[0]["instruction"] in first["prompt"]
    masked = sum(1 for v in first["labels"] if v == -100)
    assert 0 < masked < len(first["labels"])
    assert "### Response:" in view.preview.records.toPlainText()
    assert f"{len(records)} records" in view.preview.summary.text()

    # Hardware check: this computer's device and memory, and the batch the engine will use.
    qtbot.waitUntil(lambda: view.hardware.plan is not None, timeout=LONG)
    assert view.hardware.plan["device"] == "cpu" and view.hardware.plan["micro_batch"] == 1
    assert "needed" in view.hardware.values["memory"].text()
    assert view.hardware.values["batch"].text().startswith("micro-batch 1 × accumulation 1")

    # Start: a child process trains; the chart receives points while it runs.
    _click(qtbot, view.run_bar.start_button)
    job = ctl.job
    assert job is not None and job in window.context.jobs.jobs and view.run_bar.cancel_button.isVisible()
    qtbot.waitUntil(lambda: len(view.charts.loss_chart.points("loss")) >= 2, timeout=LONG)
    assert view.side.currentWidget() is view.charts
    assert window.jobs_panel.row_for(job).detail.text().count("/40 steps") == 1
    assert "tokens/s" in window.jobs_panel.row_for(job).detail.text()

    # Stop: SIGTERM, a checkpoint, the run ends "stopped"; Resume is offered.
    _click(qtbot, view.run_bar.cancel_button)
    qtbot.waitUntil(lambda: not ctl.busy, timeout=LONG)
    assert ctl.history.status == "stopped" and ctl.history.checkpoints
    stopped_at = int(ctl.history.steps[-1])
    assert stopped_at < 40 and (out / "checkpoints").is_dir()
    assert view.resume_button.isVisible() and not view.run_bar.cancel_button.isVisible()

    # Resume: the step count continues from the checkpoint to the end.
    _click(qtbot, view.resume_button)
    assert ctl.busy
    qtbot.waitUntil(lambda: not ctl.busy, timeout=LONG)
    h = ctl.history
    assert h.status == "done", view.run_bar.status.text()
    assert h.steps[-1] == 40 and h.steps == sorted(set(h.steps)) and len(h.steps) >= 40 - stopped_at
    assert view.charts.loss_chart.points("loss")[-1][0] == 40
    assert all(y is not None for y in h.loss)
    lora = h.lora_dir
    assert (out / "lora" / "adapter_config.json").is_file() and lora.endswith("lora")
    assert not view.resume_button.isVisible()
    # The next run goes to a fresh folder; Start is ready again.
    qtbot.waitUntil(lambda: view.out_edit.text() == str(out) + "-2" and view.run_bar.start_button.isEnabled(),
                    timeout=LONG)

    # The charts: hover values, PNG export.
    view.charts.loss_chart.show_values_at(10)
    assert "loss" in view.charts.loss_chart.readout.text()
    png = tmp_path / "charts.png"
    assert view.charts.save_png(png) and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The library hears of the new LoRA (the Models page lists it from this).
    assert [c.kind for c in changes] == ["train", "train"] and str(changes[-1].paths[0]) == lora

    # Chat with this LoRA…: the Chat page is asked to load the base with the LoRA unmerged.
    _click(qtbot, view.chat_button)
    assert window.navigated == ("chat", {"model_path": str(alpaca_model), "lora": lora})

    # Merge this LoRA…: the Merge page opens with this LoRA and the base filled in.
    _click(qtbot, view.merge_button)
    merge = window.pages["merge"]
    assert window.stack.currentWidget() is merge
    assert merge.lora_paths() == [lora] and merge.base_edit.text() == str(alpaca_model)

    # The run survives a restart: a new window reads the metrics file back into the chart.
    again = Shell()
    qtbot.addWidget(again)
    sft2 = again.pages["train"].sft
    qtbot.waitUntil(lambda: sft2.history.status == "done", timeout=LONG)
    assert sft2.history.steps == h.steps
    assert len(sft2.view.charts.loss_chart.points("loss")) == len(h.steps)
    assert sft2.view.merge_button.isVisible() or not sft2.view.isVisible()
    again.context.jobs.shutdown()


def test_wrong_inputs_are_form_messages(window, qtbot, monkeypatch, models, alpaca_model, tmp_path):
    page, ctl, view = _sft_tab(window, qtbot)
    llama = models.llama()                                   # LLaMA tokenizer: 32000, not Alpaca's
    jobs_before = len(window.context.jobs.jobs)

    _fill(monkeypatch, qtbot, view, llama, tmp_path / "missing.json", tmp_path / "out")
    qtbot.waitUntil(lambda: view.data_error.isVisible() and view.tokenizer_error.isVisible(), timeout=LONG)
    assert "no such file or folder" in view.data_error.text()
    assert "must be 49954" in view.tokenizer_error.text()
    assert not view.run_bar.start_button.isEnabled()

    empty = tmp_path / "empty"
    empty.mkdir()
    _choose(monkeypatch, qtbot, view.data_folder, folder=empty)
    qtbot.waitUntil(lambda: "no .json files" in view.data_error.text(), timeout=LONG)

    not_a_model = tmp_path / "not-a-model"
    not_a_model.mkdir()
    _choose(monkeypatch, qtbot, view.base_browse, folder=not_a_model)
    qtbot.waitUntil(lambda: "config.json" in view.base_error.text(), timeout=LONG)
    assert not view.run_bar.start_button.isEnabled()
    view.run_bar.start_button.click()                        # even a forced click starts nothing
    assert len(window.context.jobs.jobs) == jobs_before and ctl.job is None

    # Pre-training: a tokenizer that does not fit the base gets upstream's vocabulary-pair message.
    pt = page.pt_view
    page.tabs.setCurrentWidget(pt)
    _fill(monkeypatch, qtbot, pt, llama, shared_file("pt_zh_sample.txt"), tmp_path / "pt-out")
    _choose(monkeypatch, qtbot, pt.tokenizer_browse, folder=alpaca_model)
    qtbot.waitUntil(lambda: "not a valid configuration" in pt.tokenizer_error.text(), timeout=LONG)
    assert "32000 / 49953" in pt.tokenizer_error.text() and not pt.data_error.isVisible()
    assert not pt.run_bar.start_button.isEnabled()


def test_history_folds_resumed_runs(tmp_path):
    path = tmp_path / "metrics.jsonl"
    lines = [{"event": "start", "max_steps": 4, "config": {"base": "b"}},
             *({"event": "step", "step": s, "max_steps": 4, "loss": 5 - s, "lr": 1e-4, "tokens_per_s": 10} for s in (1, 2, 3)),
             {"event": "checkpoint", "step": 2, "path": "c2"}, {"event": "end", "status": "stopped", "lora_dir": "c2"},
             {"event": "start", "max_steps": 4, "config": {"base": "b"}},
             *({"event": "step", "step": s, "max_steps": 4, "loss": 4.5 - s, "lr": 1e-4, "tokens_per_s": 10} for s in (3, 4)),
             {"event": "end", "status": "done", "lora_dir": "out/lora"}]
    path.write_text("\n".join(json.dumps(r) for r in lines) + '\n{"event": "st', encoding="utf-8")
    h = RunHistory()
    h.extend(read_records(path))
    assert h.steps == [1, 2, 3, 4] and h.loss == [4, 3, 1.5, 0.5]
    assert h.status == "done" and h.lora_dir == "out/lora" and len(h.checkpoints) == 1


def test_closing_while_training_asks_first_and_stops_cleanly(window, qtbot, monkeypatch, alpaca_model, tmp_path):
    page, ctl, view = _sft_tab(window, qtbot)
    data = tmp_path / "alpaca_16.json"
    data.write_text(json.dumps(json.loads(shared_file("alpaca_zh_sample.json").read_text(encoding="utf-8"))[:16],
                               ensure_ascii=False), encoding="utf-8")
    _fill(monkeypatch, qtbot, view, alpaca_model, data, tmp_path / "run", steps=2000)
    qtbot.waitUntil(view.run_bar.start_button.isEnabled, timeout=LONG)
    _click(qtbot, view.run_bar.start_button)
    qtbot.waitUntil(lambda: len(ctl.history.steps) > 0, timeout=LONG)
    asked = []

    def answer(reply):
        def question(parent, title, text, *args, **kwargs):
            asked.append(title)
            return reply
        return staticmethod(question)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert page.can_close() is False and ctl.busy                  # "No": training goes on
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert page.can_close() is True                                # "Yes": stopped before the window closes
    assert asked == ["Training is running"] * 2
    assert not ctl.busy and not window.context.jobs.active()
    assert ctl.history.status == "stopped" and ctl.history.checkpoints
    assert (tmp_path / "run" / "checkpoints").is_dir() and ctl.history.steps[-1] < 2000


def test_vocabulary_tab_trains_merges_and_reports(window, qtbot, tmp_path):
    page = window.pages["train"]
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    v, ctl = page.vocab_view, page.vocab

    # Learn a small Chinese SentencePiece model from our own text (a job in the jobs panel).
    v.corpus_edit.setText(str(shared_file("pt_zh_sample.txt")))
    v.vocab_size.setValue(3000)
    v.sp_out_edit.setText(str(tmp_path / "mine.model"))
    _click(qtbot, v.train_button)
    qtbot.waitUntil(lambda: not ctl.busy, timeout=LONG)
    assert (tmp_path / "mine.model").is_file() and v.chinese_edit.text() == str(tmp_path / "mine.model")
    assert window.jobs_panel.row_for(ctl.train_job).job.state.value == "done"

    # Merge upstream's chinese_sp into LLaMA's: 49953 pieces, the report as a table and bars.
    v.llama_edit.setText(str(shared_file("llama_tokenizer.model")))
    v.chinese_edit.setText(str(shared_file("chinese_sp.model")))
    v.merge_out_edit.setText(str(tmp_path / "merged"))
    _click(qtbot, v.merge_button)
    qtbot.waitUntil(lambda: not ctl.busy, timeout=LONG)
    report = ctl.report
    assert report["before_size"] == 32000 and report["after_size"] == 49953
    assert v.table.item(0, 1).text() == "49,953" and v.table.item(1, 1).text() == "17,953"
    zh = report["per_1000_chars"]["zh"]
    assert zh["after"] < zh["before"] * 0.7
    assert v.chart.values[v.chart.legend.items[1][1].text] == [zh["after"], report["per_1000_chars"]["en"]["after"]]

    # "Pre-train with it…" opens the Pre-training tab with the merged tokenizer chosen.
    _click(qtbot, v.use_button)
    assert page.tabs.currentWidget() is page.pt_view and page.pt.tokenizer() == report["hf_dir"]

    # A file that is not a SentencePiece model: a message on the form.
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a model")
    v.chinese_edit.setText(str(bad))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    _click(qtbot, v.merge_button)
    jobs = len(window.context.jobs.jobs)
    qtbot.waitUntil(lambda: v.merge_error.isVisible(), timeout=LONG)
    assert "not a SentencePiece model" in v.merge_error.text() and "bad.model" in v.merge_error.text()
    assert len(window.context.jobs.jobs) == jobs and v.merge_button.isEnabled()      # no failed job


def test_chart_hover_zoom_and_png(qtbot, tmp_path):
    from PySide6.QtCore import QPoint

    from app.gui.widgets.charts import LineChart, smooth

    chart = LineChart("Loss", x_label="step")
    chart.add_series("raw", "loss")
    chart.add_series("smoothed", "smoothed")
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    qtbot.waitExposed(chart)
    xs = list(range(1, 41))
    ys = [5 - 0.1 * x for x in xs]
    chart.set_data("raw", xs, ys)
    chart.set_data("smoothed", xs, smooth(ys))
    assert smooth([2.0, 2.0, 2.0]) == [2.0, 2.0, 2.0]          # debiased: no ramp from zero
    viewport = chart.plot_widget.viewport()
    qtbot.mouseMove(viewport, QPoint(viewport.width() // 2, viewport.height() // 2))
    qtbot.waitUntil(lambda: "loss" in chart.readout.text(), timeout=10_000)
    step = float(chart.readout.text().split(" · ")[0].split()[-1])
    assert f"loss {5 - 0.1 * step:.4g}" in chart.readout.text()
    box = chart.plot.getViewBox()
    full = box.viewRange()[0]
    box.scaleBy((0.5, 0.5))                                     # what the mouse wheel does
    assert box.viewRange()[0][1] - box.viewRange()[0][0] < (full[1] - full[0]) * 0.75
    chart.reset_zoom()
    assert box.viewRange()[0] == full
    png = tmp_path / "chart.png"
    assert chart.save_png(png) and png.read_bytes()[:4] == b"\x89PNG"


def test_hardware_panel_offers_qlora_when_memory_is_short(window, qtbot):
    view = window.pages["train"].sft_view
    plan = {"device": "cuda:0", "device_name": "Laptop GPU", "memory_needed": 30 << 30, "memory_free": 12 << 30,
            "micro_batch": 1, "grad_accum": 8, "checkpointing": True, "qlora_suggested": True,
            "qlora_available": True, "dtype": "bfloat16", "params": 6_738_415_616, "note": ""}
    view.hardware.show_plan(plan, qlora_chosen=False)
    view.side.setCurrentWidget(view.hardware)
    assert "30.0 GB needed, 12.0 GB free" == view.hardware.values["memory"].text()
    assert view.hardware.values["model"].text() == "6.74B parameters"
    assert view.hardware.advice.isVisible() and "4 bits" in view.hardware.advice.text()
    assert not view.qlora.isChecked()
    _click(qtbot, view.hardware.qlora_button)
    assert view.qlora.isChecked()


def test_models_come_from_the_library(qtbot, tmp_path, alpaca_model):
    import shutil

    from engine.layout import models_root
    from engine.model_library import register_base
    from engine.settings import SettingsStore as Store

    settings = Store().settings
    merged = models_root(settings) / "merged" / "alpaca-7b-merged"
    shutil.copytree(alpaca_model, merged)
    lora = models_root(settings) / "lora" / "chinese-alpaca-lora-7b"
    lora.mkdir(parents=True)
    shutil.copy(alpaca_model / "tokenizer.model", lora / "tokenizer.model")
    base = tmp_path / "llama-hf"
    shutil.copytree(alpaca_model, base)
    register_base(base, settings=settings)
    win = Shell()
    qtbot.addWidget(win)
    combo, tokenizers = win.pages["train"].sft_view.base_combo, win.pages["train"].sft_view.tokenizer_combo
    qtbot.waitUntil(lambda: combo.findData(str(merged)) > 0, timeout=LONG)
    assert combo.findData(str(base)) > 0 and "registered base" in combo.itemText(combo.findData(str(base)))
    assert tokenizers.findData(str(lora)) > 0
    win.context.jobs.shutdown()

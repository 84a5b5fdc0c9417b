"""The Evaluate page driven as a user would: choose a model, data and subjects, run (the model
through context.host), see progress per subject, compare two runs with a published figure, export CSV."""
from __future__ import annotations

import csv
import gc
import json

import pytest
from PySide6.QtCore import Qt

import engine.chat.backends as backends
from app.gui.context import AppContext
from app.gui.pages.eval_page import EvalPage
from engine.eval.data import read_split
from engine.settings import SettingsStore
from tests.test_eval_fakes import SAMPLE, ForcedBackend, answer_key

WAIT = 60_000


@pytest.fixture
def forced(monkeypatch):
    rows = {q.question: q.answer for s in ("computer_network", "logic", "marxism", "physician")
            for q in read_split(SAMPLE, s, "val")}
    backend = ForcedBackend(answer_key(rows, wrong={"UDP协议是____。"}))

    def load(path, options=None, **kw):
        backend.options = options
        backend.path = type(backend.path)(path)
        return backend
    monkeypatch.setattr(backends, "load_model", load)
    return backend


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    widget = EvalPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    context.jobs.shutdown()
    context.host.shutdown()
    gc.collect()


def _choose(page, tmp_path, subjects, shots=0, label=""):
    model = tmp_path / "tiny-q4_k_m.gguf"
    model.write_bytes(b"GGUF")
    page.form.model_edit.setText(str(model))
    page.form.data_edit.setText(str(SAMPLE))
    page._data_changed()
    for key, item in page.form.subject_items_by_key().items():
        item.setCheckState(0, Qt.CheckState.Checked if key in subjects else Qt.CheckState.Unchecked)
    page.form.shots_spin.setValue(shots)
    page.form.label_edit.setText(label)


def _run(page, qtbot):
    assert page.start_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.job is not None and not page.job.is_active, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.reading_runs, timeout=WAIT)     # the runs are listed off the UI thread


def test_run_progress_compare_and_export(page, qtbot, forced, tmp_path):
    assert page.PAGE_ID == "evaluate" and page.ORDER == 70
    _choose(page, tmp_path, {"computer_network", "logic"}, label="Q4_K_M")
    qtbot.waitUntil(lambda: "questions" in page.form.subjects_label.text(), timeout=WAIT)
    assert page.form.subjects_label.text() == "6 questions"
    _run(page, qtbot)
    assert page.job.state.value == "done"
    table = page.progress_table
    assert table.rowCount() == 2
    assert table.item(0, 3).text() == "66.7%  (2/3)" and table.item(1, 3).text() == "100.0%  (3/3)"
    assert table.item(1, 4).text() == "Done"
    assert "Accuracy 83.3% (5/6)" in page.status.text()
    assert page.tabs.currentWidget() is page.results
    # The run is on disk under <models>/evals and checked in the comparison.
    first = page.result.out_dir
    assert first.parent == page.runs_root()
    assert json.loads((first / "summary.json").read_text(encoding="utf-8"))["All"]["correct"] == 5.0
    assert forced.calls == 6

    # A second run with other settings (5-shot) goes to its own folder; both are compared.
    _choose(page, tmp_path, {"computer_network", "logic"}, shots=5, label="F16")
    _run(page, qtbot)
    assert page.result.out_dir != first
    results = page.results
    results.set_checked(str(first))
    assert len(results.checked_paths()) == 2
    results.check_published("Chinese-Alpaca-Plus-7B")     # the first checked run's setting: val 5-shot
    header = [results.table.horizontalHeaderItem(c).text() for c in range(results.table.columnCount())]
    assert header[1:3] == ["F16", "Q4_K_M"] and header[3].startswith("Chinese-Alpaca-Plus-7B")
    all_row = [results.table.item(0, c).text() for c in range(results.table.columnCount())]
    assert all_row[0] == "All" and all_row[1:3] == ["83.3", "83.3"] and all_row[3] == "32.9"
    stem = [results.table.item(1, c).text() for c in range(3)]
    assert stem == ["STEM", "66.7", "66.7"]
    assert results.chart.categories[-1] == "All" and set(results.chart.values) == set(header[1:])

    out = tmp_path / "compare.csv"
    results.export(str(out))
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Subject", "F16", "Q4_K_M"]
    assert rows[1][:3] == ["All", "83.3", "83.3"]
    assert ["计算机网络 · Computer Network", "66.7", "66.7", ""] == rows[-2]


def test_stop_then_continue(page, qtbot, forced, tmp_path):
    _choose(page, tmp_path, {"physician", "marxism"})
    original = forced.next_token_logits
    calls = []

    def slow_then_stop(prompt, ids):
        calls.append(prompt)
        if len(calls) == 2:
            page.job.cancel()
        return original(prompt, ids)
    forced.next_token_logits = slow_then_stop
    _run(page, qtbot)
    assert page.job.state.value == "cancelled"
    assert "continue" in page.status.text()
    forced.next_token_logits = original
    before = forced.calls
    _run(page, qtbot)
    assert page.job.state.value == "done"
    assert forced.calls - before == 6 - 2                  # the two answered questions were kept
    assert page.result.summary["All"]["num"] == 6


def test_refusals_show_as_errors(page, qtbot, forced, tmp_path):
    page.form.data_edit.setText(str(tmp_path))
    page._data_changed()
    assert page.form.data_error.isVisible() and "val/" in page.form.data_error.text()
    _choose(page, tmp_path, {"law"})
    _run(page, qtbot)
    assert page.job.state.value == "failed" and "law_val.csv" in page.status.text()

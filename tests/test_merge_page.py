"""The merge wizard driven as a user would: plan, errors, merge, cancel, next steps."""
from __future__ import annotations

import json
import shutil
import threading

import pytest
from PySide6.QtCore import Qt

from app.gui.context import AppContext
from app.gui.pages.merge_page import MergePage
from app.gui.worker import JobState
from engine.settings import SettingsStore


LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    page = MergePage(context)
    qtbot.addWidget(page)
    page.resize(900, 760)
    page.show()
    yield page
    context.jobs.shutdown()
    for job in (page.preview_job,):
        if job is not None:
            job.wait()


def _type_output(qtbot, page, path) -> None:
    page.out_edit.clear()
    qtbot.keyClicks(page.out_edit, str(path))


def _wait_plan(qtbot, page):
    qtbot.waitUntil(lambda: page.merge_button.isEnabled() or page.plan_error.isVisible(), timeout=30000)


def test_wizard_merges_plus_chain_and_offers_next_steps(page, qtbot, base, llama_plus, alpaca_plus, tmp_path):
    page.open_with(lora_dirs=[str(alpaca_plus), str(llama_plus)], base_dir=str(base))   # reversed on purpose
    assert page.target.currentData() == "custom"
    out = tmp_path / "merged"
    _type_output(qtbot, page, out)
    _wait_plan(qtbot, page)
    text = page.plan_label.text()
    assert "vocabulary 49954" in text and "peak memory" in text
    # The reversed pair is put right in the list itself (issue 15 item 5), not only in the plan.
    assert page.lora_paths() == [str(llama_plus), str(alpaca_plus)] and "Order put right" in page.lora_note.text()
    qtbot.mouseClick(page.merge_button, LEFT)
    assert page.cancel_button.isVisible() and not page.base_edit.isEnabled()
    qtbot.waitUntil(lambda: page.job.state == JobState.DONE, timeout=60000)
    assert json.loads((out / "config.json").read_text())["vocab_size"] == 49954
    assert page.quantize_button.isVisible() and page.chat_button.isVisible()
    assert not page.merge_button.isEnabled()          # that folder is taken now
    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        qtbot.mouseClick(page.quantize_button, LEFT)
    assert nav.args == ["quantize", {"model_dir": str(out)}]
    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        qtbot.mouseClick(page.chat_button, LEFT)
    assert nav.args == ["chat", {"model_path": str(out)}]
    ui = SettingsStore().settings.ui
    assert ui["merge.format"] == "hf" and ui["merge.base_dir"] == str(base)


def test_wizard_shows_the_problem_before_merging(page, qtbot, models, base, tmp_path):
    wide_lora = models.lora(models.llama(hidden=96, heads=4, intermediate=256), targets=("q_proj", "v_proj"))
    page.open_with(lora_dirs=[str(wide_lora)], base_dir=str(base))
    _type_output(qtbot, page, tmp_path / "out")
    _wait_plan(qtbot, page)
    assert page.plan_error.isVisible()
    assert "hidden size 96" in page.plan_error.text() and "same size" in page.plan_error.text()
    assert not page.merge_button.isEnabled()


def test_wizard_cancel_leaves_nothing(page, qtbot, base, llama_plus, tmp_path, monkeypatch):
    import engine.merge.driver as engine_merge

    started, release = threading.Event(), threading.Event()
    real = engine_merge.merge_tensor

    def gated(plan, key):            # hold the merge at its first tensor until the test has cancelled
        started.set()
        release.wait(30)
        return real(plan, key)

    monkeypatch.setattr(engine_merge, "merge_tensor", gated)
    page.open_with(lora_dirs=[str(llama_plus)], base_dir=str(base))
    out = tmp_path / "cancelled"
    _type_output(qtbot, page, out)
    _wait_plan(qtbot, page)
    page.out_edit.setFocus()
    qtbot.keyClick(page.out_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # Ctrl+Enter starts
    qtbot.waitUntil(started.is_set, timeout=30000)
    qtbot.mouseClick(page.cancel_button, LEFT)
    release.set()
    qtbot.waitUntil(lambda: page.job.state == JobState.CANCELLED, timeout=30000)
    assert "Nothing was written" in page.status.text()
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name != "alpaca-home"]
    assert page.base_edit.isEnabled() and not page.cancel_button.isVisible()


def test_wizard_uses_the_catalog_chain(page, qtbot, base, llama_plus, alpaca_plus):
    from engine.layout import lora_dir, merged_dir

    settings = page.context.settings
    page.open_with(lora_ids=["chinese-llama-plus-7b", "chinese-alpaca-plus-7b"], base_dir=str(base))
    assert page.target.currentData() == "chinese-alpaca-plus-7b"
    assert "Not downloaded yet" in page.lora_note.text()
    shutil.copytree(llama_plus, lora_dir(settings, "chinese-llama-plus-7b"))
    shutil.copytree(alpaca_plus, lora_dir(settings, "chinese-alpaca-plus-7b"))
    page.target.setCurrentIndex(page.target.findData("chinese-alpaca-pro-7b"))
    page.target.setCurrentIndex(page.target.findData("chinese-alpaca-plus-7b"))
    assert page.lora_paths() == [str(lora_dir(settings, "chinese-llama-plus-7b")),
                                 str(lora_dir(settings, "chinese-alpaca-plus-7b"))]
    assert not page.add_lora.isEnabled()
    assert page.out_edit.text() == str(merged_dir(settings, "chinese-alpaca-plus-7b"))
    page.format.setCurrentIndex(page.format.findData("pth"))
    assert page.out_edit.text().endswith("chinese-alpaca-plus-7b-pth")
    _wait_plan(qtbot, page)
    assert "Step 2: merge chinese-alpaca-plus-7b → vocabulary 49954" in page.plan_label.text()


def test_wizard_shows_a_registered_base_verdict(page, qtbot, base):
    from engine.model_library import register_base

    record = register_base(base, settings=page.context.settings)
    assert record.status == "unverified"            # a tiny model has no published hashes
    page.base_edit.setText(str(base))
    assert page.base_status.isVisible() and "could not be verified" in page.base_status.text()
    page.base_edit.setText(str(base.parent))
    assert not page.base_status.isVisible()

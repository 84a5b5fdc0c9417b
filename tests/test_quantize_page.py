"""The Quantize wizard driven as a user would: choose, read the table, run, verify, chat; cancel; refusals."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from app.gui.context import AppContext
from app.gui.pages.quantize_page import TYPES, QuantizePage
from engine.settings import SettingsStore

LONG = 180_000


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    widget = QuantizePage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget
    context.jobs.shutdown()
    gc.collect()     # Qt wrappers are freed here, on the UI thread, not by a later worker thread


def _click_type(qtbot, page, qtype):
    row = TYPES.index(qtype)
    rect = page.table.visualItemRect(page.table.item(row, 3))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_type() == qtype


def test_wizard_end_to_end(page, qtbot, models, tmp_path):
    model = models.llama(hidden=256, intermediate=512, heads=4, layers=2)
    page.open_with(model_dir=str(model))
    qtbot.waitUntil(lambda: page.info is not None, timeout=LONG)
    assert page.source.currentData() == str(model)
    assert "parameters" in page.model_label.text() and "32000" in page.model_label.text()
    # The table is computed for this model: sizes shrink with the type, Q4_K_M or Q8_0 is recommended.
    sizes = {t: page.info["sizes"][t][0] for t in TYPES}
    assert sizes["F16"] > sizes["Q8_0"] > sizes["Q4_K_M"] > sizes["Q2_K"]
    recommended = [t for r, t in enumerate(TYPES) if page.table.item(r, 3).text().startswith("Recommended")]
    assert recommended == [page.info["recommended"]] and recommended[0] in ("Q4_K_M", "Q8_0")
    assert page.table.item(TYPES.index("F16"), 1).text() != "–"

    page.out_edit.setText(str(tmp_path / "out"))
    page.out_edit.editingFinished.emit()
    _click_type(qtbot, page, "Q5_K_M")
    assert page.start_button.isEnabled() and "Q5_K_M" in page.start_button.text()
    assert "-q5_k_m.gguf" in page.files_label.text() and "free" in page.disk_label.text()

    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # Ctrl+Enter starts
    assert page.job is not None and page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.results_box.isVisible(), timeout=LONG)
    assert page.chat_button.isVisible() and not page.cancel_button.isVisible()
    labels = page.result_labels
    assert labels["load"].text() == "Yes"
    assert "Identical token ids" in labels["tokens"].text()
    assert "Top-1 identical" in labels["logits"].text()
    assert "Q5_K_M" in labels["ppl"].text() and "%" in labels["ppl"].text()
    quant = tmp_path / "out" / f"{model.name}-q5_k_m.gguf"
    assert quant.is_file() and (tmp_path / "out" / f"{model.name}-f16.gguf").is_file()
    assert quant.name in labels["size"].text()

    with qtbot.waitSignal(page.context.navigate_requested) as nav:
        page.chat_button.click()
    assert nav.args == ["chat", {"model_path": str(quant)}]

    # Remembered: the next visit starts from the same type, folder and model.
    fresh = QuantizePage(page.context)
    qtbot.addWidget(fresh)
    assert fresh.selected_type() == "Q5_K_M"
    assert fresh.out_edit.text() == str(tmp_path / "out")
    assert fresh.inspect_job is None      # nothing is read until the page is shown
    fresh.show()
    qtbot.waitUntil(lambda: fresh.info is not None, timeout=LONG)
    assert fresh.current_model_dir() == str(model)


def test_cancel_leaves_no_partial_files(page, qtbot, smollm2_hf_dir, tmp_path):
    page.open_with(model_dir=str(smollm2_hf_dir))
    qtbot.waitUntil(lambda: page.info is not None, timeout=LONG)
    out = tmp_path / "cancel-out"
    page.out_edit.setText(str(out))
    page.out_edit.editingFinished.emit()
    _click_type(qtbot, page, "Q8_0")
    page.start_button.click()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=LONG)
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "Cancelled" in page.status.text(), timeout=LONG)
    assert not page.results_box.isVisible() and not page.chat_button.isVisible()
    assert page.start_button.isEnabled()
    assert not any(p.name.endswith(".partial") or "q8_0" in p.name for p in out.iterdir())


def test_mismatched_tokenizer_is_explained_before_starting(page, qtbot, models):
    bad = models.llama(tokenizer="llama", vocab_size=49954)
    page.open_with(model_dir=str(bad))
    qtbot.waitUntil(lambda: page.model_error.isVisible(), timeout=LONG)
    text = page.model_error.text()
    assert "49954" in text and "32000" in text and "Chinese-Alpaca" in text
    assert not page.start_button.isEnabled()


def test_merged_folder_is_offered_first(qtbot, models, tmp_path):
    import shutil

    from engine.layout import merged_dir

    store = SettingsStore()
    target = merged_dir(store.settings, "chinese-alpaca-7b")
    shutil.copytree(models.llama(), target)
    context = AppContext(store)
    page = QuantizePage(context)
    qtbot.addWidget(page)
    page.show()
    try:
        qtbot.waitUntil(lambda: not page.listing, timeout=LONG)     # the folder is listed off the UI thread
        assert "just merged" in page.source.currentText()
        qtbot.waitUntil(lambda: page.info is not None, timeout=LONG)
        assert page.current_model_dir() == str(target)
    finally:
        context.jobs.shutdown()
        gc.collect()


def test_meta_format_merge_output_is_offered_and_quantized(qtbot, models, tmp_path):
    """A Merge page "-pth" output (consolidated.NN.pth + params.json) is listed, read and run like an HF one."""
    import shutil

    from engine.layout import merged_dir
    from tests.merge_fixtures import hf_to_meta

    store = SettingsStore()
    hf = models.llama(hidden=256, intermediate=512, heads=4, layers=2)
    target = hf_to_meta(hf, merged_dir(store.settings, "chinese-llama-7b-pth"), n_shards=2)
    shutil.move(target.parent / "tokenizer.model", target / "tokenizer.model")
    context = AppContext(store)
    page = QuantizePage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    try:
        qtbot.waitUntil(lambda: not page.listing, timeout=LONG)     # the folder is listed off the UI thread
        assert page.source.currentText() == "chinese-llama-7b-pth (just merged)"
        qtbot.waitUntil(lambda: page.info is not None, timeout=LONG)
        assert page.current_model_dir() == str(target)
        label = page.model_label.text()
        assert "Meta format" in label and "32000" in label and not page.model_error.isVisible()
        page.out_edit.setText(str(tmp_path / "out"))
        page.out_edit.editingFinished.emit()
        _click_type(qtbot, page, "Q8_0")
        page.start_button.click()
        qtbot.waitUntil(lambda: page.results_box.isVisible(), timeout=LONG)
        labels = page.result_labels
        assert labels["load"].text() == "Yes" and "Identical token ids" in labels["tokens"].text()
        # The logits check ran against transformers built from the .pth tensors.
        assert "Top-1 identical" in labels["logits"].text()
        assert (tmp_path / "out" / "chinese-llama-7b-pth-q8_0.gguf").is_file()
    finally:
        context.jobs.shutdown()
        gc.collect()

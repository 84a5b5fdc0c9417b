"""Checks that catch broken models: the perplexity verdict, unrecognised bases, the LLaMA-Plus step."""
from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest

from app.gui.context import AppContext
from app.gui.pages.quantize_page import QuantizePage
from engine.gguf_pipeline import PipelineResult
from engine.gguf_verify import PerplexityResult
from engine.model_checks import (CAUSES, base_fit, base_shape, catalog_id_of, perplexity_verdict,
                                 plus_step_hint)
from engine.settings import SettingsStore


def test_perplexity_near_the_vocabulary_size_is_broken():
    assert perplexity_verdict(31_000.0, 32000).broken            # random weights: uniform guessing
    assert perplexity_verdict(2_500.0, 49954).broken              # mis-merged: far above any trained model
    assert perplexity_verdict(float("nan"), 32000).broken
    ok = perplexity_verdict(8.7, 49954)
    assert not ok.broken and ok.causes == ()
    assert perplexity_verdict(31_000.0, 32000).causes == CAUSES
    assert not perplexity_verdict(60.0, 32000).broken            # a small but working model


def test_base_shapes_name_the_llama_size_or_say_it_is_none(tmp_path):
    hf = tmp_path / "hf"
    hf.mkdir()
    (hf / "config.json").write_text(json.dumps({"model_type": "llama", "hidden_size": 5120,
                                                "num_hidden_layers": 40}))
    meta = tmp_path / "meta"
    meta.mkdir()
    (meta / "params.json").write_text(json.dumps({"dim": 256, "n_layers": 2}))
    assert base_shape(hf) == (5120, 40) and base_fit(*base_shape(hf)).size == "13B"
    fit = base_fit(*base_shape(meta))
    assert not fit.recognised and fit.hidden == 256 and ("7B", 4096, 32) in fit.known
    assert base_fit(4096, 40).size == ""          # the hidden size alone does not make a 7B


def test_plus_step_hint_for_catalog_and_unknown_loras(tmp_path):
    from engine.layout import lora_dir

    settings = SettingsStore().settings
    pro = lora_dir(settings, "chinese-alpaca-pro-7b")
    plus = lora_dir(settings, "chinese-llama-plus-7b")
    for folder in (pro, plus):
        folder.mkdir(parents=True)
    assert catalog_id_of(pro, settings) == "chinese-alpaca-pro-7b"
    hint = plus_step_hint([pro], 32000, [49954], settings)
    assert hint.kind == "known" and hint.missing_ids == ("chinese-llama-plus-7b",)
    assert hint.chain_ids == ("chinese-llama-plus-7b", "chinese-alpaca-pro-7b")
    assert plus_step_hint([plus, pro], 32000, [49953, 49954], settings) is None
    unknown = tmp_path / "my-alpaca-lora"
    unknown.mkdir()
    assert plus_step_hint([unknown], 32000, [49954], settings).kind == "unknown-alpaca"
    assert plus_step_hint([unknown], 49953, [49954], settings) is None       # onto a LLaMA-Plus model: fine
    assert plus_step_hint([unknown], 32000, [32000], settings) is None


@pytest.fixture
def page(qtbot):
    context = AppContext(SettingsStore())
    widget = QuantizePage(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    context.jobs.shutdown()
    gc.collect()


def _result(tmp_path: Path, ppl: float) -> PipelineResult:
    f16 = tmp_path / "m-f16.gguf"
    f16.write_bytes(b"GGUF" + b"\0" * 60)
    return PipelineResult(f16, None, None, None, None, PerplexityResult(f16, ppl, 255), None)


def test_quantize_page_flags_a_broken_model(page, tmp_path):
    page.info = {"vocab": 32000}
    page._on_finished(_result(tmp_path, 30_512.0))
    text = page.result_labels["ppl"].text()
    assert "30512" not in text or "F16 30512.00" in text
    assert "The model looks broken" in text and "wrong order" in text and "LLaMA-Plus" in text
    assert page.result_labels["ppl"].objectName() == "error"
    assert "looks broken" in page.status.text()
    assert page.broken_verdict is not None and page.broken_verdict.vocab_size == 32000


def test_quantize_page_passes_a_working_model(page, tmp_path):
    page.info = {"vocab": 49954}
    page._on_finished(_result(tmp_path, 9.31))
    assert page.result_labels["ppl"].text() == "F16 9.31"
    assert page.result_labels["ppl"].objectName() != "error"
    assert page.broken_verdict is None and "Done" in page.status.text()

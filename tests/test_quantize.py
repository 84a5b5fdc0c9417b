"""llama.cpp quantization in a child process: every type, cancel, perplexity, estimates, CLI, pipeline."""
from __future__ import annotations

import json
import threading

import numpy as np
import pytest

from engine.errors import UserError
from engine.gguf_convert import convert
from engine.jobs import Cancelled, CancelToken, ProgressReporter
from engine.quantize import (QUANT_TYPES, Shapes, estimate_file_bytes, estimate_ram_bytes, quantize,
                             recommended_type)

GB = 1024 ** 3


@pytest.fixture(scope="module")
def k_quant_f16(models, tmp_path_factory):
    """A tiny model whose rows (256, 512) suit the 256-wide k-quant blocks."""
    model = models.llama(hidden=256, intermediate=512, heads=4, layers=2)
    out = tmp_path_factory.mktemp("q") / "kq-f16.gguf"
    convert(model, out)
    return out


@pytest.fixture(scope="module")
def smol_f16(smollm2_hf_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("smol") / "smol-f16.gguf"
    convert(smollm2_hf_dir, out)
    return out


def _file_type(path) -> int:
    from gguf import GGUFReader

    return int(GGUFReader(str(path)).fields["general.file_type"].contents())


def test_every_type_loads_and_generates(k_quant_f16, tmp_path):
    import llama_cpp

    from engine.gguf_verify import open_gguf

    from concurrent.futures import ThreadPoolExecutor

    f16_size = k_quant_f16.stat().st_size
    updates = {t: [] for t in QUANT_TYPES}

    def run(qtype):      # two child processes at a time: one per core
        return quantize(k_quant_f16, tmp_path / f"m-{qtype}.gguf", qtype, threads=1,
                        progress=ProgressReporter(updates[qtype].append, min_interval=0))

    with ThreadPoolExecutor(2) as pool:
        results = dict(zip(QUANT_TYPES, pool.map(run, QUANT_TYPES)))
    for qtype, const in QUANT_TYPES.items():
        out, result = tmp_path / f"m-{qtype}.gguf", results[qtype]
        assert out.is_file() and result.output_bytes == out.stat().st_size < f16_size
        assert _file_type(out) == getattr(llama_cpp, const), qtype
        assert any(u.total == 21 and "blk." in u.status for u in updates[qtype]), qtype
        with open_gguf(out, n_ctx=32) as llm:
            llm.eval(llm.tokenize(b"Hello world", add_bos=True))
            token = llm.sample(temp=0.0)
            assert 0 <= token < 32000
            assert np.isfinite(np.asarray(llm.scores[0])).all()
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.slow
def test_smollm2_q4_k_m_perplexity_and_size_estimate(smol_f16, tmp_path):
    from engine.gguf_convert import inspect_model
    from engine.gguf_verify import perplexity
    from tests.factory import smollm2_hf

    out = tmp_path / "smol-q4_k_m.gguf"
    result = quantize(smol_f16, out, "Q4_K_M")
    assert result.output_bytes < result.input_bytes * 0.45
    info = inspect_model(smollm2_hf())
    shapes = Shapes.from_config(info.config, vocab=info.embedding_rows)
    assert shapes.n_params == info.n_params
    for path, qtype in ((smol_f16, "F16"), (out, "Q4_K_M")):
        estimate = estimate_file_bytes(shapes, qtype)
        assert abs(estimate - path.stat().st_size) / path.stat().st_size < 0.2, (qtype, estimate)
    base = perplexity(smol_f16, max_tokens=256)
    quant = perplexity(out, max_tokens=256)
    assert base.tokens == quant.tokens == 255
    assert 2 < base.perplexity < 60          # a real instruct model on real text
    assert base.perplexity * 0.95 < quant.perplexity < base.perplexity * 1.5


def test_cancel_terminates_the_child(smol_f16, tmp_path):
    out = tmp_path / "c.gguf"
    cancel = CancelToken()
    started = threading.Event()

    def listener(p):
        if p.total:
            started.set()
            cancel.cancel()

    with pytest.raises(Cancelled):
        quantize(smol_f16, out, "Q8_0", threads=1, progress=ProgressReporter(listener, min_interval=0),
                 cancel=cancel)
    assert started.is_set()
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_bad_inputs(tmp_path, k_quant_f16):
    not_gguf = tmp_path / "x.gguf"
    not_gguf.write_bytes(b"PK\x03\x04 not a gguf")
    with pytest.raises(UserError, match="not a GGUF"):
        quantize(not_gguf, tmp_path / "y.gguf", "Q4_0")
    with pytest.raises(UserError, match="Unknown quantization type"):
        quantize(k_quant_f16, tmp_path / "y.gguf", "Q3")
    with pytest.raises(UserError, match="does not exist"):
        quantize(tmp_path / "missing.gguf", tmp_path / "y.gguf", "Q4_0")
    with pytest.raises(UserError, match="is the input"):
        quantize(k_quant_f16, k_quant_f16, "Q4_0")


def test_child_crash_is_a_clear_error(tmp_path):
    """A GGUF header with nothing behind it: llama.cpp fails, the app does not."""
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\xff" * 24)
    with pytest.raises(UserError, match="could not quantize"):
        quantize(broken, tmp_path / "out.gguf", "Q4_0")
    assert not (tmp_path / "out.gguf").exists()


def test_upstream_size_table_is_reproduced():
    """MODELS.md: 7B FP16 13 GB, 4-bit 3.9 GB; 13B 24 GB / 7.8 GB; 33B 60 GB / 17.2 GB (Chinese vocab)."""
    from app.cli.commands.quantize import UPSTREAM_SHAPES

    expected = {"7B": (13, 3.9), "13B": (24, 7.8), "33B": (60, 17.2)}
    for name, cfg in UPSTREAM_SHAPES.items():
        shapes = Shapes.from_config(dict(cfg, vocab_size=49954))
        f16, q4 = expected[name]
        assert abs(estimate_file_bytes(shapes, "F16") / 1e9 - f16) / f16 < 0.12, name
        assert abs(estimate_file_bytes(shapes, "Q4_0") / 1e9 - q4) / q4 < 0.12, name
        sizes = [estimate_file_bytes(shapes, t) for t in ("Q2_K", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16")]
        assert sizes == sorted(sizes)
        assert estimate_ram_bytes(shapes, "Q4_K_M") > estimate_file_bytes(shapes, "Q4_K_M")
    seven_b = Shapes.from_config(dict(UPSTREAM_SHAPES["7B"], vocab_size=49954))
    assert recommended_type(seven_b, available_ram=8 * GB) == "Q4_K_M"
    assert recommended_type(seven_b, available_ram=64 * GB) == "Q8_0"


def test_cli_quantize_with_perplexity(k_quant_f16, tmp_path, capsys):
    from app.cli import main

    src = tmp_path / "model-f16.gguf"
    src.write_bytes(k_quant_f16.read_bytes())
    rc = main(["quantize", "--in", str(src), "--type", "q5_k_m", "--ppl", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 0 and data["path"] == str(tmp_path / "model-q5_k_m.gguf") and data["type"] == "Q5_K_M"
    assert data["output_bytes"] < data["input_bytes"]
    assert data["perplexity"]["input"] > 1 and data["perplexity"]["output"] > 1


def test_cli_quantize_list(models, capsys):
    from app.cli import main

    assert main(["quantize", "--list", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert set(table) == {"7B", "13B", "33B"} and set(table["7B"]) == {"F16", *QUANT_TYPES}
    assert main(["quantize", "--list", "--model", str(models.llama())]) == 0
    assert "Q4_K_M" in capsys.readouterr().out


def test_pipeline_convert_verify_quantize(models, tmp_path):
    from engine.gguf_pipeline import convert_and_quantize

    updates = []
    result = convert_and_quantize(models.llama(hidden=256, intermediate=512, heads=4, layers=2), tmp_path, "Q8_0",
                                  progress=ProgressReporter(updates.append, min_interval=0))
    assert result.f16_path.is_file() and result.quant_path.is_file()
    assert result.check.ok and result.quantized.qtype == "Q8_0"
    assert result.ppl_f16.perplexity > 1 and abs(result.ppl_quant.perplexity / result.ppl_f16.perplexity - 1) < 0.05
    fractions = [u.done for u in updates]
    assert fractions == sorted(fractions) and fractions[-1] == 100


def test_pipeline_refuses_when_disk_is_full(models, tmp_path, monkeypatch):
    import shutil as _shutil

    from engine import gguf_pipeline

    monkeypatch.setattr("engine.diskspace.shutil.disk_usage", lambda p: _shutil._ntuple_diskusage(10, 9, 1))
    with pytest.raises(UserError, match="Not enough disk space"):
        gguf_pipeline.convert_and_quantize(models.llama(), tmp_path, "Q4_K_M")
    assert list(tmp_path.iterdir()) == []

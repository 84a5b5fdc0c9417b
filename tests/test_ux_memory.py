"""Issue 15 item 11: the memory a model takes to load, per loading mode, as the Quantize page and
Chat say it; the loading mode chosen from free memory and shown in the model info."""
from __future__ import annotations

import pytest

from engine.chat.backend_base import LoadOptions
from engine.host import ModelHost
from engine.quantize import (Shapes, choose_gguf_mmap, choose_mmap, estimate_load_bytes, estimate_run_bytes,
                             gguf_load_estimate, recommended_type)

GB = 1e9
SEVEN_B = Shapes(32000, 4096, 11008, 32, 32, 32, 128)


def test_7b_q4_k_m_estimates_match_the_measured_peaks():
    # Measured on this machine by bench/load7b.py (docs/BENCHMARKS.md): 2 threads, 2,048-token context.
    mapped = estimate_load_bytes(SEVEN_B, "Q4_K_M", 2048, mmap=True)
    read = estimate_load_bytes(SEVEN_B, "Q4_K_M", 2048, mmap=False)
    assert mapped == pytest.approx(8.0 * GB, rel=0.1) and read == pytest.approx(5.2 * GB, rel=0.1)
    # Memory-mapped (faster) when that fits free memory with a margin, else read into memory.
    assert choose_mmap(SEVEN_B, "Q4_K_M", free=16 * 2**30)
    assert not choose_mmap(SEVEN_B, "Q4_K_M", free=8 * 2**30)
    assert estimate_run_bytes(SEVEN_B, "Q4_K_M", free=8 * 2**30) == read
    assert estimate_run_bytes(SEVEN_B, "Q4_K_M", free=16 * 2**30) == mapped
    # The first-run recommendation counts the leaner mode: Q8_0 only where it fits comfortably.
    assert recommended_type(SEVEN_B, available_ram=8 * 2**30) == "Q4_K_M"
    assert recommended_type(SEVEN_B, available_ram=32 * 2**30) == "Q8_0"


def test_the_loading_mode_follows_free_memory_and_is_in_the_model_info(smollm2_gguf_path, monkeypatch):
    estimate = gguf_load_estimate(smollm2_gguf_path, 512)
    assert estimate["read"] > smollm2_gguf_path.stat().st_size and estimate["mmap"] >= estimate["read"]
    assert choose_gguf_mmap(smollm2_gguf_path, 512, free=64 * 2**30)
    assert not choose_gguf_mmap(smollm2_gguf_path, 512, free=estimate["mmap"])   # no margin left
    host = ModelHost()
    try:
        info = host.load(smollm2_gguf_path, LoadOptions(context_size=256, threads=1)).result(timeout=120)
        assert info.memory_mapped is True                     # plenty of free memory here
        import engine.quantize as quantize
        monkeypatch.setattr(quantize, "available_ram", lambda: estimate["mmap"])
        info = host.load(smollm2_gguf_path, LoadOptions(context_size=256, threads=1)).result(timeout=120)
        assert info.memory_mapped is False                    # tight: read into memory
        info = host.load(smollm2_gguf_path, LoadOptions(context_size=256, threads=1, use_mmap=True)).result(120)
        assert info.memory_mapped is True                     # an explicit choice wins
    finally:
        host.shutdown(timeout=30)


def test_quantize_table_ram_is_the_chosen_modes_peak(tiny_llama_dir, monkeypatch):
    import engine.quantize as quantize
    from app.gui.pages.quantize_page import describe_model

    info = describe_model(tiny_llama_dir)
    for qtype, (_file, ram) in info["sizes"].items():
        mapped, read, mapped_bytes = info["loading"][qtype]
        assert ram == (mapped_bytes if mapped else read)
    monkeypatch.setattr(quantize, "available_ram", lambda: 1)      # nothing free: read into memory
    info = describe_model(tiny_llama_dir)
    assert all(not mapped for mapped, _r, _m in info["loading"].values())
    assert info["sizes"]["Q4_K_M"][1] == info["loading"]["Q4_K_M"][1]

"""The test suite's on-disk cache (tests/factory.py) rebuilds when the code or inputs that built an
artefact change: a warm cache never stands in for changed builder code."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from tests import factory


@pytest.fixture
def cache(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("ALPACA_STUDIO_TEST_CACHE", str(root))
    return root


def _builder_module(folder, body: str):
    """A throw-away builder module ``tmp_builder`` with the given source, freshly imported."""
    (folder / "tmp_builder.py").write_text(body, encoding="utf-8")
    sys.modules.pop("tmp_builder", None)
    importlib.invalidate_caches()
    return importlib.import_module("tmp_builder")


def test_a_changed_builder_or_input_rebuilds(cache, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    data = tmp_path / "input.txt"
    data.write_text("abc")
    builds = []

    def build_with(module):
        def build(out):
            builds.append(out)
            out.write_text(module.make(data.read_text()))
        key = factory.build_key(files=[data], code=[module])
        return factory.cached_artefact("thing.txt", key, build)

    v1 = _builder_module(tmp_path, "def make(s):\n    return s.upper()\n")
    first = build_with(v1)
    assert first.read_text() == "ABC" and first.parent == cache and len(builds) == 1
    assert build_with(v1) == first and len(builds) == 1            # warm cache: not rebuilt

    v2 = _builder_module(tmp_path, "def make(s):\n    return s[::-1]\n")     # the builder changed
    second = build_with(v2)
    assert second != first and second.read_text() == "cba" and len(builds) == 2

    data.write_text("xyz")                                                    # the input changed
    third = build_with(v2)
    assert third not in (first, second) and third.read_text() == "zyx" and len(builds) == 3
    assert not list(cache.glob("*.partial*"))


def test_function_source_and_library_versions_are_part_of_the_key(tmp_path):
    def a():
        return 1

    def b():
        return 2

    assert factory.build_key(code=[a]) != factory.build_key(code=[b])
    assert factory.build_key(packages=["sentencepiece"]) != factory.build_key(packages=["torch"])
    assert factory.build_key(extra=[1]) == factory.build_key(extra=[1]) != factory.build_key(extra=[2])


def test_merged_tokenizer_is_keyed_by_the_merge_code(cache, monkeypatch):
    """Editing training/vocab.py (the tokenizer merge writer) must rebuild the cached tokenizer."""
    import training.vocab

    first = factory.chinese_llama_sp_model()
    assert factory.chinese_llama_sp_model() == first
    real = factory.code_digest

    def edited(obj):
        return "edited" if obj is training.vocab else real(obj)

    monkeypatch.setattr(factory, "code_digest", edited)
    calls = []
    monkeypatch.setattr(training.vocab, "merge_tokenizer_files",
                        lambda *a: calls.append(a) or Path(a[2]).write_bytes(b"new"))
    second = factory.chinese_llama_sp_model()
    assert second != first and len(calls) == 1 and second.read_bytes() == b"new"


def test_a_failed_build_leaves_nothing_under_the_final_name(cache):
    def broken(out):
        out.write_text("half")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        factory.cached_artefact("half.txt", "k1", broken)
    assert not (cache / "half-k1.txt").exists()
    assert factory.cached_artefact("half.txt", "k1", lambda out: out.write_text("whole")).read_text() == "whole"

"""Shared fixtures: isolated user folders, tiny real models, the SmolLM2 model."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import factory  # noqa: E402

# Fixture modules shared by several test files (base, llama_plus, alpaca_plus, ...).
pytest_plugins = ["tests.merge_fixtures"]
from tests.http_server import http_server  # noqa: E402,F401


@pytest.fixture(autouse=True)
def collect_garbage_on_main_thread():
    """The app collects cycles only on the UI thread (app/gui/gc_guard.py); tests whose
    event loop never runs get the same guarantee here, after each test."""
    yield
    import gc
    gc.collect()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own config/data/log folders (never the real user's)."""
    home = tmp_path / "alpaca-home"
    monkeypatch.setenv("ALPACA_STUDIO_HOME", str(home))
    return home


class ModelFactory:
    """Session cache of tiny models: the same arguments build once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._built: dict = {}

    def _key(self, kind, kw):
        return kind + "-" + "-".join(f"{k}={v}" for k, v in sorted(kw.items()))

    def llama(self, **kw) -> Path:
        key = self._key("llama", kw)
        if key not in self._built:
            self._built[key] = factory.tiny_llama(self.root / f"m{len(self._built)}", **kw)
        return self._built[key]

    def lora(self, base: Path, **kw) -> Path:
        key = self._key(f"lora:{base.name}", kw)
        if key not in self._built:
            self._built[key] = factory.tiny_lora(base, self.root / f"l{len(self._built)}", **kw)
        return self._built[key]


@pytest.fixture(scope="session")
def models(tmp_path_factory) -> ModelFactory:
    return ModelFactory(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def tiny_llama_dir(models) -> Path:
    """Tiny random LLaMA, safetensors, original LLaMA tokenizer (32000)."""
    return models.llama()


@pytest.fixture(scope="session")
def tiny_lora_dir(models, tiny_llama_dir) -> Path:
    return models.lora(tiny_llama_dir)


@pytest.fixture(scope="session")
def smollm2_gguf_path() -> Path:
    return factory.smollm2_gguf()


@pytest.fixture(scope="session")
def smollm2_hf_dir() -> Path:
    return factory.smollm2_hf()

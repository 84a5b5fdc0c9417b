"""User settings: one JSON file in the config folder, written atomically.

A missing or corrupt file gives defaults (with a warning the UI can show),
never a crash; the corrupt file is kept aside for the user to inspect.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from . import paths
from .atomic import atomic_write_text

log = logging.getLogger(__name__)

DOWNLOAD_SOURCES = ("hf", "hf-mirror", "modelscope")
LANGUAGES = ("en", "zh_CN", "ko_KR")


def physical_cores() -> int:
    """llama.cpp runs fastest with one thread per physical core (hyper-threads only contend)."""
    try:
        import psutil
        count = psutil.cpu_count(logical=False)
    except ImportError:
        count = None
    return max(1, count or os.cpu_count() or 1)


@dataclass
class Settings:
    models_dir: str = ""             # empty: paths.default_models_dir()
    download_source: str = "hf"
    proxy: str = ""                  # e.g. http://127.0.0.1:7890; empty: system/env proxy
    language: str = "en"
    cpu_threads: int = 0             # 0: all physical cores
    use_gpu: bool = True             # use CUDA/MPS/GPU layers when present
    ui: dict = field(default_factory=dict)   # window geometry, last choices per page

    def resolved_models_dir(self) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else paths.default_models_dir()

    def effective_threads(self) -> int:
        if self.cpu_threads > 0:
            return self.cpu_threads
        return physical_cores()

    def validate(self) -> list[str]:
        """Fix out-of-range values in place; return what was fixed."""
        problems = []
        if self.download_source not in DOWNLOAD_SOURCES:
            problems.append(f"unknown download source {self.download_source!r}")
            self.download_source = "hf"
        if self.language not in LANGUAGES:
            problems.append(f"unknown language {self.language!r}")
            self.language = "en"
        if not isinstance(self.cpu_threads, int) or self.cpu_threads < 0:
            problems.append(f"bad thread count {self.cpu_threads!r}")
            self.cpu_threads = 0
        if not isinstance(self.ui, dict):
            self.ui = {}
        return problems


class SettingsStore:
    """Loads and saves :class:`Settings`; ``warning`` says why defaults were used."""

    FILE_NAME = "settings.json"

    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = Path(path) if path else paths.config_dir() / self.FILE_NAME
        self.warning: str = ""
        self.settings = self.load()

    def load(self) -> Settings:
        self.warning = ""
        if not self.path.exists():
            return Settings()
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("top level is not an object")
            known = {f.name for f in fields(Settings)}
            settings = Settings(**{k: v for k, v in raw.items() if k in known})
        except (OSError, ValueError, TypeError) as exc:
            backup = self.path.with_suffix(".corrupt.json")
            try:
                os.replace(self.path, backup)
            except OSError:
                backup = self.path
            self.warning = (f"The settings file {self.path} could not be read ({exc}); "
                            f"defaults are in use. The old file was kept as {backup.name}.")
            log.warning(self.warning)
            return Settings()
        fixed = settings.validate()
        if fixed:
            self.warning = "Some settings were reset to defaults: " + "; ".join(fixed)
            log.warning(self.warning)
        return settings

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps(asdict(self.settings), indent=2, ensure_ascii=False))

    def update(self, **changes: Any) -> None:
        """Apply and save changes; invalid values raise ValueError and change nothing."""
        candidate = Settings(**{**asdict(self.settings), **changes}) if changes.keys() <= {
            f.name for f in fields(Settings)} else None
        if candidate is None:
            raise AttributeError(f"no setting named {sorted(set(changes) - {f.name for f in fields(Settings)})}")
        problems = candidate.validate()
        if problems:
            raise ValueError("; ".join(problems))
        self.settings = candidate
        self.save()

    def ui_value(self, key: str, default: Any = None) -> Any:
        return self.settings.ui.get(key, default)

    def set_ui_value(self, key: str, value: Any) -> None:
        self.settings.ui[key] = value
        self.save()

"""User settings: one JSON file in the config folder, written atomically.

:class:`Settings` is a typed model: every field declares its type and its allowed
values (``_spec``), and one validator checks them all.  Loading never fails:

- a file that is not JSON (or not an object) gives defaults, with a warning; the
  file is kept aside as ``settings.corrupt.json`` for the user to inspect;
- a field of the wrong type or out of range ({"models_dir": 5}, {"use_gpu": "yes"},
  {"ui": {"window_geometry": 5}}) falls back to its default, with ONE warning that
  names every such field; the rest of the file is kept (unknown keys too, so a newer
  version's settings survive a round trip through this one).
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from . import paths
from .atomic import atomic_write_text
from .download.sources import SOURCE_IDS

log = logging.getLogger(__name__)

DOWNLOAD_SOURCES = SOURCE_IDS     # the one table of download sources: engine/download/sources.py
LANGUAGES = ("en", "zh_CN", "ko_KR")
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
MAX_THREADS = 1024


def physical_cores() -> int:
    """llama.cpp runs fastest with one thread per physical core (hyper-threads only contend)."""
    try:
        import psutil
        count = psutil.cpu_count(logical=False)
    except ImportError:
        count = None
    return max(1, count or os.cpu_count() or 1)


# --------------------------------------------------------------------------- the typed model
def _spec(kind: type, *, choices: tuple = (), minimum: Optional[int] = None, maximum: Optional[int] = None,
          check=None, item: Optional[type] = None) -> dict:
    """Field metadata the validator reads: type, allowed values, range, extra check, list item type."""
    return {"kind": kind, "choices": choices, "min": minimum, "max": maximum, "check": check, "item": item}


def _check_path_text(value: str) -> Optional[str]:
    return "contains a NUL character" if "\x00" in value else None


def _check_proxy(value: str) -> Optional[str]:
    value = value.strip()
    if not value:
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if parts is None or parts.scheme not in PROXY_SCHEMES or not host:
        return "is not a proxy URL such as http://127.0.0.1:7890"
    return None


def _type_name(kind: type) -> str:
    return {str: "text", bool: "true or false", int: "a whole number", dict: "an object",
            list: "a list"}.get(kind, kind.__name__)


def check_value(name: str, value: Any, spec: dict) -> Optional[str]:
    """Why ``value`` is not valid for the field ``name`` (None when it is)."""
    kind = spec["kind"]
    words = name.replace("_", " ")
    name = name if words == name or "." in name else f"{words} ({name})"
    # bool is an int in Python, and JSON's true/false must not pass as a thread count (or the reverse).
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if not ok:
        return f"{name} must be {_type_name(kind)}, not {json.dumps(value, ensure_ascii=False, default=str)}"
    if spec["choices"] and value not in spec["choices"]:
        return f"{name} must be one of {', '.join(map(str, spec['choices']))}, not {value!r}"
    if spec["min"] is not None and value < spec["min"]:
        return f"{name} must be at least {spec['min']}, not {value!r}"
    if spec["max"] is not None and value > spec["max"]:
        return f"{name} must be at most {spec['max']}, not {value!r}"
    if spec["item"] is not None and any(not isinstance(v, spec["item"]) for v in value):
        return f"{name} must be a list of {_type_name(spec['item'])}"
    if spec["check"] is not None:
        why = spec["check"](value)
        if why:
            return f"{name} {value!r} {why}"
    return None


# Remembered window state and page choices (``Settings.ui``): the keys the app writes, with their
# types. A key not listed here is kept as it is; ``SettingsStore.ui_value`` still refuses a value
# whose type differs from the caller's default.
UI_SPECS: dict[str, dict] = {
    "window_geometry": _spec(str), "main_splitter": _spec(str), "last_page": _spec(str),
    "chat.settings": _spec(dict), "chat.context_size": _spec(int, minimum=0, maximum=1 << 22),
    "chat.device": _spec(str), "chat.dtype": _spec(str), "chat.settings_visible": _spec(bool),
    "chat.recent_models": _spec(list, item=str), "chat.model": _spec(str), "chat.last_chat": _spec(int),
    "quantize.model_dir": _spec(str), "quantize.type": _spec(str), "quantize.keep_f16": _spec(bool),
    "quantize.out_dir": _spec(str),
    "merge.custom_loras": _spec(list, item=str), "merge.format": _spec(str), "merge.dtype": _spec(str),
    "merge.target": _spec(str), "merge.base_dir": _spec(str),
    "models.family": _spec(str), "models.size": _spec(str), "models.legacy": _spec(bool),
    "models.source": _spec(str), "models.endpoint": _spec(str), "models.verify_dir": _spec(str),
    "models.base_dir": _spec(str),
    "train.pt.form": _spec(dict), "train.pt.metrics": _spec(str), "train.sft.form": _spec(dict),
    "train.sft.metrics": _spec(str), "train.vocab.form": _spec(dict), "train.tab": _spec(int, minimum=0, maximum=2),
    "server.host": _spec(str), "server.port": _spec(int, minimum=1, maximum=65535), "server.api_key": _spec(str),
}


@dataclass
class Settings:
    # empty: paths.default_models_dir()
    models_dir: str = field(default="", metadata=_spec(str, check=_check_path_text))
    download_source: str = field(default="hf", metadata=_spec(str, choices=DOWNLOAD_SOURCES))
    # e.g. http://127.0.0.1:7890; empty: system/env proxy
    proxy: str = field(default="", metadata=_spec(str, check=_check_proxy))
    language: str = field(default="en", metadata=_spec(str, choices=LANGUAGES))
    # 0: all physical cores
    cpu_threads: int = field(default=0, metadata=_spec(int, minimum=0, maximum=MAX_THREADS))
    # use CUDA/MPS/GPU layers when present
    use_gpu: bool = field(default=True, metadata=_spec(bool))
    # window geometry, last choices per page (see UI_SPECS)
    ui: dict = field(default_factory=dict, metadata=_spec(dict))

    def resolved_models_dir(self) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else paths.default_models_dir()

    def effective_threads(self) -> int:
        if self.cpu_threads > 0:
            return self.cpu_threads
        return physical_cores()

    def validate(self) -> list[str]:
        """Reset every invalid field (and ui entry) to its default in place; return what was reset."""
        problems = []
        for f in fields(Settings):
            value = getattr(self, f.name)
            why = check_value(f.name, value, f.metadata)
            if why:
                problems.append(why)
                setattr(self, f.name, f.default_factory() if callable(f.default_factory) else f.default)
        for key in list(self.ui):
            spec = UI_SPECS.get(key)
            why = check_value(f"ui.{key}", self.ui[key], spec) if spec else None
            if why:
                problems.append(why)
                del self.ui[key]        # the page uses its own default
        return problems


FIELD_NAMES = tuple(f.name for f in fields(Settings))


class SettingsStore:
    """Loads and saves :class:`Settings`; ``warning`` says why defaults were used.

    ``problems`` lists each field that was reset (one entry per field).
    """

    FILE_NAME = "settings.json"

    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = Path(path) if path else paths.config_dir() / self.FILE_NAME
        self.warning: str = ""
        self.problems: list[str] = []
        self._extra: dict = {}           # keys this version does not know, kept on save
        self._ui_warned: set[str] = set()
        self.settings = self.load()

    def load(self) -> Settings:
        self.warning = ""
        self.problems = []
        self._extra = {}
        try:
            if not self.path.exists():
                return Settings()
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("the top level is not a JSON object")
        except OSError as exc:          # unreadable (permissions, a folder in its place): leave it as it is
            from .errors import user_error_from_os
            self.warning = (f"{user_error_from_os(exc, self.path, 'read the settings file')} "
                            "Defaults are in use for now.")
            log.warning(self.warning)
            return Settings()
        except ValueError as exc:       # UnicodeDecodeError and JSONDecodeError are ValueErrors
            backup = self.path.with_suffix(".corrupt.json")
            try:
                os.replace(self.path, backup)
            except OSError:
                backup = self.path
            self.warning = (f"The settings file {self.path} could not be read ({exc}); "
                            f"defaults are in use. The old file was kept as {backup.name}.")
            log.warning(self.warning)
            return Settings()
        self._extra = {k: v for k, v in raw.items() if k not in FIELD_NAMES}
        settings = Settings()
        for f in fields(Settings):
            if f.name in raw:
                value = raw[f.name]
                setattr(settings, f.name, dict(value) if isinstance(value, dict) else value)
        self.problems = settings.validate()
        if self.problems:
            self.warning = (f"Some settings in {self.path} were not valid and use their defaults: "
                            + "; ".join(self.problems) + ". Change them in Settings (or with "
                            "`settings --set`); the other settings were kept.")
            log.warning(self.warning)
        return settings

    def save(self) -> None:
        self._save_settings(self.settings)

    def _save_settings(self, settings: Settings) -> None:
        data = {**self._extra, **asdict(settings)}
        atomic_write_text(self.path, json.dumps(data, indent=2, ensure_ascii=False))

    def update(self, **changes: Any) -> None:
        """Apply and save changes; invalid values raise ValueError and change nothing."""
        unknown = sorted(set(changes) - set(FIELD_NAMES))
        if unknown:
            raise AttributeError(f"no setting named {unknown}")
        candidate = Settings(**{**asdict(self.settings), **changes})
        problems = candidate.validate()
        if problems:
            raise ValueError("; ".join(problems))
        try:
            self._save_settings(candidate)
        except OSError as exc:
            from .errors import user_error_from_os
            raise ValueError(str(user_error_from_os(exc, self.path, "save the settings to"))) from None
        self.settings = candidate

    def ui_value(self, key: str, default: Any = None) -> Any:
        """A remembered UI value; ``default`` when missing, or when its type differs from the default's."""
        ui = self.settings.ui if isinstance(self.settings.ui, dict) else {}
        if key not in ui:
            return default
        value = ui[key]
        spec = UI_SPECS.get(key)
        why = check_value(f"ui.{key}", value, spec) if spec else None
        if why is None and default is not None:
            expected = _spec(type(default))
            why = check_value(f"ui.{key}", value, expected)
        if why:
            if key not in self._ui_warned:
                self._ui_warned.add(key)
                log.warning("Remembered value ignored: %s", why)
            return default
        return value

    def set_ui_value(self, key: str, value: Any) -> None:
        if not isinstance(self.settings.ui, dict):
            self.settings.ui = {}
        self.settings.ui[key] = value
        try:
            self.save()
        except OSError as exc:      # a remembered choice is not worth an error dialog: kept in memory
            log.warning("Could not save the settings file %s: %s", self.path, exc)

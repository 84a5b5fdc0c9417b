"""Where user data lives. Everything goes through here so tests can redirect it.

Setting ``ALPACA_STUDIO_HOME`` puts config, data, logs and cache under one
folder (tests, portable installs); otherwise platformdirs picks the OS folders.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "AlpacaStudio"


def _home() -> Path | None:
    value = os.environ.get("ALPACA_STUDIO_HOME")
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    else:
        path = Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _dir("config")


def data_dir() -> Path:
    return _dir("data")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")


def default_models_dir() -> Path:
    return data_dir() / "models"

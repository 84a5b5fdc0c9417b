"""Sidebar pages, discovered: each module defines one ``Page`` subclass named in ``PAGE``."""
from __future__ import annotations

import importlib
import pkgutil


def page_classes() -> list[type]:
    classes = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        cls = getattr(module, "PAGE", None)
        if cls is not None:
            classes.append(cls)
    return sorted(classes, key=lambda c: c.ORDER)

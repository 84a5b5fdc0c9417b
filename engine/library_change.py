"""What a job changed in the model library, said once when it ends.

Pages that show library state (Models, Merge, Quantize, Chat, later Train, Server,
Evaluate) update from this one notification instead of rescanning the disk whenever
they are shown.  The GUI carries it as ``AppContext.library_changed``; the CLI has no
need for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("download", "verify", "merge", "convert", "quantize", "train", "base", "remove", "external")


@dataclass(frozen=True)
class LibraryChange:
    kind: str                                   # one of KINDS: what happened
    paths: tuple[Path, ...] = field(default=()) # the files or folders it made, changed or removed

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown library change {self.kind!r}")
        object.__setattr__(self, "paths", tuple(Path(p) for p in self.paths))

    def touches(self, suffix: str) -> bool:
        """True when a path it names ends with ``suffix`` (e.g. ".gguf"), or it names none."""
        return not self.paths or any(str(p).lower().endswith(suffix) for p in self.paths)

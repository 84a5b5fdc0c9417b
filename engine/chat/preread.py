"""Read a model's weight files once before the runtime opens them, reporting bytes read.

Neither llama.cpp (through llama-cpp-python) nor transformers reports how far a load has got,
and reading the file is most of a cold load.  Reading it first, in chunks, gives a real
progress bar and a working Cancel; the runtime then finds the pages in the OS cache (a
memory-mapped GGUF maps them, a GGUF read into memory and safetensors shards copy them), so the
file is read from disk once either way."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..hashing import read_chunks
from ..i18n import tr
from ..jobs import CancelToken, ProgressReporter

CHUNK = 8 << 20


def weight_files(path: Path) -> list[Path]:
    """The files a load reads: the GGUF itself, or an HF folder's weight shards."""
    path = Path(path)
    if path.is_file():
        return [path]
    shards = sorted(path.glob("*.safetensors")) or sorted(path.glob("pytorch_model*.bin"))
    return [p for p in shards if p.is_file()]


def preread(files: Iterable[Path], progress: ProgressReporter, cancel: CancelToken) -> int:
    """Read ``files`` end to end (bytes progress: "Reading model-00001-of-00002.safetensors
    (shard 1/2)"); returns the bytes read."""
    files = list(files)
    total = sum(f.stat().st_size for f in files) or 1
    done, buffer = 0, bytearray(CHUNK)
    for i, f in enumerate(files, 1):
        status = (tr("Reading {name} (shard {i}/{n})", name=f.name, i=i, n=len(files)) if len(files) > 1
                  else tr("Reading {name}", name=f.name))
        progress.update(done, total, unit="bytes", status=status, force=True)
        for n in read_chunks(f, buffer, cancel):
            done += n
            progress.update(done, total)
    return done

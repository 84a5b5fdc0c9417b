"""PyTorch pickle checkpoints (``pytorch_model*.bin``, ``consolidated.NN.pth``, ``adapter_model.bin``),
opened safely: ``torch.load(weights_only=True, mmap=True)`` runs no code from the file, and
pages of a tensor can be released after it is read so memory does not fill with the file.
"""
from __future__ import annotations

import ctypes
import sys
from pathlib import Path

from ..errors import UserError


_libc = None


def madvise_dontneed(address: int, size: int) -> None:
    """Drop resident pages of a read-only file mapping (Linux); they are re-read on demand."""
    global _libc
    if not sys.platform.startswith("linux") or size <= 0:
        return
    try:
        if _libc is None:
            _libc = ctypes.CDLL(None, use_errno=True)
        page = 4096
        aligned = address - address % page
        _libc.madvise(ctypes.c_void_p(aligned), ctypes.c_size_t(size + address - aligned), 4)  # MADV_DONTNEED
    except Exception:  # noqa: BLE001 - only an optimisation
        pass


def release_pages(t) -> None:
    """Drop the resident pages of a tensor memory-mapped from a file."""
    storage = t.untyped_storage()
    madvise_dontneed(storage.data_ptr(), storage.nbytes())


def torch_load(path: Path) -> dict:
    import pickle

    import torch

    try:
        try:
            return torch.load(str(path), map_location="cpu", weights_only=True, mmap=True)
        except RuntimeError as exc:
            if "mmap" not in str(exc) and "zip" not in str(exc):
                raise
            # Checkpoints written before PyTorch 1.6 cannot be memory-mapped.
            return torch.load(str(path), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        if "unsupported global" in str(exc).lower():     # torch words it "Unsupported global" or "unsupported GLOBAL"
            raise UserError(f"{path} contains code or objects that are not plain tensors; "
                            "it was not loaded (no code from it ran).",
                            "Use weights from a trusted source, or download the published file again.") from None
        raise _damaged(path, exc) from None
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file fails in many ways inside the unpickler
        raise _damaged(path, exc) from None


def _damaged(path: Path, exc: BaseException) -> UserError:
    # torch's weights_only message starts with advice to load unsafely: name the actual fault instead.
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    useful = [ln for ln in lines if not ln.startswith(("Weights only load failed", "Please file an issue",
                                                       "Check the documentation"))]
    reason = useful[0] if useful else ("not a PyTorch checkpoint" if lines else type(exc).__name__)
    return UserError(f"{path} is not a readable PyTorch checkpoint ({reason[:120]}).",
                     "The file is damaged or incomplete: check it with 'python main.py verify' "
                     "and download or copy it again.")

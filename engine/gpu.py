"""What GPU acceleration this installation can use, for the Settings page and the logs.

Importing torch takes a second or more, so this runs on a worker thread and
only when asked.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass


@dataclass(frozen=True)
class GpuReport:
    llama_cpp_offload: bool      # llama-cpp-python built with CUDA/Metal/Vulkan/...
    torch_device: str            # "cuda: NVIDIA H100", "mps", or "" (CPU only)

    def describe(self) -> str:
        llama = "llama.cpp: GPU offload available" if self.llama_cpp_offload else "llama.cpp: CPU build"
        torch = f"PyTorch: {self.torch_device}" if self.torch_device else "PyTorch: CPU only"
        return f"{llama} · {torch}"


def detect_gpus(*, progress=None, cancel=None) -> GpuReport:
    offload = False
    with contextlib.suppress(Exception):
        import llama_cpp
        offload = bool(llama_cpp.llama_supports_gpu_offload())
    device = ""
    with contextlib.suppress(Exception):
        import torch
        if torch.cuda.is_available():
            device = f"cuda: {torch.cuda.get_device_name(0)}"
        elif getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
            device = "mps"
    return GpuReport(offload, device)


def detect_gpus_isolated(*, progress=None, cancel=None) -> GpuReport:
    """``detect_gpus`` in a child process when torch is not imported here yet.

    Importing torch (and llama.cpp) holds the GIL for long stretches, so doing it on a worker
    thread of the GUI still froze the UI for up to a second; the child costs the same CPU
    but the GUI thread keeps running.  Falls back to this process if the child fails.
    """
    import json
    import subprocess
    import sys
    from pathlib import Path

    if "torch" in sys.modules and "llama_cpp" in sys.modules:
        return detect_gpus()
    code = ("import json; from engine.gpu import detect_gpus; r = detect_gpus(); "
            "print(json.dumps([r.llama_cpp_offload, r.torch_device]))")
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                              capture_output=True, text=True, timeout=120, check=True)
        offload, device = json.loads(done.stdout.strip().splitlines()[-1])
        return GpuReport(bool(offload), str(device))
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return detect_gpus()

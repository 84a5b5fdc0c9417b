"""Hashing speed and memory: the project's verifier vs. ``sha256sum`` on the same file, in the same run.

    OMP_NUM_THREADS=2 .venv/bin/python bench/verify.py [--size-mb 2048] [--rounds 3]

Both run as child processes on a file already in the page cache (the file is
read once before timing), alternating, best of N rounds each.  The project's
child runs ``engine.verify.verify_paths`` (the code the CLI and GUI use, cache
off); its peak RSS is reported to show memory stays flat in the file size.
Target (issue 3): ratio >= 0.9.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import sys, resource
from engine.verify import verify_paths
(v,) = verify_paths([sys.argv[1]], use_cache=False)
print(v.sha256, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def make_file(path: Path, size_mb: int) -> None:
    block = os.urandom(1 << 20)
    with open(path, "wb") as f:
        for i in range(size_mb):
            # Vary each block a little so nothing can be deduplicated or compressed away.
            f.write(i.to_bytes(8, "little") + block[8:])


def timed(cmd: list[str], env: dict) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, cwd=ROOT).stdout
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=2048)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", default=None, help="where to put the test file (default: temp folder)")
    args = ap.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2"), "PYTHONPATH": str(ROOT),
           "ALPACA_STUDIO_HOME": tempfile.mkdtemp(prefix="bench-verify-home-")}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        path = Path(tmp) / "weights.bin"
        make_file(path, args.size_mb)
        subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)   # warm the page cache
        ours, ref, ossl, rss = [], [], [], []
        for _ in range(args.rounds):
            t, out = timed([sys.executable, "-c", CHILD, str(path)], env)
            digest, maxrss = out.split()
            ours.append(t)
            rss.append(int(maxrss))
            t, out = timed(["sha256sum", str(path)], env)
            ref.append(t)
            assert out.split()[0] == digest, "the two hashes differ"
            if shutil.which("openssl"):   # a second, stricter reference: OpenSSL's SHA-NI code path
                t, out = timed(["openssl", "dgst", "-sha256", str(path)], env)
                ossl.append(t)
                assert out.strip().endswith(digest)
        # Memory check: a file 1/4 the size must not need noticeably less memory (flat, not O(size)).
        small = Path(tmp) / "small.bin"
        make_file(small, max(1, args.size_mb // 4))
        _, out = timed([sys.executable, "-c", CHILD, str(small)], env)
        rss_small = int(out.split()[1])
    size = args.size_mb * 2**20
    best_ours, best_ref = min(ours), min(ref)
    print(f"file: {args.size_mb} MiB (page cache warm), best of {args.rounds}")
    print(f"project verify_paths : {best_ours:6.2f} s  {size / best_ours / 2**20:7.0f} MiB/s  (process start included)")
    print(f"sha256sum            : {best_ref:6.2f} s  {size / best_ref / 2**20:7.0f} MiB/s")
    print(f"ratio (project speed / sha256sum speed): {best_ref / best_ours:.2f}  (target >= 0.9)")
    if ossl:
        print(f"openssl dgst -sha256 : {min(ossl):6.2f} s  {size / min(ossl) / 2**20:7.0f} MiB/s  "
              f"(ratio project/openssl: {min(ossl) / best_ours:.2f})")
    print(f"peak RSS of the project's process: {max(rss) / 1024:.0f} MiB for {args.size_mb} MiB, "
          f"{rss_small / 1024:.0f} MiB for {max(1, args.size_mb // 4)} MiB (flat)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

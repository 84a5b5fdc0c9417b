import threading

import pytest

from engine.jobs import (Cancelled, CancelToken, Progress, ProgressReporter, describe,
                         format_bytes, format_duration)
from engine.hashing import sha256_file
from engine.errors import UserError


class FakeClock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_reporter_computes_rate_and_eta():
    clock = FakeClock()
    seen = []
    r = ProgressReporter(seen.append, unit="bytes", min_interval=0, clock=clock)
    r.update(0, 1000, status="Downloading")
    clock.t = 1.0
    r.update(100)
    snap = r.snapshot
    assert snap.rate == pytest.approx(100.0)
    assert snap.eta == pytest.approx(9.0)
    assert snap.fraction == pytest.approx(0.1)
    assert seen[-1] == snap
    assert "ETA 00:09" in describe(snap) and "Downloading" in describe(snap)


def test_reporter_throttles_but_always_reports_completion():
    clock = FakeClock()
    seen = []
    r = ProgressReporter(seen.append, min_interval=10, clock=clock)
    r.update(0, 100)
    for i in range(1, 100):
        r.update(i)
    r.update(100)
    assert len(seen) == 2          # the first report and the final one
    assert seen[-1].done == 100


def test_child_reporter_maps_into_parent_range():
    r = ProgressReporter(None, min_interval=0)
    r.update(0, 100)
    child = r.child(50, 25, total_units=10)
    child.update(4)
    assert r.snapshot.done == pytest.approx(60)
    child.update(advance=6)
    assert r.snapshot.done == pytest.approx(75)


def test_cancel_token_check_raises_and_wait_wakes():
    token = CancelToken()
    token.check()
    threading.Timer(0.05, token.cancel).start()
    assert token.wait(5) is True
    with pytest.raises(Cancelled):
        token.check()


def test_sha256_file_matches_hashlib_and_reports_bytes(tmp_path):
    import hashlib
    data = bytes(range(256)) * 5000
    f = tmp_path / "blob.bin"
    f.write_bytes(data)
    seen = []
    r = ProgressReporter(seen.append, min_interval=0)
    digest = sha256_file(f, progress=r, chunk_size=4096)
    assert digest == hashlib.sha256(data).hexdigest()
    assert seen[-1].done == len(data) and seen[-1].total == len(data) and seen[-1].unit == "bytes"


def test_sha256_file_cancel_and_missing(tmp_path):
    f = tmp_path / "blob.bin"
    f.write_bytes(b"x" * 100_000)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        sha256_file(f, cancel=token)
    with pytest.raises(UserError) as err:
        sha256_file(tmp_path / "nope.bin")
    assert "not found" in err.value.message and err.value.hint


def test_formatting():
    assert format_bytes(1536) == "1.5 KB"
    assert format_bytes(3 * 1024 ** 3) == "3.0 GB"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(None) == "--:--"
    assert Progress(done=5, total=None).fraction is None


def test_describe_percent_units_without_rate():
    p = Progress(done=40, total=100, unit="%", status="Quantizing", rate=2.0, eta=30)
    assert describe(p) == "Quantizing  40%  ETA 00:30"

"""The downloader against a real HTTP server on 127.0.0.1 (tests/http_server.py)."""
from __future__ import annotations

import errno
import hashlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from engine.download import stream, transfer
from engine.download import (ChecksumMismatch, Downloader, DownloadSpec, part_path, partial_bytes,
                             remove_partial, repo_file_url, sidecar_path)
from engine.errors import UserError
from engine.jobs import Cancelled, CancelToken, ProgressReporter

ROOT = Path(__file__).resolve().parents[1]
NAME = "hfl/chinese-alpaca-lora-7b/resolve/main/adapter_model.bin"


def blob(n: int, seed: int = 1) -> bytes:
    """Deterministic bytes that differ at every offset (a shifted copy would not match)."""
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:n])


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fast(**kw) -> Downloader:
    kw.setdefault("backoff", 0.01)
    kw.setdefault("timeout", 5)
    return Downloader(**kw)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ----------------------------------------------------------------- URLs

def test_repo_file_url_for_each_source():
    assert repo_file_url("hf", "hfl/chinese-alpaca-lora-7b", "adapter_model.bin") == \
        "https://huggingface.co/hfl/chinese-alpaca-lora-7b/resolve/main/adapter_model.bin"
    assert repo_file_url("hf-mirror", "hfl/chinese-llama-lora-7b", "tokenizer.model") == \
        "https://hf-mirror.com/hfl/chinese-llama-lora-7b/resolve/main/tokenizer.model"
    assert repo_file_url("modelscope", "ChineseAlpacaGroup/chinese-alpaca-lora-7b", "adapter_config.json") == \
        "https://modelscope.cn/models/ChineseAlpacaGroup/chinese-alpaca-lora-7b/resolve/master/adapter_config.json"
    assert repo_file_url("hf", "a/b", "sub dir/x.bin", endpoint="http://127.0.0.1:9/", revision="v1.0") == \
        "http://127.0.0.1:9/a/b/resolve/v1.0/sub%20dir/x.bin"
    with pytest.raises(UserError, match="Unknown download source"):
        repo_file_url("baidu", "a/b", "x")
    with pytest.raises(UserError, match="not a repository id"):
        repo_file_url("hf", "justaname", "x")


def test_bad_spec_and_proxy_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="not a SHA256"):
        DownloadSpec("http://127.0.0.1/x", tmp_path / "x", sha256="abc")
    with pytest.raises(UserError, match="only http"):
        DownloadSpec("ftp://example.com/x", tmp_path / "x")
    with pytest.raises(UserError, match="not a proxy URL"):
        Downloader(proxy="127.0.0.1 7890").download(DownloadSpec("http://127.0.0.1:1/x", tmp_path / "x"))


# ----------------------------------------------------------------- plain download

def test_download_verifies_and_renames(http_server, tmp_path):
    data = blob(300_000)
    url = http_server.add_file(NAME, data)
    snaps = []
    dest = tmp_path / "out" / "adapter_model.bin"
    got = fast().download(DownloadSpec(url, dest, sha256=sha(data).upper(), size=len(data)),
                          progress=ProgressReporter(snaps.append, min_interval=0))
    assert got == dest and dest.read_bytes() == data
    assert leftovers(dest.parent) == ["adapter_model.bin"]
    last = snaps[-1]
    assert (last.done, last.total, last.unit) == (len(data), len(data), "bytes")
    assert last.status == "Verified adapter_model.bin"
    assert http_server.requests_for(NAME)[0].headers["accept-encoding"] == "identity"


def test_redirect_is_followed_and_unknown_length_works(http_server, tmp_path):
    data = blob(200_000, seed=2)
    http_server.add_file("cdn/blob", data, no_length=True)
    url = http_server.add_redirect("hfl/x/resolve/main/tokenizer.model", "cdn/blob")
    dest = fast().download(DownloadSpec(url, tmp_path / "tokenizer.model", sha256=sha(data)))
    assert dest.read_bytes() == data
    assert [r.status for r in http_server.requests] == [302, 200]


def test_existing_file_is_reused_or_protected(http_server, tmp_path):
    data = blob(50_000)
    url = http_server.add_file(NAME, data)
    dest = tmp_path / "adapter_model.bin"
    dest.write_bytes(data)
    assert fast().download(DownloadSpec(url, dest, sha256=sha(data))) == dest
    assert http_server.requests == []          # verified on disk, nothing fetched
    dest.write_bytes(b"the user's own different file")
    with pytest.raises(UserError, match="already exists and does not match"):
        fast().download(DownloadSpec(url, dest, sha256=sha(data)))
    assert dest.read_bytes() == b"the user's own different file"


# ----------------------------------------------------------------- resume

def test_resume_after_dropped_connection_uses_range_and_if_range(http_server, tmp_path):
    data = blob(600_000)
    url = http_server.add_file(NAME, data, drop_after=250_000)
    dest = fast().download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data)))
    assert dest.read_bytes() == data
    gets = http_server.requests_for(NAME)
    assert [r.status for r in gets] == [200, 206]
    assert gets[1].headers["range"] == "bytes=250000-"
    assert gets[1].headers["if-range"].startswith('"')        # the ETag, a strong validator


def test_connection_dropping_every_time_still_completes(http_server, tmp_path):
    data = blob(500_000)
    url = http_server.add_file(NAME, data, drop_after=70_000, drop_times=None)
    dest = fast(retries=2).download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data)))
    assert dest.read_bytes() == data
    ranges = http_server.ranges_for(NAME)
    # Each attempt made progress, so the retry budget of 2 never ran out.
    assert len(ranges) == 8
    assert ranges[1:] == [f"bytes={70_000 * i}-" for i in range(1, 8)]


def test_body_many_times_the_buffer_ring_is_written_and_hashed_in_order(http_server, tmp_path, monkeypatch):
    # Two 64 KiB buffers for 3 MB: each is reused ~20 times while the write and hash
    # threads read it; a buffer handed back too early would corrupt the file or the hash.
    monkeypatch.setattr(stream._PartWriter, "SLOTS", 2)
    monkeypatch.setattr(stream._PartWriter, "SLOT_SIZE", 64 * 1024)
    direct = []
    real_direct = transfer._direct_socket
    monkeypatch.setattr(transfer, "_direct_socket", lambda r, n: direct.append(real_direct(r, n)) or direct[-1])
    data = blob(3_000_000)
    url = http_server.add_file(NAME, data, drop_after=1_234_567)
    dest = fast().download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data)))
    assert dest.read_bytes() == data
    assert http_server.ranges_for(NAME) == [None, "bytes=1234567-"]
    assert len(direct) == 2 and all(sock is not None for sock in direct)   # read past the parser


def test_server_ignoring_range_restarts_from_zero(http_server, tmp_path):
    data = blob(400_000)
    url = http_server.add_file(NAME, data, drop_after=150_000, ignore_range=True)
    snaps = []
    dest = fast().download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data)),
                           progress=ProgressReporter(snaps.append, min_interval=0))
    assert dest.read_bytes() == data
    assert [r.status for r in http_server.requests_for(NAME)] == [200, 200]
    assert http_server.ranges_for(NAME)[1] == "bytes=150000-"
    assert any("restarted" in s.status for s in snaps)


def test_file_changed_on_server_is_not_stitched(http_server, tmp_path):
    old, new = blob(300_000, seed=1), blob(300_000, seed=9)
    url = http_server.add_file(NAME, old, drop_after=120_000)
    dest = tmp_path / "a.bin"
    with pytest.raises(UserError, match="failed after 1 attempt:"):
        fast(retries=0).download(DownloadSpec(url, dest))
    assert partial_bytes(dest) == 120_000
    http_server.change_file(NAME, new)
    fast().download(DownloadSpec(url, dest, sha256=sha(new)))
    assert dest.read_bytes() == new
    last = http_server.requests_for(NAME)[-1]
    assert last.headers["range"] == "bytes=120000-" and last.status == 200   # If-Range said: changed


def _paused_at(http_server, url, dest, data_len, at):
    """A first run that stops after ``at`` bytes: the .part and sidecar stay for a resume."""
    with pytest.raises(UserError, match="failed after 1 attempt:"):
        fast(retries=0).download(DownloadSpec(url, dest))
    assert partial_bytes(dest) == at


def test_206_at_another_offset_than_asked_is_not_stitched(http_server, tmp_path):
    # No published hash: only the offset check stands between the user and a spliced file.
    data = blob(300_000)
    url = http_server.add_file(NAME, data, drop_after=100_000)
    dest = tmp_path / "a.bin"
    _paused_at(http_server, url, dest, len(data), 100_000)
    http_server.set_faults(NAME, range_shift=50_000)          # asked 100000-, answers 150000-
    fast().download(DownloadSpec(url, dest))
    assert dest.read_bytes() == data
    gets = [r for r in http_server.requests_for(NAME) if r.method == "GET"]
    assert [(g.headers.get("range"), g.status) for g in gets[1:]] == [("bytes=100000-", 206), (None, 200)]
    assert leftovers(tmp_path) == ["a.bin"]


def test_206_of_a_file_whose_etag_changed_is_not_stitched(http_server, tmp_path):
    # A server that ignores If-Range sends a 206 of the new version: its ETag gives it away.
    old, new = blob(300_000, seed=1), blob(300_000, seed=9)
    url = http_server.add_file(NAME, old, drop_after=120_000)
    dest = tmp_path / "a.bin"
    _paused_at(http_server, url, dest, len(old), 120_000)
    http_server.set_faults(NAME, ignore_if_range=True)
    http_server.change_file(NAME, new)
    fast().download(DownloadSpec(url, dest))
    assert dest.read_bytes() == new
    gets = [r for r in http_server.requests_for(NAME) if r.method == "GET"]
    assert [(g.headers.get("range"), g.status) for g in gets[1:]] == [("bytes=120000-", 206), (None, 200)]


def test_416_for_a_partial_file_restarts_from_zero(http_server, tmp_path):
    data = blob(200_000)
    url = http_server.add_file(NAME, data, drop_after=80_000)
    dest = tmp_path / "a.bin"
    _paused_at(http_server, url, dest, len(data), 80_000)
    http_server.set_faults(NAME, refuse_range=1)
    snaps = []
    fast().download(DownloadSpec(url, dest), progress=ProgressReporter(snaps.append, min_interval=0))
    assert dest.read_bytes() == data
    gets = [r for r in http_server.requests_for(NAME) if r.method == "GET"]
    assert [(g.headers.get("range"), g.status) for g in gets[1:]] == [("bytes=80000-", 416), (None, 200)]
    assert any("could not resume" in (s.status or "") for s in snaps)


def test_complete_part_left_by_a_kill_before_the_rename(http_server, tmp_path):
    data = blob(90_000)
    url = http_server.add_file(NAME, data)
    dest = tmp_path / "a.bin"
    part_path(dest).write_bytes(data)
    sidecar_path(dest).write_text(json.dumps({"url": url, "size": len(data), "bytes": len(data)}))
    fast().download(DownloadSpec(url, dest, sha256=sha(data)))
    assert dest.read_bytes() == data
    assert [r.status for r in http_server.requests_for(NAME)] == [416]      # nothing left to fetch
    assert leftovers(tmp_path) == ["a.bin"]


def test_resume_without_a_published_hash(http_server, tmp_path):
    data = blob(120_000)
    url = http_server.add_file(NAME, data)
    dest = tmp_path / "a.bin"
    part_path(dest).write_bytes(data[:70_000])
    sidecar_path(dest).write_text(json.dumps({"url": url, "size": len(data), "bytes": 70_000}))
    fast().download(DownloadSpec(url, dest))
    assert dest.read_bytes() == data
    assert http_server.ranges_for(NAME) == ["bytes=70000-"]


def test_proxy_from_settings_is_used(http_server, tmp_path):
    # The test server also answers proxy-style requests (absolute URLs), so a host that does
    # not exist downloads fine only if the request really went through the proxy.
    data = blob(40_000)
    http_server.add_file(NAME, data)
    url = "http://models.example.invalid/" + NAME
    assert fast(proxy=http_server.url).download(DownloadSpec(url, tmp_path / "a.bin")).read_bytes() == data
    assert http_server.requests_for(NAME)[0].headers["host"] == "models.example.invalid"


def test_sidecar_for_another_url_means_start_over(http_server, tmp_path):
    data = blob(100_000)
    url = http_server.add_file(NAME, data)
    dest = tmp_path / "a.bin"
    part_path(dest).write_bytes(data[:50_000])
    sidecar_path(dest).write_text(json.dumps({"url": "http://elsewhere/a.bin", "size": 100_000, "bytes": 50_000}))
    fast().download(DownloadSpec(url, dest))
    assert dest.read_bytes() == data
    assert http_server.ranges_for(NAME) == [None]
    assert not part_path(dest).exists() and not sidecar_path(dest).exists()


def test_resume_after_the_process_was_killed(http_server, tmp_path):
    data = blob(1_500_000)
    url = http_server.add_file(NAME, data, throttle=300_000)
    dest = tmp_path / "a.bin"
    script = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
              "from engine.download import Downloader, DownloadSpec\n"
              f"Downloader().download(DownloadSpec({url!r}, {str(dest)!r}))\n")
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while partial_bytes(dest) < 200_000:
            assert proc.poll() is None, "the download process ended early"
            assert time.monotonic() < deadline, "the download process never got going"
            time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    assert not dest.exists()
    have = part_path(dest).stat().st_size
    assert 200_000 <= have < len(data)
    assert json.loads(sidecar_path(dest).read_text())["url"] == url
    http_server.set_faults(NAME)           # full speed for the resume
    fast().download(DownloadSpec(url, dest, sha256=sha(data)))
    assert dest.read_bytes() == data
    assert http_server.ranges_for(NAME)[-1] == f"bytes={have}-"


# ----------------------------------------------------------------- verification

def test_corrupt_bytes_give_a_mismatch_and_no_final_file(http_server, tmp_path):
    data = blob(200_000)
    url = http_server.add_file(NAME, data, corrupt_at=123_456)
    dest = tmp_path / "adapter_model.bin"
    with pytest.raises(ChecksumMismatch) as info:
        fast().download(DownloadSpec(url, dest, sha256=sha(data)))
    err = info.value
    bad = bytearray(data)
    bad[123_456] ^= 0xFF
    assert (err.expected, err.actual) == (sha(data), sha(bytes(bad)))
    assert "adapter_model.bin" in err.message and err.expected in err.message and err.actual in err.message
    assert "Download it again" in err.hint
    assert not dest.exists()
    assert leftovers(tmp_path) == ["adapter_model.bin.corrupt"]
    assert (tmp_path / "adapter_model.bin.corrupt").read_bytes() == bytes(bad)
    # A re-download from a good source then succeeds.
    http_server.set_faults(NAME)
    assert fast().download(DownloadSpec(url, dest, sha256=sha(data))).read_bytes() == data


def test_wrong_size_is_refused_before_writing(http_server, tmp_path):
    url = http_server.add_file(NAME, blob(10_000))
    with pytest.raises(UserError, match="offers 10,000 bytes, but 9,999 were expected"):
        fast().download(DownloadSpec(url, tmp_path / "a.bin", size=9_999))
    assert not (tmp_path / "a.bin").exists()


# ----------------------------------------------------------------- server errors

@pytest.mark.parametrize("code, words", [(404, "not found on 127.0.0.1"), (401, "access denied"),
                                         (403, "access denied")])
def test_missing_or_forbidden_fails_at_once(http_server, tmp_path, code, words):
    url = http_server.add_file(NAME, b"x", status=code)
    with pytest.raises(UserError, match=words) as info:
        fast().download(DownloadSpec(url, tmp_path / "a.bin"))
    assert "switch the download source" in info.value.hint
    assert len(http_server.requests_for(NAME)) == 1
    assert leftovers(tmp_path) == []


def test_unknown_path_is_404(http_server, tmp_path):
    with pytest.raises(UserError, match=r"a\.bin: not found on 127\.0\.0\.1"):
        fast().download(DownloadSpec(http_server.url_for("nope/a.bin"), tmp_path / "a.bin"))


def test_server_errors_are_retried_then_succeed(http_server, tmp_path):
    data = blob(80_000)
    url = http_server.add_file(NAME, data, status=503, status_times=2)
    assert fast().download(DownloadSpec(url, tmp_path / "a.bin")).read_bytes() == data
    assert [r.status for r in http_server.requests_for(NAME)] == [503, 503, 200]


def test_server_errors_give_up_after_the_retry_budget(http_server, tmp_path):
    url = http_server.add_file(NAME, b"x", status=500)
    with pytest.raises(UserError, match=r"failed after 3 attempts: the server is busy \(HTTP 500\)"):
        fast(retries=2).download(DownloadSpec(url, tmp_path / "a.bin"))
    assert len(http_server.requests_for(NAME)) == 3
    assert not (tmp_path / "a.bin").exists()


def test_slow_server_completes(http_server, tmp_path):
    data = blob(120_000)
    url = http_server.add_file(NAME, data, throttle=200_000)
    assert fast().download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data))).read_bytes() == data


def test_pauses_longer_than_a_poll_but_within_the_timeout_are_waited_out(http_server, tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "POLL", 0.01)     # socket reads give up after 10 ms; the server sends every 50 ms
    data = blob(60_000)
    url = http_server.add_file(NAME, data, throttle=200_000)
    assert fast().download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data))).read_bytes() == data
    assert len(http_server.requests_for(NAME)) == 1          # no timeout, no retry


def test_timeout_before_headers_and_mid_body(http_server, tmp_path):
    data = blob(100_000)
    url = http_server.add_file(NAME, data, hang=30, hang_times=None)
    with pytest.raises(UserError, match="timeout"):
        fast(timeout=0.3, retries=1).download(DownloadSpec(url, tmp_path / "a.bin"))
    assert len(http_server.requests_for(NAME)) == 2
    # A stall after 40 kB, once: the retry resumes from there.
    http_server.set_faults(NAME, hang=30, hang_after=40_000)
    dest = fast(timeout=0.3).download(DownloadSpec(url, tmp_path / "a.bin", sha256=sha(data)))
    assert dest.read_bytes() == data
    assert http_server.ranges_for(NAME)[-1] == "bytes=40000-"


# ----------------------------------------------------------------- disk

def test_not_enough_space_is_named_before_starting(http_server, tmp_path, monkeypatch):
    url = http_server.add_file(NAME, blob(1000))
    monkeypatch.setattr("engine.diskspace.shutil.disk_usage", lambda p: type("U", (), {"free": 400})())
    with pytest.raises(UserError, match=r"needs 12\.0 KB, 400 B is free on .*\(short by 11\.6 KB\)") as info:
        fast().download(DownloadSpec(url, tmp_path / "a.bin", size=12_288))
    assert "Free up space" in info.value.hint
    assert http_server.requests == []
    # Size unknown up front: the server's Content-Length is checked before any byte is written.
    with pytest.raises(UserError, match="short by 600 B"):
        fast().download(DownloadSpec(url, tmp_path / "a.bin"))
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing_keeps_partial_and_no_final_file(http_server, tmp_path, monkeypatch):
    data = blob(400_000)
    url = http_server.add_file(NAME, data, throttle=2_000_000)
    real_write = stream._write_all
    calls = []

    def fill_up(fd, chunk):
        calls.append(len(chunk))
        if sum(calls) > 100_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(fd, chunk)

    monkeypatch.setattr(stream, "_write_all", fill_up)
    dest = tmp_path / "a.bin"
    with pytest.raises(UserError, match="The disk is full: a.bin could not be written") as info:
        fast().download(DownloadSpec(url, dest, sha256=sha(data)))
    assert "resumes where it stopped" in info.value.hint
    assert not dest.exists()
    kept = part_path(dest).stat().st_size
    assert 0 < kept <= 100_000 and part_path(dest).read_bytes() == data[:kept]
    monkeypatch.setattr(stream, "_write_all", real_write)
    assert fast().download(DownloadSpec(url, dest, sha256=sha(data))).read_bytes() == data
    assert http_server.ranges_for(NAME)[-1] == f"bytes={kept}-"


# ----------------------------------------------------------------- cancel, pause, several files

def _cancel_after(nbytes: int, cancel: CancelToken):
    def listener(p):
        if p.done >= nbytes:
            cancel.cancel()
    return ProgressReporter(listener, min_interval=0)


def test_pause_keeps_partial_and_resume_finishes(http_server, tmp_path):
    data = blob(600_000)
    url = http_server.add_file(NAME, data, throttle=1_000_000)
    dest = tmp_path / "a.bin"
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        fast().download(DownloadSpec(url, dest, sha256=sha(data)), progress=_cancel_after(100_000, cancel),
                        cancel=cancel)
    paused_at = partial_bytes(dest)
    assert 100_000 <= paused_at < len(data) and not dest.exists()
    assert part_path(dest).read_bytes() == data[:paused_at]
    http_server.set_faults(NAME)
    fast().download(DownloadSpec(url, dest, sha256=sha(data)))
    assert dest.read_bytes() == data
    assert http_server.ranges_for(NAME)[-1] == f"bytes={paused_at}-"


def test_cancel_is_instant_on_a_stalled_server(http_server, tmp_path):
    data = blob(200_000)
    url = http_server.add_file(NAME, data, hang=60, hang_after=50_000)
    cancel = CancelToken()

    def listener(p):
        if p.status.startswith("Downloading") and not timer.is_alive():
            timer.start()          # cancel from another thread, once the body is flowing

    timer = threading.Timer(0.5, cancel.cancel)
    # A 60 s read timeout and no retries: only the cancel can end this quickly without an error.
    with pytest.raises(Cancelled):
        Downloader(timeout=60, retries=0).download(DownloadSpec(url, tmp_path / "a.bin"),
                                                  progress=ProgressReporter(listener, min_interval=0),
                                                  cancel=cancel)
    assert 0 < partial_bytes(tmp_path / "a.bin") <= 50_000


def test_cancel_for_good_discards_partial(http_server, tmp_path):
    data = blob(600_000)
    url = http_server.add_file(NAME, data, throttle=1_000_000)
    dest = tmp_path / "a.bin"
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        fast().download(DownloadSpec(url, dest), progress=_cancel_after(50_000, cancel), cancel=cancel,
                        discard_partial=True)
    assert leftovers(tmp_path) == []
    part_path(dest).write_bytes(b"x")
    remove_partial(dest)
    assert leftovers(tmp_path) == []


def test_two_downloads_at_once_with_aggregate_progress(http_server, tmp_path):
    files = {f"m/resolve/main/f{i}.bin": blob(150_000 + i * 1000, seed=i) for i in range(3)}
    specs = [DownloadSpec(http_server.add_file(name, data, throttle=500_000), tmp_path / Path(name).name,
                          sha256=sha(data), size=len(data)) for name, data in files.items()]
    snaps = []
    paths = fast(concurrency=2).download_many(specs, progress=ProgressReporter(snaps.append, min_interval=0))
    assert [p.read_bytes() for p in paths] == list(files.values())
    assert http_server.max_active == 2                  # two at once, never three
    total = sum(len(d) for d in files.values())
    assert snaps[0].total == total and snaps[-1].done == total
    assert all(a.done <= b.done for a, b in zip(snaps, snaps[1:]))
    assert leftovers(tmp_path) == ["f0.bin", "f1.bin", "f2.bin"]


def test_one_failure_stops_the_batch(http_server, tmp_path):
    good = blob(400_000)
    specs = [DownloadSpec(http_server.add_file("ok.bin", good, throttle=400_000), tmp_path / "ok.bin"),
             DownloadSpec(http_server.url_for("missing.bin"), tmp_path / "missing.bin")]
    with pytest.raises(UserError, match="missing.bin: not found"):
        fast(concurrency=2).download_many(specs)
    assert not (tmp_path / "ok.bin").exists()
    assert partial_bytes(tmp_path / "ok.bin") < len(good)     # stopped early, kept for a resume


def test_batch_cancel_and_duplicate_destinations(http_server, tmp_path):
    data = blob(300_000)
    specs = [DownloadSpec(http_server.add_file(f"{i}.bin", data, throttle=300_000), tmp_path / f"{i}.bin")
             for i in range(2)]
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        fast().download_many(specs, progress=_cancel_after(60_000, cancel), cancel=cancel)
    assert not any(s.dest.exists() for s in specs)
    with pytest.raises(UserError, match="appears twice"):
        fast().download_many([specs[0], DownloadSpec(specs[1].url, specs[0].dest)])

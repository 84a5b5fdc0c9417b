"""``download`` end to end against a real HTTP server on 127.0.0.1 laid out like Hugging Face / ModelScope.

The published hashes of a small fake release replace the real ones in a copy of
the catalog (the real LoRAs are gigabytes), so every check runs on real bytes.
"""
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import engine.catalog as catalog_mod
from app.cli import main as cli_main
from engine import layout
from engine.model_library import FAILED, VERIFIED, model_status
from engine.settings import SettingsStore
from engine.verify import HashCache

ROOT = Path(__file__).resolve().parents[1]


class Release:
    """Bytes of a fake upstream release, served by the test server, with the catalog pointing at their hashes."""

    def __init__(self, server, model_ids, adapter_size: int = 300_000) -> None:
        self.server = server
        self.files: dict[str, dict[str, bytes]] = {}
        data = json.loads(catalog_mod.CATALOG_FILE.read_text(encoding="utf-8"))
        tokenizers = {fam: os.urandom(40_000) for fam in ("llama", "alpaca")}
        for fam, tok in tokenizers.items():
            data["tokenizers"][fam]["sha256"] = hashlib.sha256(tok).hexdigest()
        for m in data["models"]:
            m["sha256"]["tokenizer.model"] = data["tokenizers"][m["family"]]["sha256"]
            if m["id"] not in model_ids:
                continue
            files = {f: json.dumps({"file": f, "model": m["id"]}).encode() for f in m["files"]}
            files["adapter_model.bin"] = os.urandom(adapter_size)
            files["tokenizer.model"] = tokenizers[m["family"]]
            m["sha256"]["adapter_model.bin"] = hashlib.sha256(files["adapter_model.bin"]).hexdigest()
            self.files[m["id"]] = files
            for name, blob in files.items():
                server.add_file(f"{m['hf_repo']}/resolve/main/{name}", blob)
                server.add_file(f"models/{m['modelscope_repo']}/resolve/master/{name}", blob)
        self.catalog_json = json.dumps(data)

    def path(self, model_id: str, name: str, source: str = "hf") -> str:
        m = catalog_mod.load_catalog().get(model_id)
        if source == "modelscope":
            return f"models/{m.modelscope_repo}/resolve/master/{name}"
        return f"{m.hf_repo}/resolve/main/{name}"

    def sha(self, model_id: str, name: str) -> str:
        return hashlib.sha256(self.files[model_id][name]).hexdigest()


@pytest.fixture
def release(http_server, tmp_path, monkeypatch):
    """Serve chinese-llama-plus-7b and chinese-alpaca-pro-7b; the catalog publishes their hashes."""
    rel = Release(http_server, {"chinese-llama-plus-7b", "chinese-alpaca-pro-7b"})
    path = tmp_path / "catalog.json"
    path.write_text(rel.catalog_json, encoding="utf-8")
    monkeypatch.setattr(catalog_mod, "CATALOG_FILE", path)
    catalog_mod.load_catalog.cache_clear()
    yield rel
    catalog_mod.load_catalog.cache_clear()


def _lora(model_id: str) -> Path:
    return layout.lora_dir(SettingsStore().settings, model_id)


def test_download_model_id_verifies_and_marks_verified(release, http_server, capsys):
    rc = cli_main(["download", "chinese-alpaca-pro-7b", "--endpoint", http_server.url])
    out = capsys.readouterr()
    assert rc == 0, out.err
    folder = _lora("chinese-alpaca-pro-7b")
    for name, blob in release.files["chinese-alpaca-pro-7b"].items():
        assert (folder / name).read_bytes() == blob
    assert "✓ adapter_model.bin" in out.out and "Chinese-Alpaca-Pro-7B adapter_model.bin" in out.out
    assert "2 verified" in out.out
    assert not list(folder.glob("*.part*"))
    # The hashes computed while streaming were remembered: the state is instant.
    assert HashCache().get(folder / "adapter_model.bin") == release.sha("chinese-alpaca-pro-7b", "adapter_model.bin")
    assert model_status(catalog_mod.load_catalog().get("chinese-alpaca-pro-7b"), SettingsStore().settings).state == VERIFIED
    # Downloading again fetches nothing: every file is there and verified.
    before = len(http_server.requests)
    assert cli_main(["download", "chinese-alpaca-pro-7b", "--endpoint", http_server.url]) == 0
    assert len(http_server.requests) == before


def test_modelscope_layout_and_dest(release, http_server, tmp_path, capsys):
    dest = tmp_path / "elsewhere"
    rc = cli_main(["download", "chinese-llama-plus-7b", "--source", "modelscope", "--endpoint", http_server.url,
                   "--dest", str(dest), "--json"])
    assert rc == 0
    verdicts = json.loads(capsys.readouterr().out)
    assert {Path(v["path"]).name for v in verdicts} == set(release.files["chinese-llama-plus-7b"])
    assert http_server.requests_for(release.path("chinese-llama-plus-7b", "adapter_model.bin", "modelscope"))
    assert (dest / "tokenizer.model").read_bytes() == release.files["chinese-llama-plus-7b"]["tokenizer.model"]


def test_corrupt_bytes_fail_with_both_hashes_and_no_final_file(release, http_server, capsys):
    http_server.set_faults(release.path("chinese-alpaca-pro-7b", "adapter_model.bin"), corrupt_at=1234)
    rc = cli_main(["download", "chinese-alpaca-pro-7b", "--endpoint", http_server.url])
    err = capsys.readouterr().err
    assert rc == 1
    assert "adapter_model.bin" in err and release.sha("chinese-alpaca-pro-7b", "adapter_model.bin") in err
    folder = _lora("chinese-alpaca-pro-7b")
    assert not (folder / "adapter_model.bin").exists()
    st = model_status(catalog_mod.load_catalog().get("chinese-alpaca-pro-7b"), SettingsStore().settings)
    assert st.state == FAILED and "mismatch" in st.problem.lower()
    # Fixed upstream: a re-download succeeds and clears the failure.
    http_server.set_faults(release.path("chinese-alpaca-pro-7b", "adapter_model.bin"))
    assert cli_main(["download", "chinese-alpaca-pro-7b", "--endpoint", http_server.url]) == 0
    st = model_status(catalog_mod.load_catalog().get("chinese-alpaca-pro-7b"), SettingsStore().settings)
    assert st.state == VERIFIED and not st.problem


def test_missing_file_is_a_clear_failure(release, http_server, capsys):
    http_server.set_faults(release.path("chinese-llama-plus-7b", "tokenizer.model"), status=404, status_times=None)
    assert cli_main(["download", "chinese-llama-plus-7b", "--endpoint", http_server.url]) == 1
    err = capsys.readouterr().err
    assert "404" in err and "tokenizer.model" in err
    assert not (_lora("chinese-llama-plus-7b") / "tokenizer.model").exists()


def test_disk_space_is_checked_before_starting(release, http_server, capsys, monkeypatch):
    import shutil as shutil_mod
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil_mod, "disk_usage", lambda p: usage(10**12, 10**12 - 1000, 1000))
    assert cli_main(["download", "chinese-alpaca-pro-7b", "--endpoint", http_server.url]) == 1
    err = capsys.readouterr().err
    assert "Not enough disk space" in err and "short by" in err
    assert not http_server.requests                  # nothing was fetched
    assert not list(_lora("chinese-alpaca-pro-7b").glob("*.part"))


def test_unknown_model_and_bad_arguments(release, capsys):
    assert cli_main(["download", "chinese-alpaca-pro-8b"]) == 1
    assert "chinese-alpaca-pro-7b" in capsys.readouterr().err
    assert cli_main(["download"]) == 1
    assert "MODEL_ID or --url" in capsys.readouterr().err
    assert cli_main(["download", "--url", "http://127.0.0.1:1/x.bin"]) == 1
    assert "--dest" in capsys.readouterr().err
    assert cli_main(["download", "--url", "ftp://host/x.bin", "--dest", "d"]) == 1
    assert "http" in capsys.readouterr().err


def test_custom_url_with_and_without_hash(http_server, tmp_path, capsys):
    blob = os.urandom(100_000)
    url = http_server.add_file("baidu-copy/adapter_model.bin", blob)
    good = hashlib.sha256(blob).hexdigest()
    assert cli_main(["download", "--url", url, "--sha256", good.upper(), "--dest", str(tmp_path / "a")]) == 0
    assert (tmp_path / "a" / "adapter_model.bin").read_bytes() == blob
    assert "✓ verified" in capsys.readouterr().out
    assert HashCache().get(tmp_path / "a" / "adapter_model.bin") == good
    assert cli_main(["download", "--url", url, "--sha256", "0" * 64, "--dest", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert good in err and "0" * 64 in err
    assert not (tmp_path / "b" / "adapter_model.bin").exists()
    assert cli_main(["download", "--url", url, "--sha256", "xyz", "--dest", str(tmp_path / "c")]) == 1
    assert cli_main(["download", "--url", url, "--name", "copy.bin", "--dest", str(tmp_path / "d"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verified"] is False
    assert (tmp_path / "d" / "copy.bin").read_bytes() == blob


def test_resume_after_the_process_was_killed(release, http_server, tmp_path):
    """A CLI download killed mid-file resumes from its .part with a Range request."""
    name = release.path("chinese-alpaca-pro-7b", "adapter_model.bin")
    http_server.set_faults(name, throttle=150_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "download", "chinese-alpaca-pro-7b",
                             "--endpoint", http_server.url, "--concurrency", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    part = _lora("chinese-alpaca-pro-7b") / "adapter_model.bin.part"
    try:
        deadline = time.monotonic() + 60
        while not (part.is_file() and part.stat().st_size > 60_000) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert part.is_file(), "the download never started"
    finally:
        proc.kill()
        proc.wait()
    had = part.stat().st_size
    http_server.set_faults(name)
    assert cli_main(["download", "chinese-alpaca-pro-7b", "--endpoint", http_server.url]) == 0
    ranges = http_server.ranges_for(name)
    assert ranges[0] is None and ranges[-1] is not None and int(ranges[-1].split("=")[1].rstrip("-")) > 0
    assert int(ranges[-1].split("=")[1].rstrip("-")) <= had
    blob = release.files["chinese-alpaca-pro-7b"]["adapter_model.bin"]
    assert (_lora("chinese-alpaca-pro-7b") / "adapter_model.bin").read_bytes() == blob

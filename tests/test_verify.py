"""Verification of files users have, model states from disk, and the base LLaMA registry."""
import copy
import hashlib
import json
import os

import pytest

import engine.verify as verify_mod
from app.cli import main as cli_main
from engine import layout
from engine.catalog import CATALOG_FILE, Catalog, load_catalog
from engine.errors import UserError
from engine.jobs import Cancelled, CancelToken, ProgressReporter
from engine.model_library import (CONVERTED, DOWNLOADED, FAILED, MERGED, NOT_DOWNLOADED, PARTIAL, QUANTIZED, VERIFIED,
                                  BaseMismatch, check_disk_space, discard_partial, find_base, model_status,
                                  register_base, registered_bases, requirements, unregister_base)
from engine.settings import SettingsStore
from engine.verify import MATCH, MISMATCH, UNKNOWN, HashCache, implied_entry, verify_paths


def _write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _catalog_where(adapter_of: str = "", adapter_hash: str = "", llama7b_pth_hash: str = "") -> Catalog:
    """The real catalog with one published hash replaced by the hash of a test file."""
    data = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for m in data["models"]:
        if m["id"] == adapter_of:
            m["sha256"]["adapter_model.bin"] = adapter_hash
    if llama7b_pth_hash:
        data["bases"][0]["consolidated_sha256"]["consolidated.00.pth"] = llama7b_pth_hash
    return Catalog(data)


def test_match_by_hash_anywhere_mismatch_by_place_unknown_otherwise(tmp_path):
    tmp_path = tmp_path / "data"    # beside ALPACA_STUDIO_HOME, whose hash cache changes while we verify
    good = _write(tmp_path / "downloads" / "renamed.bin", b"adapter weights" * 1000)
    bad_place = tmp_path / "chinese_alpaca_pro_lora_7b" / "adapter_model.bin"
    bad = _write(bad_place, b"truncated")
    _write(tmp_path / "notes.txt", b"hello")
    cat = _catalog_where("chinese-alpaca-pro-7b", good)
    seen = []
    progress = ProgressReporter(seen.append, unit="bytes", min_interval=0)
    verdicts = {v.path.name: v for v in verify_paths([tmp_path], progress=progress, catalog=cat)}
    assert verdicts["renamed.bin"].status == MATCH
    assert verdicts["renamed.bin"].entry.label == "Chinese-Alpaca-Pro-7B adapter_model.bin"
    assert verdicts["renamed.bin"].sha256 == good
    mis = verdicts["adapter_model.bin"]
    assert mis.status == MISMATCH and mis.sha256 == bad and mis.entry.sha256 == good
    assert good in mis.describe() and bad in mis.describe()
    assert verdicts["notes.txt"].status == UNKNOWN and verdicts["notes.txt"].symbol == "?"
    total = sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file())
    assert seen[-1].done == seen[-1].total == total and seen[-1].unit == "bytes"


def test_implied_entries_from_names_and_places(tmp_path):
    cat = load_catalog()
    e = implied_entry(tmp_path / "models" / "lora" / "chinese-llama-plus-13b" / "tokenizer.model", cat)
    assert e.label == "Chinese-LLaMA tokenizer.model"
    assert implied_entry(tmp_path / "LLaMA" / "30B" / "consolidated.03.pth", cat).label == \
        "LLaMA-33B consolidated.03.pth part 03"
    assert implied_entry(tmp_path / "llama-13b-hf" / "pytorch_model-00002-of-00003.bin", cat).sha256 == \
        cat.base("13B").hf_sha256["pytorch_model-00002-of-00003.bin"]
    assert implied_entry(tmp_path / "merged" / "chinese-alpaca-7b" / "consolidated.00.pth", cat).label == \
        "Chinese-Alpaca-7B merged consolidated.00.pth"
    assert implied_entry(tmp_path / "7B" / "consolidated.01.pth", cat) is None     # 7B has one part
    assert implied_entry(tmp_path / "stuff" / "adapter_model.bin", cat) is None


def test_real_tokenizer_is_matched_by_its_published_hash(tmp_path):
    # The Chinese-LLaMA tokenizer.model: the published hash of the real upstream file.
    cat = load_catalog()
    (entry,) = cat.match_hash(cat.tokenizers["alpaca"]["sha256"])
    assert entry.owner == "alpaca"


def test_cache_skips_unchanged_files_and_rehashes_changed_ones(tmp_path, monkeypatch):
    f = tmp_path / "a.bin"
    _write(f, b"x" * 10_000)
    calls = []
    real = verify_mod.sha256_file
    monkeypatch.setattr(verify_mod, "sha256_file", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    first = verify_paths([f])[0].sha256
    assert verify_paths([f])[0].sha256 == first and len(calls) == 1
    _write(f, b"y" * 10_001)
    assert verify_paths([f])[0].sha256 == hashlib.sha256(b"y" * 10_001).hexdigest() and len(calls) == 2
    verify_paths([f], use_cache=False)
    assert len(calls) == 3


def test_same_size_file_rewritten_is_hashed_again(tmp_path, monkeypatch):
    # Issue 10 item 13: a same-size corrupted copy must never inherit the cached verdict.
    f = tmp_path / "a.bin"
    good = _write(f, b"x" * 10_000)
    calls = []
    real = verify_mod.sha256_file
    monkeypatch.setattr(verify_mod, "sha256_file", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    assert verify_paths([f])[0].sha256 == good
    st = f.stat()
    with open(f, "r+b") as fh:                      # in place: same inode, same size, one byte flipped
        fh.seek(5_000)
        fh.write(b"y")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))    # a new mtime
    assert f.stat().st_size == st.st_size
    bad = hashlib.sha256(f.read_bytes()).hexdigest()
    assert verify_paths([f])[0].sha256 == bad and len(calls) == 2
    with open(f, "r+b") as fh:                      # flipped again, and the old mtime put back
        fh.seek(6_000)
        fh.write(b"z")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    worse = hashlib.sha256(f.read_bytes()).hexdigest()
    assert verify_paths([f])[0].sha256 == worse and len(calls) == 3     # ctime gave it away
    assert verify_paths([f])[0].sha256 == worse and len(calls) == 3     # unchanged: the cache answers


def test_cancel_stops_hashing(tmp_path):
    _write(tmp_path / "big.bin", os.urandom(64 * 1024))
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        verify_paths([tmp_path], cancel=token)
    assert HashCache().get(tmp_path / "big.bin") is None


def test_verify_cli_reports_and_exits_nonzero_on_mismatch(tmp_path, capsys, monkeypatch):
    good = _write(tmp_path / "x" / "file.bin", b"published bytes")
    _write(tmp_path / "chinese-alpaca-pro-lora-7b" / "adapter_model.bin", b"corrupt")
    monkeypatch.setattr(verify_mod, "load_catalog", lambda: _catalog_where("chinese-alpaca-pro-7b", good))
    assert cli_main(["verify", str(tmp_path / "x")]) == 0
    out = capsys.readouterr().out
    assert "✓" in out and "matches Chinese-Alpaca-Pro-7B adapter_model.bin" in out
    assert cli_main(["verify", str(tmp_path), "--json"]) == 1
    data = {os.path.basename(r["path"]): r for r in json.loads(capsys.readouterr().out)}
    assert data["adapter_model.bin"]["status"] == "mismatch"
    assert data["adapter_model.bin"]["expected"] == good
    assert data["file.bin"]["entry"]["label"] == "Chinese-Alpaca-Pro-7B adapter_model.bin"
    assert cli_main(["verify", str(tmp_path / "missing")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def _fake_lora(settings, model_id, adapter=b"weights"):
    m = load_catalog().get(model_id)
    folder = layout.lora_dir(settings, model_id)
    for f in m.files:
        _write(folder / f, adapter if f == "adapter_model.bin" else f.encode())
    return m, folder


def test_model_states_come_from_disk():
    settings = SettingsStore().settings
    cat = load_catalog()
    m = cat.get("chinese-alpaca-pro-7b")
    assert model_status(m, settings).state == NOT_DOWNLOADED
    folder = layout.lora_dir(settings, m.id)
    _write(folder / "adapter_model.bin.part", b"x" * 1000)
    st = model_status(m, settings)
    assert st.state == PARTIAL and st.partial_bytes == 1000
    assert discard_partial(m, settings) == 1000 and not folder.exists()
    m, folder = _fake_lora(settings, m.id)
    st = model_status(m, settings)
    assert st.state == DOWNLOADED and st.checks == {"adapter_model.bin": None, "tokenizer.model": None}
    # What the downloader records after streaming a file whose hash matched:
    HashCache().put(folder / "adapter_model.bin", m.sha256["adapter_model.bin"])
    HashCache().put(folder / "tokenizer.model", m.sha256["tokenizer.model"])
    assert model_status(m, settings).state == VERIFIED
    (layout.models_root(settings) / "merged" / f"{m.id}-hf").mkdir(parents=True)
    (layout.models_root(settings) / "merged" / "chinese-alpaca-pro-7b2").mkdir()   # not this model
    st = model_status(m, settings)
    assert st.state == MERGED and [p.name for p in st.merged] == [f"{m.id}-hf"]
    # An F16 conversion alone is not a quantized model: its own state, and the type it holds.
    (layout.gguf_dir(settings) / f"{m.id}-f16.gguf").write_bytes(b"GGUF")
    st = model_status(m, settings)
    assert st.state == CONVERTED and st.converted_type == "F16" and st.lora_ready
    (layout.gguf_dir(settings) / f"{m.id}-q4_0.gguf").write_bytes(b"GGUF")
    st = model_status(m, settings)
    assert st.state == QUANTIZED and st.converted_type == ""
    assert [p.name for p in st.quantized] == [f"{m.id}-q4_0.gguf", f"{m.id}-f16.gguf"]   # the quantized one first
    # A changed file loses its cached verdict; a mismatching hash is a failure that says why.
    _write(folder / "adapter_model.bin", b"tampered!")
    verify_paths([folder])
    st = model_status(m, settings)
    assert st.state == FAILED and "adapter_model.bin" in st.problem


def test_requirements_and_disk_check(tmp_path):
    req = requirements(load_catalog().get("chinese-alpaca-plus-13b"))
    assert req["base"] == "LLaMA-13B" and req["merge_chain"][0] == "chinese-llama-plus-13b"
    assert req["fp16_size"] == "24 GB" and req["disk_bytes"] > 30 * 2**30
    check_disk_space(tmp_path, 1)
    with pytest.raises(UserError) as err:
        check_disk_space(tmp_path / "not" / "yet", 2**60)
    assert "short by" in err.value.message


def test_register_meta_base_verifies_against_published_hashes(tmp_path, monkeypatch):
    settings = SettingsStore().settings
    folder = tmp_path / "LLaMA" / "7B"
    digest = _write(folder / "consolidated.00.pth", b"meta weights" * 100)
    (folder / "params.json").write_text(json.dumps({"dim": 4096, "n_heads": 32, "n_layers": 32}))
    with pytest.raises(UserError) as err:
        register_base(folder, settings=settings)
    assert "LLaMA-7B consolidated.00.pth" in err.value.message and digest in err.value.message
    assert registered_bases(settings) == []
    monkeypatch.setattr(verify_mod, "load_catalog", lambda: _catalog_where(llama7b_pth_hash=digest))
    rec = register_base(folder, settings=settings)
    assert (rec.format, rec.size, rec.status) == ("pth", "7B", "verified")
    assert find_base(settings, "llama-7b").path == str(folder.resolve())
    assert [r.path for r in registered_bases(settings)] == [str(folder.resolve())]


def test_register_hf_base_and_refuse_non_llama(tmp_path):
    settings = SettingsStore().settings
    hf = tmp_path / "llama-hf"
    hf.mkdir()
    (hf / "config.json").write_text(json.dumps({"model_type": "llama", "hidden_size": 5120}))
    _write(hf / "model.safetensors", b"tensors")
    rec = register_base(hf, settings=settings)
    assert (rec.format, rec.size, rec.status) == ("hf", "13B", "unverified")
    assert rec.files == {"model.safetensors": "unknown"}
    other = tmp_path / "gpt2"
    other.mkdir()
    (other / "config.json").write_text(json.dumps({"model_type": "gpt2"}))
    with pytest.raises(UserError, match="not LLaMA"):
        register_base(other, settings=settings)
    broken = tmp_path / "13B"
    _write(broken / "consolidated.00.pth", b"half")
    (broken / "params.json").write_text(json.dumps({"dim": 5120}))
    with pytest.raises(UserError, match="consolidated.01.pth missing"):
        register_base(broken, settings=settings)
    with pytest.raises(UserError, match="does not look like"):
        register_base(tmp_path / "LLaMA-nothing" if (tmp_path / "LLaMA-nothing").mkdir() is None else None,
                      settings=settings)


def test_mismatching_base_is_refused_with_both_hashes_unless_accepted(tmp_path):
    settings = SettingsStore().settings
    folder = tmp_path / "LLaMA" / "7B"
    digest = _write(folder / "consolidated.00.pth", b"other weights" * 100)
    (folder / "params.json").write_text(json.dumps({"dim": 4096}))
    with pytest.raises(BaseMismatch) as err:
        register_base(folder, settings=settings)
    [v] = err.value.verdicts
    assert err.value.folder == folder.resolve()
    assert v.sha256 == digest and v.entry.sha256 == load_catalog().base("7B").consolidated_sha256[v.path.name]
    assert registered_bases(settings) == []
    rec = register_base(folder, settings=settings, accept_mismatch=True)
    assert rec.status == "mismatch" and rec.files == {"consolidated.00.pth": MISMATCH}
    assert find_base(settings, "llama-7b").status == "mismatch"
    unregister_base(settings, folder)
    assert registered_bases(settings) == [] and (folder / "consolidated.00.pth").exists()

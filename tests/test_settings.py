import json

import pytest

from engine import paths
from engine.atomic import atomic_dir, atomic_write_text
from engine.settings import Settings, SettingsStore


def test_defaults_then_persist_across_instances():
    store = SettingsStore()
    assert store.settings == Settings()
    assert store.settings.resolved_models_dir() == paths.default_models_dir()
    store.update(download_source="modelscope", cpu_threads=3, proxy="http://127.0.0.1:7890", language="zh_CN")
    again = SettingsStore()
    assert again.settings.download_source == "modelscope"
    assert again.settings.cpu_threads == 3
    assert again.settings.language == "zh_CN"
    assert again.warning == ""
    assert json.loads(again.path.read_text())["proxy"] == "http://127.0.0.1:7890"


def test_invalid_update_changes_nothing():
    store = SettingsStore()
    with pytest.raises(ValueError, match="download source"):
        store.update(download_source="ftp")
    assert SettingsStore().settings.download_source == "hf"


def test_corrupt_file_falls_back_with_warning():
    path = paths.config_dir() / "settings.json"
    path.write_text("{ not json")
    store = SettingsStore()
    assert store.settings == Settings()
    assert "could not be read" in store.warning
    assert (paths.config_dir() / "settings.corrupt.json").read_text() == "{ not json"


def test_out_of_range_values_are_reset_with_warning():
    path = paths.config_dir() / "settings.json"
    path.write_text(json.dumps({"language": "fr", "cpu_threads": -2, "unknown_key": 1}))
    store = SettingsStore()
    assert store.settings.language == "en" and store.settings.cpu_threads == 0
    assert "language" in store.warning


def test_atomic_dir_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out"
    with pytest.raises(RuntimeError):
        with atomic_dir(target) as tmp:
            (tmp / "a.txt").write_text("half")
            raise RuntimeError("boom")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    with atomic_dir(target) as tmp:
        (tmp / "a.txt").write_text("whole")
    assert (target / "a.txt").read_text() == "whole"
    atomic_write_text(tmp_path / "f.txt", "x")
    assert (tmp_path / "f.txt").read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt", "out"]


def test_atomic_outputs_get_normal_permissions(tmp_path):
    from engine import atomic
    atomic_write_text(tmp_path / "f.txt", "x")
    with atomic_dir(tmp_path / "d") as tmp:
        (tmp / "a").write_text("y")
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o666 & ~atomic._UMASK
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o777 & ~atomic._UMASK
    assert 0o666 & ~atomic._UMASK != 0o600    # i.e. not mkstemp's private mode

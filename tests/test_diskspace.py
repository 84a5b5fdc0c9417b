import shutil
from collections import namedtuple

import pytest

from engine.diskspace import existing_ancestor, free_bytes, require_space
from engine.errors import UserError

Usage = namedtuple("Usage", "total used free")


def test_existing_ancestor_and_free_bytes_for_a_folder_not_made_yet(tmp_path):
    target = tmp_path / "a" / "b" / "model.gguf"
    assert existing_ancestor(target) == tmp_path
    assert free_bytes(target) == shutil.disk_usage(tmp_path).free > 0


def test_require_space_names_what_needed_free_and_shortfall(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10 << 30, 0, 1 << 30))
    assert require_space(tmp_path / "out", 512 << 20, "the merged model") == 1 << 30
    with pytest.raises(UserError) as err:
        require_space(tmp_path / "out", 3 << 30, "the merged model", hint="Pick another disk.")
    assert err.value.message == (f"Not enough disk space for the merged model: it needs 3.0 GB, 1.0 GB is free "
                                 f"on {tmp_path} (short by 2.0 GB).")
    assert err.value.hint == "Pick another disk."

"""Fault pass (issue 10, item 1): a settings file that is valid JSON with wrong-typed or
out-of-range values never stops the app; each bad field falls back to its default with one
warning naming it, and the rest of the file is kept.

Every field of ``Settings`` (and every remembered ``ui`` entry the app writes) is given a
wrong value here, through the store, the ``settings`` command and the main window.
"""
import json
import logging
from dataclasses import fields

import pytest

from app.cli import main as cli_main
from engine import paths
from engine.settings import UI_SPECS, Settings, SettingsStore

# A value of the right type that differs from the default, kept while another field is bad.
GOOD = {"language": "zh_CN", "cpu_threads": 3}

# field -> wrong values (wrong type, out of range, unusable)
BAD_TOP = {
    "models_dir": [5, ["x"], None, {"a": 1}, "big\x00disk"],
    "download_source": [5, "ftp", None],
    "proxy": [["x"], 7890, "127.0.0.1 7890", "ftp://host"],
    "language": [5, "fr", None],
    "cpu_threads": ["4", -1, True, 4.5, 99999, None],
    "use_gpu": ["yes", 1, 0, None, "false"],
    "ui": [5, ["x"], "geometry", None],
}
WRONG_FOR = {str: 5, bool: "yes", int: "many", dict: [1], list: {"a": 1}}


def test_every_field_has_bad_cases():
    assert set(BAD_TOP) == {f.name for f in fields(Settings)}


def _write(data) -> None:
    (paths.config_dir() / "settings.json").write_text(json.dumps(data), encoding="utf-8")


def _cases():
    for name, values in BAD_TOP.items():
        for value in values:
            yield pytest.param(name, value, id=f"{name}={value!r}")


def _ui_cases():
    for key, spec in UI_SPECS.items():
        yield pytest.param(key, WRONG_FOR[spec["kind"]], id=f"ui.{key}")
    yield pytest.param("chat.context_size", -5, id="ui.chat.context_size=-5")
    yield pytest.param("chat.recent_models", ["a", 5], id="ui.chat.recent_models=[a,5]")


@pytest.mark.parametrize("name,value", list(_cases()))
def test_bad_top_level_field_falls_back_with_one_warning(name, value, caplog):
    data = {**GOOD, name: value, "ui": {"last_page": "settings"}, "from_a_newer_version": [1, 2]}
    if name == "ui":
        data["ui"] = value
    _write(data)
    with caplog.at_level(logging.WARNING, logger="engine.settings"):
        store = SettingsStore()
    default = Settings()
    assert getattr(store.settings, name) == getattr(default, name)
    for key, good in GOOD.items():
        if key != name:
            assert getattr(store.settings, key) == good          # the rest of the file is kept
    if name != "ui":
        assert store.settings.ui == {"last_page": "settings"}
    assert len(store.problems) == 1 and name in store.problems[0]
    assert name in store.warning and "defaults" in store.warning
    assert [r.getMessage() for r in caplog.records] == [store.warning]     # one warning, once
    # The next save writes a valid file and keeps the keys this version does not know.
    store.save()
    saved = json.loads(store.path.read_text())
    assert saved[name] == json.loads(json.dumps(getattr(default, name)))
    assert saved["from_a_newer_version"] == [1, 2]
    assert SettingsStore().warning == ""


@pytest.mark.parametrize("key,value", list(_ui_cases()))
def test_bad_ui_entry_is_dropped_and_the_others_kept(key, value):
    other = "models.family" if key != "models.family" else "models.size"
    _write({"ui": {key: value, other: "alpaca"}})
    store = SettingsStore()
    assert key not in store.settings.ui
    assert store.settings.ui[other] == "alpaca"
    assert len(store.problems) == 1 and f"ui.{key}" in store.problems[0] and f"ui.{key}" in store.warning
    assert store.ui_value(key, "fallback") == "fallback"


def test_ui_value_refuses_a_value_of_another_type_than_the_default():
    _write({"ui": {"train.epochs": "three", "train.name": "x"}})   # keys the schema does not know
    store = SettingsStore()
    assert store.warning == ""
    assert store.ui_value("train.epochs", 3) == 3
    assert store.ui_value("train.name", "") == "x"
    assert store.ui_value("train.epochs") == "three"                # no default: as stored


@pytest.mark.parametrize("data", [{}, {"language": "ko_KR", "use_gpu": False}])
def test_valid_file_loads_without_warning(data):
    _write(data)
    store = SettingsStore()
    assert store.warning == "" and store.problems == []
    for key, value in data.items():
        assert getattr(store.settings, key) == value


@pytest.mark.parametrize("changes,words", [
    ({"cpu_threads": True}, "cpu threads"), ({"use_gpu": "yes"}, "use gpu"),
    ({"proxy": "127.0.0.1 7890"}, "not a proxy URL"), ({"models_dir": 5}, "models dir"),
    ({"language": "fr"}, "language"), ({"ui": []}, "ui"),
])
def test_update_refuses_bad_values_and_changes_nothing(changes, words):
    store = SettingsStore()
    store.update(language="zh_CN")
    with pytest.raises(ValueError, match=words):
        store.update(**changes)
    assert SettingsStore().settings.language == "zh_CN"
    assert store.settings == SettingsStore().settings


@pytest.mark.parametrize("name,value", [pytest.param(n, v[0], id=n) for n, v in BAD_TOP.items()])
def test_settings_command_works_with_each_bad_field(name, value, capsys):
    _write({**GOOD, name: value})
    assert cli_main(["settings", "--json"]) == 0
    out, err = capsys.readouterr()
    shown = json.loads(out)                       # the warning is on stderr, stdout stays JSON
    assert shown["language"] == "zh_CN" or name == "language"
    warnings = [line for line in err.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ") and name in warnings[0]
    assert "Traceback" not in err


def test_settings_command_fixes_a_bad_field_with_set(capsys):
    _write({"use_gpu": "yes", "language": "zh_CN"})
    assert cli_main(["settings", "--set", "use_gpu=false"]) == 0
    data = json.loads((paths.config_dir() / "settings.json").read_text())
    assert data["use_gpu"] is False and data["language"] == "zh_CN"
    assert SettingsStore().warning == ""


# ------------------------------------------------------------------------------------- the window
WINDOW_FILES = {
    **{name: {"cpu_threads": 3, name: values[0]} for name, values in BAD_TOP.items()},   # one file per field
    "window_geometry": {"ui": {"window_geometry": 5, "main_splitter": [1], "last_page": 7}},
    "every_field": {name: values[0] for name, values in BAD_TOP.items()},
    "every_ui_entry": {"ui": {key: WRONG_FOR[spec["kind"]] for key, spec in UI_SPECS.items()}},
    "ui_not_object": {"ui": "x", "language": "zh_CN"},
}


@pytest.mark.parametrize("data", WINDOW_FILES.values(), ids=list(WINDOW_FILES))
def test_main_window_opens_with_a_bad_settings_file(data, qtbot):
    from app.gui.application import create_window
    from app.gui.i18n import install_language

    _write(data)
    store = SettingsStore()
    assert store.warning
    win = create_window(store)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitExposed(win)
        win.show_page("settings")
        page = win.pages["settings"]
        assert win.stack.currentWidget() is page
        assert page.proxy.text() == store.settings.proxy
        assert page.use_gpu.isChecked() is store.settings.use_gpu
        assert page.source.currentData() == store.settings.download_source
        assert win.statusBar().currentMessage() == store.warning
        for page_id in list(win.pages):              # every page builds and shows
            win.show_page(page_id)
            assert win.stack.currentWidget() is win.pages[page_id]
        win.save_state()
    finally:
        win.context.jobs.shutdown()
        win.log_view.detach()
        install_language("en")                       # the next tests expect English
    again = SettingsStore()
    assert again.warning == ""                       # what the window saved is valid
    assert isinstance(again.ui_value("window_geometry"), str)


# ------------------------------------------------------------------ a settings file that cannot be read or written
@pytest.fixture
def settings_path_is_a_folder():
    """A folder where settings.json should be: reading and saving it both fail, as on a locked disk."""
    path = paths.config_dir() / "settings.json"
    path.mkdir()
    (path / "keep.txt").write_text("not ours")
    return path


def test_unreadable_settings_file_gives_defaults_and_is_left_alone(settings_path_is_a_folder):
    store = SettingsStore()
    assert store.settings == Settings()
    assert store.warning.startswith(f"Cannot read the settings file {settings_path_is_a_folder}: ")
    assert "Errno" not in store.warning
    assert (settings_path_is_a_folder / "keep.txt").read_text() == "not ours"
    with pytest.raises(ValueError, match="Cannot save the settings to .*folder, where a file is expected"):
        store.update(language="zh_CN")
    assert store.settings.language == "en"            # not changed in memory either
    store.set_ui_value("models.family", "alpaca")     # a remembered choice: kept in memory, no error
    assert store.ui_value("models.family") == "alpaca"


def test_settings_command_with_an_unwritable_settings_file(settings_path_is_a_folder, capsys):
    assert cli_main(["settings", "--set", "language=zh_CN"]) == 1
    lines = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    assert len(lines) == 2 and lines[0].startswith("warning: Cannot read the settings file")
    assert lines[1].startswith("error: Not changed: Cannot save the settings to")


def test_window_opens_and_closes_with_an_unwritable_settings_file(settings_path_is_a_folder, qtbot):
    from app.gui.application import create_window

    store = SettingsStore()
    win = create_window(store)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitExposed(win)
        win.show_page("settings")
        page = win.pages["settings"]
        page.language.setCurrentIndex(page.language.findData("ko_KR"))
        assert page.saved_label.text().startswith("Not saved: Cannot save the settings to")
        win.save_state()                              # closing must not fail
    finally:
        win.context.jobs.shutdown()
        win.log_view.detach()
    assert (settings_path_is_a_folder / "keep.txt").exists()


def test_every_command_says_once_that_the_settings_file_has_a_bad_field(capsys):
    _write({"proxy": ["x"], "language": "zh_CN"})
    assert cli_main(["catalog", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)                                     # the command itself ran
    [line] = [x for x in err.splitlines() if x.strip()]
    assert line.startswith("warning: ") and "proxy" in line

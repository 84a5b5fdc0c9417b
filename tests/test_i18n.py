"""Every string the UI passes through tr() has a zh_CN and a ko_KR translation in the Qt Linguist
files (resources/i18n/<area>_<lang>.ts), with the same {placeholders}; the app loads them.

``python -m tools.i18n status`` prints what is untranslated; resources/i18n/README.md says how
strings are added.
"""
from __future__ import annotations

import ast
import json
import shutil
import textwrap
from pathlib import Path

import pytest

from tools import i18n as tool

ROOT = Path(__file__).resolve().parents[1]
HOW = "Run `python -m tools.i18n update`, translate in the .ts files (see resources/i18n/README.md)."


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[Path, list[tool.Message]]:
    """What pyside6-lupdate extracts from the sources now, with the committed translations."""
    return tool.extract(tmp_path_factory.mktemp("lupdate"))


def test_ui_has_strings_to_translate(extracted):
    sources = {m.source for messages in extracted.values() for m in messages}
    assert len(sources) > 300
    areas = {tool.split_ts_name(p)[0] for p in extracted}
    assert {"shell", "models", "merge", "quantize", "chat", "settings"} <= areas


def test_every_ui_string_is_translated(extracted):
    missing = {p: [m for m in ms if not m.translated] for p, ms in extracted.items()}
    missing = {p: ms for p, ms in missing.items() if ms}
    leftovers = {lang: {p.relative_to(ROOT).as_posix(): list(c) for p, c in tool.json_catalogs(lang).items()}
                 for lang in tool.LANGUAGES}
    json_note = ""
    if any(leftovers.values()):
        json_note = f"\nJSON catalogs still to convert (the update command moves them into the .ts): {leftovers}"
    total = sum(map(len, missing.values()))
    assert not missing, f"{total} untranslated strings. {HOW}\n{tool.describe(missing)}{json_note}"


def test_placeholders_survive_translation():
    problems = {p.name: tool.placeholder_problems(tool.read_ts(p)) for p in tool.ts_files()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, "a translation lost or renamed a {placeholder}:\n" + json.dumps(
        problems, ensure_ascii=False, indent=1)


def test_tr_calls_can_be_extracted():
    """lupdate only sees literals outside f-strings, and a `.tr()` on another object gets the wrong context."""
    bad = []
    for path in sorted((ROOT / "app" / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr)
                      for v in f.values if isinstance(v, ast.FormattedValue) for n in ast.walk(v.value)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            if name != "tr":
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}"
            if not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                bad.append(where + "  <- tr() needs a string literal; use tr(\"... {x} ...\").format(x=...)")
            elif isinstance(fn, ast.Attribute) and not (isinstance(fn.value, ast.Name) and fn.value.id == "self"):
                bad.append(where + "  <- use self.tr() or app.gui.i18n.tr()")
            elif id(node) in in_fstring:
                bad.append(where + "  <- lupdate does not look inside f-strings: translate into a variable first")
    assert not bad, "\n".join(bad)


def test_every_area_has_both_languages():
    for lang in tool.LANGUAGES:
        for path in tool.ts_files(lang):
            area, _ = tool.split_ts_name(path)
            for other in tool.LANGUAGES:
                assert tool.ts_path(area, other).exists(), f"{path.name} has no {other} counterpart"


def test_areas_follow_the_source_layout():
    gui = tool.GUI
    assert tool.area_of(gui / "main_window.py") == "shell"
    assert tool.area_of(gui / "pages" / "base.py") == "shell"
    assert tool.area_of(gui / "pages" / "train_page.py") == "train"
    assert tool.area_of(gui / "train" / "charts_panel.py") == "train"
    assert tool.area_of(gui / "pages" / "server" / "view.py") == "server"
    assert tool.split_ts_name(Path("model_host_zh_CN.ts")) == ("model_host", "zh_CN")


# -- The app's translators -------------------------------------------------------------------------

def test_the_app_answers_every_translation(qapp):
    """Installed through .qm files compiled by lrelease: each (context, source) gives its text,
    as Qt asks for it: QCoreApplication.translate, self.tr (class name, along the MRO) and the
    module-level tr() (empty context)."""
    from PySide6.QtCore import QCoreApplication, QObject

    from app.gui import i18n

    i18n.install_language("zh_CN")
    try:
        kinds = [type(t).__name__ for t in i18n._installed if type(t).__name__ != "CatalogTranslator"]
        assert kinds == ["QTranslator"] * len(tool.ts_files("zh_CN"))              # real .qm files
        for path in tool.ts_files("zh_CN"):
            for m in tool.read_ts(path):
                if m.translated:
                    assert QCoreApplication.translate(m.context, m.source) == m.translation, (path.name, m)
        settings = {(m.context, m.source): m.translation for m in tool.read_ts(tool.ts_path("settings", "zh_CN"))}

        class SettingsPage(QObject):
            pass

        class Derived(SettingsPage):            # self.tr() in a base class's method still finds it
            def title(self):
                return self.tr("Settings")

        assert Derived().title() == settings[("SettingsPage", "Settings")] != "Settings"
        shell = {(m.context, m.source): m.translation for m in tool.read_ts(tool.ts_path("shell", "zh_CN"))}
        assert i18n.tr("Copy details") == shell[("", "Copy details")] != "Copy details"
    finally:
        i18n.install_language("en")
    assert QCoreApplication.translate("SettingsPage", "Settings") == "Settings"
    assert i18n._installed == []


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>DemoPage</name>
    <message>
        <source>Hello {{name}}</source>
        <translation>{text}</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def i18n_dir(tmp_path, monkeypatch):
    from app.gui import i18n

    folder = tmp_path / "i18n"
    folder.mkdir()
    monkeypatch.setattr(i18n, "I18N_DIR", folder)
    return folder


def _translate(context, text):
    from PySide6.QtCore import QCoreApplication
    return QCoreApplication.translate(context, text)


def test_qm_compiled_once_and_again_when_the_ts_changes(qapp, i18n_dir):
    from app.gui import i18n

    ts = i18n_dir / "demo_zh_CN.ts"
    ts.write_text(TS.format(text="你好 {name}"), encoding="utf-8")
    first = i18n.compiled_qm(ts)
    assert first.parent == i18n.qm_cache_dir() and first.name.startswith("demo_zh_CN.")
    stamp = first.stat().st_mtime_ns
    assert i18n.compiled_qm(ts) == first and first.stat().st_mtime_ns == stamp     # cached
    i18n.install_language("zh_CN")
    try:
        assert _translate("DemoPage", "Hello {name}") == "你好 {name}"
        ts.write_text(TS.format(text="您好 {name}"), encoding="utf-8")            # a translator edits it
        i18n.install_language("zh_CN")
        assert _translate("DemoPage", "Hello {name}") == "您好 {name}"
        second = i18n.compiled_qm(ts)
        assert second != first and not first.exists()                            # the stale .qm is gone
    finally:
        i18n.install_language("en")


def test_prebuilt_qm_beside_the_ts_is_used(qapp, i18n_dir):
    from app.gui import i18n

    ts = i18n_dir / "demo_zh_CN.ts"
    ts.write_text(TS.format(text="你好 {name}"), encoding="utf-8")
    prebuilt = i18n_dir / i18n.qm_name(ts)
    tool.lrelease(ts, prebuilt)
    assert i18n.compiled_qm(ts) == prebuilt
    assert not list(i18n.qm_cache_dir().glob("demo_zh_CN.*"))


def test_without_lrelease_the_ts_is_read_directly(qapp, i18n_dir, monkeypatch):
    from app.gui import i18n

    def missing(name):
        raise FileNotFoundError(name)

    monkeypatch.setattr(i18n, "qt_tool", missing)
    (i18n_dir / "demo_zh_CN.ts").write_text(TS.format(text="你好 {name}"), encoding="utf-8")
    i18n.install_language("zh_CN")
    try:
        assert [type(t).__name__ for t in i18n._installed] == ["TsTranslator"]
        assert _translate("DemoPage", "Hello {name}") == "你好 {name}"
        assert _translate("Other", "Hello {name}") == "Hello {name}"       # exact context, as a .qm
    finally:
        i18n.install_language("en")


def test_json_leftovers_still_answer_below_the_ts(qapp, i18n_dir):
    from app.gui import i18n

    (i18n_dir / "demo_zh_CN.ts").write_text(TS.format(text="你好 {name}"), encoding="utf-8")
    (i18n_dir / "zh_CN").mkdir()
    (i18n_dir / "zh_CN" / "train.json").write_text(
        json.dumps({"Hello {name}": "JSON 你好 {name}", "Epochs": "轮数"}, ensure_ascii=False), encoding="utf-8")
    i18n.install_language("zh_CN")
    try:
        assert _translate("DemoPage", "Hello {name}") == "你好 {name}"        # the .ts wins
        assert _translate("TrainPage", "Epochs") == "轮数"                     # JSON, any context
        assert _translate("TrainPage", "Nowhere") == "Nowhere"                 # untranslated stays English
    finally:
        i18n.install_language("en")


# -- The update tool -------------------------------------------------------------------------------

def test_update_extracts_fills_from_json_and_is_stable(tmp_path, monkeypatch):
    gui = tmp_path / "app" / "gui"
    (gui / "pages").mkdir(parents=True)
    (gui / "pages" / "demo_page.py").write_text(textwrap.dedent('''
        from PySide6.QtWidgets import QWidget
        from app.gui.i18n import tr

        LABEL = tr("Module {n}")

        class DemoPage(QWidget):
            def build(self):
                return self.tr("Hello {name}").format(name="x"), self.tr("Two "
                                                                         "lines")
    '''), encoding="utf-8")
    (gui / "main_window.py").write_text("def f(self):\n    return self.tr('Quit')\n", encoding="utf-8")
    i18n_dir = tmp_path / "i18n"
    (i18n_dir / "zh_CN").mkdir(parents=True)
    (i18n_dir / "zh_CN" / "demo.json").write_text(json.dumps(
        {"Hello {name}": "你好 {name}", "Module {n}": "模块 {n}", "Two lines": "两行", "Quit": "退出",
         "Not in the code": "无"}, ensure_ascii=False), encoding="utf-8")
    (i18n_dir / "ko_KR").mkdir()
    (i18n_dir / "ko_KR" / "demo.json").write_text(json.dumps({"Quit": "종료"}, ensure_ascii=False),
                                                  encoding="utf-8")
    monkeypatch.setattr(tool, "GUI", gui)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    logs = []
    missing = tool.update(folder=i18n_dir, log=logs.append)

    demo = {(m.context, m.source): m for m in tool.read_ts(i18n_dir / "demo_zh_CN.ts")}
    assert {k: m.translation for k, m in demo.items() if m.translated} == {
        ("DemoPage", "Hello {name}"): "你好 {name}", ("DemoPage", "Two lines"): "两行", ("", "Module {n}"): "模块 {n}"}
    shell = tool.read_ts(i18n_dir / "shell_ko_KR.ts")
    assert [(m.context, m.source, m.translation, m.translated) for m in shell] == [("", "Quit", "종료", True)]
    # Converted entries left the JSON; the one no tr() uses stays; an emptied file is removed.
    assert json.loads((i18n_dir / "zh_CN" / "demo.json").read_text(encoding="utf-8")) == {"Not in the code": "无"}
    assert not (i18n_dir / "ko_KR").exists()
    assert any("ko_KR/demo.json" in line for line in logs)
    # ko_KR's demo strings are reported, with where they are used.
    report = tool.describe(missing)
    assert "i18n/demo_ko_KR.ts (3 untranslated)" in report and "[DemoPage] 'Hello {name}'" in report
    before = {p.name: p.read_bytes() for p in i18n_dir.glob("*.ts")}
    tool.update(folder=i18n_dir, log=logs.append)
    assert {p.name: p.read_bytes() for p in i18n_dir.glob("*.ts")} == before      # nothing churns
    text = (i18n_dir / "demo_zh_CN.ts").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>') and "<location" not in text


def test_committed_ts_files_are_lupdate_layout():
    """Hand edits are fine, but the files stay in lupdate's layout (no locations: no churn)."""
    for path in tool.ts_files():
        text = path.read_text(encoding="utf-8")
        assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>'), path.name
        assert "<location" not in text, f"{path.name}: run python -m tools.i18n update (it drops locations)"


def test_build_compiles_every_ts(tmp_path):
    made = tool.build(tmp_path)
    assert made and {p.name.split(".")[0] for p in made} == {p.stem for p in tool.ts_files()}
    assert all(p.stat().st_size > 100 for p in made)
    shutil.rmtree(tmp_path)

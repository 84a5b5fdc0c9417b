"""Every string the UI passes through tr() has a zh_CN and a ko_KR translation.

Run ``python tests/test_i18n.py`` to print the missing strings as JSON.
"""
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN", "ko_KR")


def ui_strings() -> dict[str, str]:
    """source string -> first file that uses it, for tr("...") and translate(ctx, "...") calls."""
    found = {}
    for path in sorted((ROOT / "app" / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            args = node.args
            if name == "tr" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.setdefault(args[0].value, str(path.relative_to(ROOT)))
            elif name == "translate" and len(args) >= 2 and isinstance(args[1], ast.Constant):
                found.setdefault(args[1].value, str(path.relative_to(ROOT)))
    return found


def catalog(lang: str) -> dict[str, str]:
    merged = {}
    for path in sorted((ROOT / "resources" / "i18n" / lang).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def missing(lang: str) -> dict[str, str]:
    cat = catalog(lang)
    return {s: f for s, f in ui_strings().items() if not cat.get(s)}


def test_ui_has_strings_to_translate():
    assert len(ui_strings()) > 20


def test_every_ui_string_is_translated():
    for lang in LANGUAGES:
        assert missing(lang) == {}, f"untranslated in {lang}"


def test_placeholders_survive_translation():
    import re
    for lang in LANGUAGES:
        for source, text in catalog(lang).items():
            assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), (lang, source)


def test_translator_answers_qt_lookups(qapp):
    from PySide6.QtCore import QCoreApplication
    from app.gui.i18n import install_language
    install_language("zh_CN")
    try:
        assert QCoreApplication.translate("SettingsPage", "Settings") == catalog("zh_CN")["Settings"]
    finally:
        install_language("en")
    assert QCoreApplication.translate("SettingsPage", "Settings") == "Settings"


if __name__ == "__main__":
    print(json.dumps({lang: missing(lang) for lang in LANGUAGES}, ensure_ascii=False, indent=1))
    sys.exit(0)

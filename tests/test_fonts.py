"""Chinese and Korean draw as glyphs, not empty boxes, even where no CJK font is installed:
the bundled font (resources/fonts) is registered at start and found by Qt's font fallback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.gui.fonts import CJK_FONT
from tools import i18n as tool

ROOT = Path(__file__).resolve().parents[1]


def missing_glyphs(text: str, font) -> list[str]:
    """The characters of ``text`` that Qt draws with glyph 0 (the missing-glyph box) in ``font``,
    after its font fallback, as text is laid out in a label."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    flags = QTextLayout.GlyphRunRetrievalFlag.RetrieveAll
    bad = []
    for run in layout.glyphRuns(0, len(text), flags):
        for glyph, index in zip(run.glyphIndexes(), run.stringIndexes()):
            if glyph == 0 and not text[index].isspace():
                bad.append(f"{text[index]!r} (U+{ord(text[index]):04X}) in {run.rawFont().familyName()}")
    return bad


def test_bundled_font_covers_chinese_korean_and_punctuation(qapp):
    from PySide6.QtGui import QRawFont

    raw = QRawFont(str(CJK_FONT), 16)
    assert raw.isValid() and raw.familyName() == "Alpaca Studio CJK"
    ranges = {"CJK Unified Ideographs (to Unicode 10)": (0x4E00, 0x9FEA), "Hangul syllables": (0xAC00, 0xD7A3),
              "CJK punctuation": (0x3001, 0x3011), "full-width forms": (0xFF01, 0xFF5E),
              "Hangul compatibility jamo": (0x3131, 0x318E)}
    for name, (lo, hi) in ranges.items():
        text = "".join(chr(c) for c in range(lo, hi + 1))
        glyphs = raw.glyphIndexesForString(text)
        missing = [f"U+{lo + i:04X}" for i, g in enumerate(glyphs) if g == 0]
        assert not missing, f"{name}: {len(missing)} missing, e.g. {missing[:5]}"


def test_font_is_small_renamed_and_licensed():
    assert CJK_FONT.stat().st_size < 10 * 2**20
    licence = (CJK_FONT.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Reserved Font Name 'Source'" in licence
    assert "Noto Sans CJK SC" in licence            # what it is a subset of


@pytest.fixture(scope="module")
def registered(qapp):
    from app.gui.fonts import install_cjk_font

    family = install_cjk_font(qapp)
    assert family == "Alpaca Studio CJK"
    return family


def _translations(lang: str) -> list[str]:
    return [m.translation for p in tool.ts_files(lang) for m in tool.read_ts(p) if m.translation]


@pytest.mark.parametrize("lang", tool.LANGUAGES)
def test_every_translation_draws_without_boxes(qapp, registered, lang):
    from PySide6.QtGui import QFont

    texts = _translations(lang)
    assert len(texts) > 100
    regular, bold = QFont(qapp.font()), QFont(qapp.font())
    bold.setWeight(QFont.Weight.DemiBold)       # titles and group boxes (style.qss: font-weight 600)
    bad = {t: missing_glyphs(t, f) for t in texts for f in (regular, bold)}
    bad = {t: b for t, b in bad.items() if b}
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)[:3000]


def test_chinese_chat_replies_and_other_fonts_draw_without_boxes(qapp, registered):
    from PySide6.QtGui import QFont

    samples = json.loads((ROOT / "tests" / "data" / "alpaca_zh_sample.json").read_text(encoding="utf-8"))
    replies = [s["output"] for s in samples[:40]] + ["“你好”，《北京》：一、二；……——！？（１２３）", "안녕하세요, 세계! 설정을 저장했습니다."]
    fonts = [QFont(qapp.font()), QFont("monospace", 9), QFont("Serif", 12)]     # the log view uses monospace
    bad = {}
    for text in replies:
        for font in fonts:
            if missing := missing_glyphs(text, font):
                bad.setdefault(text[:30], missing[:5])
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)


def test_the_window_in_chinese_and_korean_draws_without_boxes(qtbot, registered):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from app.gui.application import create_window
    from app.gui.i18n import install_language
    from engine.settings import SettingsStore

    try:
        for lang, sample in (("zh_CN", "设置"), ("ko_KR", "설정")):
            store = SettingsStore()
            store.update(language=lang)
            window = create_window(store)
            qtbot.addWidget(window)
            texts = [(w.text(), w.font()) for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
                     if w.text()]
            assert any(sample in t for t, _ in texts), lang          # the UI really is translated
            bad = {t: m for t, f in texts if (m := missing_glyphs(t, f))}
            assert not bad, (lang, bad)
            window.close()
    finally:
        install_language("en")

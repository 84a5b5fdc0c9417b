"""The bundled CJK font: Chinese and Korean draw on machines without any CJK font.

resources/fonts/AlpacaStudioCJK-Regular.otf is a subset of Noto Sans CJK SC (SIL Open Font
License 1.1, resources/fonts/OFL.txt; built by tools/cjk_font.py): all CJK Unified Ideographs
(U+4E00–U+9FFF), all Hangul syllables, CJK punctuation, kana, full-width forms. It is registered
with the application's font database at start (a few ms), where Qt's font fallback finds it for
characters the chosen font lacks. When the system has no font for Chinese or Korean at all, it
is also named as the fallback family of the application font, so the fallback does not depend
on the platform's font matching; a system that has its own CJK fonts keeps using them.
"""
from __future__ import annotations

import logging

from resources import RESOURCES_DIR

log = logging.getLogger(__name__)
CJK_FONT = RESOURCES_DIR / "fonts" / "AlpacaStudioCJK-Regular.otf"

_family: str | None = None


def install_cjk_font(app) -> str | None:
    """Register the bundled font once; returns its family name (None if it could not be loaded)."""
    global _family
    if _family is not None:
        return _family
    from PySide6.QtGui import QFontDatabase, QFontInfo

    writing_systems = (QFontDatabase.WritingSystem.SimplifiedChinese, QFontDatabase.WritingSystem.Korean)
    system_lacks_cjk = any(not QFontDatabase.families(ws) for ws in writing_systems)
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("The bundled CJK font %s could not be loaded: Chinese and Korean text may show "
                    "empty boxes unless a CJK font is installed", CJK_FONT)
        return None
    _family = families[0]
    if system_lacks_cjk:
        font = app.font()
        primary = QFontInfo(font).family()     # the real family ("Sans Serif" is only an alias)
        if primary != _family:
            font.setFamilies([primary, _family])
            app.setFont(font)
    return _family

"""Qt translations from JSON catalogs in ``resources/i18n/<lang>/*.json``.

Every visible string goes through ``tr()``; this translator answers Qt's
lookups from flat ``{"English source": "translation"}`` catalogs, one file per
page, so a page and its strings are added together.  English is the source
language and needs no catalog.
"""
from __future__ import annotations

import json
import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from resources import RESOURCES_DIR

log = logging.getLogger(__name__)
I18N_DIR = RESOURCES_DIR / "i18n"

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "ko_KR": "한국어"}


def load_catalog(language: str) -> dict[str, str]:
    catalog: dict[str, str] = {}
    folder = I18N_DIR / language
    for path in sorted(folder.glob("*.json")):
        try:
            catalog.update(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            log.warning("Translation file %s is unreadable: %s", path, exc)
    return catalog


class CatalogTranslator(QTranslator):
    def __init__(self, catalog: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt API)
        return self._catalog.get(source_text, "")

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return not self._catalog


_installed: CatalogTranslator | None = None


def install_language(language: str) -> None:
    """Install the catalog for ``language`` on the running QCoreApplication."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language == "en":
        return
    _installed = CatalogTranslator(load_catalog(language), app)
    app.installTranslator(_installed)


def tr(text: str) -> str:
    """Translate outside a QObject (module-level labels, formatters)."""
    return QCoreApplication.translate("AlpacaStudio", text)

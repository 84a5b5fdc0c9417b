"""Starting the desktop app: QApplication, the CJK font, translations, style, the main window."""
from __future__ import annotations

import logging
import sys

from engine.logs import setup_logging
from engine.settings import SettingsStore
from resources import RESOURCES_DIR

log = logging.getLogger(__name__)


def create_window(store: SettingsStore | None = None):
    """Build the window on an existing QApplication (also used by the tests)."""
    from PySide6.QtWidgets import QApplication

    from .context import AppContext
    from .fonts import install_cjk_font
    from .i18n import install_language
    from .main_window import MainWindow

    store = store or SettingsStore()
    install_cjk_font(QApplication.instance())
    install_language(store.settings.language)
    context = AppContext(store)
    return MainWindow(context)


def apply_style(app) -> None:
    qss = RESOURCES_DIR / "style.qss"
    if qss.exists():
        # url(RESOURCES/...) in the sheet points at our resources folder wherever it is installed.
        app.setStyleSheet(qss.read_text(encoding="utf-8").replace("RESOURCES/", RESOURCES_DIR.as_posix() + "/"))


def run_gui(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    setup_logging()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Alpaca Studio")
    app.setOrganizationName("AlpacaStudio")
    app.setStyle("Fusion")
    apply_style(app)
    window = create_window()
    window.show()
    log.info("Alpaca Studio started")
    return app.exec()

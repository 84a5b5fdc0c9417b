"""Screenshots of every page at a laptop size and a desktop size, in one language.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots en      # docs/screenshots/<page>_1024_en.png ...
    QT_QPA_PLATFORM=offscreen python -m tools.screenshots zh_CN

A fresh, empty user folder is used (a temporary ALPACA_STUDIO_HOME), so what is shown is what a
new user sees.  Sizes: 1024×640 for every page, 1920×1080 for the main four.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = {(1024, 640): None, (1920, 1080): ("models", "merge", "quantize", "chat")}


def main(lang: str = "en") -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ALPACA_STUDIO_HOME"] = tempfile.mkdtemp(prefix="alpaca-shots-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.gui.application import apply_style, create_window
    from engine.settings import SettingsStore

    store = SettingsStore()
    store.settings.language = "" if lang == "en" else lang
    apply_style(app)        # the style sheet the app starts with
    window = create_window(store)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "en" if lang == "en" else lang.split("_")[0]
    for (width, height), pages in SIZES.items():
        window.resize(width, height)
        for page_id in window.pages:
            if pages is not None and page_id not in pages:
                continue
            window.show_page(page_id)
            for _ in range(3):
                app.processEvents()
            path = OUT / f"{page_id}_{width}_{suffix}.png"
            window.grab().save(str(path))
            print(path.relative_to(ROOT))
    window.context.jobs.shutdown()
    window.log_view.detach()


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["en"]))

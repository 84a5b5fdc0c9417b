"""Qt translations from Qt Linguist files, ``resources/i18n/<area>_<lang>.ts``.

Every visible string goes through ``tr()``: ``self.tr("...")`` in a QObject subclass (Qt
context = the class name; PySide tries each class of the object's MRO) or this module's
``tr("...")`` elsewhere (the empty context, which is where pyside6-lupdate files a bare
``tr()`` call). English is the source language and needs no file.

Each ``.ts`` is compiled to ``.qm`` with Qt's ``lrelease`` (shipped in PySide6) and loaded into
its own ``QTranslator``. The ``.qm`` is looked up by the ``.ts`` file's content hash, first
beside it (``python -m tools.i18n build``), then in the cache folder, where it is compiled on
first use: an editable install or a fresh checkout needs no build step, and an edited ``.ts``
is never served from a stale ``.qm``. Should lrelease be missing or fail, the ``.ts`` is read
directly, so the app always starts translated. JSON catalogs left over from the old format
(``resources/i18n/<lang>/*.json``) are still read, below the ``.ts`` files. See
resources/i18n/README.md for how strings are added.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from resources import RESOURCES_DIR

log = logging.getLogger(__name__)
I18N_DIR = RESOURCES_DIR / "i18n"

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "ko_KR": "한국어"}
MODULE_CONTEXT = ""                 # lupdate's context for tr("...") outside a class
LEGACY_CONTEXT = "AlpacaStudio"     # QCoreApplication.translate("AlpacaStudio", ...) also answers


def tr(text: str) -> str:
    """Translate outside a QObject (module-level labels, formatters). Use a literal:
    ``tr("Deleted {name}").format(name=name)``."""
    out = QCoreApplication.translate(MODULE_CONTEXT, text)
    if out == text:
        out = QCoreApplication.translate(LEGACY_CONTEXT, text)
    return out


def engine_text(text) -> str:
    """An engine message (``engine.i18n.Msg``) in the UI's language; any other text as is.
    Safe on any thread (QCoreApplication.translate is thread-safe)."""
    from engine.i18n import render
    return render(text, tr)


def ts_files(language: str, folder: Path | None = None) -> list[Path]:
    return sorted((folder or I18N_DIR).glob(f"*_{language}.ts"))


# -- .qm: compiled by lrelease, cached by the .ts content -----------------------------------------

def qt_tool(name: str) -> Path:
    """A Qt tool shipped inside PySide6 (``lrelease``, ``lupdate``)."""
    import shutil

    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.exists():
            return candidate
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return Path(found)
    raise FileNotFoundError(f"Qt's {name} is not in {base}")


def qm_name(ts: Path, data: bytes | None = None) -> str:
    digest = hashlib.sha256(ts.read_bytes() if data is None else data).hexdigest()[:16]
    return f"{ts.stem}.{digest}.qm"


def qm_cache_dir() -> Path:
    from engine import paths

    folder = paths.cache_dir() / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def compiled_qm(ts: Path) -> Path | None:
    """The .qm of ``ts`` as it is now: prebuilt beside it, cached, or compiled into the cache."""
    return compiled_qms([ts])[ts]


def compiled_qms(ts_list: list[Path]) -> dict[Path, Path | None]:
    """``compiled_qm`` for several files, the missing ones compiled in parallel (first start)."""
    result: dict[Path, Path | None] = {}
    running = []
    for ts in ts_list:
        name = qm_name(ts)
        result[ts] = _existing_qm(ts, name)
        if result[ts] is not None:
            continue
        try:
            cache = qm_cache_dir()
            tmp = cache / f"{name}.{os.getpid()}.partial"
            proc = subprocess.Popen([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(tmp)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            running.append((ts, cache / name, tmp, proc))
        except OSError as exc:
            log.warning("Could not compile %s with lrelease (%s); reading it directly", ts.name, exc)
    for ts, out, tmp, proc in running:
        try:
            stdout, stderr = proc.communicate(timeout=60)
            if proc.returncode != 0 or not tmp.exists():
                raise RuntimeError(stderr.strip() or stdout.strip() or f"exit {proc.returncode}")
            os.replace(tmp, out)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            tmp.unlink(missing_ok=True)
            log.warning("Could not compile %s with lrelease (%s); reading it directly", ts.name, exc)
            continue
        for old in out.parent.glob(f"{ts.stem}.*.qm"):       # earlier builds of this file
            if old != out:
                old.unlink(missing_ok=True)
        result[ts] = out
    return result


def _existing_qm(ts: Path, name: str) -> Path | None:
    for folder in (ts.parent, None):
        try:
            candidate = (folder or qm_cache_dir()) / name
        except OSError:
            continue
        if candidate.exists():
            return candidate
    return None


# -- Translators ----------------------------------------------------------------------------------

class TsTranslator(QTranslator):
    """A .ts file read directly (when lrelease is unavailable): exact context and source."""

    def __init__(self, messages: dict[tuple[str, str], str], parent=None) -> None:
        super().__init__(parent)
        self._messages = messages

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt API)
        return self._messages.get((context or "", source_text))    # None: not here, ask the next one

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return not self._messages


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, finished translations only."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            if tr_el is not None and tr_el.text and tr_el.get("type") not in ("unfinished", "vanished", "obsolete"):
                out[(name, msg.findtext("source") or "")] = tr_el.text
    return out


def load_catalog(language: str) -> dict[str, str]:
    """JSON catalogs of the old format still in resources/i18n/<lang>/ (tools.i18n converts them)."""
    catalog: dict[str, str] = {}
    for path in sorted((I18N_DIR / language).glob("*.json")):
        try:
            catalog.update(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            log.warning("Translation file %s is unreadable: %s", path, exc)
    return catalog


class CatalogTranslator(QTranslator):
    """A flat {"English": "translation"} catalog, whatever the context (the old JSON format)."""

    def __init__(self, catalog: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt API)
        return self._catalog.get(source_text) or None     # None: not here, ask the next one

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return not self._catalog


_COMPILE = object()


def load_ts(ts: Path, parent=None, qm=_COMPILE) -> QTranslator | None:
    """A translator for ``ts``: its .qm (``compiled_qm``, unless given; None: there is none)
    loaded by Qt, else the .ts read directly."""
    if qm is _COMPILE:
        qm = compiled_qm(ts)
    if qm is not None:
        translator = QTranslator(parent)
        if translator.load(str(qm)):
            return translator
        log.warning("Qt could not load %s; reading %s directly", qm, ts.name)
    try:
        return TsTranslator(read_ts(ts), parent)
    except (OSError, ET.ParseError) as exc:
        log.warning("Translation file %s is unreadable: %s", ts, exc)
        return None


_installed: list[QTranslator] = []


def install_language(language: str) -> None:
    """Install the translations of ``language`` on the running QCoreApplication."""
    app = QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        return
    # Qt asks the translator installed last first: the JSON leftovers go in first, below the .ts.
    catalog = load_catalog(language)
    translators: list[QTranslator | None] = [CatalogTranslator(catalog, app)] if catalog else []
    translators += [load_ts(ts, app, qm) for ts, qm in compiled_qms(ts_files(language)).items()]
    for translator in translators:
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)

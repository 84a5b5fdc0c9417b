"""Translations: extract tr() strings into Qt Linguist .ts files, one per area and language.

    python -m tools.i18n update [AREA ...]   lupdate per area, fill from JSON leftovers, list what is untranslated
    python -m tools.i18n status [AREA ...]   extract to a scratch folder: counts, untranslated strings (file:line); changes nothing
    python -m tools.i18n build [--out DIR]   lrelease every .ts to .qm (beside it by default)

See resources/i18n/README.md. The area of a source file follows from its path (``area_of``).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.gui.i18n import qt_tool  # noqa: E402

GUI = ROOT / "app" / "gui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "ko_KR")
SHELL = "shell"
PLACEHOLDER = re.compile(r"\{\w*\}")


# -- Areas ----------------------------------------------------------------------------------------

def area_of(path: Path) -> str:
    """pages/<area>_page.py and <area>/ or pages/<area>/ folders are their own area; the rest is 'shell'."""
    parts = Path(path).resolve().relative_to(GUI).parts
    if parts[0] == "pages":
        if len(parts) == 2:
            stem = Path(parts[1]).stem
            return stem[:-len("_page")] if stem.endswith("_page") else SHELL
        return parts[1]
    return parts[0] if len(parts) > 1 else SHELL


ENGINE = "engine"
ENGINE_FOLDERS = ("engine", "training")     # Qt-free code whose user-facing text uses engine.i18n.tr


_IMPORTS_TR = re.compile(r"i18n import (?:[\w ]+, *)*tr\b")   # from ..i18n import tr / Msg, tr


def sources_by_area() -> dict[str, list[Path]]:
    areas: dict[str, list[Path]] = {}
    for path in sorted(GUI.rglob("*.py")):
        if "__pycache__" not in path.parts:
            areas.setdefault(area_of(path), []).append(path)
    # The engine's messages (progress lines, errors) are one area: engine_<lang>.ts.
    for folder in ENGINE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "__pycache__" not in path.parts and _IMPORTS_TR.search(path.read_text(encoding="utf-8")):
                areas.setdefault(ENGINE, []).append(path)
    return areas


def ts_path(area: str, lang: str, folder: Path = I18N) -> Path:
    return folder / f"{area}_{lang}.ts"


def ts_files(lang: str | None = None, folder: Path = I18N) -> list[Path]:
    langs = [lang] if lang else LANGUAGES
    return sorted(p for lg in langs for p in folder.glob(f"*_{lg}.ts"))


def split_ts_name(path: Path) -> tuple[str, str]:
    """'chat_zh_CN.ts' -> ('chat', 'zh_CN')."""
    for lang in LANGUAGES:
        if path.stem.endswith("_" + lang):
            return path.stem[:-len(lang) - 1], lang
    raise ValueError(f"{path.name}: not <area>_<lang>.ts with lang in {LANGUAGES}")


# -- Qt tools -------------------------------------------------------------------------------------

def lupdate(sources: list[Path], ts: Path, lang: str, locations: str = "none") -> None:
    cmd = [str(qt_tool("lupdate")), *map(str, sources), "-ts", str(ts), "-locations", locations,
           "-no-obsolete", "-source-language", "en_US", "-target-language", lang, "-silent"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed for {ts.name}: {done.stderr.strip() or done.stdout.strip()}")


def lrelease(ts: Path, qm: Path) -> None:
    cmd = [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed for {ts.name}: {done.stderr.strip() or done.stdout.strip()}")


# -- Reading .ts files ----------------------------------------------------------------------------

@dataclass
class Message:
    context: str
    source: str
    translation: str
    finished: bool
    locations: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return self.finished and bool(self.translation)


def read_ts(path: Path) -> list[Message]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            locs = [f"{_short(path.parent / loc.get('filename', ''))}:{loc.get('line')}"
                    for loc in msg.iter("location")]
            out.append(Message(name, msg.findtext("source") or "", (tr.text or "") if tr is not None else "",
                               kind not in ("unfinished", "vanished", "obsolete"), locs))
    return out


def json_catalogs(lang: str, folder: Path = I18N) -> dict[Path, dict[str, str]]:
    """Leftover JSON catalogs resources/i18n/<lang>/*.json (the old format)."""
    return {p: json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / lang).glob("*.json"))}


# -- update ---------------------------------------------------------------------------------------

def _memory(lang: str, folder: Path) -> dict[str, str]:
    """source -> translation, from every .ts of ``lang`` (finished ones) and the JSON leftovers."""
    memory = {}
    for path in ts_files(lang, folder):
        for m in read_ts(path):
            if m.translated:
                memory.setdefault(m.source, m.translation)
    for catalog in json_catalogs(lang, folder).values():
        for source, text in catalog.items():
            if text:
                memory.setdefault(source, text)
    return memory


def _fill(path: Path, memory: dict[str, str]) -> int:
    """Fill empty unfinished translations from ``memory``; returns how many were filled."""
    tree = ET.parse(path)
    filled = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished" or tr.text:
            continue
        text = memory.get(msg.findtext("source") or "")
        if text:
            tr.text = text
            del tr.attrib["type"]
            filled += 1
    if filled:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def update(areas: list[str] | None = None, folder: Path = I18N, log=print) -> dict[Path, list[Message]]:
    """Run lupdate for each area and language, fill from other areas and JSON leftovers, convert
    the JSON; returns the untranslated messages per .ts file."""
    by_area = sources_by_area()
    unknown = set(areas or ()) - set(by_area)
    if unknown:
        raise SystemExit(f"No such area: {', '.join(sorted(unknown))} (areas: {', '.join(sorted(by_area))})")
    for lang in LANGUAGES:
        memory = _memory(lang, folder)
        for area in areas or sorted(by_area):
            ts = ts_path(area, lang, folder)
            existed = ts.exists()
            lupdate(by_area[area], ts, lang)
            if not read_ts(ts):
                if not existed:
                    ts.unlink()         # an area without tr() strings gets no file
                continue
            if _fill(ts, memory):
                lupdate(by_area[area], ts, lang)       # back to lupdate's own layout
        _convert_json(lang, folder, log)
    return untranslated(areas, folder)


def _convert_json(lang: str, folder: Path, log) -> None:
    """Entries now translated in a .ts leave their JSON file; an emptied file is deleted."""
    placed = {m.source for p in ts_files(lang, folder) for m in read_ts(p) if m.translated}
    for path, catalog in json_catalogs(lang, folder).items():
        left = {s: t for s, t in catalog.items() if s not in placed}
        rel = path.relative_to(folder)
        if not left:
            path.unlink()
            log(f"converted and removed {rel}")
        elif len(left) < len(catalog):
            path.write_text(json.dumps(left, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            log(f"converted {len(catalog) - len(left)} strings of {rel}; {len(left)} kept (no tr() call uses them)")
    lang_dir = folder / lang
    if lang_dir.is_dir() and not any(lang_dir.iterdir()):
        lang_dir.rmdir()


def untranslated(areas: list[str] | None = None, folder: Path = I18N) -> dict[Path, list[Message]]:
    out = {}
    for path in ts_files(folder=folder):
        if areas and split_ts_name(path)[0] not in areas:
            continue
        missing = [m for m in read_ts(path) if not m.translated]
        if missing:
            out[path] = missing
    return out


# -- checks used by the tests ---------------------------------------------------------------------

def extract(folder: Path) -> dict[Path, list[Message]]:
    """What lupdate extracts from the current sources, as fresh .ts files (with file:line locations)
    in ``folder``, merged with the committed translations; keyed by the committed file's path."""
    out = {}
    for area, sources in sources_by_area().items():
        for lang in LANGUAGES:
            committed = ts_path(area, lang)
            fresh = ts_path(area, lang, folder)
            if committed.exists():
                fresh.write_bytes(committed.read_bytes())
            lupdate(sources, fresh, lang, locations="absolute")
            messages = read_ts(fresh)
            if messages:
                out[committed] = messages
    return out


def placeholder_problems(messages: list[Message]) -> list[str]:
    return [f"[{m.context}] {m.source!r} -> {m.translation!r}" for m in messages
            if m.translation and sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation))]


def describe(missing: dict[Path, list[Message]]) -> str:
    """A readable list: file, then one line per string with where it is used."""
    lines = []
    for path, messages in missing.items():
        lines.append(f"{_short(path)} ({len(messages)} untranslated):")
        for m in messages:
            where = ", ".join(m.locations[:2])
            lines.append(f"    [{m.context or '-'}] {m.source!r}" + (f"  ({where})" if where else ""))
    return "\n".join(lines)


def _short(path: Path) -> str:
    """A source path as the reader knows it: relative to the repository."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


# -- build ----------------------------------------------------------------------------------------

def build(out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts to ``<area>_<lang>.<hash>.qm``, named by the .ts content as the app looks
    for it (app/gui/i18n.py), beside the .ts unless ``out_dir`` is given; older builds go."""
    from app.gui.i18n import qm_name

    made = []
    for ts in ts_files():
        folder = out_dir or ts.parent
        folder.mkdir(parents=True, exist_ok=True)
        qm = folder / qm_name(ts)
        lrelease(ts, qm)
        for old in folder.glob(f"{ts.stem}.*.qm"):
            if old != qm:
                old.unlink()
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("update", "status"):
        p = sub.add_parser(name)
        p.add_argument("areas", nargs="*", help=f"areas (default: all of {', '.join(sorted(sources_by_area()))})")
    b = sub.add_parser("build")
    b.add_argument("--out", type=Path, default=None, help="folder for the .qm files (default: beside each .ts)")
    args = parser.parse_args(argv)

    if args.command == "build":
        for qm in build(args.out):
            print(qm)
        return 0
    if args.command == "update":
        update(args.areas or None)
    # What the sources hold now (lupdate into a scratch folder), against the .ts files.
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        current = extract(Path(scratch))
    current = {p: ms for p, ms in current.items() if not args.areas or split_ts_name(p)[0] in args.areas}
    missing = {p: [m for m in ms if not m.translated] for p, ms in current.items()}
    missing = {p: ms for p, ms in missing.items() if ms}
    for path, messages in sorted(current.items()):
        state = "up to date" if _same(path, messages) else "NOT up to date with the sources: run update"
        print(f"{_short(path)}: {len(messages)} strings, {len(messages) - len(missing.get(path, []))} "
              f"translated ({state})")
    if missing:
        print("\nUntranslated (translate them in the .ts files or Qt Linguist, see resources/i18n/README.md):")
        print(describe(missing))
        return 1 if args.command == "status" else 0
    return 0


def _same(path: Path, messages: list[Message]) -> bool:
    """The committed file holds exactly the strings the sources have."""
    if not path.exists():
        return False
    return {(m.context, m.source) for m in read_ts(path)} == {(m.context, m.source) for m in messages}

if __name__ == "__main__":
    sys.exit(main())

"""Build the bundled CJK fallback font, resources/fonts/AlpacaStudioCJK-Regular.otf.

The app draws Chinese and Korean (its zh_CN/ko_KR UI and Chinese chat replies) on machines
without any CJK font, so it ships a subset of Noto Sans CJK SC Regular (SIL Open Font License
1.1, resources/fonts/OFL.txt) covering:

- the whole CJK Unified Ideographs block, U+4E00–U+9FFF (20,992 ideographs: all of GB2312,
  GBK, Big5 and the KS X 1001 hanja), and any ideograph the translations use outside it;
- all 11,172 Hangul syllables and the compatibility jamo;
- CJK punctuation and symbols, kana, bopomofo, full-width forms, general punctuation, ASCII.

Under the OFL a subset is a Modified Version: it is renamed ("Alpaca Studio CJK"; "Source" is a
Reserved Font Name and "Noto" a trademark) and keeps the copyright and licence.

Run it only to change the character set (it needs fontTools, ``pip install fonttools``, and
the Noto CJK collection, e.g. from Debian's fonts-noto-cjk package):

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    python -m tools.cjk_font noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts" / "AlpacaStudioCJK-Regular.otf"
FAMILY = "Alpaca Studio CJK"
SC_INDEX = 2          # NotoSansCJK-Regular.ttc: JP, KR, SC, TC, HK, then the Mono faces

RANGES = [
    (0x0020, 0x007E),   # ASCII
    (0x00A0, 0x00FF),   # Latin-1 punctuation and signs
    (0x2000, 0x206F),   # general punctuation: “” ‘’ … — ‰ ※
    (0x2100, 0x218F),   # letterlike symbols, number forms (Ⅰ Ⅱ ℃ №)
    (0x2190, 0x21FF),   # arrows
    (0x2460, 0x24FF),   # enclosed alphanumerics ①
    (0x2500, 0x257F),   # box drawing
    (0x25A0, 0x25FF),   # geometric shapes ■ ● ▲
    (0x2600, 0x26FF),   # miscellaneous symbols ★ ☆
    (0x3000, 0x303F),   # CJK symbols and punctuation: 、。「」《》
    (0x3040, 0x30FF),   # hiragana, katakana (・ ー)
    (0x3100, 0x312F),   # bopomofo
    (0x3130, 0x318F),   # Hangul compatibility jamo
    (0x3200, 0x32FF),   # enclosed CJK letters
    (0xAC00, 0xD7A3),   # Hangul syllables
    (0xFE30, 0xFE4F),   # CJK compatibility forms
    (0xFF00, 0xFFEF),   # half-width and full-width forms: ，！？（）
]


def ideographs() -> set[int]:
    """The CJK Unified Ideographs block (U+4E00–U+9FFF, 20,992: every character of GB2312, GBK,
    Big5 and KS X 1001 hanja is in it) plus any ideograph the translations use outside it."""
    return set(range(0x4E00, 0xA000)) | translation_chars()


def translation_chars() -> set[int]:
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "resources" / "i18n").rglob("*.ts"))
    text += "".join(p.read_text(encoding="utf-8") for p in (ROOT / "resources" / "i18n").rglob("*.json"))
    return {ord(c) for c in text if re.match(r"[\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]", c)}


def codepoints() -> set[int]:
    cps = set()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    return cps | ideographs()


def build(ttc: Path, out: Path = OUT) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(ttc), fontNumber=SC_INDEX, lazy=False)
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern", "liga", "palt", "halt"]    # horizontal text only
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints()))
    sub.subset(font)
    _rename(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out


def _rename(font) -> None:
    name = font["name"]
    postscript = FAMILY.replace(" ", "") + "-Regular"
    version = name.getDebugName(5) or ""
    values = {1: FAMILY, 2: "Regular", 3: f"{postscript};{version}", 4: f"{FAMILY} Regular", 6: postscript,
              5: f"{version}; subset of Noto Sans CJK SC by Alpaca Studio (tools/cjk_font.py)"}
    name.names = [r for r in name.names if r.nameID not in values and r.nameID not in (16, 17)]
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = f"{FAMILY} Regular", FAMILY
        if hasattr(top, "Notice"):
            del top.Notice


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ttc", type=Path, help="NotoSansCJK-Regular.ttc (Debian fonts-noto-cjk)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    path = build(args.ttc, args.out)
    print(f"{path}: {path.stat().st_size / 2**20:.1f} MiB, {len(codepoints())} code points")
    return 0


if __name__ == "__main__":
    sys.exit(main())

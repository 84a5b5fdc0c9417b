"""C-Eval data in the official layout of ``ceval-exam.zip``::

    DATA/dev/<subject>_dev.csv     id,question,A,B,C,D,answer,explanation   (5 per subject, for few-shot)
    DATA/val/<subject>_val.csv     id,question,A,B,C,D,answer[,explanation]
    DATA/test/<subject>_test.csv   id,question,A,B,C,D                      (no answers: submit them)

Upstream reads each file with ``pandas.read_csv`` and formats cells with ``f"{value}"``,
so the prompt text depends on how pandas infers column types.  ``read_csv`` below
reproduces those rules without pandas (a documented quirk, kept on purpose so the
prompts are byte-equal to upstream's):

- a cell that pandas reads as missing (empty, ``NA``, ``N/A``, ``NULL``, ``None``, ``nan`` ...)
  becomes the text ``nan``;
- a column whose every cell is an integer is printed as integers;
- a column whose every cell is a number (or missing) becomes float64: ``3`` prints as ``3.0``,
  ``0.50`` as ``0.5``;
- a column of only ``True``/``False`` (any case) prints ``True``/``False``;
- any other column keeps every cell's text as written.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import UserError
from ..i18n import tr

SPLITS = ("dev", "val", "test")
CHOICES = ("A", "B", "C", "D")
REQUIRED = ("id", "question", "A", "B", "C", "D")

# pandas' default na_values (pandas/_libs/parsers.pyx STR_NA_VALUES).
NA_VALUES = frozenset(["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
                       "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"])
_INT = re.compile(r"^\s*[+-]?\d+\s*$")
_FLOAT = re.compile(r"^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity)\s*$", re.I)
_BOOLS = {"true": "True", "false": "False"}


@dataclass
class Question:
    id: str                         # the id column as text ("0", "1", ...): the key of predictions/submission
    question: str
    options: dict                   # "A".."D" -> text as upstream's f-string renders it
    answer: Optional[str] = None    # "A".."D"; None on the test split
    explanation: Optional[str] = None
    row: dict = field(default_factory=dict, repr=False)


def split_file(data_dir: Path, subject: str, split: str) -> Path:
    return Path(data_dir) / split / f"{subject}_{split}.csv"


def _column_renderer(values: list[str]):
    present = [v for v in values if v not in NA_VALUES]
    has_na = len(present) != len(values)
    if present and not has_na and all(_INT.match(v) for v in present):
        return lambda v: str(int(v))
    if present and all(_INT.match(v) or _FLOAT.match(v) for v in present):
        def as_float(v: str) -> str:
            if v in NA_VALUES:
                return "nan"
            x = float(v)
            return repr(x) if not math.isinf(x) else ("inf" if x > 0 else "-inf")
        return as_float
    if present and not has_na and all(v.lower() in _BOOLS for v in present):
        return lambda v: _BOOLS[v.lower()]
    return lambda v: "nan" if v in NA_VALUES else v


def read_csv(path: Path) -> list[dict]:
    """Rows of ``path`` as dicts of the text upstream's pandas-based code would produce."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = [r for r in csv.reader(f) if r]
    except FileNotFoundError:
        raise UserError(tr("C-Eval file not found: {path}.", path=path),
                        tr("Point --data at the unzipped ceval-exam folder (it holds dev/, val/ and test/).")) from None
    except UnicodeDecodeError:
        raise UserError(tr("{path} is not UTF-8 text.", path=path), tr("Use the CSV files from the official ceval-exam.zip.")) from None
    except csv.Error as exc:
        raise UserError(tr("{path} is not a readable CSV file: {error}.", path=path, error=str(exc)),
                        tr("Use the CSV files from the official ceval-exam.zip.")) from None
    if not rows:
        raise UserError(tr("{path} is empty.", path=path), tr("Use the CSV files from the official ceval-exam.zip."))
    header, body = rows[0], rows[1:]
    for n, r in enumerate(body, start=2):
        if len(r) != len(header):
            raise UserError(tr("{path}, row {n}: {fields} fields where the header has {header}.",
                               path=path, n=n, fields=len(r), header=len(header)),
                            tr("The file is damaged; unzip ceval-exam.zip again."))
    render = [_column_renderer([r[i] for r in body]) for i in range(len(header))]
    return [{h: render[i](r[i]) for i, h in enumerate(header)} for r in body]


def read_split(data_dir: Path, subject: str, split: str) -> list[Question]:
    """The questions of one subject and split, in file order."""
    path = split_file(data_dir, subject, split)
    rows = read_csv(path)
    columns = set(rows[0]) if rows else set()
    missing = [c for c in REQUIRED if c not in columns]
    if split != "test" and "answer" not in columns:
        missing.append("answer")
    if missing:
        raise UserError(tr("{path}: missing column(s) {columns}.", path=path, columns=", ".join(missing)),
                        tr("C-Eval files have the columns id,question,A,B,C,D,answer (no answer in test/)."))
    out = []
    for n, r in enumerate(rows, start=2):
        answer = r.get("answer")
        if split != "test" and answer not in CHOICES:
            raise UserError(tr("{path}, row {n}: answer {answer} is not one of A, B, C, D.",
                               path=path, n=n, answer=repr(answer)),
                            tr("Fix the row, or unzip ceval-exam.zip again."))
        out.append(Question(id=r["id"], question=r["question"], options={c: r[c] for c in CHOICES},
                            answer=answer if split != "test" else None,
                            explanation=r.get("explanation"), row=r))
    return out


def check_data_dir(data_dir, split: str, subjects: list[str], *, need_dev: bool) -> Path:
    """Cheap checks before a run: the folder, the split folder, every file needed."""
    if split not in ("val", "test", "dev"):
        raise UserError(tr("Unknown split {split}.", split=repr(split)),
                        tr("Use val (with answers, scored) or test (for submission)."))
    data_dir = Path(data_dir).expanduser()
    if not data_dir.is_dir():
        raise UserError(tr("C-Eval data folder not found: {path}.", path=data_dir),
                        tr("Download ceval-exam.zip (Hugging Face / hf-mirror / ModelScope: ceval/ceval-exam), "
                           "unzip it, and pass the folder that holds dev/, val/ and test/."))
    inner = [p for p in data_dir.iterdir() if p.is_dir() and (p / split).is_dir()]
    if not (data_dir / split).is_dir() and len(inner) == 1:
        data_dir = inner[0]           # the zip unpacked into one more folder
    if not (data_dir / split).is_dir():
        raise UserError(tr("{path} has no {split}/ folder.", path=data_dir, split=split),
                        tr("Pass the unzipped ceval-exam folder: it holds dev/, val/ and test/."))
    needed = [(s, split) for s in subjects] + ([(s, "dev") for s in subjects] if need_dev else [])
    missing = [split_file(data_dir, s, sp) for s, sp in needed if not split_file(data_dir, s, sp).is_file()]
    if missing:
        message = tr("C-Eval file not found: {path} (and {n} more).", path=missing[0], n=len(missing) - 1) \
            if len(missing) > 1 else tr("C-Eval file not found: {path}.", path=missing[0])
        raise UserError(message, tr("Unzip the complete ceval-exam.zip there, or choose fewer subjects."))
    return data_dir


def subjects_in(data_dir, split: str = "val") -> list[str]:
    """Subject keys that have a ``<split>/<subject>_<split>.csv`` file (upstream lists data/val)."""
    folder = Path(data_dir) / split
    suffix = f"_{split}.csv"
    return sorted(p.name[: -len(suffix)] for p in folder.glob(f"*{suffix}")) if folder.is_dir() else []

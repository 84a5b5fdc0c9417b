"""The files of a C-Eval run and the table that compares runs.

``summary.json`` has upstream's shape (``eval.py``): one entry per subject
``{"score": percent, "num": n, "correct": c}``, then ``"grouped"`` with the four groups
``{"correct": c, "num": n, "score": fraction}`` and ``"All"`` ``{"score": fraction, "num", "correct"}``
(upstream mixes percent per subject with fractions for groups and All; kept).  Differences,
on purpose: ``correct`` per subject is the exact count (upstream recomputes it as
``score*num/100``, a float such as 11.999999999999998); only the subjects of the run are
counted (upstream needs all 52, or it fails); a group without subjects has ``score`` null;
on the test split (no answers) ``score`` and ``correct`` are null (upstream scores against ``'NA'``: 0).

``predictions.json``: ``{subject: {id: "A", ...}}`` for every question of the split.
``submission.json`` (test split): the same, the official C-Eval submission format.
``run.json``: settings, model, timings; what the Evaluate page lists as a past run.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..atomic import atomic_write_text
from .subjects import GROUPS, subject_table

SUMMARY = "summary.json"
PREDICTIONS = "predictions.json"
SUBMISSION = "submission.json"
RUN = "run.json"


def build_summary(counts: dict[str, tuple[Optional[int], int]]) -> dict:
    """``counts``: subject -> (correct or None on test, number of questions), in run order."""
    table = subject_table()
    summary: dict = {}
    for subject, (correct, num) in counts.items():
        score = None if correct is None or not num else 100 * correct / num
        summary[subject] = {"score": score, "num": num, "correct": correct}
    scored = all(c is not None for c, _ in counts.values())
    grouped = {g: {"correct": 0.0 if scored else None, "num": 0} for g in GROUPS}
    for subject, (correct, num) in counts.items():
        g = grouped[table[subject].group]
        g["num"] += num
        if scored:
            g["correct"] += correct
    total_num, total_correct = 0, 0.0
    for info in grouped.values():
        info["score"] = info["correct"] / info["num"] if scored and info["num"] else None
        total_num += info["num"]
        if scored:
            total_correct += info["correct"]
    summary["grouped"] = grouped
    summary["All"] = {"score": total_correct / total_num if scored and total_num else None,
                      "num": total_num, "correct": total_correct if scored else None}
    return summary


def write_subject_csv(path: Path, questions, answered: dict, split: str) -> None:
    """Upstream's ``--do_save_csv``: the split's rows plus ``model_output`` (the reply in free-text
    mode; the letter with constrained decoding, where upstream wrote the decoded top token) and
    ``correctness`` (1/0; empty on the test split)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    columns = list(questions[0].row) if questions else []
    w.writerow(columns + ["model_output", "correctness"])
    for q in questions:
        got = answered.get(q.id, {})
        pred = got.get("pred", "")
        correct = "" if split == "test" else int(pred == q.answer)
        w.writerow([q.row[c] for c in columns] + [got.get("response", pred), correct])
    atomic_write_text(path, buf.getvalue())


def write_json(path: Path, data, indent: int = 2) -> None:
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


def read_json(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass
class RunRecord:
    """A finished (or stopped) run folder as the comparison sees it."""

    path: Path
    run: dict
    summary: Optional[dict]

    @property
    def label(self) -> str:
        return self.run.get("label") or self.path.name

    @property
    def complete(self) -> bool:
        return bool(self.run.get("complete")) and self.summary is not None

    def score(self, row: str) -> Optional[float]:
        """Percent for a subject key, a group name or ``All``; None when not in this run."""
        if not self.summary:
            return None
        if row == "All":
            v = self.summary.get("All", {}).get("score")
        elif row in GROUPS:
            v = self.summary.get("grouped", {}).get(row, {}).get("score")
        else:
            v = self.summary.get(row, {}).get("score")
            return v
        return None if v is None else 100 * v


def load_run(folder) -> Optional[RunRecord]:
    folder = Path(folder)
    try:
        run = read_json(folder / RUN)
    except (OSError, ValueError):
        return None
    summary = None
    try:
        summary = read_json(folder / SUMMARY)
    except (OSError, ValueError):
        pass
    return RunRecord(folder, run, summary)


def list_runs(root) -> list[RunRecord]:
    """Run folders directly under ``root`` (those with a run.json), newest first."""
    root = Path(root)
    if not root.is_dir():
        return []
    runs = [r for r in (load_run(p) for p in root.iterdir() if p.is_dir()) if r is not None]

    def written(r: RunRecord) -> int:
        try:
            return (r.path / RUN).stat().st_mtime_ns
        except OSError:
            return 0
    return sorted(runs, key=written, reverse=True)


def comparison_rows(runs: list[RunRecord], published: list[tuple[str, float]] = (), *,
                    subjects: bool = True) -> tuple[list[str], list[list]]:
    """(header, rows): All, the four groups, then subjects, one column per run and per published
    figure (published figures exist for All only).  Cells are percent floats or None."""
    table = subject_table()
    header = ["row"] + [r.label for r in runs] + [name for name, _ in published]
    keys = ["All", *GROUPS]
    if subjects:
        seen = {k for r in runs if r.summary for k in r.summary if k in table}
        keys += [k for k in table if k in seen]
    rows = []
    for key in keys:
        row = [key] + [r.score(key) for r in runs]
        row += [value if key == "All" else None for _, value in published]
        rows.append(row)
    return header, rows


def rows_to_csv(header: list[str], rows: list[list], *, names: Optional[dict] = None) -> str:
    """CSV text (percent with one decimal; empty where a run has no figure); ``names`` relabels rows."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([(names or {}).get(row[0], row[0])] + ["" if v is None else f"{v:.1f}" for v in row[1:]])
    return buf.getvalue()


def export_csv(path, header: list[str], rows: list[list], *, names: Optional[dict] = None) -> Path:
    """Write the comparison as UTF-8 CSV with a BOM (so spreadsheet programs read the Chinese names)."""
    path = Path(path)
    atomic_write_text(path, "\ufeff" + rows_to_csv(header, rows, names=names))
    return path

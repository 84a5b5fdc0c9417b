"""The C-Eval subject table (resources/ceval_subjects.json): 52 subjects with English and
Chinese names and one of four groups, as upstream's ``subject_mapping.json``; upstream's
published C-Eval scores; where the data is published."""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache

from resources import RESOURCES_DIR

from ..errors import UserError
from ..i18n import tr

TABLE_FILE = RESOURCES_DIR / "ceval_subjects.json"
GROUPS = ("STEM", "Social Science", "Humanities", "Other")


@dataclass(frozen=True)
class Subject:
    key: str            # the file-name key, e.g. computer_network
    name: str           # English name
    name_zh: str        # Chinese name
    group: str          # one of GROUPS


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(TABLE_FILE.read_text(encoding="utf-8"))


def subject_table() -> dict[str, Subject]:
    """key -> Subject, in upstream's order (STEM first, then Social Science, Humanities, Other)."""
    return {k: Subject(k, v[0], v[1], v[2]) for k, v in _table()["subjects"].items()}


def published_scores() -> list[dict]:
    """Upstream's published C-Eval figures: ``[{id, name, val: {"0": %, "5": %}, test: {...}}]``."""
    return list(_table()["published"]["models"])


def data_info() -> dict:
    """Where ``ceval-exam.zip`` is published: repo, pages and direct URLs per download source."""
    return dict(_table()["data"])


def resolve_subjects(names) -> list[str]:
    """Subject keys from a comma-separated string or a list of keys, group names or ``all``.

    Order follows the table, duplicates are dropped; an unknown name is a UserError that
    suggests the closest key."""
    table = subject_table()
    if names is None or names == "" or names == []:
        return list(table)
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    wanted: set[str] = set()
    groups = {g.lower(): g for g in GROUPS}
    for name in names:
        low = name.lower().replace("-", "_")
        if low == "all":
            wanted.update(table)
        elif name.lower() in groups:
            wanted.update(k for k, s in table.items() if s.group == groups[name.lower()])
        elif low in table:
            wanted.add(low)
        else:
            close = difflib.get_close_matches(low, list(table), n=1)
            hint = tr("Did you mean {name}?", name=close[0]) if close else \
                tr("Use subject keys such as computer_network, a group (STEM, 'Social Science', Humanities, Other) or all.")
            raise UserError(tr("Unknown C-Eval subject {name}.", name=repr(name)), hint)
    return [k for k in table if k in wanted]

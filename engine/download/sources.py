"""The download sources: one table (id, host, label, URL shape), used by settings, the CLI,
the library and the pages."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ..errors import UserError
from ..i18n import tr


@dataclass(frozen=True)
class Source:
    id: str
    host: str                 # scheme and host
    label: str                # English; the pages show their own translated label for the id
    prefix: str = ""          # path before the repository id
    default_revision: str = "main"


SOURCES: tuple[Source, ...] = (
    Source("hf", "https://huggingface.co", "Hugging Face"),
    Source("hf-mirror", "https://hf-mirror.com", "hf-mirror (mainland China)"),
    Source("modelscope", "https://modelscope.cn", "ModelScope", prefix="models/", default_revision="master"),
)
SOURCE_IDS: tuple[str, ...] = tuple(s.id for s in SOURCES)
SOURCE_HOSTS: dict[str, str] = {s.id: s.host for s in SOURCES}
_BY_ID = {s.id: s for s in SOURCES}


def check_source(source: str) -> Source:
    """The source called ``source``, or a UserError naming the valid ones."""
    found = _BY_ID.get(source)
    if found is None:
        raise UserError(tr("Unknown download source {source}.", source=f"{source!r}"), tr("Use one of: {value}.", value=', '.join(SOURCE_IDS)))
    return found


def repo_file_url(source: str, repo: str, filename: str, *, endpoint: str | None = None,
                  revision: str = "main") -> str:
    """The URL of ``filename`` in ``repo`` on a download source.

    Hugging Face and hf-mirror share ``/{repo}/resolve/{revision}/{file}``;
    ModelScope serves ``/models/{repo}/resolve/{revision}/{file}`` with ``master``
    as its default branch.  ``endpoint`` replaces scheme and host (a private
    mirror, or a local test server).
    """
    src = check_source(source)
    if not repo or repo.count("/") != 1:
        raise UserError(tr("{repo} is not a repository id.", repo=f"{repo!r}"), tr("Use the form owner/name, e.g. hfl/chinese-alpaca-lora-7b."))
    base = (endpoint or src.host).rstrip("/")
    path = quote(filename.lstrip("/"))
    rev = src.default_revision if revision == "main" else revision
    return f"{base}/{src.prefix}{repo}/resolve/{quote(rev, safe='')}/{path}"

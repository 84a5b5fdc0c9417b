"""Getting the C-Eval data: ``ceval-exam.zip`` (dataset ``ceval/ceval-exam``) from Hugging Face or
hf-mirror with the project's resumable downloader, unpacked into ``<models>/datasets/ceval-exam``
(``dev/``, ``val/``, ``test/``).  ModelScope publishes it too (``modelscope/ceval-exam``): its page is
listed for a manual download."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Optional

from ..atomic import atomic_dir
from ..download import Downloader, DownloadSpec
from ..errors import UserError
from ..i18n import tr
from ..jobs import CancelToken, NullReporter, ProgressReporter
from .subjects import data_info

FOLDER = "ceval-exam"


def download_sources() -> list[str]:
    """The download sources the app can fetch ceval-exam.zip from (the data table's URLs)."""
    return list(data_info()["urls"])


def source_for(setting: str) -> str:
    """The Settings download source if it serves the data, else the first one (Hugging Face)."""
    sources = download_sources()
    return setting if setting in sources else sources[0]


def download_url(source: str) -> str:
    urls = data_info()["urls"]
    if source not in urls:
        pages = data_info()["pages"]
        first = download_sources()[0]
        raise UserError(tr("ceval-exam.zip cannot be downloaded from {source} by the app.", source=repr(source)),
                        tr("Use {sources}, or download it from {page} and unzip it.",
                           sources=" or ".join(urls), page=pages.get(source, pages[first])))
    return urls[source]


def is_data_dir(folder) -> bool:
    folder = Path(folder)
    return all((folder / s).is_dir() for s in ("dev", "val"))


def unpack(zip_path, dest) -> Path:
    """Unzip ``ceval-exam.zip`` into ``dest`` (atomically: all or nothing); returns ``dest``."""
    zip_path, dest = Path(zip_path), Path(dest)
    try:
        with zipfile.ZipFile(zip_path) as z, atomic_dir(dest, overwrite=True) as tmp:
            for member in z.infolist():
                name = Path(member.filename)
                if name.is_absolute() or ".." in name.parts:
                    raise UserError(tr("{name} holds an unsafe path {path}.", name=zip_path.name, path=repr(member.filename)),
                                    tr("Download the official ceval-exam.zip again."))
            z.extractall(tmp)
            inner = [p for p in tmp.iterdir() if p.is_dir() and is_data_dir(p)]
            if not is_data_dir(tmp) and len(inner) == 1:
                for child in inner[0].iterdir():
                    child.rename(tmp / child.name)
                inner[0].rmdir()
            if not is_data_dir(tmp):
                raise UserError(tr("{name} has no dev/ and val/ folders.", name=zip_path.name),
                                tr("Download the official ceval-exam.zip (dataset ceval/ceval-exam)."))
    except zipfile.BadZipFile:
        raise UserError(tr("{path} is not a complete zip file.", path=zip_path), tr("Download ceval-exam.zip again.")) from None
    return dest


def download_ceval(dest_root, source: str = "hf", *, proxy: str = "", progress: Optional[ProgressReporter] = None,
                   cancel: Optional[CancelToken] = None, url: Optional[str] = None) -> Path:
    """Download ceval-exam.zip into ``dest_root`` and unpack it to ``dest_root/ceval-exam``."""
    progress = progress or NullReporter()
    dest_root = Path(dest_root)
    zip_path = dest_root / data_info()["file"]
    Downloader(proxy=proxy).download(DownloadSpec(url or download_url(source), zip_path),
                                     progress=progress, cancel=cancel or CancelToken())
    progress.update(status=tr("Unpacking ceval-exam.zip"), force=True)
    return unpack(zip_path, dest_root / FOLDER)

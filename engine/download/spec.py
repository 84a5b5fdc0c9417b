"""What to download: a URL, the final path, and the published hash and size when known."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from ..errors import UserError
from ..i18n import tr


@dataclass
class DownloadSpec:
    url: str
    dest: Path                    # final file path
    sha256: str | None = None     # published hash, verified while streaming
    size: int | None = None       # exact expected size, if known (checked against the server)

    def __post_init__(self) -> None:
        self.dest = Path(self.dest)
        if self.sha256:
            self.sha256 = self.sha256.strip().lower()
            if len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256):
                raise UserError(tr("{sha256} is not a SHA256 hash.", sha256=f"{self.sha256!r}"),
                                tr("A SHA256 is 64 hexadecimal characters; copy it again from the publisher."))
        scheme = urlsplit(self.url).scheme
        if scheme not in ("http", "https"):
            raise UserError(tr("Cannot download {url}: only http:// and https:// addresses work.", url=f"{self.url!r}"),
                            tr("Copy the full address, starting with https://."))


class ChecksumMismatch(UserError):
    """The downloaded bytes do not hash to the published SHA256."""

    def __init__(self, path: Path, expected: str, actual: str, kept: Optional[Path] = None) -> None:
        self.path, self.expected, self.actual, self.kept = Path(path), expected, actual, kept
        kept_note = f" The bad copy was kept as {kept.name}." if kept else ""
        super().__init__(
            f"SHA256 mismatch for {self.path.name}: expected {expected}, got {actual}.",
            "The download was damaged or the source serves a different file. Download it again "
            f"(perhaps from another source); nothing was saved under {self.path.name}.{kept_note}")

"""Resumable, verified HTTP downloads: one engine for the GUI, the CLI and the tests.

A file is fetched into ``<dest>.part`` next to a small sidecar ``<dest>.part.json``
recording the URL, the size and the server's validators (ETag / Last-Modified).
A later run (also after the app was killed) resumes with ``Range`` + ``If-Range``;
a server that answers 200 instead of 206, or a sidecar for another URL, size or
validator, restarts from zero, so a resume never stitches two different files.

SHA256 is computed while the bytes stream in (on resume the bytes already in the
``.part`` are hashed first), so a 13 GB file is never read twice.  Only a whole
and verified file is renamed to its final name; a mismatch keeps the bad bytes
as ``<dest>.corrupt`` and raises :class:`ChecksumMismatch`.

Cancel keeps the ``.part`` (that is "pause"; the next download resumes);
``discard_partial=True`` or :func:`remove_partial` throws it away ("cancel").

The package, by concern:

- ``sources``: the download sources (one table) and repository-file URLs;
- ``spec``: what to fetch (``DownloadSpec``) and the checksum error;
- ``resume``: the resume protocol on disk (``.part`` + ``.part.json`` sidecar, Content-Range);
- ``stream``: moving body bytes from the socket to disk and SHA256 (buffer ring, threads);
- ``transfer``: one file over HTTP: requests, validation of each answer, retries, the rename;
- ``batch``: ``Downloader``, several files at once with one progress.
"""
from .resume import (CORRUPT_SUFFIX, PART_SUFFIX, SIDECAR_SUFFIX, part_path, partial_bytes,
                     remove_partial, sidecar_path)
from .sources import SOURCE_HOSTS, SOURCE_IDS, SOURCES, Source, check_source, repo_file_url
from .spec import ChecksumMismatch, DownloadSpec

__all__ = [
    "CORRUPT_SUFFIX", "ChecksumMismatch", "DownloadSpec", "Downloader", "PART_SUFFIX", "SIDECAR_SUFFIX",
    "SOURCES", "SOURCE_HOSTS", "SOURCE_IDS", "Source", "check_source", "part_path", "partial_bytes",
    "remove_partial", "repo_file_url", "sidecar_path",
]


def __getattr__(name: str):
    # The transfer machinery (threads, sockets, futures) loads on first use: settings and pages import
    # the source table at start-up and should not pay for it.
    if name == "Downloader":
        from .batch import Downloader
        return Downloader
    if name in ("batch", "stream", "transfer"):
        import importlib
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""What the user has: catalog model states read from disk, download plans, registered base LLaMA folders.

States are derived from the models folder (``engine.layout``) every time, never
from a remembered flag: complete LoRA folder + cached hashes that match the
published ones => verified; ``.part`` files => partial download; a folder under
``merged/`` or a ``.gguf`` named after the model => merged / quantized, or converted
when the only GGUFs are unquantized F16/F32/BF16 conversions.
"""
from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

from . import layout
from .atomic import atomic_write_text
from .catalog import BASE_HF, BASE_PTH, BaseModel, LoraModel, load_catalog
from .checkpoint import hf_weight_files, meta_parts, read_json
from .diskspace import require_space
from .errors import UserError
from .jobs import CancelToken, NullReporter, ProgressReporter
from .settings import Settings
from .verify import MATCH, MISMATCH, FileVerdict, HashCache, judge, verify_paths
from .i18n import tr

NOT_DOWNLOADED = "not-downloaded"
PARTIAL = "partial"            # .part files: paused, interrupted or in progress
DOWNLOADED = "downloaded"      # every file present, hashes not checked yet
VERIFIED = "verified"
FAILED = "failed"
MERGED = "merged"
CONVERTED = "converted"        # only an unquantized F16/F32/BF16 GGUF so far: quantizing is next
QUANTIZED = "quantized"

FAILURE_FILE = ".download-failed.json"   # why the last download of this folder failed


@dataclass
class ModelStatus:
    model: LoraModel
    state: str
    folder: Path
    present: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    partial_bytes: int = 0
    checks: dict = field(default_factory=dict)    # filename -> "match" | "mismatch" | None (not hashed yet)
    problem: str = ""
    merged: list = field(default_factory=list)
    quantized: list = field(default_factory=list)

    @property
    def lora_ready(self) -> bool:
        return self.state in (VERIFIED, DOWNLOADED, MERGED, CONVERTED, QUANTIZED) and not self.missing

    @property
    def converted_type(self) -> str:
        """"F16" / "F32" / "BF16" for a CONVERTED model (from the GGUF's name), else ""."""
        if self.state != CONVERTED or not self.quantized:
            return ""
        return self.quantized[0].stem.rsplit("-", 1)[-1].upper()


_UNQUANTIZED = ("-f16", "-f32", "-bf16")     # conversion outputs named by engine.gguf_convert.default_output_name


def _unquantized(gguf: Path) -> bool:
    return gguf.stem.lower().endswith(_UNQUANTIZED)


def _named_after(path: Path, model_id: str) -> bool:
    stem = path.stem if path.suffix == ".gguf" else path.name
    return stem == model_id or stem.startswith(model_id + "-") or stem.startswith(model_id + ".")


def model_status(model: LoraModel, settings: Settings, *, cache: HashCache | None = None) -> ModelStatus:
    """The state of one catalog model, from disk and the hash cache only (no hashing: instant)."""
    cache = cache or HashCache()
    folder = layout.lora_dir(settings, model.id)
    st = ModelStatus(model=model, state=NOT_DOWNLOADED, folder=folder, missing=list(model.files))
    if folder.is_dir():
        st.present = [f for f in model.files if (folder / f).is_file()]
        st.missing = [f for f in model.files if f not in st.present]
        st.partial_bytes = sum(p.stat().st_size for p in folder.glob("*.part") if p.is_file())
        for fname in st.present:
            if fname in model.sha256:
                digest = cache.get(folder / fname)
                st.checks[fname] = None if digest is None else judge(folder / fname, digest).status
        failure = folder / FAILURE_FILE
        if failure.is_file():
            try:
                st.problem = json.loads(failure.read_text(encoding="utf-8")).get("message", "")
            except (OSError, ValueError):
                st.problem = "The last download failed."
        bad = [f for f, s in st.checks.items() if s == MISMATCH]
        if bad:
            st.state = FAILED
            st.problem = f"{', '.join(bad)} does not match the published SHA256."
        elif st.problem:
            st.state = FAILED
        elif not st.missing:
            st.state = VERIFIED if all(s == MATCH for s in st.checks.values()) else DOWNLOADED
        elif st.partial_bytes or st.present:
            st.state = PARTIAL
    merged_root, gguf_root = layout.merged_root(settings), layout.gguf_root(settings)
    if merged_root.is_dir():
        st.merged = sorted(p for p in merged_root.iterdir() if p.is_dir() and not p.name.startswith(".")
                           and _named_after(p, model.id))
    if gguf_root.is_dir():
        # Quantized files first: the F16/F32 conversion the Quantize page keeps beside them is the
        # bigger, slower one, so "Chat…" should not pick it just because "f16" sorts before "q4_k_m".
        st.quantized = sorted((p for p in gguf_root.glob("*.gguf") if _named_after(p, model.id)),
                              key=lambda p: (_unquantized(p), p.name))
    if st.state != FAILED:
        if any(not _unquantized(p) for p in st.quantized):
            st.state = QUANTIZED
        elif st.quantized:
            st.state = CONVERTED
        elif st.merged:
            st.state = MERGED
    return st


def library_status(settings: Settings) -> dict[str, ModelStatus]:
    cache = HashCache()
    return {m.id: model_status(m, settings, cache=cache) for m in load_catalog().models}


# downloads ----------------------------------------------------------------------------------

@dataclass
class DownloadPlan:
    model: LoraModel
    source: str
    dest: Path
    specs: list
    estimated_bytes: int


def plan_download(model: LoraModel, settings: Settings, *, source: str | None = None,
                  endpoint: str | None = None, dest: Path | None = None) -> DownloadPlan:
    """Which URLs to fetch into which files, with the published hashes to check while streaming."""
    from .download import DownloadSpec, check_source, repo_file_url

    source = source or settings.download_source
    check_source(source)
    dest = Path(dest).expanduser() if dest else layout.lora_dir(settings, model.id)
    repo = model.repo(source)
    specs = [DownloadSpec(url=repo_file_url(source, repo, fname, endpoint=endpoint), dest=dest / fname,
                          sha256=model.sha256.get(fname)) for fname in model.files]
    return DownloadPlan(model, source, dest, specs, model.lora_bytes)


def check_disk_space(folder: Path, needed: int) -> None:
    """Raise UserError naming the shortfall when ``folder``'s disk has less than ``needed`` bytes free."""
    require_space(folder, needed, tr("the download into {folder}", folder=folder),
                  hint=tr("Free some space, or choose another models folder in Settings."))


def _remaining_estimate(plan: DownloadPlan) -> int:
    have = sum(s.dest.stat().st_size for s in plan.specs if s.dest.is_file())
    have += sum(p.stat().st_size for p in plan.dest.glob("*.part")) if plan.dest.is_dir() else 0
    return max(plan.estimated_bytes - have, 0)


def download_model(model_id: str, *, settings: Settings, source: str | None = None,
                   endpoint: str | None = None, dest: Path | None = None, downloader=None,
                   progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> list[FileVerdict]:
    """Download a catalog LoRA (resuming what is there), verify it, and return the per-file verdicts.

    Files already present and matching their published hash are skipped.  Any
    failure is recorded in the folder (``.download-failed.json``) so the Models
    page can say why, and re-raised.
    """
    from .download import Downloader

    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    model = load_catalog().get(model_id)
    plan = plan_download(model, settings, source=source, endpoint=endpoint, dest=dest)
    plan.dest.mkdir(parents=True, exist_ok=True)
    failure = plan.dest / FAILURE_FILE
    failure.unlink(missing_ok=True)
    cache = HashCache()
    todo = []
    for spec in plan.specs:
        if spec.dest.is_file() and (spec.sha256 is None or cache.get(spec.dest) == spec.sha256):
            continue
        todo.append(spec)
    check_disk_space(plan.dest, _remaining_estimate(plan) if todo else 0)
    downloader = downloader or Downloader(proxy=settings.proxy)
    progress.update(0, None, unit="bytes", status=tr("Downloading {name}", name=model.name))
    try:
        if todo:
            downloader.download_many(todo, progress=progress, cancel=cancel)
    except UserError as exc:
        atomic_write_text(failure, json.dumps({"message": exc.message, "hint": exc.hint, "time": time.time()}))
        raise
    # The downloader checked published hashes while streaming: remember them, no second pass.
    for spec in todo:
        if spec.sha256 and spec.dest.is_file():
            cache.put(spec.dest, spec.sha256)
    return verify_paths([s.dest for s in plan.specs], progress=progress, cancel=cancel)


def download_url(url: str, dest_dir: Path, *, sha256: str | None = None, settings: Settings,
                 filename: str | None = None, downloader=None,
                 progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> Path:
    """A custom download (Baidu copy, private mirror) into ``dest_dir``, checked against ``sha256`` if given."""
    from urllib.parse import unquote, urlsplit

    from .download import Downloader, DownloadSpec

    if sha256 is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", sha256):
        raise UserError(tr("{sha256} is not a SHA256 value.", sha256=f"{sha256!r}"), tr("Give the 64 hexadecimal digits, e.g. from SHA256.md."))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(tr("{url} is not an http(s) URL.", url=f"{url!r}"), tr("Give a full URL such as https://host/path/file.bin."))
    name = filename or unquote(parts.path.rsplit("/", 1)[-1])
    if not name or name in (".", ".."):
        raise UserError(tr("Cannot tell a file name from {url}.", url=url), tr("Add one with --name."))
    dest_dir = Path(dest_dir).expanduser()
    dest_dir.mkdir(parents=True, exist_ok=True)
    spec = DownloadSpec(url=url, dest=dest_dir / name, sha256=sha256.lower() if sha256 else None)
    downloader = downloader or Downloader(proxy=settings.proxy)
    path = downloader.download(spec, progress=progress or NullReporter(), cancel=cancel or CancelToken())
    if spec.sha256:
        HashCache().put(path, spec.sha256)
    return path


def discard_partial(model: LoraModel, settings: Settings) -> int:
    """Delete unfinished download pieces of a model (cancel, not pause); returns bytes freed."""
    folder = layout.lora_dir(settings, model.id)
    freed = 0
    if folder.is_dir():
        for p in list(folder.iterdir()):
            if p.name.endswith(".part") or ".part." in p.name or p.name == FAILURE_FILE:
                freed += p.stat().st_size
                p.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
    return freed


# base LLaMA registry ------------------------------------------------------------------------

@dataclass
class BaseRecord:
    path: str
    format: str           # "pth" (Meta consolidated.*.pth + params.json) | "hf"
    size: str             # "7B"... or "" when the architecture is not an original LLaMA size
    status: str           # "verified" | "unverified" (no published hashes for these files) | "mismatch"
    files: dict = field(default_factory=dict)   # filename -> match | mismatch | unknown
    registered_at: float = 0.0

    @property
    def name(self) -> str:
        return f"LLaMA-{self.size}" if self.size else Path(self.path).name

    @property
    def base_id(self) -> str:
        return f"llama-{self.size.lower()}" if self.size else ""


def _size_for_dim(dim: int) -> str:
    return next((b.size for b in load_catalog().bases if b.dim == dim), "")


def detect_base(folder: Path) -> tuple[str, str, list[Path]]:
    """(format, size, weight files) of an original LLaMA folder, or UserError saying what is missing."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise UserError(tr("{folder} is not a folder.", folder=folder), tr("Choose the folder that holds the LLaMA weights."))
    pths = meta_parts(folder)
    if pths:
        params_file = folder / "params.json"
        if not params_file.is_file():
            raise UserError(tr("{folder} has consolidated.*.pth files but no params.json.", folder=folder),
                            tr("Copy params.json from the original LLaMA download into this folder."))
        try:
            params = json.loads(params_file.read_text(encoding="utf-8"))
            size = _size_for_dim(int(params["dim"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UserError(tr("{params_file} is not a LLaMA params.json ({exc}).", params_file=params_file, exc=exc),
                            tr("Use the params.json from Meta's download.")) from None
        if size:
            shards = load_catalog().base(size).shards
            expected = [f"consolidated.{i:02d}.pth" for i in range(shards)]
            missing = [n for n in expected if not (folder / n).is_file()]
            if missing:
                raise UserError(tr("LLaMA-{size} in {folder} is incomplete: {value} missing.", size=size, folder=folder, value=', '.join(missing)),
                                tr("LLaMA-{size} has {shards} consolidated.*.pth part(s); copy them all.", size=size, shards=shards))
        return "pth", size, pths
    config_file = folder / "config.json"
    if config_file.is_file():
        config = read_json(config_file)
        if config.get("model_type") != "llama":
            raise UserError(tr("{folder} holds a {value} model, not LLaMA.", folder=folder, value=f"{config.get('model_type', 'unknown')!r}"),
                            tr("Choose an original LLaMA folder (HF format or Meta's consolidated.*.pth)."))
        hf_weight_files(folder)       # refuses a folder without weights, or with a shard missing
        # Every weight file is checked against the published hashes (which list the .bin files).
        weights = sorted([*folder.glob("pytorch_model*.bin"), *folder.glob("*.safetensors")])
        return "hf", _size_for_dim(int(config.get("hidden_size", 0))), weights
    raise UserError(tr("{folder} does not look like a LLaMA model.", folder=folder),
                    tr("Choose a folder with consolidated.*.pth + params.json (Meta) or config.json + weights (HF)."))


def _registry_path(settings: Settings) -> Path:
    return layout.base_registry_file(settings)


def registered_bases(settings: Settings) -> list[BaseRecord]:
    try:
        raw = json.loads(_registry_path(settings).read_text(encoding="utf-8"))
        return [BaseRecord(**r) for r in raw.get("bases", [])]
    except (OSError, ValueError, TypeError):
        return []


def _save_registry(settings: Settings, records: list[BaseRecord]) -> None:
    atomic_write_text(_registry_path(settings),
                      json.dumps({"bases": [asdict(r) for r in records]}, indent=2, ensure_ascii=False))


class BaseMismatch(UserError):
    """A base LLaMA weight file in ``folder`` differs from its published hash; ``verdicts`` are the
    differing files, each with the expected (``entry.sha256``) and the actual (``sha256``) hash."""

    def __init__(self, message: str, hint: str, folder: Path, verdicts: list[FileVerdict]) -> None:
        super().__init__(message, hint)
        self.folder = folder
        self.verdicts = verdicts


def register_base(folder: os.PathLike | str, *, settings: Settings, accept_mismatch: bool = False,
                  progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> BaseRecord:
    """Verify an original LLaMA folder against the published hashes and add it to ``base.json``.

    A file whose hash differs from the published one refuses registration
    (naming the file and both hashes) unless ``accept_mismatch``.
    """
    folder = Path(folder).expanduser().resolve()
    fmt, size, weights = detect_base(folder)
    verdicts = verify_paths(weights, progress=progress, cancel=cancel)
    bad = [v for v in verdicts if v.status == MISMATCH]
    if bad and not accept_mismatch:
        v = bad[0]
        raise BaseMismatch(f"{v.path.name} is not the published {v.entry.label}: expected {v.entry.sha256}, "
                           f"got {v.sha256}.",
                           "The file is damaged or a different conversion; download it again.", folder, bad)
    published = [v for v in verdicts if v.status == MATCH and v.entry.kind in (BASE_PTH, BASE_HF)]
    status = "mismatch" if bad else "verified" if published and len(published) == len(verdicts) else "unverified"
    record = BaseRecord(path=str(folder), format=fmt, size=size, status=status,
                        files={v.path.name: v.status for v in verdicts}, registered_at=time.time())
    records = [r for r in registered_bases(settings) if Path(r.path) != folder]
    _save_registry(settings, [*records, record])
    return record


def unregister_base(settings: Settings, folder: os.PathLike | str) -> None:
    """Forget a registered base; its files stay where they are."""
    folder = Path(folder).expanduser().resolve()
    _save_registry(settings, [r for r in registered_bases(settings) if Path(r.path) != folder])


def find_base(settings: Settings, base_id: str) -> Optional[BaseRecord]:
    """The best registered folder for an original LLaMA size: verified first, existing only."""
    ranked = sorted((r for r in registered_bases(settings) if r.base_id == base_id and Path(r.path).is_dir()),
                    key=lambda r: r.status != "verified")
    return ranked[0] if ranked else None


def requirements(model: LoraModel) -> dict:
    """What a model needs: base LLaMA, LoRAs to merge first, disk and RAM (from the upstream size table)."""
    base: BaseModel = load_catalog().base(model.base)
    return {
        "base": base.name,
        "merge_chain": model.merge_chain,
        "lora_bytes": model.lora_bytes,
        "disk_bytes": base.fp16_bytes + base.q4_bytes + model.lora_bytes,
        "fp16_size": base.fp16_size,
        "q8_size": base.q8_size,
        "q4_size": base.q4_size,
    }

"""Training data: SFT records and PT blocks exactly as upstream builds them, with a cache that cannot go stale.

SFT (``build_dataset.py``): Alpaca JSON records ``{instruction, input, output}``; the prompt is upstream's template
(with the trailing space after ``Response:``); ``input_ids = (source + target)[:max_len]``,
``labels = ([-100] * len(source) + target)[:max_len]``; the source is tokenized with ``<s>``, the target
(``output + "</s>"``) without special tokens.

PT (``run_clm_pt_with_peft.py``): every line of every ``.txt`` file is one example tokenized with ``<s>``;
examples are grouped in batches of 1000 lines (``datasets.map(batched=True)``'s default, one worker) into
``block_size`` blocks, the remainder of each batch dropped; ``labels = input_ids``.

Upstream caches by file name only; here the cache key holds every data file's SHA256, the tokenizer's hash, the
mode and the length, so a changed tokenizer or block size never reuses stale records.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.errors import UserError
from engine.i18n import tr

IGNORE_INDEX = -100
PROMPT_TEMPLATE = (
    "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n### Response: "
)
PT_GROUP_BATCH = 1000       # upstream's datasets.map(batched=True) default batch size
DEFAULT_MAX_SEQ_LENGTH = 512
DEFAULT_BLOCK_SIZE = 512
CACHE_VERSION = "1"


# -- finding and checking the data ------------------------------------------------------------------------

def data_files(mode: str, data: os.PathLike | str) -> list[Path]:
    """The data files: the file itself, or every ``*.json`` (SFT) / ``*.txt`` (PT) directly in the folder."""
    path = Path(data).expanduser()
    suffix = ".json" if mode == "sft" else ".txt"
    if path.is_file():
        return [path]
    if not path.exists():
        raise UserError(tr("{path}: no such file or folder.", path=path), tr("Give --data a data file or a folder of them."))
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in
                   ((".json", ".jsonl") if mode == "sft" else (".txt",)))
    if not files:
        raise UserError(tr("{path}: the folder holds no {suffix} files.", path=path, suffix=suffix),
                        tr("SFT reads Alpaca-format .json files, PT reads .txt files (one example a line)."))
    return files


def read_sft_file(path: Path) -> list[dict]:
    """The records of an Alpaca JSON (a list) or JSON Lines file; a missing key names the record."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(tr("{path}: not UTF-8 text ({reason} at byte {start}).", path=path, reason=exc.reason, start=exc.start), tr("Save it as UTF-8.")) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        try:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            raise UserError(tr("{path}: not valid JSON (line {lineno}, column {colno}: {msg}).", path=path, lineno=exc.lineno, colno=exc.colno, msg=exc.msg),
                            "Alpaca data is a JSON list of {\"instruction\", \"input\", \"output\"} objects.") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise UserError(tr("{path}: holds no records.", path=path),
                        "Alpaca data is a JSON list of {\"instruction\", \"input\", \"output\"} objects.")
    for i, rec in enumerate(data):
        if not isinstance(rec, dict):
            raise UserError(tr("{path}: record {i} is not an object.", path=path, i=i),
                            "Each record is {\"instruction\": ..., \"input\": ..., \"output\": ...}.")
        for key in ("instruction", "output"):
            if key not in rec:
                raise UserError(tr('{path}: record {i} has no "{key}" (it has {rec}).', path=path, i=i, key=key, rec=sorted(rec)),
                                tr("Each record needs \"instruction\" and \"output\"; \"input\" may be empty."))
            if not isinstance(rec[key], str):
                raise UserError(tr('{path}: record {i}: "{key}" is not a string.', path=path, i=i, key=key), tr("Fix that record."))
        if rec.get("input") is not None and not isinstance(rec["input"], str):
            raise UserError(tr('{path}: record {i}: "input" is not a string.', path=path, i=i), tr("Fix that record."))
    return data


def read_pt_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise UserError(tr("{path}: not UTF-8 text ({reason} at byte {start}).", path=path, reason=exc.reason, start=exc.start), tr("Save it as UTF-8.")) from None


def validate(mode: str, data: os.PathLike | str) -> list[Path]:
    """Cheap checks before any heavy work: files exist, parse, have the keys. Returns the files."""
    _check_mode(mode)
    files = data_files(mode, data)
    for f in files:
        if mode == "sft":
            read_sft_file(f)
        elif f.stat().st_size == 0:
            raise UserError(tr("{f}: the file is empty.", f=f), tr("PT data is plain text, one example a line."))
    return files


def _check_mode(mode: str) -> None:
    if mode not in ("sft", "pt"):
        raise ValueError(f"mode must be 'sft' or 'pt', not {mode!r}")


# -- building records ------------------------------------------------------------------------------------------

def sft_source_target(rec: dict, eos_token: str) -> tuple[str, str]:
    instruction = rec["instruction"]
    if rec.get("input") is not None and rec.get("input") != "":
        instruction = instruction + "\n" + rec["input"]
    return PROMPT_TEMPLATE.format_map({"instruction": instruction}), f"{rec['output']}{eos_token}"


def build_sft(records: list[dict], tokenizer, max_len: int) -> tuple[list[list[int]], list[list[int]]]:
    sources, targets = zip(*(sft_source_target(r, tokenizer.eos_token) for r in records))
    s_ids = tokenizer.encode_batch(list(sources), add_special_tokens=True)
    t_ids = tokenizer.encode_batch(list(targets), add_special_tokens=False)
    inputs, labels = [], []
    for s, t in zip(s_ids, t_ids):
        inputs.append((s + t)[:max_len])
        labels.append(([IGNORE_INDEX] * len(s) + t)[:max_len])
    return inputs, labels


def group_pt(tokenized: list[list[int]], block_size: int) -> list[list[int]]:
    """Upstream ``group_texts`` applied per batch of 1000 examples."""
    blocks: list[list[int]] = []
    for b in range(0, len(tokenized), PT_GROUP_BATCH):
        concat = [t for ids in tokenized[b:b + PT_GROUP_BATCH] for t in ids]
        total = len(concat)
        if total >= block_size:
            total = (total // block_size) * block_size
        blocks.extend(concat[i:i + block_size] for i in range(0, total, block_size))
    return blocks


def build_pt(lines: list[str], tokenizer, block_size: int) -> list[list[int]]:
    return group_pt(tokenizer.encode_batch(lines, add_special_tokens=True), block_size)


@dataclass
class Records:
    """Tokenized training records, stored flat: ``input_ids``/``labels`` concatenated, with offsets."""

    input_ids: np.ndarray      # int32, all records concatenated
    labels: np.ndarray         # int32 (-100 masked); PT: equal to input_ids
    offsets: np.ndarray        # int64, len = n + 1
    truncated: int = 0         # SFT records cut at max_len

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def ids(self, i: int) -> np.ndarray:
        return self.input_ids[self.offsets[i]:self.offsets[i + 1]]

    def lab(self, i: int) -> np.ndarray:
        return self.labels[self.offsets[i]:self.offsets[i + 1]]

    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    @classmethod
    def from_lists(cls, inputs: list[list[int]], labels: list[list[int]], truncated: int = 0) -> "Records":
        lengths = np.fromiter((len(x) for x in inputs), dtype=np.int64, count=len(inputs))
        offsets = np.zeros(len(inputs) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.fromiter((t for x in inputs for t in x), dtype=np.int32, count=int(offsets[-1]))
        flat_l = np.fromiter((t for x in labels for t in x), dtype=np.int32, count=int(offsets[-1]))
        return cls(flat, flat_l, offsets, truncated)


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cache_key(mode: str, files: list[Path], tokenizer, length: int) -> str:
    h = hashlib.sha256(f"v{CACHE_VERSION}:{mode}:{length}:{tokenizer.digest()}".encode())
    for f in files:
        h.update(_file_sha256(f).encode())
    return h.hexdigest()[:24]


def default_cache_dir() -> Path:
    from engine.paths import cache_dir
    return cache_dir() / "training-data"


def build_records(mode: str, files: list[Path], tokenizer, length: int, *, cache: Path | None = None,
                  progress=None, cancel=None, limit: int | None = None) -> Records:
    """All records of ``files`` (or the first ``limit``, uncached, for previews), from the cache when valid."""
    _check_mode(mode)
    path = None
    if limit is None:
        cache = Path(cache) if cache is not None else default_cache_dir()
        path = cache / f"{mode}-{cache_key(mode, files, tokenizer, length)}.npz"
        if path.is_file():
            try:
                with np.load(path) as z:
                    return Records(z["input_ids"], z["labels"], z["offsets"], int(z["truncated"]))
            except (OSError, ValueError, KeyError):
                pass                     # damaged: rebuild below
    inputs: list[list[int]] = []
    labels: list[list[int]] = []
    truncated = 0
    for n, f in enumerate(files):
        if cancel is not None:
            cancel.check()
        if progress is not None:
            progress.update(n, len(files), status=tr("Tokenizing {name}", name=f.name))
        if mode == "sft":
            recs = read_sft_file(f)
            if limit is not None:
                recs = recs[:max(0, limit - len(inputs))]
            if not recs:
                break
            full, _ = build_sft(recs, tokenizer, 1 << 62)
            truncated += sum(1 for x in full if len(x) > length)
            i, l = build_sft(recs, tokenizer, length)
            inputs += i
            labels += l
        else:
            lines = read_pt_lines(f)
            if limit is not None:
                lines = lines[:max(PT_GROUP_BATCH, limit * length)]
            blocks = build_pt(lines, tokenizer, length)
            inputs += blocks
            labels += blocks
        if limit is not None and len(inputs) >= limit:
            inputs, labels = inputs[:limit], labels[:limit]
            break
    records = Records.from_lists(inputs, labels, truncated)
    if path is not None:
        from engine.atomic import atomic_file
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as fh:
            np.savez(fh, input_ids=records.input_ids, labels=records.labels, offsets=records.offsets,
                     truncated=np.int64(truncated))
    return records


# -- the page's preview and statistics -------------------------------------------------------------------------

def _tokenizer(tokenizer_dir, mode: str):
    from .tokenizer import SlowTokenizer
    tok = tokenizer_dir if hasattr(tokenizer_dir, "encode_batch") else SlowTokenizer(tokenizer_dir)
    if mode == "sft":
        tok.add_pad_token()
    return tok


def _default_length(mode: str) -> int:
    return DEFAULT_MAX_SEQ_LENGTH if mode == "sft" else DEFAULT_BLOCK_SIZE


def preview_records(mode: str, records: Records, tokenizer, n: int) -> list[dict]:
    out = []
    for i in range(min(n, len(records))):
        ids = records.ids(i).tolist()
        lab = records.lab(i).tolist()
        if mode == "sft":
            split = next((k for k, v in enumerate(lab) if v != IGNORE_INDEX), len(lab))
        else:
            split = 0
        out.append({"input_ids": ids, "labels": lab,
                    "prompt": tokenizer.decode(ids[:split]), "response": tokenizer.decode(ids[split:])})
    return out


def preview(mode: str, data, tokenizer_dir, n: int = 5, max_length: int | None = None) -> list[dict]:
    """The first ``n`` training records: ``input_ids``, ``labels`` (-100 masked), decoded prompt/response."""
    tok = _tokenizer(tokenizer_dir, mode)
    files = validate(mode, data)
    recs = build_records(mode, files, tok, max_length or _default_length(mode), limit=n)
    return preview_records(mode, recs, tok, n)


def stats(mode: str, data, tokenizer_dir, max_length: int | None = None, bins: int = 10,
          cache: Path | None = None) -> dict:
    """Record count, token count, length histogram and how many SFT records the max length cuts."""
    tok = _tokenizer(tokenizer_dir, mode)
    files = validate(mode, data)
    length = max_length or _default_length(mode)
    recs = build_records(mode, files, tok, length, cache=cache)
    lengths = recs.lengths()
    hist = []
    if len(lengths):
        counts, edges = np.histogram(lengths, bins=bins, range=(0, max(int(lengths.max()), 1)))
        hist = [{"from": int(edges[i]), "to": int(edges[i + 1]), "count": int(c)} for i, c in enumerate(counts)]
    return {"records": int(len(recs)), "tokens": int(lengths.sum()) if len(lengths) else 0,
            "truncated": int(recs.truncated), "max_length": length, "histogram": hist,
            "files": [str(f) for f in files]}


# -- torch side: dataset and collator -------------------------------------------------------------------------

class TorchRecords:
    """A map-style dataset over ``Records`` for ``transformers.Trainer``."""

    def __init__(self, records: Records) -> None:
        self.records = records

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, i: int) -> dict:
        import torch
        return {"input_ids": torch.from_numpy(self.records.ids(i).astype(np.int64)),
                "labels": torch.from_numpy(self.records.lab(i).astype(np.int64))}


class Collator:
    """Upstream ``DataCollatorForSupervisedDataset``: right-pad ids with pad, labels with -100,
    ``attention_mask = input_ids != pad``.  PT blocks have equal lengths and need no mask (as upstream's
    default collator).  Counts the non-padding tokens it hands out (for tokens/s)."""

    def __init__(self, pad_id: int | None, mode: str) -> None:
        self.pad_id = pad_id
        self.mode = mode
        self.tokens = 0

    def __call__(self, batch: list[dict]) -> dict:
        import torch
        ids = [b["input_ids"] for b in batch]
        labels = [b["labels"] for b in batch]
        self.tokens += sum(int(x.numel()) for x in ids)
        if self.mode == "pt" and len({int(x.numel()) for x in ids}) == 1:
            return {"input_ids": torch.stack(ids), "labels": torch.stack(labels)}
        pad = self.pad_id if self.pad_id is not None else 0
        input_ids = torch.nn.utils.rnn.pad_sequence(ids, batch_first=True, padding_value=pad)
        labels = torch.nn.utils.rnn.pad_sequence(labels, batch_first=True, padding_value=IGNORE_INDEX)
        return {"input_ids": input_ids, "labels": labels, "attention_mask": input_ids.ne(pad)}

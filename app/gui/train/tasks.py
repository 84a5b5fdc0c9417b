"""Worker-thread functions of the Train page (run through ``context.jobs``; never on the UI thread).

Each takes ``progress``/``cancel`` keywords as every job does and calls the training
engine's plain functions (training/README.md); bad input raises ``UserError``, which the
page shows on the form.
"""
from __future__ import annotations

from pathlib import Path

from engine.errors import UserError


def _require_folder(path: str, what: str) -> Path:
    folder = Path(path).expanduser() if path else None
    if folder is None:
        raise UserError(f"Choose the {what}.", "")
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder.", f"Choose the {what} again.")
    return folder


def check_inputs(mode: str, base: str, tokenizer: str, data: str, out: str = "", *, progress=None,
                 cancel=None) -> dict:
    """The cheap checks before a run (data files, model folder, vocabulary pair); returns facts for the form."""
    from training import checks, datasets
    from training.tokenizer import SlowTokenizer

    result = {"base_error": "", "data_error": "", "tokenizer_error": ""}
    base_dir = tok_dir = None
    try:
        base_dir = _require_folder(base, "base model")
        result["base_vocab"] = checks.base_vocab_size(base_dir)
    except UserError as exc:
        result["base_error"] = _text(exc)
    try:
        tok_dir = _require_folder(tokenizer or base, "tokenizer")
        if not any((tok_dir / n).is_file() for n in ("tokenizer.model", "tokenizer.json")):
            raise UserError(f"{tok_dir}: no tokenizer.model here.",
                            "Choose a folder with the SentencePiece tokenizer (a LoRA or model folder).")
        tok = SlowTokenizer(tok_dir)
        if mode == "sft":
            tok.add_pad_token()
        result["tokenizer_vocab"] = len(tok)
        if mode == "sft":
            checks.check_sft_tokenizer(len(tok))
        if "base_vocab" in result:
            (checks.check_sft_base if mode == "sft" else checks.check_pt_pair)(result["base_vocab"], len(tok))
    except UserError as exc:
        result["tokenizer_error"] = _text(exc)
    except Exception as exc:  # noqa: BLE001 - an unreadable tokenizer is the user's input, not a crash
        result["tokenizer_error"] = f"{tok_dir}: the tokenizer could not be read ({exc})."
    try:
        if not data:
            raise UserError("Choose the training data: a file or a folder of files.", "")
        result["files"] = [str(f) for f in datasets.validate(mode, data)]
    except UserError as exc:
        result["data_error"] = _text(exc)
    if out:
        try:
            checks.check_output(out, 0, resume=False)
        except UserError as exc:
            result["out_error"] = _text(exc)
            earlier = (Path(out) / "checkpoints").is_dir()
            result["out_has_run"] = earlier
            if earlier:
                result["out_suggestion"] = _fresh_folder(Path(out))
    return result


def _fresh_folder(out: Path) -> str:
    """``<out>-2``, ``-3``...: the first that holds no earlier run."""
    stem = out.name.rsplit("-", 1)[0] if out.name.rsplit("-", 1)[-1].isdigit() else out.name
    for n in range(2, 1000):
        candidate = out.with_name(f"{stem}-{n}")
        if not (candidate / "checkpoints").exists():
            return str(candidate)
    return str(out)


def _text(exc: UserError) -> str:
    return f"{exc.message}\n{exc.hint}".strip() if exc.hint else exc.message


def data_preview(mode: str, tokenizer: str, data: str, max_length: int, n: int = 3,
                 *, progress=None, cancel=None) -> dict:
    """Statistics and the first records at ``max_length`` (after ``check_inputs`` passed)."""
    from training import datasets

    return {"stats": datasets.stats(mode, data, tokenizer, max_length=max_length, bins=12),
            "records": datasets.preview(mode, data, tokenizer, n=n, max_length=max_length)}


def hardware_plan(base: str, settings: dict, *, progress=None, cancel=None) -> dict:
    from training import hardware

    return hardware.plan(base, settings)


def efficiency(before: str, after: str, *, progress=None, cancel=None) -> dict:
    from training import vocab

    return vocab.efficiency_report(before, after)


def train_sentencepiece(corpus: list[str], vocab_size: int, out: str, *, progress=None, cancel=None):
    from training import vocab

    if not corpus:
        raise UserError("Choose one or more text files to learn the vocabulary from.", "")
    return vocab.train_sentencepiece(corpus, vocab_size, out, progress=progress, cancel=cancel)


def check_vocab_files(models: list[str], corpus: list[str], *, progress=None, cancel=None) -> str:
    """'' when every SentencePiece model loads and every corpus file has text; else the first problem."""
    import sentencepiece as spm

    for f in corpus:
        path = Path(f)
        if not path.is_file() or path.stat().st_size == 0:
            return f"{path}: missing or empty text file."
    for m in models:
        path = Path(m)
        if path.is_dir():
            path = path / "tokenizer.model"
        if not path.is_file():
            return f"{path}: no such file."
        try:
            spm.SentencePieceProcessor(model_file=str(path))
        except (RuntimeError, OSError) as exc:
            return f"{path}: not a SentencePiece model ({str(exc).splitlines()[0][:120]})."
    return ""


def merge_vocab(llama_tokenizer: str, chinese_sp: str, out: str, *, progress=None, cancel=None) -> dict:
    """Merge a Chinese SentencePiece model into LLaMA's (upstream's algorithm) and report the gain."""
    from training import vocab

    if progress is not None:
        progress.update(0, 1, status="Merging")
    return vocab.merge_to_folder(llama_tokenizer, chinese_sp, out)


def library_models(settings, *, progress=None, cancel=None) -> dict:
    """Model folders a run can start from: merged HF models and registered HF bases, newest first;
    tokenizer folders: those plus downloaded LoRAs (they carry the Chinese tokenizers)."""
    from engine.layout import lora_root, merged_root
    from engine.model_library import registered_bases

    models, tokenizers = [], []
    merged = merged_root(settings)
    if merged.is_dir():
        for p in sorted((p for p in merged.iterdir() if (p / "config.json").is_file()),
                        key=lambda p: p.stat().st_mtime, reverse=True):
            models.append({"label": p.name, "path": str(p), "kind": "merged"})
    for rec in registered_bases(settings):
        if rec.format == "hf":
            models.append({"label": rec.name, "path": rec.path, "kind": "base"})
    tokenizers = list(models)
    loras = lora_root(settings)
    if loras.is_dir():
        for p in sorted(loras.iterdir()):
            if (p / "tokenizer.model").is_file():
                tokenizers.append({"label": p.name, "path": str(p), "kind": "lora"})
    return {"models": models, "tokenizers": tokenizers}

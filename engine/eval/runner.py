"""``run_ceval``: one long, resumable operation; every model call goes through the model host.

Plan first (cheap): subjects, every CSV read and checked, the output folder's earlier
state.  Then the model is loaded through ``host.load`` (unless the host already holds it)
and each question is one ``host.run`` request, so Chat and Server requests interleave
between questions and a cancel stops within one question.  Per-subject partial results
are written atomically to ``OUT/partial/<subject>.json`` (every few seconds and at the end of
a subject); a stopped run started again with the same settings continues where it was.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import json
import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..chat.backends import LoadOptions
from ..chat.presets import GenerationSettings
from ..errors import UserError
from ..i18n import tr
from ..jobs import Cancelled, CancelToken, NullReporter, ProgressReporter
from . import answers, prompts
from .data import Question, check_data_dir, read_split, subjects_in
from .results import (PREDICTIONS, RUN, SUBMISSION, SUMMARY, build_summary, read_json, write_json,
                      write_subject_csv)
from .subjects import resolve_subjects, subject_table

SAVE_EVERY = 2.0        # seconds between partial saves inside a subject


@dataclass
class EvalConfig:
    model: str
    data_dir: str
    out_dir: str
    lora: Optional[str] = None
    split: str = "val"
    few_shot: int = 5                 # K dev examples (upstream --ntrain 5); 0: zero-shot; -1: all
    cot: bool = False
    with_prompt: bool = False
    subjects: Optional[list] = None   # keys / groups; None: every subject with a file in the split
    constrained: Optional[bool] = None   # None: constrained decoding unless CoT (free text)
    max_new_tokens: int = 20          # free text (upstream: 20)
    temperature: float = 0.2
    seed: int = 1234                  # free-text sampling and the random fallback letter
    context_size: int = 2048
    threads: int = 0
    use_gpu: bool = True
    device: str = "auto"
    dtype: str = "auto"
    label: str = ""                   # name of the run in comparisons (default: model file + LoRA)
    fresh: bool = False               # discard an earlier run in out_dir with other settings
    batch_size: int = 8               # prompts per request where the backend scores several at once (transformers)
    save_csv: bool = False            # upstream's --do_save_csv: OUT/csv/<subject>_<split>.csv with the answers

    @property
    def uses_constraint(self) -> bool:
        return (not self.cot) if self.constrained is None else bool(self.constrained)

    def settings_key(self) -> dict:
        """What must match for a stopped run to be continued."""
        model = Path(self.model).expanduser().resolve()
        return {"model": str(model), "model_stamp": _stamp(model),
                "lora": str(Path(self.lora).expanduser().resolve()) if self.lora else None,
                "data": str(Path(self.data_dir).expanduser().resolve()),
                "split": self.split, "few_shot": self.few_shot, "cot": self.cot, "with_prompt": self.with_prompt,
                "constrained": self.uses_constraint, "max_new_tokens": self.max_new_tokens,
                "temperature": self.temperature, "seed": self.seed}


@dataclass
class SubjectResult:
    subject: str
    num: int
    correct: Optional[int]            # None on the test split
    predictions: dict = field(default_factory=dict)


@dataclass
class EvalResult:
    out_dir: Path
    summary: dict
    predictions: dict
    questions: int
    evaluated: int                    # questions answered by the model in this call (not resumed)
    seconds: float

    @property
    def questions_per_second(self) -> float:
        return self.evaluated / self.seconds if self.seconds > 0 else 0.0


def _stamp(path: Path) -> str:
    """Size and modification time of a model file (or an HF folder's weights)."""
    try:
        if path.is_file():
            st = path.stat()
            return f"{st.st_size}:{st.st_mtime_ns}"
        files = sorted(p for p in path.glob("*") if p.suffix in (".safetensors", ".bin", ".json"))
        return hashlib.sha1("|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
                                     for p in files).encode()).hexdigest()[:16]
    except OSError:
        return ""


def _fingerprint(key: dict) -> str:
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]


def _wait(req, cancel: CancelToken):
    """The result of a host request; a cancel cancels the request too."""
    while True:
        try:
            return req.result(timeout=0.2)
        except concurrent.futures.TimeoutError:
            if cancel.cancelled:
                req.cancel()
                raise Cancelled("cancelled by user") from None
        except concurrent.futures.CancelledError:
            raise Cancelled("cancelled by user") from None


@dataclass
class _Plan:
    data_dir: Path
    subjects: list[str]
    questions: dict[str, list[Question]]
    histories: dict[str, str]


def plan(config: EvalConfig) -> _Plan:
    """Cheap checks and every file read: fails before a model is loaded."""
    if config.few_shot < -1:
        raise UserError(tr("--few-shot {n} is not a number of examples.", n=config.few_shot),
                        tr("Use 0 (zero-shot), 1-5, or -1 for every dev example."))
    table = subject_table()
    data_dir = Path(config.data_dir).expanduser()
    if config.subjects:
        subjects = resolve_subjects(config.subjects)
    else:
        probe = check_data_dir(data_dir, config.split, [], need_dev=False)
        present = set(subjects_in(probe, config.split))
        subjects = [k for k in table if k in present]
        if not subjects:
            raise UserError(tr("{path} holds no C-Eval files (<subject>_{split}.csv).",
                               path=probe / config.split, split=config.split),
                            tr("Pass the unzipped ceval-exam folder."))
    data_dir = check_data_dir(data_dir, config.split, subjects, need_dev=config.few_shot != 0)
    questions, histories = {}, {}
    for s in subjects:
        questions[s] = read_split(data_dir, s, config.split)
        seen: set[str] = set()
        for q in questions[s]:
            if q.id in seen:
                raise UserError(tr("{path}: id {id} appears twice.",
                                   path=data_dir / config.split / f"{s}_{config.split}.csv", id=q.id),
                                tr("Each question needs its own id; unzip ceval-exam.zip again."))
            seen.add(q.id)
        if config.few_shot == 0:
            histories[s] = ""
            continue
        dev = read_split(data_dir, s, "dev")
        if config.few_shot > len(dev):
            raise UserError(tr("{path} has {n} examples, fewer than --few-shot {few_shot}.",
                               path=data_dir / "dev" / (s + "_dev.csv"), n=len(dev), few_shot=config.few_shot),
                            tr("Use --few-shot {n} or less.", n=len(dev)))
        if config.cot:
            used = dev if config.few_shot == -1 else dev[: config.few_shot]
            bad = [q.id for q in used if q.explanation in (None, "nan")]
            if bad:
                raise UserError(tr("{path}: no explanation for example id {id}, which chain-of-thought few-shot needs.",
                                   path=data_dir / "dev" / (s + "_dev.csv"), id=bad[0]),
                                tr("Use the official dev files (they have an explanation column), or turn CoT off."))
        histories[s] = prompts.few_shot_history(s, dev, config.few_shot, cot=config.cot)
    return _Plan(data_dir, subjects, questions, histories)


def _prepare_out(config: EvalConfig, out: Path, fp: str) -> None:
    run_file = out / RUN
    if run_file.exists():
        try:
            old = read_json(run_file)
        except (OSError, ValueError):
            old = {}
        if old.get("fingerprint") != fp:
            if not config.fresh:
                was = old.get("settings", {})
                diff = [k for k, v in config.settings_key().items() if was.get(k) != v]
                raise UserError(tr("{path} holds a C-Eval run made with other settings ({settings}).",
                                   path=out, settings=", ".join(diff) or "unknown"),
                                tr("Choose another output folder, or start fresh (--fresh) to replace it."))
            shutil.rmtree(out / "partial", ignore_errors=True)
            for name in (SUMMARY, PREDICTIONS, SUBMISSION):
                (out / name).unlink(missing_ok=True)
    (out / "partial").mkdir(parents=True, exist_ok=True)


def _load_partial(path: Path, fp: str) -> dict:
    try:
        data = read_json(path)
    except (OSError, ValueError):
        return {}
    return data.get("answers", {}) if data.get("fingerprint") == fp else {}


def _ensure_model(host, config: EvalConfig, progress, cancel: CancelToken):
    info = host.info
    model = Path(config.model).expanduser().resolve()
    lora = str(Path(config.lora).expanduser().resolve()) if config.lora else None
    same = info is not None and Path(info.path).resolve() == model and \
        (str(Path(info.lora).expanduser().resolve()) if info.lora else None) == lora and \
        info.context_size >= config.context_size
    if same:
        return info
    options = LoadOptions(context_size=config.context_size, threads=config.threads, use_gpu=config.use_gpu,
                          device=config.device, dtype=config.dtype, lora=lora)
    return _wait(host.load(str(model), options, progress=progress), cancel)


def _constrained_fn(config: EvalConfig, texts: list[str], choice_ids: list[int]):
    """One host request for a batch of questions (constrained decoding): [(letter, detail)]."""
    def fn(backend, _cancel):
        if len(texts) > 1:
            rows = backend.next_token_logits_batch(texts, choice_ids)
        else:
            rows = [backend.next_token_logits(texts[0], choice_ids)]
        out = []
        for text, logits in zip(texts, rows):
            prompt_ids = set(backend.tokenize(text)) & set(choice_ids)
            letter, totals = answers.constrained_choice(choice_ids, logits, prompt_ids,
                                                        temperature=config.temperature)
            out.append((letter, {"scores": [round(t, 4) for t in totals]}))
        return out
    return fn


def _free_text_fn(config: EvalConfig, text: str, q: Question, rng: random.Random):
    """One host request for one question answered in free text (CoT): [(letter, detail)]."""
    settings = GenerationSettings(temperature=config.temperature, top_p=0.9, top_k=40, repetition_penalty=1.1,
                                  max_new_tokens=config.max_new_tokens, seed=rng.randrange(2 ** 31))

    def fn(backend, cancel):
        stream = backend.generate(text, settings, cancel=cancel)
        try:
            reply = "".join(stream)
        finally:
            stream.close()
        cancel.check()
        letter, direct = answers.extract_answer(reply, q, rng)
        return [(letter, {"response": reply, "direct": direct})]
    return fn


def _model_facts(backend, _cancel) -> tuple[list[int], bool]:
    """The 8 answer-letter token ids, and whether the backend scores several prompts at once."""
    return answers.choice_token_ids(backend.tokenize), callable(getattr(backend, "next_token_logits_batch", None))


def run_ceval(host, config: EvalConfig, *, progress: Optional[ProgressReporter] = None,
              cancel: Optional[CancelToken] = None,
              on_subject: Optional[Callable[[SubjectResult], None]] = None) -> EvalResult:
    """Evaluate ``config.model`` on C-Eval through ``host``; write summary/predictions/submission."""
    progress = progress or NullReporter()
    cancel = cancel or CancelToken()
    t_start = time.monotonic()
    p = plan(config)
    key = config.settings_key()
    fp = _fingerprint(key)
    out = Path(config.out_dir).expanduser()
    _prepare_out(config, out, fp)
    table = subject_table()
    total = sum(len(v) for v in p.questions.values())
    partials = {s: _load_partial(out / "partial" / f"{s}.json", fp) for s in p.subjects}
    done = sum(min(len(partials[s]), len(p.questions[s])) for s in p.subjects)
    label = config.label or Path(config.model).name + (f" + {Path(config.lora).name}" if config.lora else "")
    try:
        earlier = read_json(out / RUN)
    except (OSError, ValueError):
        earlier = {}
    run_info = {"version": 1, "label": label, "fingerprint": fp, "settings": key,
                "data_dir": str(p.data_dir), "subjects": p.subjects, "questions": total,
                "started": time.strftime("%Y-%m-%d %H:%M:%S"), "complete": False}
    if earlier.get("fingerprint") == fp:          # a continued run keeps its start and model facts
        run_info.update({k: earlier[k] for k in ("started", "model") if k in earlier})
    write_json(out / RUN, run_info)

    evaluated = 0
    t_eval = None
    choice_ids, batch = [], 1
    if done < total:
        progress.update(0, 1, status=tr("Loading the model"), force=True)
        info = _ensure_model(host, config, progress.child(0, 1), cancel)
        run_info["model"] = {"display_name": info.display_name, "kind": info.kind,
                             "context_size": info.context_size}
        choice_ids, can_batch = _wait(host.run(_model_facts, name="ceval-ids"), cancel)
        batch = max(1, config.batch_size) if can_batch and config.uses_constraint else 1
        t_eval = time.monotonic()
    progress.update(done, total, unit="questions", status=tr("Evaluating"), force=True)

    counts: dict[str, tuple[Optional[int], int]] = {}
    predictions: dict[str, dict[str, str]] = {}
    for index, subject in enumerate(p.subjects, start=1):
        qs, got = p.questions[subject], partials[subject]
        name = f"{table[subject].name_zh} ({subject})"
        path = out / "partial" / f"{subject}.json"
        last_save = time.monotonic()
        rng = random.Random(f"{config.seed}:{subject}")
        pending = [(i, q) for i, q in enumerate(qs, start=1) if q.id not in got]
        progress.update(done, total, status=f"{index}/{len(p.subjects)} {name}")
        try:
            for start in range(0, len(pending), batch):
                chunk = pending[start:start + batch]
                cancel.check()
                texts = [prompts.build_prompt(q, p.histories[subject], cot=config.cot,
                                              with_prompt=config.with_prompt) for _, q in chunk]
                fn = _constrained_fn(config, texts, choice_ids) if config.uses_constraint else \
                    _free_text_fn(config, texts[0], chunk[0][1], rng)
                try:
                    answered = _wait(host.run(fn, name="ceval"), cancel)
                except UserError as exc:     # say which question (a prompt too long for the context...)
                    ids = ", ".join(q.id for _, q in chunk)
                    raise UserError(tr("{file}, question id {ids}: {message}", file=f"{subject}_{config.split}.csv",
                                       ids=ids, message=exc.message), exc.hint) from None
                for (_, q), (letter, detail) in zip(chunk, answered):
                    got[q.id] = {"pred": letter, **detail}
                evaluated += len(chunk)
                done += len(chunk)
                progress.update(done, total)
                if time.monotonic() - last_save >= SAVE_EVERY:
                    write_json(path, {"fingerprint": fp, "subject": subject, "answers": got}, indent=None)
                    last_save = time.monotonic()
        finally:        # also when stopped: what was answered is kept for the next start
            write_json(path, {"fingerprint": fp, "subject": subject, "answers": got}, indent=None)
        preds = {q.id: got[q.id]["pred"] for q in qs}
        if config.save_csv:
            write_subject_csv(out / "csv" / f"{subject}_{config.split}.csv", qs, got, config.split)
        correct = None if config.split == "test" else sum(preds[q.id] == q.answer for q in qs)
        counts[subject] = (correct, len(qs))
        predictions[subject] = preds
        if on_subject is not None:
            on_subject(SubjectResult(subject, len(qs), correct, preds))

    summary = build_summary(counts)
    write_json(out / SUMMARY, summary)
    write_json(out / PREDICTIONS, predictions)
    if config.split == "test":
        write_json(out / SUBMISSION, predictions, indent=4)
    seconds = time.monotonic() - (t_eval or t_start)
    run_info.update(complete=True, finished=time.strftime("%Y-%m-%d %H:%M:%S"),
                    evaluated=evaluated, seconds=round(seconds, 3),
                    questions_per_second=round(evaluated / seconds, 3) if evaluated and seconds > 0 else None)
    write_json(out / RUN, run_info)
    progress.update(total, total, status=tr("Done"), force=True)
    return EvalResult(out, summary, predictions, total, evaluated, seconds)


def folder_state(config: EvalConfig, out) -> str:
    """``"new"`` (no run in ``out``), ``"resume"`` (a run with the same settings: it continues)
    or ``"other"`` (a run with other settings)."""
    try:
        old = read_json(Path(out) / RUN)
    except (OSError, ValueError):
        return "new"
    return "resume" if old.get("fingerprint") == _fingerprint(config.settings_key()) else "other"


def run_folder_name(config: EvalConfig) -> str:
    """A readable folder name for a run: model (+ LoRA), split, shots, CoT, template."""
    import re
    stem = Path(config.model).name
    if stem.lower().endswith(".gguf"):
        stem = stem[:-5]
    if config.lora:
        stem += "+" + Path(config.lora).name
    parts = [stem, config.split, f"{config.few_shot}shot"]
    if config.cot:
        parts.append("cot")
    if config.with_prompt:
        parts.append("prompt")
    return re.sub(r"[^\w.+-]+", "_", "-".join(parts))

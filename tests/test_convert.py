"""HF LLaMA -> GGUF: metadata, tensors, tokenizers, llama.cpp parity, refusals, cancel, CLI."""
from __future__ import annotations

import json
import shutil
import threading

import numpy as np
import pytest

from engine.errors import UserError
from engine.gguf_convert import convert, inspect_model
from engine.gguf_verify import LOGIT_PROMPTS, logits_agreement, tokenizer_parity, verify_conversion
from engine.jobs import Cancelled, CancelToken, ProgressReporter

CHINESE_TEXT = "详细介绍一下北京的名胜古迹：故宫和长城。我们一起学习人工智能，Chinese-Alpaca 说：你好！"


def _fields(path):
    from gguf import GGUFReader

    reader = GGUFReader(str(path))
    return reader, {k: f for k, f in reader.fields.items()}


def _value(fields, key):
    return fields[key].contents()


@pytest.fixture(scope="module")
def llama_gguf(models, tmp_path_factory):
    model = models.llama()
    out = tmp_path_factory.mktemp("conv") / "tiny-f16.gguf"
    updates = []
    result = convert(model, out, progress=ProgressReporter(updates.append, min_interval=0))
    return model, out, result, updates


def test_llama_metadata_tensors_and_permutation(llama_gguf):
    from gguf import TokenType
    from safetensors.numpy import load_file

    model, out, result, updates = llama_gguf
    assert result.n_tensors == 2 * 9 + 3 and result.vocab_size == 32000
    assert updates[-1].done == updates[-1].total and updates[-1].unit == "bytes"
    reader, f = _fields(out)
    cfg = json.loads((model / "config.json").read_text())
    assert _value(f, "general.architecture") == "llama"
    assert _value(f, "llama.embedding_length") == cfg["hidden_size"] == 64
    assert _value(f, "llama.block_count") == 2
    assert _value(f, "llama.attention.head_count") == 4
    assert _value(f, "llama.attention.head_count_kv") == 4
    assert _value(f, "llama.context_length") == 512
    assert _value(f, "llama.feed_forward_length") == 172
    assert _value(f, "llama.rope.dimension_count") == 16
    assert abs(_value(f, "llama.attention.layer_norm_rms_epsilon") - 1e-6) < 1e-9
    assert _value(f, "tokenizer.ggml.model") == "llama"
    tokens = _value(f, "tokenizer.ggml.tokens")
    types = _value(f, "tokenizer.ggml.token_type")
    assert len(tokens) == 32000 and tokens[1] == "<s>" and tokens[3] == "<0x00>"
    assert types[0] == TokenType.UNKNOWN and types[1] == TokenType.CONTROL and types[3] == TokenType.BYTE
    assert (_value(f, "tokenizer.ggml.bos_token_id"), _value(f, "tokenizer.ggml.eos_token_id"),
            _value(f, "tokenizer.ggml.unknown_token_id")) == (1, 2, 0)

    tensors = {t.name: t for t in reader.tensors}
    assert tensors["blk.0.attn_norm.weight"].tensor_type.name == "F32"
    assert tensors["output_norm.weight"].tensor_type.name == "F32"
    assert tensors["token_embd.weight"].tensor_type.name == "F16"
    hf = load_file(str(model / "model.safetensors"))
    # q rows are interleaved back into llama.cpp's RoPE order; v is untouched.
    q = hf["model.layers.0.self_attn.q_proj.weight"]
    expected = q.reshape(4, 2, 8, 64).swapaxes(1, 2).reshape(64, 64)
    assert np.array_equal(np.asarray(tensors["blk.0.attn_q.weight"].data), expected)
    assert not np.array_equal(expected, q)
    assert np.array_equal(np.asarray(tensors["blk.1.attn_v.weight"].data), hf["model.layers.1.self_attn.v_proj.weight"])


def test_llama_verified_against_source(llama_gguf, models):
    model, out, result, _ = llama_gguf
    check = verify_conversion(model, out, n_params=result.n_params)
    assert check.ok
    assert check.parity.ok and check.parity.n_tokens > 40
    assert check.logits.top1_identical and check.logits.positions >= 20
    assert check.logits.max_abs_diff < 0.02


def test_chinese_alpaca_vocab_and_pad(models, tmp_path):
    from gguf import TokenType

    model = models.llama(tokenizer="chinese_alpaca")
    out = tmp_path / "alpaca.gguf"
    result = convert(model, out)
    assert result.vocab_size == 49954 and "Chinese-Alpaca" in result.tokenizer
    _, f = _fields(out)
    tokens, types = _value(f, "tokenizer.ggml.tokens"), _value(f, "tokenizer.ggml.token_type")
    assert len(tokens) == 49954 and tokens[49953] == "[PAD]" and types[49953] == TokenType.CONTROL
    assert _value(f, "tokenizer.ggml.padding_token_id") == 49953
    parity = tokenizer_parity(model, out, CHINESE_TEXT)
    assert parity.ok, (parity.source_ids, parity.gguf_ids)
    # The Chinese vocabulary is in use: far fewer tokens than characters.
    assert parity.n_tokens < len(CHINESE_TEXT) * 0.8


def test_chinese_llama_bin_with_grouped_kv_heads(models, tmp_path):
    """49953 vocabulary, sharded pytorch .bin input, 4 query heads sharing 2 KV heads (k permuted per KV head)."""
    model = models.llama(tokenizer="chinese_llama", fmt="bin-sharded", kv_heads=2)
    out = tmp_path / "cl.gguf"
    result = convert(model, out)
    assert result.vocab_size == 49953
    _, f = _fields(out)
    assert _value(f, "llama.attention.head_count_kv") == 2
    assert tokenizer_parity(model, out, CHINESE_TEXT).ok
    logits = logits_agreement(model, out, LOGIT_PROMPTS[:2])
    assert logits.top1_identical and logits.max_abs_diff < 0.02


@pytest.mark.slow
def test_smollm2_bpe_tokenizer_and_chat_template(smollm2_hf_dir, tmp_path):
    out = tmp_path / "smol.gguf"
    result = convert(smollm2_hf_dir, out)
    assert result.tokenizer.startswith("BPE") and result.vocab_size == 49152
    reader, f = _fields(out)
    assert _value(f, "tokenizer.ggml.model") == "gpt2"
    assert len(_value(f, "tokenizer.ggml.merges")) > 40000
    assert "<|im_start|>" in _value(f, "tokenizer.chat_template")
    assert "output.weight" not in {t.name for t in reader.tensors}     # tied embeddings
    assert _value(f, "llama.attention.head_count_kv") == 3
    check = verify_conversion(smollm2_hf_dir, out, n_params=result.n_params)
    assert check.parity.ok and check.logits.top1_identical, check
    assert check.logits.max_abs_diff < 0.5     # logits reach ~40 on this real model


def test_outtypes_load_in_llama_cpp(models, tmp_path):
    from engine.gguf_verify import open_gguf

    model = models.llama()
    for outtype, expected in (("q8_0", "Q8_0"), ("bf16", "BF16"), ("f32", "F32")):
        out = tmp_path / f"m-{outtype}.gguf"
        convert(model, out, outtype=outtype)
        reader, _ = _fields(out)
        types = {t.name: t.tensor_type.name for t in reader.tensors}
        assert types["blk.0.ffn_up.weight"] == expected and types["blk.0.ffn_norm.weight"] == "F32"
        with open_gguf(out, n_ctx=32) as llm:
            llm.eval([1, 450, 4996])
            assert np.isfinite(np.asarray(llm.scores[:3])).all()


def test_mismatched_tokenizer_is_refused(models, tmp_path):
    """An Alpaca-sized model (49954 rows) with the original LLaMA tokenizer.model: upstream's #23/#339."""
    model = models.llama(tokenizer="llama", vocab_size=49954)
    out = tmp_path / "bad.gguf"
    with pytest.raises(UserError) as err:
        convert(model, out)
    text = str(err.value)
    assert "32000" in text and "49954" in text and "Chinese-Alpaca" in text and "tokenizer" in err.value.hint
    assert not out.exists() and not list(tmp_path.iterdir())


def test_tokenizer_files_that_disagree_are_refused(models, tmp_path):
    alpaca = models.llama(tokenizer="chinese_alpaca")
    mixed = tmp_path / "mixed"
    shutil.copytree(alpaca, mixed)
    shutil.copyfile(models.llama() / "tokenizer.model", mixed / "tokenizer.model")
    with pytest.raises(UserError, match="original LLaMA"):
        convert(mixed, tmp_path / "x.gguf")


def test_stale_config_vocab_size_is_noted(models, tmp_path):
    src = tmp_path / "stale"
    shutil.copytree(models.llama(tokenizer="chinese_alpaca"), src)
    cfg = json.loads((src / "config.json").read_text())
    cfg["vocab_size"] = 32000          # upstream #85/#87: config not updated after merging
    (src / "config.json").write_text(json.dumps(cfg))
    result = convert(src, tmp_path / "s.gguf")
    assert result.vocab_size == 49954 and any("32000" in n for n in result.notes)


def test_unsupported_architecture_is_refused(models, tmp_path):
    src = tmp_path / "gpt"
    shutil.copytree(models.llama(), src)
    cfg = json.loads((src / "config.json").read_text())
    cfg.update(architectures=["GPTNeoXForCausalLM"], model_type="gpt_neox")
    (src / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(UserError, match="GPTNeoXForCausalLM"):
        inspect_model(src)
    with pytest.raises(UserError, match="not supported"):
        convert(src, tmp_path / "g.gguf")


def test_not_a_model_folder(tmp_path):
    with pytest.raises(UserError, match="config.json"):
        convert(tmp_path, tmp_path / "x.gguf")


def test_cancel_leaves_nothing(models, tmp_path):
    model = models.llama()
    cancel = CancelToken()
    out = tmp_path / "out" / "c.gguf"
    seen = []

    def listener(p):
        seen.append(p)
        if len(seen) == 3:
            cancel.cancel()

    with pytest.raises(Cancelled):
        convert(model, out, progress=ProgressReporter(listener, min_interval=0), cancel=cancel)
    assert len(seen) >= 3
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_original_is_not_modified(models, tmp_path):
    from engine.hashing import sha256_file

    model = models.llama(tokenizer="chinese_llama")
    before = {p.name: sha256_file(p) for p in model.iterdir() if p.is_file()}
    convert(model, tmp_path / "o.gguf")
    assert before == {p.name: sha256_file(p) for p in model.iterdir() if p.is_file()}


def test_cli_convert_json(models, tmp_path, capsys):
    from app.cli import main

    out = tmp_path / "cli.gguf"
    rc = main(["convert", "--model", str(models.llama()), "--out", str(out), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 0 and out.is_file()
    assert data["vocab_size"] == 32000 and data["bytes"] == out.stat().st_size
    assert data["verification"]["ok"] and data["verification"]["tokenizer_parity"]["ok"]
    logits = data["verification"]["logits"]
    assert logits["top1_matches"] + logits["near_ties"] == logits["positions"]


def test_cli_convert_refusal_is_one_line(models, tmp_path, capsys):
    from app.cli import main

    model = models.llama(tokenizer="llama", vocab_size=49954)
    capsys.readouterr()         # building the fixture may print (a progress bar when run alone)
    rc = main(["convert", "--model", str(model), "--out", str(tmp_path / "x.gguf"), "--no-verify"])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith("error: ") and "49954" in err and err.count("\n") == 1


def test_default_output_goes_to_models_gguf_folder(models, capsys):
    from app.cli import main
    from engine.layout import gguf_dir
    from engine.settings import SettingsStore

    model = models.llama()
    rc = main(["convert", "--model", str(model), "--no-verify", "--quiet"])
    assert rc == 0
    assert (gguf_dir(SettingsStore().settings) / f"{model.name}-f16.gguf").is_file()


def test_convert_runs_beside_a_thread(models, tmp_path):
    """The engine call is thread-safe enough for the GUI worker: two conversions at once."""
    errors = []

    def run(i):
        try:
            convert(models.llama(), tmp_path / f"t{i}.gguf")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert (tmp_path / "t0.gguf").read_bytes() == (tmp_path / "t1.gguf").read_bytes()


def test_disk_full_is_a_clear_error(models, tmp_path, monkeypatch):
    import errno

    from engine.gguf_convert.stream import TensorStream

    real, calls = TensorStream._write, []

    def full(self, data):
        calls.append(1)
        if len(calls) > 3:           # the disk fills up a few tensors in
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, data)

    monkeypatch.setattr(TensorStream, "_write", full)
    with pytest.raises(UserError, match="disk filled up"):
        convert(models.llama(), tmp_path / "f.gguf")
    assert list(tmp_path.iterdir()) == []


def test_sentencepiece_style_tokenizer_json_without_tokenizer_model(models, tmp_path):
    """transformers 5 saves LLaMA tokenizers as tokenizer.json only: written as llama.cpp's
    SentencePiece vocabulary with merge ranks as scores, it tokenizes exactly as that file does."""
    from gguf import TokenType
    from transformers import AutoTokenizer

    src, dst = models.llama(tokenizer="chinese_alpaca"), tmp_path / "json-only"
    AutoTokenizer.from_pretrained(str(src)).save_pretrained(str(dst))
    for name in ("config.json", "model.safetensors"):
        shutil.copyfile(src / name, dst / name)
    assert not (dst / "tokenizer.model").exists()
    out = tmp_path / "j.gguf"
    result = convert(dst, out)
    assert result.vocab_size == 49954 and result.tokenizer.startswith("SentencePiece")
    _, f = _fields(out)
    assert _value(f, "tokenizer.ggml.model") == "llama"
    types = _value(f, "tokenizer.ggml.token_type")
    assert types[0] == TokenType.UNKNOWN and types[3] == TokenType.BYTE and types[49953] == TokenType.CONTROL
    parity = tokenizer_parity(dst, out, CHINESE_TEXT + " The quick brown fox, isn't it 2024?")
    assert parity.ok and parity.reference == "tokenizer.json", (parity.source_ids, parity.gguf_ids)


def test_peak_memory_does_not_grow_with_model_size(models, tmp_path):
    """Streaming: 2 or 12 layers (1.6x the bytes), the same peak (about the largest tensor, twice)."""
    import tracemalloc

    peaks, sizes = [], []
    for layers in (2, 12):
        model = models.llama(layers=layers, hidden=256, intermediate=1024, heads=4)
        sizes.append((model / "model.safetensors").stat().st_size)
        tracemalloc.start()
        try:
            convert(model, tmp_path / f"l{layers}.gguf")
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert sizes[1] > 1.5 * sizes[0]
    assert peaks[1] < peaks[0] * 1.15, peaks
    largest_tensor = 32000 * 256 * 2
    assert peaks[1] < sizes[1] * 0.6 and peaks[1] < largest_tensor * 4, peaks


# --------------------------------------------------------------------------- Meta format (consolidated.NN.pth)

def _gguf_tensors(path):
    from gguf import GGUFReader

    return {t.name: (t.tensor_type.name, np.array(t.data)) for t in GGUFReader(str(path)).tensors}


def _llama_cpp_logits(path, ids):
    from engine.gguf_verify import open_gguf

    with open_gguf(path, n_ctx=64) as llm:
        llm.reset()
        llm.eval(ids)
        return np.asarray(llm.scores[:len(ids)], dtype=np.float32)


@pytest.fixture(scope="module")
def meta_pair(models, tmp_path_factory):
    """The same tiny Chinese-LLaMA as HF and as Meta exports in upstream llama.cpp's layout
    (zh-models/tokenizer.model + zh-models/7B/consolidated.0N.pth), each converted."""
    from tests.merge_fixtures import hf_to_meta

    hf = models.llama(tokenizer="chinese_llama")
    root = tmp_path_factory.mktemp("meta")
    one = hf_to_meta(hf, root / "zh-models" / "7B", n_shards=1)
    two = hf_to_meta(hf, root / "zh-models-2" / "13B", n_shards=2)
    results = {name: convert(folder, root / f"{name}.gguf") for name, folder in
               (("hf", hf), ("meta1", one), ("meta2", two))}
    return hf, one, two, results


def test_meta_format_gives_the_same_gguf_as_hf(meta_pair):
    import torch

    hf, one, two, results = meta_pair
    assert not (one / "tokenizer.model").exists() and (one.parent / "tokenizer.model").exists()
    assert [results[k].source_format for k in ("hf", "meta1", "meta2")] == ["hf", "meta-pth", "meta-pth"]
    assert results["meta2"].vocab_size == 49953 and "Chinese-LLaMA" in results["meta2"].tokenizer
    reference = _gguf_tensors(results["hf"].path)
    for name in ("meta1", "meta2"):
        ours = _gguf_tensors(results[name].path)
        assert ours.keys() == reference.keys() and len(ours) == 21
        for key, (qtype, data) in reference.items():
            assert ours[key][0] == qtype and np.array_equal(ours[key][1], data), (name, key)
    # Meta's q/k layout is llama.cpp's: the GGUF holds consolidated.00.pth's wq unchanged (not permuted twice).
    wq = torch.load(str(one / "consolidated.00.pth"), weights_only=True)["layers.1.attention.wq.weight"]
    assert np.array_equal(reference["blk.1.attn_q.weight"][1], wq.numpy())
    # Same vocabulary and special ids, though the Meta folder has only a bare tokenizer.model.
    _, f_hf = _fields(results["hf"].path)
    _, f_meta = _fields(results["meta1"].path)
    for key in ("tokenizer.ggml.tokens", "tokenizer.ggml.scores", "tokenizer.ggml.token_type",
                "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id", "tokenizer.ggml.unknown_token_id",
                "tokenizer.ggml.add_bos_token", "llama.feed_forward_length", "llama.attention.head_count",
                "llama.block_count", "llama.attention.layer_norm_rms_epsilon"):
        assert _value(f_meta, key) == _value(f_hf, key), key


def test_meta_format_llama_cpp_logits_identical_and_verified(meta_pair):
    from sentencepiece import SentencePieceProcessor

    hf, one, two, results = meta_pair
    sp = SentencePieceProcessor(model_file=str(hf / "tokenizer.model"))
    ids = [sp.bos_id()] + sp.encode(LOGIT_PROMPTS[0])
    expected = _llama_cpp_logits(results["hf"].path, ids)
    assert np.array_equal(_llama_cpp_logits(results["meta2"].path, ids), expected)
    # The check builds transformers' model from the Meta tensors (HF layout) and agrees with llama.cpp.
    check = verify_conversion(two, results["meta2"].path, n_params=results["meta2"].n_params)
    assert check.ok and check.parity.ok and check.parity.reference == "SentencePiece tokenizer.model"
    assert check.logits.top1_identical and check.logits.positions >= 20 and check.logits.max_abs_diff < 0.02
    hf_logits = logits_agreement(hf, results["hf"].path)
    assert check.logits.positions == hf_logits.positions


def test_meta_format_inspected_like_hf(meta_pair):
    hf, one, two, _ = meta_pair
    a, b = inspect_model(hf), inspect_model(two)
    assert (b.format, a.format) == ("meta-pth", "hf")
    assert (b.n_params, b.embedding_rows, b.tokenizer_size, b.layers, b.hidden, b.heads, b.kv_heads) == \
        (a.n_params, a.embedding_rows, a.tokenizer_size, a.layers, a.hidden, a.heads, a.kv_heads)
    assert b.config["intermediate_size"] == a.config["intermediate_size"] == 172


def test_merge_page_pth_output_with_alpaca_pad_converts(models, tmp_path):
    """The project's own merge with --format pth (tokenizer files beside the shards, [PAD] = 49953)."""
    from engine.merge.driver import merge

    from tests.merge_fixtures import ALL_PROJ, EMBED

    base = models.llama()
    lora = models.lora(base, targets=ALL_PROJ, modules_to_save=EMBED, tokenizer="chinese_alpaca")
    merge(base, [lora], tmp_path / "alpaca-pth", out_format="pth", pth_shards=2)
    merge(base, [lora], tmp_path / "alpaca-hf")
    a = convert(tmp_path / "alpaca-hf", tmp_path / "hf.gguf")
    b = convert(tmp_path / "alpaca-pth", tmp_path / "pth.gguf")
    assert b.vocab_size == 49954 and "Chinese-Alpaca" in b.tokenizer
    _, f = _fields(b.path)
    assert _value(f, "tokenizer.ggml.tokens")[49953] == "[PAD]" and _value(f, "tokenizer.ggml.padding_token_id") == 49953
    ours, reference = _gguf_tensors(b.path), _gguf_tensors(a.path)
    assert ours.keys() == reference.keys()
    assert all(np.array_equal(ours[k][1], reference[k][1]) for k in reference)
    assert tokenizer_parity(tmp_path / "alpaca-pth", b.path, CHINESE_TEXT).ok


def test_meta_format_refusals(models, tmp_path):
    from tests.merge_fixtures import hf_to_meta

    meta = hf_to_meta(models.llama(), tmp_path / "m" / "7B")
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(meta / "consolidated.00.pth", lone / "consolidated.00.pth")
    with pytest.raises(UserError, match="params.json") as err:
        convert(lone, tmp_path / "a.gguf")
    assert "params.json" in err.value.hint
    shutil.copy(meta / "params.json", lone / "params.json")
    with pytest.raises(UserError, match="tokenizer.model") as err:
        convert(lone, tmp_path / "b.gguf")
    assert "parent" in err.value.hint
    params = json.loads((meta / "params.json").read_text())
    del params["n_heads"]
    (lone / "params.json").write_text(json.dumps(params))
    shutil.copy(meta.parent / "tokenizer.model", lone / "tokenizer.model")
    with pytest.raises(UserError, match="n_heads"):
        inspect_model(lone)
    assert not list(tmp_path.glob("*.gguf"))


def test_cli_converts_meta_folder(meta_pair, capsys):
    from app.cli import main
    from engine.layout import gguf_dir
    from engine.settings import SettingsStore

    _, one, _, results = meta_pair
    rc = main(["convert", "--model", str(one), "--json"])
    data = json.loads(capsys.readouterr().out)
    out = gguf_dir(SettingsStore().settings) / "zh-models-7B-f16.gguf"     # "7B" alone says too little
    assert rc == 0 and data["path"] == str(out) and data["source_format"] == "meta-pth"
    assert data["verification"]["ok"] and data["verification"]["tokenizer_parity"]["ok"]
    assert out.read_bytes() == results["meta1"].path.read_bytes()


# ----------------------------------------------------------------- issue 10: refusals before writing,
# and a verdict that a wrong conversion cannot pass

def test_convert_refuses_before_writing_when_the_disk_is_too_small(models, tmp_path, monkeypatch):
    from engine import diskspace

    calls = []
    monkeypatch.setattr(diskspace, "free_bytes", lambda p: calls.append(p) or 1_000_000)
    out = tmp_path / "out" / "f.gguf"
    with pytest.raises(UserError, match=r"Not enough disk space for f\.gguf: it needs .*short by") as err:
        convert(models.llama(), out)
    assert "another disk" in err.value.hint and calls
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_quantize_refuses_before_writing_when_the_disk_is_too_small(llama_gguf, tmp_path, monkeypatch):
    from engine import diskspace
    from engine.quantize import estimate_output_bytes, quantize, shapes_of_gguf

    _, f16, _, _ = llama_gguf
    shapes = shapes_of_gguf(f16)
    assert shapes is not None and shapes.vocab == 32000 and shapes.layers == 2
    needed = estimate_output_bytes(f16, "Q8_0")
    assert 0.4 * f16.stat().st_size < needed < f16.stat().st_size
    monkeypatch.setattr(diskspace, "free_bytes", lambda p: needed // 2)
    out = tmp_path / "q.gguf"
    with pytest.raises(UserError, match=r"Not enough disk space for q\.gguf.*short by"):
        quantize(f16, out, "Q8_0")
    assert list(tmp_path.iterdir()) == []


def test_a_mis_permuted_gguf_is_refused_by_the_verdict(models, tmp_path, monkeypatch):
    """q_proj left in HF order: llama.cpp loads it and many top tokens still agree, but the verdict fails."""
    from engine.gguf_convert import writer

    model = models.llama()
    good, bad = tmp_path / "good.gguf", tmp_path / "bad.gguf"
    result = convert(model, good)
    real = writer._rope_heads
    monkeypatch.setattr(writer, "_rope_heads",
                        lambda name, n_head, n_kv, inter: 0 if name.endswith("q_proj.weight")
                        else real(name, n_head, n_kv, inter))
    convert(model, bad)
    ok = verify_conversion(model, good, n_params=result.n_params)
    wrong = verify_conversion(model, bad, n_params=result.n_params)
    assert ok.ok and ok.logits.max_abs_diff <= ok.logits.diff_limit
    assert ok.logits.max_abs_diff < 0.2 * ok.logits.diff_limit        # a real margin, not a near miss
    assert not wrong.ok
    assert wrong.logits.max_abs_diff > wrong.logits.diff_limit
    assert wrong.logits.max_abs_diff > 10 * ok.logits.max_abs_diff
    # The error is not allowed to excuse mismatches: ties are judged by a fixed fraction of the scale.
    assert wrong.logits.top1_matches + wrong.logits.near_ties < wrong.logits.positions


def test_convert_cli_exits_nonzero_for_a_mis_permuted_file(models, tmp_path, monkeypatch, capsys):
    from app.cli import main
    from engine.gguf_convert import writer

    real = writer._rope_heads
    monkeypatch.setattr(writer, "_rope_heads",
                        lambda name, n_head, n_kv, inter: 0 if name.endswith("k_proj.weight")
                        else real(name, n_head, n_kv, inter))
    out = tmp_path / "bad.gguf"
    assert main(["convert", "--model", str(models.llama()), "--out", str(out), "--quiet"]) == 3
    assert "limit" in capsys.readouterr().out

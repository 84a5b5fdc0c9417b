"""Training data and checks: upstream-identical SFT records, PT blocks, the cache key, vocabulary-pair rules,
clear messages for bad input, the page's preview/stats/hardware plan."""
from __future__ import annotations

import json

import numpy as np
import pytest
import sentencepiece as spm

from app.cli import main as cli_main
from engine.errors import UserError
from tests import factory
from training import checks, datasets, hardware
from training.tokenizer import SlowTokenizer
from training.train import TrainSettings, plan_training


@pytest.fixture(scope="module")
def alpaca_tok(tmp_path_factory):
    d = tmp_path_factory.mktemp("alpaca_tok")
    factory.save_tokenizer("chinese_alpaca", d)
    return d


@pytest.fixture(scope="module")
def llama_tok(tmp_path_factory):
    d = tmp_path_factory.mktemp("llama_tok")
    factory.save_tokenizer("llama", d)
    return d


def _sp(folder):
    sp = spm.SentencePieceProcessor()
    sp.Load(str(folder / "tokenizer.model"))
    return sp


def test_prompt_template_is_upstreams_with_the_trailing_space():
    assert datasets.PROMPT_TEMPLATE == (
        "Below is an instruction that describes a task. Write a response that appropriately completes the "
        "request.\n\n### Instruction:\n{instruction}\n\n### Response: ")


def test_sft_record_equals_the_hand_computed_upstream_record(alpaca_tok):
    tok = SlowTokenizer(alpaca_tok)
    sp = _sp(alpaca_tok)
    rec = {"instruction": "把这句话翻译成英文", "input": "你好，世界", "output": "Hello, world."}
    source = ("Below is an instruction that describes a task. Write a response that appropriately completes the "
              "request.\n\n### Instruction:\n把这句话翻译成英文\n你好，世界\n\n### Response: ")
    s = [1] + sp.encode(source)                    # <s> + the source, one SentencePiece call
    t = sp.encode("Hello, world.") + [2]           # the target without <s>, "</s>" recognised as a token
    assert s[-1] == 29871                          # the trailing space is its own "▁" piece
    assert sp.id_to_piece(t[0]) == "▁Hello"        # the target gets its own dummy prefix
    (ids,), (labels,) = datasets.build_sft([rec], tok, 512)
    assert ids == s + t
    assert labels == [-100] * len(s) + t
    # truncation cuts both at max_seq_length
    (ids,), (labels,) = datasets.build_sft([rec], tok, 20)
    assert ids == (s + t)[:20] and labels == [-100] * 20
    # empty or missing input: no "\n" joined
    (a,), _ = datasets.build_sft([{"instruction": "x", "input": "", "output": "y"}], tok, 512)
    (b,), _ = datasets.build_sft([{"instruction": "x", "output": "y"}], tok, 512)
    assert a == b == [1] + sp.encode(datasets.PROMPT_TEMPLATE.format(instruction="x")) + sp.encode("y") + [2]


def test_special_tokens_in_text_are_split_like_the_slow_tokenizer(alpaca_tok):
    tok = SlowTokenizer(alpaca_tok)
    sp = _sp(alpaca_tok)
    assert tok.encode("a</s>b", add_special_tokens=False) == sp.encode("a") + [2] + sp.encode("b")
    # [PAD] was a plain-string special token upstream: whitespace around it is stripped
    assert tok.encode("a [PAD] b", add_special_tokens=False) == sp.encode("a") + [49953] + sp.encode("b")
    assert len(tok) == 49954 and tok.pad_id == 49953


def test_pt_blocks_group_per_batch_of_1000_lines():
    lines = [[1, 5, 6]] * 1001                     # 3000 tokens in the first batch, 3 in the second
    blocks = datasets.group_pt(lines, 4)
    assert len(blocks) == 750 + 1 and blocks[0] == [1, 5, 6, 1] and blocks[-1] == [1, 5, 6]
    assert all(len(b) == 4 for b in blocks[:750])
    assert datasets.group_pt([[1, 2]] * 10, 8) == [[1, 2] * 4, [1, 2] * 4]   # 20 tokens -> 2 blocks, 4 dropped


def test_pt_records_from_the_sample_text(alpaca_tok, tmp_path):
    tok = SlowTokenizer(alpaca_tok)
    sp = _sp(alpaca_tok)
    text = factory.shared_file("pt_zh_sample.txt").read_text(encoding="utf-8")
    lines = text.splitlines()[:300]
    (tmp_path / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    recs = datasets.build_records("pt", [tmp_path / "a.txt"], tok, 128, cache=tmp_path / "cache")
    flat = [t for line in lines for t in [1] + sp.encode(line)]
    n = len(flat) // 128
    assert len(recs) == n and np.array_equal(recs.input_ids, np.array(flat[:n * 128], dtype=np.int32))
    assert np.array_equal(recs.labels, recs.input_ids)


def test_cache_is_keyed_by_tokenizer_and_length(alpaca_tok, llama_tok, tmp_path):
    data = tmp_path / "d.json"
    data.write_text(json.dumps([{"instruction": "解释量子计算", "input": "", "output": "量子计算利用量子比特。"}] * 3,
                               ensure_ascii=False), encoding="utf-8")
    cache = tmp_path / "cache"
    a = SlowTokenizer(alpaca_tok)
    r1 = datasets.build_records("sft", [data], a, 64, cache=cache)
    assert len(list(cache.iterdir())) == 1
    r1b = datasets.build_records("sft", [data], a, 64, cache=cache)      # reused
    assert len(list(cache.iterdir())) == 1 and np.array_equal(r1.input_ids, r1b.input_ids)
    b = SlowTokenizer(llama_tok)
    b.add_pad_token()
    r2 = datasets.build_records("sft", [data], b, 64, cache=cache)      # another tokenizer: rebuilt
    assert len(list(cache.iterdir())) == 2 and not np.array_equal(r1.input_ids, r2.input_ids)
    datasets.build_records("sft", [data], a, 32, cache=cache)            # another length: rebuilt
    data.write_text(data.read_text(encoding="utf-8").replace("量子比特", "量子位"), encoding="utf-8")
    datasets.build_records("sft", [data], a, 64, cache=cache)            # changed data: rebuilt
    assert len(list(cache.iterdir())) == 4


def test_bad_data_is_named_before_any_work(tmp_path, alpaca_tok):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"instruction": "a", "output": "b"}, {"instruction": "c", "input": ""}]))
    with pytest.raises(UserError, match=r'bad.json: record 1 has no "output"'):
        datasets.validate("sft", bad)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UserError, match="holds no .json files"):
        datasets.validate("sft", empty)
    (tmp_path / "broken.json").write_text("[{")
    with pytest.raises(UserError, match="not valid JSON"):
        datasets.validate("sft", tmp_path / "broken.json")


def test_vocabulary_pair_rules_and_messages():
    for pair in [(32000, 32000), (32000, 49953), (49953, 49953), (49954, 49954)]:
        checks.check_pt_pair(*pair)
    with pytest.raises(UserError) as e:
        checks.check_pt_pair(49953, 49954)
    assert str(e.value).startswith(
        "The combination of base model (size: 49953) and tokenizer (size: 49954) is not a valid configuration. "
        "Please check our project wiki for further information. \nValid configurations (base model / tokenizer):\n"
        "- Continue pre-training original LLaMA: 32000 / 32000 \n")
    with pytest.raises(UserError, match="The vocab size of the tokenizer must be 49954, but found 32000.\n"
                                        "Please use Chinese Alpaca tokenizer!"):
        checks.check_sft_tokenizer(32001, 32000)


def test_plan_refuses_wrong_tokenizer_and_lora_for_another_base(models, tmp_path, llama_tok, alpaca_tok):
    base = models.llama(tokenizer="llama", dtype="float32")
    data = tmp_path / "d.json"
    data.write_text(json.dumps([{"instruction": "a", "input": "", "output": "b"}]))
    pt = tmp_path / "p.txt"
    pt.write_text("一些文本\n")
    with pytest.raises(UserError, match="must be 49954, but found 32000"):
        plan_training(TrainSettings("sft", base, data, tmp_path / "o"))
    with pytest.raises(UserError, match=r"base model \(size: 32000\) and tokenizer \(size: 49954\)"):
        plan_training(TrainSettings("pt", base, pt, tmp_path / "o", tokenizer=alpaca_tok))
    plan = plan_training(TrainSettings("sft", base, data, tmp_path / "o", tokenizer=alpaca_tok))
    assert plan.tokenizer_vocab == 49954 and plan.modules_to_save == ["embed_tokens", "lm_head"]
    narrow = models.llama(tokenizer="chinese_alpaca", hidden=32, dtype="float32")
    wide = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    lora = models.lora(wide, r=2, alpha=4)
    with pytest.raises(UserError, match="trained for a model of width 64"):
        plan_training(TrainSettings("sft", narrow, data, tmp_path / "o2", peft_path=lora))


def test_preview_cli_json_and_stats(tmp_path, alpaca_tok, capsys):
    sample = factory.shared_file("alpaca_zh_sample.json")
    assert cli_main(["train", "sft", "--tokenizer", str(alpaca_tok), "--data", str(sample),
                     "--preview", "2", "--json"]) == 0
    recs = json.loads(capsys.readouterr().out)
    first = json.loads(sample.read_text(encoding="utf-8"))[0]
    assert len(recs) == 2
    r = recs[0]
    k = next(i for i, v in enumerate(r["labels"]) if v != -100)
    assert r["input_ids"][0] == 1 and r["labels"][:k] == [-100] * k and r["labels"][k:] == r["input_ids"][k:]
    assert r["prompt"].endswith("### Response:") or r["prompt"].endswith("### Response: ")
    assert first["instruction"] in r["prompt"] and r["response"].strip() == first["output"].strip()
    st = datasets.stats("sft", sample, alpaca_tok, max_length=128, cache=tmp_path / "c")
    assert st["records"] == len(json.loads(sample.read_text(encoding="utf-8")))
    assert sum(b["count"] for b in st["histogram"]) == st["records"] and 0 < st["truncated"] < st["records"]


def test_hardware_plan_on_cpu(models):
    base = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    p = hardware.plan(base, {"mode": "sft", "max_length": 256})
    assert p["device"] == "cpu" and p["micro_batch"] * p["grad_accum"] == 8
    assert p["checkpointing"] is False and p["qlora_suggested"] is False and p["memory_needed"] > 0


def test_qlora_refused_without_cuda(models, tmp_path):
    base = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    data = tmp_path / "d.json"
    data.write_text(json.dumps([{"instruction": "a", "input": "", "output": "b"}]))
    with pytest.raises(UserError, match="--qlora needs an NVIDIA GPU with CUDA and the bitsandbytes package"):
        plan_training(TrainSettings("sft", base, data, tmp_path / "o", qlora=True, cpu=True))


def test_cli_failure_is_one_line_and_an_end_event(tmp_path, capsys, models):
    base = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"instruction": "a"}]))
    rc = cli_main(["train", "sft", "--base", str(base), "--data", str(bad), "--out", str(tmp_path / "o")])
    assert rc == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: ") and 'record 0 has no "output"' in err[-1]
    events = [json.loads(x) for x in (tmp_path / "o" / "metrics.jsonl").read_text().splitlines()]
    assert events[-1]["event"] == "end" and events[-1]["status"] == "failed"

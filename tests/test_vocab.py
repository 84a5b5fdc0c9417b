"""Vocabulary expansion: upstream's merge on the real tokenizers, the efficiency report, the CLI, the trainer."""
from __future__ import annotations

import json

import pytest
import sentencepiece as spm
from sentencepiece import sentencepiece_model_pb2 as pb

from app.cli import main as cli_main
from engine.errors import UserError
from tests.factory import shared_file
from training import vocab


def _proto(path) -> pb.ModelProto:
    m = pb.ModelProto()
    m.ParseFromString(open(path, "rb").read())
    return m


def test_merge_size_and_order_on_the_real_tokenizers(tmp_path):
    out = tmp_path / "merged.model"
    added = vocab.merge_tokenizer_files(shared_file("llama_tokenizer.model"), shared_file("chinese_sp.model"), out)
    llama, chinese, merged = (_proto(shared_file("llama_tokenizer.model")), _proto(shared_file("chinese_sp.model")),
                              _proto(out))
    assert added == 17953 and len(merged.pieces) == 49953
    # LLaMA's 32000 pieces, scores and specs untouched
    assert [(p.piece, p.score, p.type) for p in merged.pieces[:32000]] == \
           [(p.piece, p.score, p.type) for p in llama.pieces]
    assert merged.normalizer_spec == llama.normalizer_spec and merged.trainer_spec == llama.trainer_spec
    # the Chinese pieces LLaMA lacks, in the Chinese model's order, score 0
    known = {p.piece for p in llama.pieces}
    expected = [p.piece for p in chinese.pieces if p.piece not in known]
    assert [p.piece for p in merged.pieces[32000:]] == expected
    assert {p.score for p in merged.pieces[32000:]} == {0.0}
    sp = spm.SentencePieceProcessor()
    sp.Load(str(out))
    assert sp.encode("白日依山尽，黄河入海流", out_type=str) == ["▁白", "日", "依", "山", "尽", "，", "黄河", "入", "海", "流"]


def test_cli_merge_writes_model_and_hf_tokenizer_and_reports_the_gain(tmp_path, capsys):
    rc = cli_main(["vocab", "merge", "--llama-tokenizer", str(shared_file("llama_tokenizer.model")),
                   "--chinese-sp", str(shared_file("chinese_sp.model")), "--out", str(tmp_path / "v"), "--json"])
    assert rc == 0
    r = json.loads(capsys.readouterr().out)
    assert r["pieces_added"] == 17953 and r["before_size"] == 32000 and r["after_size"] == 49953
    zh, en = r["per_1000_chars"]["zh"], r["per_1000_chars"]["en"]
    assert zh["before"] / zh["after"] > 1.8          # about 2x fewer tokens for Chinese
    assert en["before"] == en["after"]               # English unchanged
    hf = tmp_path / "v" / "merged_tokenizer_hf"
    assert (hf / "tokenizer.model").read_bytes() == (tmp_path / "v" / "chinese_llama.model").read_bytes()
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained(str(hf))
    assert len(tok) == 49953 and tok.eos_token == "</s>" and tok.pad_token is None


def test_efficiency_report_on_the_sample_text(tmp_path):
    merged = tmp_path / "m.model"
    vocab.merge_tokenizer_files(shared_file("llama_tokenizer.model"), shared_file("chinese_sp.model"), merged)
    text = shared_file("pt_zh_sample.txt").read_text(encoding="utf-8")[:5000]
    r = vocab.efficiency_report(shared_file("llama_tokenizer.model"), merged, {"zh": text})
    assert r["added"] == 17953
    assert r["per_1000_chars"]["zh"]["after"] < 0.6 * r["per_1000_chars"]["zh"]["before"]


def test_train_sentencepiece_then_merge(tmp_path, capsys):
    out = tmp_path / "mine.model"
    assert cli_main(["vocab", "train", "--corpus", str(shared_file("pt_zh_sample.txt")), "--vocab-size", "3000",
                     "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["vocab_size"] == 3000
    added = vocab.merge_tokenizer_files(shared_file("llama_tokenizer.model"), out, tmp_path / "merged.model")
    assert 0 < added < 3000
    with pytest.raises(UserError, match="missing or empty"):
        vocab.train_sentencepiece([tmp_path / "nope.txt"], 100, tmp_path / "x.model")

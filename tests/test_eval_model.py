"""C-Eval constrained decoding on a real model (SmolLM2-135M-Instruct): llama.cpp and transformers
give the logits upstream compares, the prefix cache changes nothing, and a run end to end."""
from __future__ import annotations

import json

import pytest

from engine.chat.backends import LoadOptions, load_model
from engine.eval import answers, prompts
from engine.eval.data import read_split
from tests.test_eval_fakes import SAMPLE

pytestmark = pytest.mark.slow        # real models: tens of seconds on two cores


def _prompts():
    dev = read_split(SAMPLE, "physician", "dev")
    history = prompts.few_shot_history("physician", dev, 2)
    return [prompts.build_prompt(q, history) for q in read_split(SAMPLE, "physician", "val")]


@pytest.fixture(scope="module")
def gguf_backend(smollm2_gguf_path):
    backend = load_model(smollm2_gguf_path, LoadOptions(context_size=1024, threads=1, use_gpu=False))
    yield backend
    backend.unload()


def test_llama_cpp_logits_match_a_fresh_full_evaluation(gguf_backend, smollm2_gguf_path):
    import llama_cpp
    ps = _prompts()
    ids = answers.choice_token_ids(gguf_backend.tokenize)
    cached = [gguf_backend.next_token_logits(p, ids) for p in ps]     # shared few-shot prefix reused
    # Reference: a separate llama.cpp context evaluating each prompt from scratch.
    import numpy as np
    ref = llama_cpp.Llama(model_path=str(smollm2_gguf_path), n_ctx=1024, n_threads=1, n_threads_batch=1,
                          verbose=False)
    try:
        for p, got in zip(ps, cached):
            ref.reset()
            tokens = ref.tokenize(p.encode(), add_bos=True, special=True)
            ref.eval(tokens)
            row = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ref.ctx, -1), shape=(ref.n_vocab(),))
            assert got == pytest.approx([float(row[i]) for i in ids], abs=2e-3)
    finally:
        ref.close()
    # The same prompt twice (fully cached but for its last token) gives the same logits.
    assert gguf_backend.next_token_logits(ps[0], ids) == pytest.approx(cached[0], abs=1e-4)


@pytest.fixture(scope="module")
def hf_backend(smollm2_hf_dir):
    backend = load_model(smollm2_hf_dir, LoadOptions(device="cpu", dtype="float32", threads=1))
    yield backend
    backend.unload()


def test_transformers_logits_give_upstreams_generate_scores(hf_backend):
    import torch
    backend = hf_backend
    prompt = _prompts()[1]
    ids = answers.choice_token_ids(backend.tokenize)
    raw = backend.next_token_logits(prompt, ids)
    # Upstream's exact call (llama_evaluator.py, constrained decoding) and its first-step scores.
    enc = backend.tokenizer(prompt, return_tensors="pt")
    torch.manual_seed(0)
    out = backend.model.generate(**enc, temperature=0.2, top_k=0, top_p=1.0, do_sample=True, num_beams=1,
                                 repetition_penalty=1.1, max_new_tokens=1, output_scores=True,
                                 return_dict_in_generate=True,
                                 pad_token_id=backend.tokenizer.eos_token_id)
    upstream = out.scores[0][0].float()
    prompt_ids = set(enc["input_ids"][0].tolist())
    ours = [answers.process_score(t, v, prompt_ids) for t, v in zip(ids, raw)]
    assert ours == pytest.approx([float(upstream[i]) for i in ids], rel=1e-4, abs=1e-3)
    sums = [float(upstream[ids[i]] + upstream[ids[i + 4]]) for i in range(4)]
    letter, _ = answers.constrained_choice(ids, raw, prompt_ids)
    assert letter == "ABCD"[max(range(4), key=lambda i: sums[i])]


def test_cli_end_to_end_on_the_gguf(smollm2_gguf_path, tmp_path, capsys):
    from app.cli import main
    out = tmp_path / "run"
    args = ["eval", "ceval", "--model", str(smollm2_gguf_path), "--data", str(SAMPLE), "--few-shot", "1",
            "--subjects", "physician,logic", "--out", str(out), "--threads", "1", "--ctx", "1024", "--json"]
    assert main(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["All"]["num"] == 7 and summary["physician"]["num"] == 4
    preds = json.loads((out / "predictions.json").read_text(encoding="utf-8"))
    assert set(preds) == {"physician", "logic"} and len(preds["physician"]) == 4
    assert all(v in "ABCD" for s in preds.values() for v in s.values())
    correct = sum(preds[s][q.id] == q.answer for s in preds for q in read_split(SAMPLE, s, "val"))
    assert summary["All"]["correct"] == correct
    # The same settings again: nothing to evaluate, the same predictions.
    assert main(args) == 0
    capsys.readouterr()
    assert json.loads((out / "predictions.json").read_text(encoding="utf-8")) == preds


def test_transformers_batch_matches_one_at_a_time(hf_backend):
    backend = hf_backend
    ps = _prompts() + ["UDP协议是____。\nA. 面向连接的\nB. 无连接的\nC. 可靠的\nD. 有拥塞控制的\n答案："]
    ids = answers.choice_token_ids(backend.tokenize)
    batch = backend.next_token_logits_batch(ps, ids)          # prompts of different lengths, left-padded
    for p, row in zip(ps, batch):
        assert row == pytest.approx(backend.next_token_logits(p, ids), abs=2e-3)

"""run_ceval through the real model host with a backend whose logits are forced: exact scores,
the output files, the test split, resume, refusals, and the CLI."""
from __future__ import annotations

import json

import pytest

import engine.chat.backends as backends
from engine.errors import UserError
from engine.eval import EvalConfig, run_ceval
from engine.eval.data import read_split
from engine.host import ModelHost
from engine.jobs import Cancelled, CancelToken, ProgressReporter
from tests.test_eval_fakes import SAMPLE, ForcedBackend, answer_key

SUBJECTS = ["computer_network", "marxism", "logic", "physician"]
# Questions answered wrong ('D' is never right in the sample): 1 in STEM, 1 in Humanities.
WRONG = {"UDP协议是____。", "三段论有几个项？"}


def _key(split="val"):
    rows = {}
    for s in SUBJECTS:
        for q in read_split(SAMPLE, s, split):
            rows[q.question] = q.answer or "A"
    return rows


@pytest.fixture
def forced(monkeypatch):
    backend = ForcedBackend(answer_key(_key(), WRONG))
    test_rows = _key("test")

    def load(path, options=None, **kw):
        backend.options = options
        return backend
    monkeypatch.setattr(backends, "load_model", load)
    backend.test_rows = test_rows
    host = ModelHost()
    yield backend, host
    host.shutdown()


def _config(tmp_path, **kw):
    base = dict(model=str(tmp_path / "m.gguf"), data_dir=str(SAMPLE), out_dir=str(tmp_path / "out"), few_shot=0)
    base.update(kw)
    return EvalConfig(**base)


def test_scores_predictions_and_summary_are_exact(forced, tmp_path):
    backend, host = forced
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    seen = []
    result = run_ceval(host, _config(tmp_path), on_subject=seen.append)
    out = tmp_path / "out"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert list(summary) == SUBJECTS + ["grouped", "All"]
    assert summary["computer_network"] == {"score": pytest.approx(200 / 3), "num": 3, "correct": 2}
    assert summary["marxism"] == {"score": 100.0, "num": 2, "correct": 2}
    assert summary["logic"]["correct"] == 2 and summary["physician"]["correct"] == 4
    assert summary["grouped"]["STEM"] == {"correct": 2.0, "num": 3, "score": pytest.approx(2 / 3)}
    assert summary["grouped"]["Social Science"]["score"] == 1.0
    assert summary["grouped"]["Humanities"] == {"correct": 2.0, "num": 3, "score": pytest.approx(2 / 3)}
    assert summary["All"] == {"score": pytest.approx(10 / 12), "num": 12, "correct": 10.0}
    preds = json.loads((out / "predictions.json").read_text(encoding="utf-8"))
    assert preds["computer_network"] == {"0": "D", "1": "B", "2": "C"}
    assert preds["physician"] == {"0": "B", "1": "C", "2": "A", "3": "B"}
    assert not (out / "submission.json").exists()
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["complete"] and run["questions"] == 12 and run["evaluated"] == 12
    assert [r.subject for r in seen] == SUBJECTS and seen[0].correct == 2
    assert result.questions_per_second > 0 and backend.calls == 12
    # Zero-shot: the bare question, no header.
    assert backend.prompts[0] == ("UDP协议是____。\nA. 面向连接的\nB. 无连接的\nC. 可靠的\nD. 有拥塞控制的\n答案：")


def test_test_split_writes_the_submission(forced, tmp_path):
    backend, host = forced
    backend.choose = answer_key(backend.test_rows)
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    run_ceval(host, _config(tmp_path, split="test", few_shot=5, with_prompt=True))
    out = tmp_path / "out"
    sub = json.loads((out / "submission.json").read_text(encoding="utf-8"))
    assert sub == {"computer_network": {"0": "A", "1": "A"}, "marxism": {"0": "A"}, "logic": {"0": "A"},
                   "physician": {"0": "A", "1": "A"}}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["All"] == {"score": None, "num": 6, "correct": None}
    assert backend.prompts[0].startswith("Below is an instruction")
    assert "以下是中国关于computer_network考试" in backend.prompts[0]


def test_a_stopped_run_continues_where_it_was(forced, tmp_path):
    backend, host = forced
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    cancel = CancelToken()

    def listener(p):
        if p.unit == "questions" and p.done >= 4:
            cancel.cancel()
    with pytest.raises(Cancelled):
        run_ceval(host, _config(tmp_path), progress=ProgressReporter(listener, min_interval=0), cancel=cancel)
    first = backend.calls
    assert 4 <= first <= 5
    assert not (tmp_path / "out" / "summary.json").exists()
    result = run_ceval(host, _config(tmp_path))
    assert backend.calls == 12 and result.evaluated == 12 - first
    assert result.summary["All"]["correct"] == 10.0
    # Nothing left: a third start only rewrites the files.
    again = run_ceval(host, _config(tmp_path))
    assert again.evaluated == 0 and backend.calls == 12


def test_other_settings_in_the_same_folder_are_refused(forced, tmp_path):
    backend, host = forced
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    run_ceval(host, _config(tmp_path, subjects=["logic"]))
    with pytest.raises(UserError, match="other settings .*few_shot"):
        run_ceval(host, _config(tmp_path, subjects=["logic"], few_shot=1))
    result = run_ceval(host, _config(tmp_path, subjects=["logic"], few_shot=1, fresh=True))
    assert result.evaluated == 3


def test_cot_uses_free_text_and_upstream_extraction(forced, tmp_path):
    backend, host = forced
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    result = run_ceval(host, _config(tmp_path, subjects="marxism", cot=True, few_shot=2))
    assert result.summary["marxism"]["correct"] == 2
    assert backend.prompts[0].endswith("\n答案：让我们一步一步思考，\n1.")
    partial = json.loads((tmp_path / "out" / "partial" / "marxism.json").read_text(encoding="utf-8"))
    assert partial["answers"]["0"]["response"] == "让我们想想。所以答案是A。"


def test_refusals_come_before_the_model_loads(forced, tmp_path):
    backend, host = forced
    with pytest.raises(UserError, match=r"C-Eval file not found: .*law_val\.csv"):
        run_ceval(host, _config(tmp_path, subjects="law"))
    with pytest.raises(UserError, match=r"logic_dev\.csv has 5 examples, fewer than --few-shot 6"):
        run_ceval(host, _config(tmp_path, subjects="logic", few_shot=6))
    with pytest.raises(UserError, match="data folder not found"):
        run_ceval(host, _config(tmp_path, data_dir=str(tmp_path / "nope")))
    assert host.info is None and backend.calls == 0


def test_cli_runs_and_prints_the_groups(forced, tmp_path, capsys):
    from app.cli import main
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    out = tmp_path / "cli"
    rc = main(["eval", "ceval", "--model", str(tmp_path / "m.gguf"), "--data", str(SAMPLE), "--few-shot", "0",
               "--subjects", "computer_network,physician", "--out", str(out), "--quiet", "--save-csv"])
    text = capsys.readouterr().out
    assert rc == 0
    assert "STEM" in text and "All" in text and "85.7" in text          # 6/7
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["All"]["num"] == 7
    rows = (out / "csv" / "computer_network_val.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,question,A,B,C,D,answer,model_output,correctness"
    assert rows[1].endswith(",B,D,0") and rows[2].endswith(",B,B,1")
    assert main(["eval", "ceval", "--model", str(tmp_path / "m.gguf"), "--data", str(tmp_path / "none"),
                 "--out", str(out)]) == 1
    assert "data folder not found" in capsys.readouterr().err
    assert main(["eval", "subjects"]) == 0
    assert "计算机网络" in capsys.readouterr().out


class BatchedBackend(ForcedBackend):
    """Scores several prompts per call, as the transformers backend does."""

    def __init__(self, choose) -> None:
        super().__init__(choose)
        self.batches: list[int] = []

    def next_token_logits_batch(self, prompts, token_ids):
        self.batches.append(len(prompts))
        return [self.next_token_logits(p, token_ids) for p in prompts]


def test_batched_backends_get_several_questions_per_request(monkeypatch, tmp_path):
    backend = BatchedBackend(answer_key(_key(), WRONG))
    monkeypatch.setattr(backends, "load_model", lambda path, options=None, **kw: backend)
    host = ModelHost()
    try:
        (tmp_path / "m.gguf").write_bytes(b"GGUF")
        result = run_ceval(host, _config(tmp_path, batch_size=3))
        # 3, 2, 3, 4 questions per subject: batches never cross a subject.
        assert backend.batches == [3, 2, 3, 3] and backend.calls == 12
        assert result.summary["All"]["correct"] == 10.0
    finally:
        host.shutdown()


def test_a_prompt_too_long_names_the_question(monkeypatch, tmp_path):
    from engine.errors import UserError as UE

    class Short(ForcedBackend):
        def next_token_logits(self, prompt, token_ids):
            if "三段论" in prompt:
                raise UE("The prompt is 3000 tokens, longer than the 2048-token context.",
                         "Load the model with a larger context size.")
            return super().next_token_logits(prompt, token_ids)
    backend = Short(answer_key(_key(), WRONG))
    monkeypatch.setattr(backends, "load_model", lambda path, options=None, **kw: backend)
    host = ModelHost()
    try:
        (tmp_path / "m.gguf").write_bytes(b"GGUF")
        with pytest.raises(UserError, match=r"logic_val\.csv, question id 0: The prompt is 3000 tokens") as err:
            run_ceval(host, _config(tmp_path))
        assert "larger context" in err.value.hint
        # What was answered before is kept.
        kept = json.loads((tmp_path / "out" / "partial" / "marxism.json").read_text(encoding="utf-8"))
        assert len(kept["answers"]) == 2
    finally:
        host.shutdown()

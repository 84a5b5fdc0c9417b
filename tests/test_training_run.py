"""A tiny real SFT run: the loss falls, the LoRA loads into PEFT, merges with the Merge engine and chats;
a resumed run continues the step count and gives the same losses as an uninterrupted one."""
from __future__ import annotations

import json

import pytest
import torch

from engine.jobs import CancelToken
from tests import factory
from training.train import TrainSettings, plan_training, run_training


@pytest.fixture(scope="module")
def sft_data(tmp_path_factory):
    return factory.alpaca_sample(tmp_path_factory.mktemp("sft"), 8)


def _settings(base, data, out, **kw):
    base_kw = dict(max_steps=8, lr=5e-3, length=96, batch_size=4, logging_steps=1, save_steps=4, seed=7,
                   cache_dir=out.parent / "cache", cpu=True)
    base_kw.update(kw)
    return TrainSettings("sft", base, data, out, **base_kw)


def _events(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def trained(models, sft_data, tmp_path_factory):
    base = models.llama(tokenizer="chinese_llama", dtype="float32")     # 49953: SFT adds [PAD] -> 49954
    out = tmp_path_factory.mktemp("run") / "out"
    plan = plan_training(_settings(base, sft_data, out))
    result = run_training(plan, cancel=CancelToken())
    return base, out, result


def test_loss_falls_and_metrics_follow_the_contract(trained):
    base, out, result = trained
    losses = result.details["losses"]
    assert len(losses) == 8 and sum(losses[-2:]) / 2 < sum(losses[:2]) / 2 - 0.05
    events = _events(out / "metrics.jsonl")
    assert events[0]["event"] == "start" and events[0]["max_steps"] == 8
    assert events[0]["config"]["modules_to_save"] == ["embed_tokens", "lm_head"]   # the vocabulary grew
    steps = [e for e in events if e["event"] == "step"]
    assert [e["step"] for e in steps] == list(range(1, 9))
    for e in steps:
        assert set(e) >= {"step", "max_steps", "epoch", "loss", "lr", "tokens_per_s", "gpu_mem_gb", "eta_s", "time"}
        assert e["tokens_per_s"] > 0 and e["gpu_mem_gb"] is None
    assert [e["step"] for e in events if e["event"] == "checkpoint"] == [4, 8]
    assert events[-1] == {**events[-1], "event": "end", "status": "done", "lora_dir": str(out / "lora")}


def test_lora_loads_into_peft_merges_and_chats(trained, tmp_path):
    from peft import PeftModel
    from transformers import LlamaForCausalLM

    from engine.chat.backends import LoadOptions, load_model
    from engine.chat.presets import GenerationSettings
    from engine.merge import merge

    base, out, _ = trained
    lora = out / "lora"
    names = {p.name for p in lora.iterdir()}
    assert {"adapter_config.json", "adapter_model.safetensors", "tokenizer.model", "tokenizer_config.json",
            "special_tokens_map.json", "added_tokens.json"} <= names
    cfg = json.loads((lora / "adapter_config.json").read_text())
    assert cfg["r"] == 8 and cfg["lora_alpha"] == 32 and cfg["lora_dropout"] == 0.05
    assert set(cfg["target_modules"]) == {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}
    model = LlamaForCausalLM.from_pretrained(str(base), dtype=torch.float32)
    model.resize_token_embeddings(49954)
    peft_model = PeftModel.from_pretrained(model, str(lora)).eval()
    assert peft_model.base_model.model.model.embed_tokens.modules_to_save["default"].weight.shape[0] == 49954
    ids = torch.tensor([[1, 13866, 338, 40000, 29871, 49000]])
    with torch.no_grad():
        expected = peft_model(ids).logits
    merge(base, [lora], tmp_path / "merged", dtype="float32")
    merged = LlamaForCausalLM.from_pretrained(str(tmp_path / "merged"), dtype=torch.float32).eval()
    assert merged.config.vocab_size == 49954
    with torch.no_grad():
        assert torch.allclose(merged(ids).logits, expected, atol=1e-4)
    greedy = GenerationSettings(temperature=0.0, top_k=1, max_new_tokens=4, seed=1)
    backend = load_model(tmp_path / "merged", LoadOptions(device="cpu"))
    try:
        merged_text = "".join(backend.generate("你好", greedy))
    finally:
        backend.unload()
    # Chat also takes the LoRA as it is, unmerged on the base, and answers the same
    backend = load_model(base, LoadOptions(device="cpu", lora=str(lora)))
    try:
        assert "".join(backend.generate("你好", greedy)) == merged_text
    finally:
        backend.unload()


def test_resume_continues_the_step_count_and_the_losses(models, sft_data, tmp_path, trained):
    base, _, full = trained
    out = tmp_path / "out"
    cancel = CancelToken()
    plan = plan_training(_settings(base, sft_data, out, save_steps=100))

    class StopAt3:
        def __init__(self):
            self.n = 0

        def __call__(self, p):
            if p.status == "Training" and p.done >= 3:
                cancel.cancel()

    from engine.jobs import ProgressReporter
    r1 = run_training(plan, progress=ProgressReporter(StopAt3(), min_interval=0), cancel=cancel)
    assert r1.details["status"] == "stopped" and r1.details["step"] in (3, 4)
    stopped_at = r1.details["step"]
    ck = out / "checkpoints" / f"checkpoint-{stopped_at}"
    assert (ck / "adapter_model.safetensors").is_file() and (ck / "tokenizer.model").is_file()
    events = _events(out / "metrics.jsonl")
    assert events[-1]["event"] == "end" and events[-1]["status"] == "stopped" and events[-1]["lora_dir"] == str(ck)
    r2 = run_training(plan_training(_settings(base, sft_data, out, save_steps=100, resume=True)))
    assert r2.details["status"] == "done" and r2.details["step"] == 8
    events = _events(out / "metrics.jsonl")
    resumed = [e for e in events[events.index(next(e for e in events if e["event"] == "end")) + 1:]
               if e["event"] == "step"]
    assert [e["step"] for e in resumed] == list(range(stopped_at + 1, 9))
    # same data order, RNG (dropout), optimizer and schedule: the losses of the uninterrupted run
    for e in resumed:
        assert abs(e["loss"] - full.details["losses"][e["step"] - 1]) < 1e-5


def test_continue_from_a_lora_and_a_pt_run(trained, tmp_path, models):
    from safetensors.torch import load_file

    base, out, _ = trained
    # continue the trained LoRA (its tokenizer and config come with it)
    cont = run_training(plan_training(_settings(base, trained_data(out), tmp_path / "cont", max_steps=2,
                                                peft_path=out / "lora")))
    assert cont.details["status"] == "done"
    before = load_file(str(out / "lora" / "adapter_model.safetensors"))
    after = load_file(str(tmp_path / "cont" / "lora" / "adapter_model.safetensors"))
    assert before.keys() == after.keys()
    assert any(not torch.equal(before[k], after[k]) for k in before if "lora_B" in k)
    # PT: text lines grouped into blocks, labels = input_ids, no vocabulary growth -> no modules_to_save
    alpaca = models.llama(tokenizer="chinese_alpaca", dtype="float32")
    text = factory.shared_file("pt_zh_sample.txt").read_text(encoding="utf-8").splitlines()[:200]
    (tmp_path / "pt").mkdir()
    (tmp_path / "pt" / "a.txt").write_text("\n".join(text), encoding="utf-8")
    plan = plan_training(TrainSettings("pt", alpaca, tmp_path / "pt", tmp_path / "ptout", max_steps=2, length=64,
                                       batch_size=2, cpu=True, cache_dir=tmp_path / "cache"))
    assert plan.modules_to_save == [] and plan.lr == 2e-4
    r = run_training(plan)
    assert r.details["status"] == "done" and len(r.details["losses"]) == 2
    assert json.loads((tmp_path / "ptout" / "lora" / "adapter_config.json").read_text())["modules_to_save"] is None


def trained_data(out):
    return json.loads((out / "metrics.jsonl").read_text().splitlines()[0])["config"]["data"]


def test_no_disk_for_checkpoints_is_refused(tmp_path):
    from engine.errors import UserError
    from training import checks

    with pytest.raises(UserError, match="Not enough disk space for training checkpoints"):
        checks.check_output(tmp_path / "out", 1 << 60, resume=False)

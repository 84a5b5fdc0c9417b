"""The merge engine on real tiny models: equal to PEFT's merge, upstream's checks, outputs, cancel."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch

from engine.errors import UserError
from engine.hashing import sha256_file
from engine.jobs import Cancelled, CancelToken, ProgressReporter
from engine.merge import merge, plan_merge
from engine.merge.lora import tokenizer_size
from tests.merge_fixtures import ALL_PROJ, EMBED, hf_state, hf_to_meta, max_diff, meta_state, peft_merge


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_single_lora_equals_peft_merge_and_logits(base, llama_plus, tmp_path):
    before = {p.name: sha256_file(p) for p in [*base.iterdir(), *llama_plus.iterdir()]}
    result = merge(base, [llama_plus], tmp_path / "out", dtype="float32")
    out = tmp_path / "out"
    assert result.details["vocab_size"] == 49953
    ref = peft_merge(base, [llama_plus], dtype="float32")
    ours = hf_state(out)
    assert max_diff(ours, ref.state_dict()) < 1e-5
    assert ours["model.embed_tokens.weight"].shape == (49953, 64)
    # the merged model answers like the unmerged base + LoRA
    from peft import PeftModel
    from transformers import LlamaForCausalLM
    unmerged = LlamaForCausalLM.from_pretrained(str(base), torch_dtype=torch.float32)
    unmerged.resize_token_embeddings(49953, mean_resizing=False)
    unmerged = PeftModel.from_pretrained(unmerged, str(llama_plus)).float().eval()
    merged = LlamaForCausalLM.from_pretrained(str(out)).eval()
    assert merged.config.vocab_size == 49953
    ids = torch.tensor([[1, 345, 40000, 29871, 49000, 7]])
    with torch.no_grad():
        a, b = unmerged(ids).logits, merged(ids).logits
    assert torch.allclose(a, b, atol=1e-4), (a - b).abs().max()
    # tokenizer files come from the LoRA; inputs untouched; SHA256SUMS right
    assert tokenizer_size(out) == 49953
    assert (out / "tokenizer.model").read_bytes() == (llama_plus / "tokenizer.model").read_bytes()
    assert before == {p.name: sha256_file(p) for p in [*base.iterdir(), *llama_plus.iterdir()]}
    sums = dict(line.split("  ")[::-1] for line in (out / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == {p.name for p in out.iterdir()} - {"SHA256SUMS"}
    assert all(sha256_file(out / name) == digest for name, digest in sums.items())


def test_plus_chain_grows_vocabulary_and_matches_sequential_peft(base, llama_plus, alpaca_plus, tmp_path):
    out = tmp_path / "alpaca-plus"
    plan = plan_merge(base, [llama_plus, alpaca_plus], out)
    assert plan.vocab_steps == [32000, 49953, 49954]
    assert plan.peak_memory < 600 * 1024 ** 2
    plan.close()
    merge(base, [llama_plus, alpaca_plus], out)
    ref = peft_merge(base, [llama_plus, alpaca_plus]).state_dict()
    ours = hf_state(out)
    assert ours["lm_head.weight"].shape == (49954, 64) and ours["lm_head.weight"].dtype == torch.float16
    # PEFT rounds to fp16 after each LoRA, we round once: a couple of fp16 steps apart at most
    assert max_diff(ours, ref) < 4e-3
    assert json.loads((out / "config.json").read_text())["vocab_size"] == 49954
    assert tokenizer_size(out) == 49954
    from transformers import AutoTokenizer
    assert len(AutoTokenizer.from_pretrained(str(out), use_fast=False)) == 49954


def test_reversed_plus_order_is_refused_or_fixed(base, llama_plus, alpaca_plus, tmp_path):
    with pytest.raises(UserError) as err:
        merge(base, [alpaca_plus, llama_plus], tmp_path / "x")
    assert "wrong order" in err.value.message
    assert f"{llama_plus.name} → {alpaca_plus.name}" in err.value.hint
    assert not (tmp_path / "x").exists()
    fixed = merge(base, [alpaca_plus, llama_plus], tmp_path / "fixed", fix_order=True)
    assert "order corrected" in fixed.details["notices"][0]
    merge(base, [llama_plus, alpaca_plus], tmp_path / "right")
    assert _files(tmp_path / "fixed") == _files(tmp_path / "right")


def test_same_inputs_give_byte_identical_outputs(base, llama_plus, tmp_path):
    merge(base, [llama_plus], tmp_path / "a", shard_bytes=4 * 1024 ** 2)
    merge(base, [llama_plus], tmp_path / "b", shard_bytes=4 * 1024 ** 2)
    a = _files(tmp_path / "a")
    assert len([n for n in a if n.endswith(".safetensors")]) > 1
    assert "model.safetensors.index.json" in a
    assert a == _files(tmp_path / "b")
    from transformers import LlamaForCausalLM
    assert LlamaForCausalLM.from_pretrained(str(tmp_path / "a")).config.vocab_size == 49953


def test_bin_inputs_give_the_same_model(models, base, llama_plus, tmp_path):
    bin_base = models.llama(fmt="bin-sharded")          # same seed: same weights as `base`
    bin_lora = models.lora(base, targets=ALL_PROJ, modules_to_save=EMBED, tokenizer="chinese_llama",
                           safetensors=False)
    assert (bin_lora / "adapter_model.bin").exists() and len(list(bin_base.glob("pytorch_model-*.bin"))) > 1
    merge(base, [llama_plus], tmp_path / "st")
    merge(bin_base, [bin_lora], tmp_path / "bin")
    assert (tmp_path / "st" / "model.safetensors").read_bytes() == (tmp_path / "bin" / "model.safetensors").read_bytes()


@pytest.mark.parametrize("shards", [1, 2])
def test_meta_format_base_gives_the_same_model(base, llama_plus, tmp_path, shards):
    meta_dir = hf_to_meta(base, tmp_path / "llama" / "7B", n_shards=shards)
    merge(base, [llama_plus], tmp_path / "from-hf")
    merge(meta_dir, [llama_plus], tmp_path / "from-meta")
    assert (tmp_path / "from-hf" / "model.safetensors").read_bytes() == \
        (tmp_path / "from-meta" / "model.safetensors").read_bytes()


def test_pth_output_round_trips(base, llama_plus, tmp_path):
    merge(base, [llama_plus], tmp_path / "hf")
    merge(base, [llama_plus], tmp_path / "pth", out_format="pth", pth_shards=2)
    pth = tmp_path / "pth"
    assert sorted(p.name for p in pth.glob("*.pth")) == ["consolidated.00.pth", "consolidated.01.pth"]
    assert not list(pth.glob(".*"))
    params = json.loads((pth / "params.json").read_text())
    assert params == dict(dim=64, multiple_of=256, n_heads=4, n_layers=2, norm_eps=1e-06, vocab_size=-1)
    shard0 = torch.load(str(pth / "consolidated.00.pth"), weights_only=True)
    shard1 = torch.load(str(pth / "consolidated.01.pth"), weights_only=True)
    assert shard0["output.weight"].shape == (24976, 64) and shard1["output.weight"].shape == (24977, 64)
    assert shard0["tok_embeddings.weight"].shape == (49953, 32)
    assert max_diff(meta_state(pth), hf_state(tmp_path / "hf")) == 0
    sums = dict(line.split("  ")[::-1] for line in (pth / "SHA256SUMS").read_text().splitlines())
    assert sums["consolidated.01.pth"] == sha256_file(pth / "consolidated.01.pth")
    assert all(sha256_file(pth / name) == digest for name, digest in sums.items())
    # deterministic, and it reads back (memory-mapped) as a Meta-format base with the same tensors
    merge(base, [llama_plus], tmp_path / "pth-again", out_format="pth", pth_shards=2)
    assert _files(pth) == _files(tmp_path / "pth-again")
    from engine.merge.inputs import open_base
    reread = open_base(pth)
    assert reread.format == "meta-pth" and reread.architecture().vocab == 49953
    expected = hf_state(tmp_path / "hf")
    assert all(torch.equal(reread.read(k), expected[k]) for k in expected)
    reread.close()


def test_llama_tokenizer_with_alpaca_lora_is_named(alpaca_plus, base, llama_plus, tmp_path):
    mixed = tmp_path / "alpaca-with-llama-tokenizer"
    shutil.copytree(alpaca_plus, mixed)
    for name in ("tokenizer.model", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json"):
        (mixed / name).unlink(missing_ok=True)
        if (llama_plus / name).exists():
            shutil.copy(llama_plus / name, mixed / name)
    with pytest.raises(UserError) as err:
        plan_merge(base, [llama_plus, mixed], tmp_path / "out")
    assert "49954 rows" in err.value.message and "LLaMA tokenizer with an Alpaca LoRA" in err.value.message


def test_tokenizer_smaller_than_model_is_refused(models, tmp_path):
    cn_base = models.llama(tokenizer="chinese_llama", seed=3)
    plain = models.lora(models.llama(), targets=("q_proj",))     # 32000 tokenizer
    with pytest.raises(UserError) as err:
        plan_merge(cn_base, [plain], tmp_path / "out")
    assert "fewer than the 49953 (Chinese-LLaMA)" in err.value.message


def test_lora_for_another_size_is_named_before_any_work(models, base, tmp_path):
    wide = models.llama(hidden=96, heads=4, intermediate=256)
    wide_lora = models.lora(wide, targets=("q_proj", "v_proj"))
    with pytest.raises(UserError) as err:
        merge(base, [wide_lora], tmp_path / "out")
    assert "hidden size 96" in err.value.message and "hidden size 64" in err.value.message
    deep = models.llama(layers=3)
    deep_lora = models.lora(deep, targets=("q_proj",))
    with pytest.raises(UserError) as err:
        merge(base, [deep_lora], tmp_path / "out")
    assert "model.layers.2" in err.value.message and "2 layers" in err.value.message
    assert not (tmp_path / "out").exists()


def test_missing_files_and_wrong_folders(base, llama_plus, tmp_path):
    broken = tmp_path / "broken-lora"
    shutil.copytree(llama_plus, broken)
    (broken / "adapter_model.safetensors").unlink()
    with pytest.raises(UserError, match="no adapter_model.bin"):
        plan_merge(base, [broken], tmp_path / "out")
    with pytest.raises(UserError, match="is a LoRA, not a base"):
        plan_merge(llama_plus, [llama_plus], tmp_path / "out")
    with pytest.raises(UserError, match="does not exist"):
        plan_merge(tmp_path / "nowhere", [llama_plus], tmp_path / "out")
    with pytest.raises(UserError, match="overlaps"):
        plan_merge(base, [llama_plus], base / "merged")
    half = tmp_path / "half-downloaded"
    shutil.copytree(base, half)
    (half / "model.safetensors.index.json").write_text(json.dumps(
        {"weight_map": {"lm_head.weight": "model-00002-of-00002.safetensors"}}))
    with pytest.raises(UserError, match="model-00002-of-00002.safetensors missing"):
        plan_merge(half, [llama_plus], tmp_path / "out")


def test_too_little_disk_is_refused_first(base, llama_plus, tmp_path, monkeypatch):
    import shutil as sh
    from collections import namedtuple
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(sh, "disk_usage", lambda p: usage(10 ** 9, 10 ** 9 - 1000, 1000))
    with pytest.raises(UserError) as err:
        merge(base, [llama_plus], tmp_path / "out")
    assert "Not enough disk space" in err.value.message
    assert not (tmp_path / "out").exists()


def test_cancel_mid_merge_leaves_nothing(base, llama_plus, tmp_path):
    cancel = CancelToken()
    seen = []

    def listener(p):
        seen.append(p)
        if "tensor 8/" in p.status:
            cancel.cancel()

    with pytest.raises(Cancelled):
        merge(base, [llama_plus], tmp_path / "out", progress=ProgressReporter(listener, min_interval=0),
              cancel=cancel)
    assert not (tmp_path / "out").exists()
    assert list(tmp_path.iterdir()) == []
    assert any(p.unit == "bytes" and p.total for p in seen)


@pytest.mark.parametrize("kind,size", [("llama", 32000), ("chinese_llama", 49953), ("chinese_alpaca", 49954)])
def test_tokenizer_size_matches_transformers(tmp_path, kind, size):
    from transformers import AutoTokenizer

    from tests.factory import save_tokenizer
    save_tokenizer(kind, tmp_path / kind)
    tok = AutoTokenizer.from_pretrained(str(tmp_path / kind), use_fast=False)
    assert tokenizer_size(tmp_path / kind) == len(tok) == size


def test_cli_merges_and_reports_errors(base, llama_plus, tmp_path, capsys):
    from app.cli import main
    assert main(["merge", "--base", str(base), "--lora", str(llama_plus), "--out", str(tmp_path / "o"),
                 "--quiet"]) == 0
    assert (tmp_path / "o" / "model.safetensors").exists()
    capsys.readouterr()
    assert main(["merge", "--base", str(base), "--lora", str(llama_plus), "--out", str(tmp_path / "p"),
                 "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["vocab_steps"] == [32000, 49953] and plan["output_bytes"] > 0
    assert main(["merge", "--base", str(base), "--lora", str(llama_plus), "--out", str(tmp_path / "o")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


def test_cli_expands_a_catalog_id_to_its_downloaded_chain(base, llama_plus, alpaca_plus, tmp_path, capsys):
    from app.cli import main
    from engine.layout import lora_dir
    from engine.settings import SettingsStore

    settings = SettingsStore().settings
    shutil.copytree(llama_plus, lora_dir(settings, "chinese-llama-plus-7b"))
    shutil.copytree(alpaca_plus, lora_dir(settings, "chinese-alpaca-pro-7b"))
    assert main(["merge", "--base", str(base), "--lora", "chinese-alpaca-pro-7b", "--out", str(tmp_path / "o"),
                 "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["order"] == ["chinese-llama-plus-7b", "chinese-alpaca-pro-7b"]
    assert plan["vocab_steps"] == [32000, 49953, 49954]


def _variant(lora: Path, dst: Path, config_changes: dict, transform=None) -> Path:
    """A copy of a LoRA with its config changed and (optionally) its tensors rewritten."""
    from safetensors.torch import load_file, save_file

    shutil.copytree(lora, dst)
    cfg = json.loads((dst / "adapter_config.json").read_text())
    cfg.update(config_changes)
    (dst / "adapter_config.json").write_text(json.dumps(cfg))
    if transform is not None:
        state = load_file(str(dst / "adapter_model.safetensors"))
        save_file(transform(state), str(dst / "adapter_model.safetensors"))
    return dst


def test_fan_in_fan_out_adapters_are_transposed_as_upstream(base, llama_plus, tmp_path):
    def swap(state):   # fan_in_fan_out stores the pair so that (B' @ A')^T == B @ A
        out = {}
        for k, v in state.items():
            if ".lora_A." in k:
                out[k] = state[k.replace("lora_A", "lora_B")].t().contiguous()
            elif ".lora_B." in k:
                out[k] = state[k.replace("lora_B", "lora_A")].t().contiguous()
            else:
                out[k] = v
        return out

    fifo = _variant(llama_plus, tmp_path / "fifo", {"fan_in_fan_out": True}, swap)
    merge(base, [llama_plus], tmp_path / "plain")
    merge(base, [fifo], tmp_path / "fifo-out")
    assert (tmp_path / "plain" / "model.safetensors").read_bytes() == \
        (tmp_path / "fifo-out" / "model.safetensors").read_bytes()


def test_rslora_and_rank_patterns_scale_like_peft(base, llama_plus, tmp_path):
    variant = _variant(llama_plus, tmp_path / "rs", {"use_rslora": True, "alpha_pattern": {"q_proj": 32}})
    merge(base, [variant], tmp_path / "out", dtype="float32")
    ref = peft_merge(base, [variant], dtype="float32").state_dict()
    assert max_diff(hf_state(tmp_path / "out"), ref) < 1e-5
    plain = hf_state(merge(base, [llama_plus], tmp_path / "plain", dtype="float32") and tmp_path / "plain")
    assert max_diff(hf_state(tmp_path / "out"), plain) > 1e-3      # the scale really changed


def test_tokenizer_size_counts_a_pad_token_named_only_as_special(tmp_path):
    from transformers import AutoTokenizer

    from tests.factory import save_tokenizer
    folder = tmp_path / "alpaca"
    save_tokenizer("chinese_alpaca", folder)
    (folder / "added_tokens.json").unlink()        # [PAD] left only in special_tokens_map.json
    assert tokenizer_size(folder) == len(AutoTokenizer.from_pretrained(str(folder), use_fast=False)) == 49954
    AutoTokenizer.from_pretrained(str(folder), use_fast=False).save_pretrained(str(tmp_path / "resaved"))
    assert tokenizer_size(tmp_path / "resaved") == 49954


def test_real_model_with_grouped_kv_heads_and_tied_embeddings(smollm2_hf_dir, tmp_path):
    """SmolLM2-135M (real weights and tokenizer, 9 query / 3 key-value heads, tied lm_head)."""
    smollm2_hf = smollm2_hf_dir
    from peft import LoraConfig, get_peft_model
    from transformers import AutoTokenizer, LlamaForCausalLM

    torch.manual_seed(0)
    model = LlamaForCausalLM.from_pretrained(str(smollm2_hf), torch_dtype=torch.float32)
    peft_model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=list(ALL_PROJ),
                                                  lora_dropout=0.0, task_type="CAUSAL_LM"))
    with torch.no_grad():
        for name, p in peft_model.named_parameters():
            if "lora_" in name:
                p.normal_(0, 0.05)
    lora = tmp_path / "smol-lora"
    peft_model.save_pretrained(str(lora))
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        shutil.copy(smollm2_hf / name, lora / name)
    merge(smollm2_hf, [lora], tmp_path / "out", dtype="float32")
    merge(smollm2_hf, [lora], tmp_path / "pth", dtype="float32", out_format="pth")
    merged = LlamaForCausalLM.from_pretrained(str(tmp_path / "out")).eval()
    assert "lm_head.weight" not in hf_state(tmp_path / "out") and merged.config.tie_word_embeddings
    tok = AutoTokenizer.from_pretrained(str(tmp_path / "out"))
    ids = tok("The capital of France is", return_tensors="pt").input_ids
    with torch.no_grad():
        expected, got = peft_model.eval()(ids).logits, merged(ids).logits
    assert torch.allclose(expected, got, atol=1e-3), (expected - got).abs().max()   # float32, 30 layers
    assert json.loads((tmp_path / "pth" / "params.json").read_text())["n_kv_heads"] == 3
    assert max_diff(meta_state(tmp_path / "pth"), hf_state(tmp_path / "out")) == 0

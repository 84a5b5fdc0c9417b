"""The shared model fixtures build what they promise (other tests rely on them)."""
import json

import pytest

from tests import factory


def test_vocabulary_expansion_matches_upstream_numbers():
    import sentencepiece as spm
    from training.vocab import merge_sentencepiece

    llama = factory.shared_file("llama_tokenizer.model").read_bytes()
    chinese = factory.shared_file("chinese_sp.model").read_bytes()
    merged, added = merge_sentencepiece(llama, chinese)
    assert added == 17953
    sp = spm.SentencePieceProcessor(model_proto=merged)
    assert sp.get_piece_size() == 49953
    base = spm.SentencePieceProcessor(model_proto=llama)
    # LLaMA's own pieces keep their ids; Chinese text needs far fewer tokens afterwards.
    assert [sp.id_to_piece(i) for i in range(32000)] == [base.id_to_piece(i) for i in range(32000)]
    text = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
    assert len(sp.encode(text)) < len(base.encode(text)) / 1.5


@pytest.mark.parametrize("kind,size", [("llama", 32000), ("chinese_llama", 49953), ("chinese_alpaca", 49954)])
def test_tiny_llama_with_real_tokenizers(models, kind, size):
    from transformers import AutoTokenizer, LlamaForCausalLM

    folder = models.llama(tokenizer=kind)
    tok = AutoTokenizer.from_pretrained(str(folder))
    assert len(tok) == size
    model = LlamaForCausalLM.from_pretrained(str(folder))
    assert model.get_input_embeddings().weight.shape == (size, 64)
    assert (folder / "model.safetensors").exists() and (folder / "tokenizer.model").exists()
    if kind == "chinese_alpaca":
        assert tok.pad_token == "[PAD]" and tok.pad_token_id == 49953


def test_sharded_bin_variant(models):
    folder = models.llama(fmt="bin-sharded")
    shards = sorted(folder.glob("pytorch_model-*-of-*.bin"))
    assert len(shards) >= 2
    index = json.loads((folder / "pytorch_model.bin.index.json").read_text())
    assert set(index["weight_map"].values()) == {s.name for s in shards}


def test_lora_with_resized_vocab_and_modules_to_save(models, tiny_llama_dir):
    import torch
    from safetensors.torch import load_file

    plain = models.lora(tiny_llama_dir)
    sd = load_file(str(plain / "adapter_model.safetensors"))
    assert any(k.endswith("lora_A.weight") for k in sd) and all("embed_tokens" not in k for k in sd)
    assert all(v.abs().sum() > 0 for k, v in sd.items() if "lora_B" in k)

    expanded = models.lora(tiny_llama_dir, tokenizer="chinese_llama", modules_to_save=("embed_tokens", "lm_head"),
                           safetensors=False)
    sd = torch.load(str(expanded / "adapter_model.bin"), weights_only=True)
    assert sd["base_model.model.model.embed_tokens.weight"].shape == (49953, 64)
    assert sd["base_model.model.lm_head.weight"].shape == (49953, 64)
    cfg = json.loads((expanded / "adapter_config.json").read_text())
    assert cfg["r"] == 4 and set(cfg["target_modules"]) == {"q_proj", "v_proj"}


def test_smollm2_hf_folder_is_a_real_chat_model(smollm2_hf_dir):
    import torch
    from transformers import AutoTokenizer, LlamaForCausalLM

    model = LlamaForCausalLM.from_pretrained(str(smollm2_hf_dir))
    tok = AutoTokenizer.from_pretrained(str(smollm2_hf_dir))
    assert model.config.hidden_size == 576 and model.config.num_hidden_layers == 30
    ids = tok("The capital of France is", return_tensors="pt").input_ids
    with torch.no_grad():
        out = model.generate(ids, max_new_tokens=3, do_sample=False)
    assert "Paris" in tok.decode(out[0, ids.shape[1]:])

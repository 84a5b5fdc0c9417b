"""Both backends on real models: llama.cpp on the SmolLM2 GGUF, transformers on the
SmolLM2 HF folder and on a tiny Chinese-Alpaca LLaMA with a LoRA applied unmerged.
Stop, regenerate, edit-and-resend, continue, and token-based trimming end to end."""
from __future__ import annotations

import pytest

from engine.chat.backends import LoadOptions, load_model
from engine.chat.presets import GenerationSettings
from engine.chat.session import ChatSession
from engine.errors import UserError
from engine.history import History
from engine.jobs import CancelToken, ProgressReporter

GREEDY = GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.0, max_new_tokens=10, seed=1)


@pytest.fixture(scope="module")
def gguf_backend(smollm2_gguf_path):
    seen = []
    backend = load_model(smollm2_gguf_path, LoadOptions(context_size=512, threads=2, use_gpu=False),
                         progress=ProgressReporter(seen.append))
    assert seen[-1].status == "Model loaded"
    yield backend
    backend.unload()


@pytest.fixture
def history(isolated_home):
    h = History()
    yield h
    h.close()


def test_gguf_reply_matches_bare_llama_cpp(gguf_backend, smollm2_gguf_path, history):
    import llama_cpp

    session = ChatSession.new(history, backend=gguf_backend, settings=GREEDY)
    assert session.template.name == "jinja"            # SmolLM2's embedded ChatML template
    pieces = []
    reply = session.send("What is the capital of France?", on_piece=pieces.append)
    assert len(pieces) >= 3 and reply.text == "".join(pieces)
    prompt = session.template.render(session.turns()[:-1])
    assert prompt.startswith("<|im_start|>system\n") and prompt.endswith("<|im_start|>assistant\n")
    bare = llama_cpp.Llama(str(smollm2_gguf_path), n_ctx=512, n_threads=2, verbose=False)
    expected = bare.create_completion(prompt, max_tokens=10, temperature=0.0, top_k=1, top_p=1.0,
                                      repeat_penalty=1.0, seed=1, stop=["<|im_end|>"])["choices"][0]["text"]
    bare.close()
    assert reply.message.content == expected.strip()
    m = reply.message
    assert m.role == "assistant" and m.tokens == reply.stats.generated_tokens > 0
    assert m.tokens_per_second > 0 and m.prompt_tokens == reply.fitted.prompt_tokens
    assert m.settings["temperature"] == 0.0 and m.settings["template"] == "jinja"
    assert history.chat(session.chat_id).title == "What is the capital of France?"


def test_stop_keeps_what_was_generated(gguf_backend, history):
    session = ChatSession.new(history, backend=gguf_backend, settings=GREEDY.with_(max_new_tokens=40))
    cancel = CancelToken()
    pieces = []

    def piece(text):
        pieces.append(text)
        if len(pieces) == 3:
            cancel.cancel()

    reply = session.send("Write a long story about a cat.", on_piece=piece, cancel=cancel)
    assert reply.stats.finish == "stopped"
    assert len(pieces) == 3
    assert reply.message.content == "".join(pieces).strip() and reply.message.finish == "stopped"


def test_regenerate_edit_and_continue_keep_branches(gguf_backend, history):
    session = ChatSession.new(history, backend=gguf_backend, settings=GREEDY.with_(max_new_tokens=4))
    first = session.send("Name a colour.")
    assert first.stats.finish == "length"               # cut off at 4 tokens
    # Continue the cut-off answer: it grows in place.
    cont = session.reply(continue_last=True)
    grown = history.message(first.message.id)
    assert grown.content.startswith(first.message.content) and len(grown.content) > len(first.message.content)
    assert cont.fitted.prompt.endswith(first.message.content)
    # Regenerate: a second version of the answer, the first kept.
    session.settings = GREEDY.with_(temperature=1.0, top_k=50, seed=7, max_new_tokens=4)
    session.prepare_regenerate()
    again = session.reply()
    versions = history.siblings(again.message.id)
    assert [v.id for v in versions] == [first.message.id, again.message.id]
    # Edit the question and resend: a new branch; the old question and answers stay.
    user_id = session.thread()[0].id
    edited = session.edit_user(user_id, "Name a fruit.")
    session.reply()
    thread = session.thread()
    assert [m.role for m in thread] == ["user", "assistant"] and thread[0].id == edited.id
    assert [m.content for m in history.siblings(edited.id)] == ["Name a colour.", "Name a fruit."]
    assert len(history.messages(session.chat_id)) == 5
    with pytest.raises(UserError, match="already answered"):
        session.reply()


def test_long_history_is_trimmed_by_tokens(gguf_backend, history):
    session = ChatSession.new(history, backend=gguf_backend, system_prompt="You answer in one word.",
                              settings=GREEDY.with_(max_new_tokens=4))
    parent = None
    for i in range(30):
        q = history.add_message(session.chat_id, "user", f"Question {i}: tell me about the number {i}.", parent_id=parent)
        parent = history.add_message(session.chat_id, "assistant", f"The number {i} is a fine number. " * 3,
                                     parent_id=q.id).id
    history.add_message(session.chat_id, "user", "Which number came last?", parent_id=parent)
    infos = []
    reply = session.reply(on_prompt=infos.append)
    fitted = infos[0]
    assert fitted.dropped_messages > 0 and fitted.dropped_messages % 2 == 0
    assert fitted.prompt_tokens <= 512 - 4
    assert gguf_backend.count_tokens(fitted.prompt) == fitted.prompt_tokens
    assert "You answer in one word." in fitted.prompt
    assert fitted.prompt.count("Question") == 30 - fitted.dropped_messages // 2
    assert reply.message is not None
    # A single message bigger than the whole context: a clear error, nothing generated.
    session2 = ChatSession.new(history, backend=gguf_backend, settings=GREEDY)
    session2.add_user("word " * 1000)
    with pytest.raises(UserError, match="too long"):
        session2.reply()



def test_max_new_tokens_past_the_context_is_named(gguf_backend, history):
    """The refusal names max new tokens (the setting to lower), in the session and the REPL check."""
    from app.cli.commands.chat import check_fits
    session = ChatSession.new(history, backend=gguf_backend,
                              settings=GREEDY.with_(max_new_tokens=gguf_backend.context_size + 100))
    with pytest.raises(UserError, match="max new tokens") as err:
        check_fits(session, "Hello")
    assert "too long" not in str(err.value) and "Lower max new tokens" in str(err.value.hint)
    session.add_user("Hello")
    with pytest.raises(UserError, match="max new tokens"):
        session.reply()
    session.settings = GREEDY.with_(max_new_tokens=gguf_backend.context_size - 2)
    with pytest.raises(UserError, match="max new tokens") as err:
        session.reply()
    assert "or less" in str(err.value.hint)

def test_bad_model_paths_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="not found"):
        load_model(tmp_path / "missing.gguf")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="holds no model"):
        load_model(tmp_path / "empty")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a model")
    with pytest.raises(UserError, match="not a GGUF"):
        load_model(junk)


def test_hf_backend_streams_what_generate_returns(smollm2_hf_dir, history):
    import torch

    backend = load_model(smollm2_hf_dir, LoadOptions(device="cpu", threads=2))
    assert backend.kind == "transformers" and backend.device == "cpu"
    session = ChatSession.new(history, backend=backend, settings=GREEDY.with_(max_new_tokens=8))
    assert session.template.name == "jinja"
    pieces = []
    reply = session.send("What is 2+2?", on_piece=pieces.append)
    assert len(pieces) >= 2
    prompt = reply.fitted.prompt
    ids = backend.tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = backend.model.generate(**ids, max_new_tokens=8, do_sample=False, repetition_penalty=1.0)
    expected = backend.tokenizer.decode(out[0, ids["input_ids"].shape[1]:], skip_special_tokens=True)
    assert "".join(pieces) == expected.split("<|im_end|>")[0]
    assert reply.stats.generated_tokens == out.shape[1] - ids["input_ids"].shape[1]
    backend.unload()


def test_hf_lora_applied_unmerged_on_chinese_alpaca(models, history):
    import torch
    from peft import PeftModel

    base_dir = models.llama(tokenizer="chinese_alpaca")
    lora_dir = models.lora(base_dir, r=4, alpha=16, targets=("q_proj", "v_proj", "down_proj"))
    plain = load_model(base_dir, LoadOptions(device="cpu"))
    tuned = load_model(base_dir, LoadOptions(device="cpu", lora=str(lora_dir)))
    assert isinstance(tuned.model, PeftModel)
    lora_layer = tuned.model.base_model.model.model.layers[0].self_attn.q_proj
    assert hasattr(lora_layer, "lora_A") and not lora_layer.merged       # applied, not merged
    session = ChatSession.new(history, backend=tuned, settings=GREEDY.with_(max_new_tokens=6))
    assert session.template.name == "alpaca"            # 49954 tokens: Chinese-Alpaca
    reply = session.send("你好")
    assert reply.fitted.prompt.endswith("### Instruction:\n你好\n\n### Response: ")
    assert reply.stats.generated_tokens >= 1
    ids = plain.tokenizer(reply.fitted.prompt, return_tensors="pt")["input_ids"]
    with torch.no_grad():
        a = plain.model(ids).logits[0, -1]
        b = tuned.model(ids).logits[0, -1]
    assert not torch.allclose(a, b, atol=1e-3)          # the LoRA really changes the model


def test_model_list_offers_ready_models_then_the_starter(tmp_path, models):
    from engine.catalog import load_catalog
    from engine.chat.model_list import STARTER_LABEL, ready_models
    from engine.settings import Settings

    settings = Settings(models_dir=str(tmp_path / "models"))
    model = load_catalog().models[0]
    gguf = tmp_path / "models" / "gguf"
    gguf.mkdir(parents=True)
    (gguf / f"{model.id}-q4_k.gguf").write_bytes(b"GGUF")
    (gguf / "my-own.gguf").write_bytes(b"GGUF")
    merged = tmp_path / "models" / "merged" / "my-merge"
    merged.mkdir(parents=True)
    (merged / "config.json").write_text("{}")
    (merged / "model.safetensors").write_bytes(b"")
    (tmp_path / "models" / "merged" / "half-done").mkdir()          # no weights: not offered
    recent = models.llama()
    entries = ready_models(settings, recent=[str(recent), str(tmp_path / "gone.gguf")])
    labels = [e.label for e in entries]
    assert labels[0] == f"{model.name} · {model.id}-q4_k.gguf"        # catalog name first
    assert "my-own.gguf" in labels and "my-merge (HF)" in labels and f"{recent.name} (HF)" in labels
    assert not any("half-done" in x or "gone" in x for x in labels)
    assert labels[-1] == STARTER_LABEL and entries[-1].kind == "starter"
    assert len({e.path for e in entries}) == len(entries)


def write_gguf_lora(path, *, rank=4, scale=0.6, layers=30, n_embd=576, kv_dim=192):
    """A LoRA in llama.cpp's GGUF adapter format for SmolLM2 (q and v projections)."""
    import gguf
    import numpy as np

    rng = np.random.default_rng(0)
    w = gguf.GGUFWriter(str(path), arch="llama")
    w.add_string("general.type", "adapter")
    w.add_string("adapter.type", "lora")
    w.add_float32("adapter.lora.alpha", 8.0)
    for i in range(layers):
        for name, n_out in (("attn_q", n_embd), ("attn_v", kv_dim)):
            w.add_tensor(f"blk.{i}.{name}.weight.lora_a", (rng.standard_normal((rank, n_embd)) * scale).astype("float32"))
            w.add_tensor(f"blk.{i}.{name}.weight.lora_b", (rng.standard_normal((n_out, rank)) * scale).astype("float32"))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


def test_gguf_lora_adapter_on_a_base_gguf(gguf_backend, smollm2_gguf_path, tmp_path):
    lora = write_gguf_lora(tmp_path / "adapter.gguf")
    tuned = load_model(smollm2_gguf_path, LoadOptions(context_size=512, threads=2, use_gpu=False, lora=str(lora)))
    try:
        assert tuned.display_name == f"{smollm2_gguf_path.name} + adapter.gguf"
        settings = GREEDY.with_(max_new_tokens=6)
        base_text = "".join(gguf_backend.generate("The capital of France is", settings))
        tuned_text = "".join(tuned.generate("The capital of France is", settings))
        assert "Paris" in base_text and tuned_text != base_text
    finally:
        tuned.unload()
    with pytest.raises(UserError, match="LoRA not found"):
        load_model(smollm2_gguf_path, LoadOptions(lora=str(tmp_path / "missing.gguf")))

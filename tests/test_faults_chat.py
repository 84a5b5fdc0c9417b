"""Fault pass (issue 10, items 3, 10 and 14): chat with a bad LoRA, a message too long for the
context, and every refusal of a chat session: one line naming the file or the problem, a fix,
and nothing saved that should not be."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main as cli_main
from engine.chat.backend_base import Backend, LoadOptions
from engine.chat.context import fit_prompt
from engine.chat.presets import GenerationSettings
from engine.chat.session import ChatSession
from engine.chat.templates import ModelFacts, pick_template
from engine.errors import UserError
from engine.history import History


def _errors(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# ------------------------------------------------------------------ 3. chat --lora with a bad adapter
class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def _bin_lora(lora: Path, dst: Path, state) -> Path:
    import torch

    shutil.copytree(lora, dst)
    (dst / "adapter_model.safetensors").unlink()
    if isinstance(state, bytes):
        (dst / "adapter_model.bin").write_bytes(state)
    else:
        torch.save(state, dst / "adapter_model.bin")
    return dst


def test_chat_lora_with_code_in_its_bin_is_one_line_and_runs_nothing(tiny_llama_dir, tiny_lora_dir, tmp_path,
                                                                      capsys):
    marker = tmp_path / "code-ran.txt"
    lora = _bin_lora(tiny_lora_dir, tmp_path / "evil-lora", {"x": _Evil(str(marker))})
    rc = cli_main(["chat", "--model", str(tiny_llama_dir), "--lora", str(lora), "--prompt", "hi", "--no-history"])
    err = capsys.readouterr().err
    assert rc == 1
    [line] = _errors(err)
    assert line.startswith(f"error: {lora / 'adapter_model.bin'} contains code") and "trusted source" in line
    assert "weights_only" not in err and "Traceback" not in err
    assert not marker.exists()


def test_chat_lora_with_a_damaged_bin_is_one_line(tiny_llama_dir, tiny_lora_dir, tmp_path, capsys):
    lora = _bin_lora(tiny_lora_dir, tmp_path / "damaged-lora", b"\x80\x02not a checkpoint" * 40)
    rc = cli_main(["chat", "--model", str(tiny_llama_dir), "--lora", str(lora), "--prompt", "hi", "--no-history"])
    err = capsys.readouterr().err
    assert rc == 1
    [line] = _errors(err)
    assert f"{lora / 'adapter_model.bin'} is not a readable PyTorch checkpoint" in line
    assert "download or copy it again" in line and "weights_only" not in err


def test_chat_lora_for_another_base_is_one_line_not_a_size_dump(models, tiny_llama_dir, tmp_path, capsys):
    wide = models.llama(hidden=96, intermediate=128)
    lora = models.lora(wide)
    capsys.readouterr()                  # what building the models printed
    rc = cli_main(["chat", "--model", str(tiny_llama_dir), "--lora", str(lora), "--prompt", "hi", "--no-history"])
    err = capsys.readouterr().err
    assert rc == 1
    lines = _errors(err)
    assert len(lines) == 1 and "size mismatch" not in err
    assert f"The LoRA {lora / 'adapter_model.safetensors'} was trained for a model with hidden size 96" in lines[0]
    assert f"but {tiny_llama_dir.name} has hidden size 64" in lines[0] and "Choose the base model" in lines[0]


def test_chat_lora_dora_is_refused_before_loading(tiny_llama_dir, tiny_lora_dir, tmp_path, capsys):
    import json

    lora = tmp_path / "dora"
    shutil.copytree(tiny_lora_dir, lora)
    cfg = json.loads((lora / "adapter_config.json").read_text())
    (lora / "adapter_config.json").write_text(json.dumps({**cfg, "use_dora": True}))
    assert cli_main(["chat", "--model", str(tiny_llama_dir), "--lora", str(lora), "--prompt", "hi",
                     "--no-history"]) == 1
    [line] = _errors(capsys.readouterr().err)
    assert "dora is a DoRA adapter" in line


# ------------------------------------------------------------------ a model without weights: characters
class CharBackend(Backend):
    """One token per character; a reply of ``answer``; ``context`` tokens of context."""

    kind = "llama.cpp"

    def __init__(self, context: int = 120, answer: str = "好的。") -> None:
        super().__init__(Path("char.gguf"), LoadOptions())
        self.context, self.answer = context, answer

    @property
    def context_size(self) -> int:
        return self.context

    def facts(self) -> ModelFacts:
        return ModelFacts(vocab_size=70000, bos_token="<s>", eos_token="</s>")

    def tokenize(self, text: str) -> list[int]:
        return [1] + [ord(c) for c in text]

    def generate(self, prompt, settings, *, cancel=None):
        self.last_stats.prompt_tokens = len(prompt)
        for ch in self.answer:
            self.last_stats.generated_tokens += 1
            yield ch
        self.last_stats.finish = "eos"


SMALL = GenerationSettings().with_(max_new_tokens=16)
LONG = "请详细介绍一下北京的名胜古迹。" * 20          # 300 characters: more than the 120-token context


# ------------------------------------------------------------------ 10. "message too long" saves nothing
@pytest.fixture
def char_model(monkeypatch):
    import engine.chat.backends as backends

    backend = CharBackend()
    monkeypatch.setattr(backends, "load_model", lambda *a, **k: backend)
    return backend


def _all_messages(history: History) -> list[tuple[str, str]]:
    return [(m.role, m.content) for chat in history.chats() for m in history.messages(chat.id)]


def test_repl_does_not_keep_a_message_that_is_too_long(char_model, monkeypatch, capsys):
    lines = iter([LONG, "你好", "/exit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(lines))
    assert cli_main(["chat", "--model", "char.gguf", "--max-new-tokens", "16"]) == 0
    out, err = capsys.readouterr()
    assert "error: The message is too long for the model" in err and "Shorten the message" in err
    history = History()
    try:
        assert _all_messages(history) == [("user", "你好"), ("assistant", "好的。")]   # no unanswered question
        [chat] = history.chats()
        assert [m.content for m in history.thread(chat.id)] == ["你好", "好的。"]
    finally:
        history.close()
    assert out.strip() == "好的。"


def test_prompt_too_long_is_refused_and_not_saved(char_model, capsys):
    assert cli_main(["chat", "--model", "char.gguf", "--prompt", LONG, "--max-new-tokens", "16"]) == 1
    [line] = [x for x in _errors(capsys.readouterr().err) if not x.startswith("note: ")]
    assert line.startswith("error: The message is too long for the model")
    history = History()
    try:
        assert _all_messages(history) == []
    finally:
        history.close()


# ------------------------------------------------------------------ 14. every chat-session refusal
@pytest.fixture
def history(tmp_path):
    h = History(tmp_path / "chat.sqlite3")
    yield h
    h.close()


def _session(history, backend=None, **kw):
    return ChatSession.new(history, backend=backend, settings=kw.pop("settings", SMALL), **kw)


def _empty(history, backend):
    return _session(history, backend)


def _answered(history, backend):
    s = _session(history, backend)
    s.send("你好")
    return s


def _only_question(history, backend):
    s = _session(history, backend)
    s.add_user("你好")
    return s


def _orphan_answer(history, backend):
    s = _session(history, backend)
    history.add_message(s.chat_id, "assistant", "我先说。", parent_id=None)
    return s


REFUSALS = [
    ("empty message", _empty, lambda s: s.add_user("  \n "), "The message is empty."),
    ("edit a reply", _answered, lambda s: s.edit_user(s.thread()[-1].id, "改"), "Only your own messages"),
    ("regenerate nothing", _empty, lambda s: s.prepare_regenerate(), "nothing to regenerate"),
    ("regenerate an orphan", _orphan_answer, lambda s: s.prepare_regenerate(), "has no question"),
    ("no model", lambda h, b: _session(h, None), lambda s: s.reply(), "No model is loaded."),
    ("nothing to answer", _empty, lambda s: s.reply(), "There is no message to answer."),
    ("continue a question", _only_question, lambda s: s.reply(continue_last=True), "no answer to continue"),
    ("answer twice", _answered, lambda s: s.reply(), "already answered"),
    ("too long", _empty, lambda s: s.send(LONG), "too long for the model"),
]


@pytest.mark.parametrize("make,action,words", [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_chat_session_refusals(make, action, words, history):
    backend = CharBackend(context=120)
    session = make(history, backend)
    before = _all_messages(history)
    with pytest.raises(UserError) as info:
        action(session)
    assert words in info.value.message
    assert info.value.hint.strip()
    after = _all_messages(history)
    # Nothing new, except that the engine's send() saves the question before the reply refuses it:
    # the chat command checks first (app.cli.commands.chat.check_fits, tested above).
    assert after == before or (words == "too long for the model" and after == before + [("user", LONG)])


def test_fit_prompt_refuses_a_context_with_no_room():
    template = pick_template(ModelFacts(vocab_size=100), "alpaca")
    with pytest.raises(UserError, match="leaves no room") as info:
        fit_prompt(template, [], len, 64, 64)
    assert "Lower max new tokens" in info.value.hint


# ------------------------------------------------------------------ opening a model, templates, history
CHAT_MODEL_REFUSALS = [
    ("not a gguf", lambda w: (w / "notes.txt").write_text("x") and w / "notes.txt", "is not a GGUF model file"),
    ("a lora folder", lambda w: _fake_lora(w), "is a LoRA adapter, not a full model"),
    ("a meta folder", lambda w: _fake_meta(w), "holds Meta-format weights"),
    ("an empty folder", lambda w: (w / "empty").mkdir() or w / "empty", "holds no model"),
    ("missing", lambda w: w / "missing.gguf", "Model not found"),
]


def _fake_lora(work: Path) -> Path:
    d = work / "lora"
    d.mkdir()
    (d / "adapter_config.json").write_text("{}")
    (d / "adapter_model.safetensors").write_bytes(b"")
    return d


def _fake_meta(work: Path) -> Path:
    d = work / "7B"
    d.mkdir()
    (d / "params.json").write_text("{}")
    (d / "consolidated.00.pth").write_bytes(b"")
    return d


@pytest.mark.parametrize("make,words", [c[1:] for c in CHAT_MODEL_REFUSALS], ids=[c[0] for c in CHAT_MODEL_REFUSALS])
def test_chat_refuses_what_is_not_a_model_in_one_line(make, words, tmp_path, capsys):
    work = tmp_path / "work"
    work.mkdir()
    path = make(work)
    before = sorted(work.rglob("*"))
    assert cli_main(["chat", "--model", str(path), "--prompt", "hi", "--no-history"]) == 1
    [line] = _errors(capsys.readouterr().err)
    assert line.startswith("error: ") and words in line and path.name in line
    assert sorted(work.rglob("*")) == before


def test_chat_refuses_a_missing_lora(tiny_llama_dir, tmp_path, capsys):
    assert cli_main(["chat", "--model", str(tiny_llama_dir), "--lora", str(tmp_path / "nope"), "--prompt", "hi",
                     "--no-history"]) == 1
    [line] = _errors(capsys.readouterr().err)
    assert f"LoRA not found: {tmp_path / 'nope'}" in line and "Check the LoRA path" in line


@pytest.mark.parametrize("choice,facts,words", [
    ("embedded", ModelFacts(vocab_size=100), "no embedded chat template"),
    ("no-such-template", ModelFacts(vocab_size=100), "Unknown template 'no-such-template'"),
    ("{% for m in messages %}{{ m.content }", ModelFacts(vocab_size=100), "does not parse"),
])
def test_template_refusals(choice, facts, words):
    from engine.chat.messages import Turn

    with pytest.raises(UserError) as info:
        pick_template(facts, choice).render([Turn("user", "hi")])
    assert words in info.value.message and info.value.hint


@pytest.mark.parametrize("data,words", [
    ("{not json", "not valid JSON"), ('{"format": "something-else", "messages": []}', "not an Alpaca Studio chat"),
    ('{"format": "alpaca-studio-chat", "messages": [{"role": 5}]}', "malformed message"),
])
def test_history_import_refusals_add_no_chat(data, words, history):
    with pytest.raises(UserError) as info:
        history.import_json(data)
    assert words in info.value.message and info.value.hint
    assert history.chats() == []


def test_history_import_of_a_missing_file_names_it(history, tmp_path):
    with pytest.raises(UserError, match="Cannot read") as info:
        history.import_json(tmp_path / "chat.json")
    assert str(tmp_path / "chat.json") in info.value.message and history.chats() == []


def test_history_refuses_an_empty_chat_name(history):
    chat = history.create_chat("Kept")
    with pytest.raises(UserError, match="needs a name"):
        history.rename_chat(chat.id, "   ")
    assert history.chat(chat.id).title == "Kept"

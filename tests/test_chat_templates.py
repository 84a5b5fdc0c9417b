"""Templates byte-exact against upstream (the literals are stated below), template picking,
and token-based context fitting."""
from __future__ import annotations

import pytest

from engine.chat.backends import StopFilter
from engine.chat.context import fit_prompt
from engine.chat.messages import Turn
from engine.chat.templates import (AlpacaGradioTemplate, AlpacaTemplate, JinjaTemplate, ModelFacts,
                                   PlainTemplate, pick_template)
from engine.errors import UserError

# Upstream's literals, copied byte for byte from ymcui/Chinese-LLaMA-Alpaca (v1):
# scripts/training/build_dataset.py PROMPT_TEMPLATE (note the trailing space after "Response:"),
SFT_PROMPT_TEMPLATE = (
    "Below is an instruction that describes a task. Write a response that appropriately completes "
    "the request.\n\n### Instruction:\n{instruction}\n\n### Response: "
)
# and scripts/inference/gradio_demo.py's wrapper around the multi-turn history (leading newline;
# ends with newline + space).
GRADIO_WRAPPER = (
    "\nBelow is an instruction that describes a task. Write a response that appropriately completes "
    "the request.\n{input}\n "
)


def test_single_turn_is_the_sft_prompt_byte_for_byte():
    sft = SFT_PROMPT_TEMPLATE
    assert sft.endswith("### Response: ")      # the trailing space the models were trained with
    prompt = AlpacaTemplate().render([Turn("user", "为什么要减少污染，保护环境？")])
    assert prompt == sft.format(instruction="为什么要减少污染，保护环境？")


def test_multi_turn_follows_upstream_chat_completions_form():
    # openai_server_demo: header + "\n\n", per message "### Instruction:\n{c}\n\n" / "### Response: {c}\n\n",
    # then "### Response: ".  A system message replaces the header sentence.
    turns = [Turn("system", "你是一个乐于助人的助手。"), Turn("user", "你好"), Turn("assistant", "你好！"),
             Turn("user", "北京有什么名胜古迹？")]
    assert AlpacaTemplate().render(turns) == (
        "你是一个乐于助人的助手。\n\n### Instruction:\n你好\n\n### Response: 你好！\n\n"
        "### Instruction:\n北京有什么名胜古迹？\n\n### Response: ")


def test_gradio_multi_turn_is_exact():
    wrapper = GRADIO_WRAPPER
    turns = [Turn("user", "q1"), Turn("assistant", "a1"), Turn("user", "q2")]
    history = "### Instruction:\nq1\n\n### Response: a1\n\n" + "### Instruction:\nq2\n\n### Response: "
    assert AlpacaGradioTemplate().render(turns) == wrapper.format(input=history)
    assert AlpacaGradioTemplate().render(turns).endswith("### Response: \n ")


def test_continue_leaves_the_last_answer_open():
    turns = [Turn("user", "q"), Turn("assistant", "half an ans")]
    assert AlpacaTemplate().render(turns, continue_last=True).endswith("### Response: half an ans")


def test_template_is_picked_from_the_model():
    assert pick_template(ModelFacts(vocab_size=49954)).name == "alpaca"
    base = pick_template(ModelFacts(vocab_size=49953))
    assert base.name == "llama" and "not a chat model" in base.warning
    chatml = "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}" \
             "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
    embedded = pick_template(ModelFacts(vocab_size=49152, chat_template=chatml, eos_token="<|im_end|>"))
    assert embedded.name == "jinja"
    assert embedded.render([Turn("user", "hi")]) == "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
    assert embedded.stop == ["<|im_end|>"]
    # The user overrides: Alpaca on any model, or their own Jinja text.
    assert pick_template(ModelFacts(vocab_size=49152, chat_template=chatml), "alpaca").name == "alpaca"
    custom = pick_template(ModelFacts(vocab_size=32000), "Q: {{ messages[-1].content }}\nA:")
    assert custom.render([Turn("user", "2+2?")]) == "Q: 2+2?\nA:"


def test_template_errors_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="no embedded chat template"):
        pick_template(ModelFacts(vocab_size=32000), "embedded")
    with pytest.raises(UserError, match="Unknown template"):
        pick_template(ModelFacts(vocab_size=32000), "chatml")
    with pytest.raises(UserError, match="does not parse"):
        JinjaTemplate("{% for %}")
    path = tmp_path / "t.jinja"
    path.write_text("U: {{ messages[-1].content }}", encoding="utf-8")
    assert pick_template(ModelFacts(vocab_size=32000), str(path)).render([Turn("user", "x")]) == "U: x"


def test_base_template_is_plain_text():
    assert PlainTemplate().render([Turn("user", "从前有座山，")]) == "从前有座山，"


def words(text: str) -> int:
    return len(text.split())


def test_trimming_drops_whole_oldest_turns_and_keeps_the_system_prompt():
    turns = [Turn("system", "SYS")]
    for i in range(10):
        turns += [Turn("user", f"question {i} " + "w " * 20), Turn("assistant", f"answer {i} " + "w " * 20)]
    turns.append(Turn("user", "final question"))
    fitted = fit_prompt(AlpacaTemplate(), turns, words, context_size=200, reserve=50)
    assert fitted.prompt_tokens <= 150
    assert fitted.prompt.startswith("SYS\n\n### Instruction:\nquestion ")       # a whole turn, from its start
    assert fitted.prompt.endswith("### Instruction:\nfinal question\n\n### Response: ")
    assert fitted.dropped_messages % 2 == 0 and fitted.dropped_messages > 0
    kept = fitted.prompt.count("### Instruction:")
    assert kept == 11 - fitted.dropped_messages // 2
    # One more exchange would not have fitted: the cut is as late as it can be.
    one_more = fit_prompt(AlpacaTemplate(), turns[:1] + turns[1 + fitted.dropped_messages - 2:], words, 10 ** 6, 1)
    assert one_more.prompt_tokens > 150


def test_everything_fits_nothing_dropped():
    turns = [Turn("user", "hi"), Turn("assistant", "hello"), Turn("user", "bye")]
    fitted = fit_prompt(AlpacaTemplate(), turns, words, 2048, 512)
    assert fitted.dropped_messages == 0 and fitted.prompt == AlpacaTemplate().render(turns)


def test_a_message_longer_than_the_context_is_a_clear_error():
    turns = [Turn("user", "w " * 500)]
    with pytest.raises(UserError, match="too long") as err:
        fit_prompt(AlpacaTemplate(), turns, words, context_size=256, reserve=64)
    assert "context" in err.value.hint
    with pytest.raises(UserError, match="no room"):
        fit_prompt(AlpacaTemplate(), [Turn("user", "x")], words, context_size=256, reserve=256)


def test_stop_filter_holds_back_partial_matches():
    f = StopFilter(["### Instruction:"])
    out = "".join(f.feed(p) for p in ["Paris is", " nice.\n\n##", "# Instr", "uction:\nmore"])
    assert out == "Paris is nice.\n\n" and f.hit
    g = StopFilter(["###"])
    assert g.feed("a #") == "a " and g.feed("b") == "#b" and not g.hit


def test_presets_carry_the_upstream_defaults():
    from engine.chat.presets import DEFAULT_PRESET, PRESETS, GenerationSettings, preset

    assert DEFAULT_PRESET == "llama.cpp"
    # upstream examples/ (llama.cpp): --temp 0.2 --top_k 40 --top_p 0.9 --repeat_penalty 1.1 -n 512
    assert preset("llama.cpp") == GenerationSettings(0.2, 0.9, 40, 1.1, 512)
    # scripts/inference/inference_hf.py: temperature=0.2, top_k=40, top_p=0.9, repetition_penalty=1.1, max_new_tokens=400
    assert preset("inference_hf") == GenerationSettings(0.2, 0.9, 40, 1.1, 400)
    # scripts/inference/gradio_demo.py sliders: 512 tokens, top_p 0.9, temperature 0.5, top_k 40, repetition penalty 1.1
    assert preset("gradio") == GenerationSettings(0.5, 0.9, 40, 1.1, 512)
    assert all(p.settings.validate() for p in PRESETS.values())
    with pytest.raises(UserError, match="Unknown preset"):
        preset("fast")
    with pytest.raises(UserError, match="temperature"):
        GenerationSettings(temperature=-1).validate()
    s = GenerationSettings(stop=("###",))
    assert GenerationSettings.from_dict(s.to_dict()) == s


def test_a_reserve_bigger_than_the_room_names_max_new_tokens():
    """Max new tokens at (or past) the context is what to lower, not the message."""
    turns = [Turn("user", "w " * 20)]
    need = words(AlpacaTemplate().render(turns))
    with pytest.raises(UserError, match="max new tokens") as err:
        fit_prompt(AlpacaTemplate(), turns, words, context_size=256, reserve=255)
    assert "too long" not in str(err.value)
    assert f"to {256 - need} or less" in err.value.hint
    # Past the context (the setting as typed, not clamped): still the setting that is named.
    with pytest.raises(UserError, match="max new tokens") as err:
        fit_prompt(AlpacaTemplate(), turns, words, context_size=256, reserve=4096)
    assert "4096" in str(err.value) and "below 256" in err.value.hint
    # The server names its own field.
    with pytest.raises(UserError, match="max_tokens"):
        fit_prompt(AlpacaTemplate(), turns, words, context_size=256, reserve=250, setting="max_tokens")
    # A message that alone is bigger than the context is still "too long".
    with pytest.raises(UserError, match="too long"):
        fit_prompt(AlpacaTemplate(), [Turn("user", "w " * 500)], words, context_size=256, reserve=10)

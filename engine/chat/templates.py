"""Prompt templates: how a conversation becomes the text a model continues.

- ``alpaca``: the upstream Chinese-Alpaca instruction template.  One turn is
  the SFT prompt byte for byte (``build_dataset.PROMPT_TEMPLATE``, trailing
  space after ``Response:``); several turns use upstream's multi-turn form from
  ``openai_server_demo`` (header, then ``### Instruction:\\n{q}\\n\\n`` and
  ``### Response: {a}\\n\\n`` per turn), which reduces to the SFT prompt for one
  turn and carries a system prompt in place of the header sentence.
- ``alpaca-gradio``: the multi-turn rendering of upstream's ``gradio_demo.py``
  exactly (without its character cut: we trim whole turns by tokens).
- ``llama``: Chinese-LLaMA base models: plain continuation of the text.
- ``jinja``: a chat template embedded in a GGUF or tokenizer_config.json, or
  one the user wrote (same language: Jinja, ``messages`` and ``add_generation_prompt``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from ..errors import UserError
from .messages import Turn

ALPACA_HEADER = ("Below is an instruction that describes a task. "
                 "Write a response that appropriately completes the request.")
# build_dataset.PROMPT_TEMPLATE: what the Alpaca models were fine-tuned on.
ALPACA_SFT_PROMPT = ALPACA_HEADER + "\n\n### Instruction:\n{instruction}\n\n### Response: "
# gradio_demo.py's wrapper around its rendered history.
ALPACA_GRADIO_WRAPPER = "\n" + ALPACA_HEADER + "\n{input}\n "

BASE_MODEL_WARNING = ("This looks like a base (pre-trained) model, not a chat model: it continues "
                      "your text instead of answering it. Use a Chinese-Alpaca model to chat.")

CHINESE_ALPACA_VOCAB = 49954
CHINESE_LLAMA_VOCAB = 49953
LLAMA_VOCAB = 32000


@dataclass
class Template:
    """Renders turns into a prompt. ``continue_last``: the final assistant turn is
    left open so the model continues it (a cut-off answer)."""

    name: str
    label: str
    stop: list[str] = field(default_factory=list)
    warning: str = ""

    def render(self, turns: Sequence[Turn], *, continue_last: bool = False) -> str:
        raise NotImplementedError


def _split(turns: Sequence[Turn]) -> tuple[Optional[str], list[Turn]]:
    system = None
    rest = []
    for t in turns:
        if t.role == "system":
            system = t.content          # upstream: the last system message wins
        else:
            rest.append(t)
    return system, rest


class AlpacaTemplate(Template):
    def __init__(self) -> None:
        super().__init__("alpaca", "Chinese-Alpaca (upstream instruction template)",
                         stop=["### Instruction:"])

    def render(self, turns, *, continue_last=False):
        system, rest = _split(turns)
        out = (system if system else ALPACA_HEADER) + "\n\n"
        for t in rest:
            if t.role == "user":
                out += f"### Instruction:\n{t.content}\n\n"
            else:
                out += f"### Response: {t.content}\n\n"
        if continue_last and rest and rest[-1].role == "assistant":
            return out[: -2]     # leave the answer open: no separator after it
        return out + "### Response: "


class AlpacaGradioTemplate(Template):
    def __init__(self) -> None:
        super().__init__("alpaca-gradio", "Chinese-Alpaca (upstream gradio demo multi-turn)",
                         stop=["### Instruction:"])

    def render(self, turns, *, continue_last=False):
        _, rest = _split(turns)         # the demo has no system prompt
        pairs: list[list[str]] = []
        for t in rest:
            if t.role == "user":
                pairs.append([t.content, ""])
            elif pairs:
                pairs[-1][1] = t.content
        history = "".join("### Instruction:\n" + q + "\n\n" + "### Response: " + a + ("\n\n" if a != "" else "")
                          for q, a in pairs)
        if continue_last and rest and rest[-1].role == "assistant":
            history = history[:-2] if history.endswith("\n\n") else history
            return "\n" + ALPACA_HEADER + "\n" + history
        return ALPACA_GRADIO_WRAPPER.format(input=history)


class PlainTemplate(Template):
    """Base models: the conversation is one text the model continues."""

    def __init__(self) -> None:
        super().__init__("llama", "Chinese-LLaMA base (plain continuation)", warning=BASE_MODEL_WARNING)

    def render(self, turns, *, continue_last=False):
        system, rest = _split(turns)
        parts = ([system] if system else []) + [t.content for t in rest]
        return "\n".join(p for p in parts if p)


class JinjaTemplate(Template):
    """A Hugging Face style chat template (embedded in the model, or the user's own)."""

    def __init__(self, source: str, *, name: str = "jinja", label: str = "Chat template embedded in the model",
                 bos_token: str = "", eos_token: str = "", strip_bos: bool = True) -> None:
        super().__init__(name, label, stop=[eos_token] if eos_token else [])
        self.source = source
        self.bos_token, self.eos_token, self.strip_bos = bos_token, eos_token, strip_bos
        from jinja2 import TemplateError
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        def raise_exception(message):
            raise TemplateError(message)

        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        env.globals["raise_exception"] = raise_exception
        try:
            self._template = env.from_string(source)
        except TemplateError as exc:
            raise UserError(f"The chat template does not parse: {exc}.",
                            "Fix the template text (Jinja syntax) or pick another template.") from None

    def render(self, turns, *, continue_last=False):
        from jinja2 import TemplateError

        messages = [{"role": t.role, "content": t.content} for t in turns]
        open_last = continue_last and turns and turns[-1].role == "assistant"
        try:
            text = self._template.render(messages=messages, add_generation_prompt=not open_last,
                                         bos_token=self.bos_token, eos_token=self.eos_token)
        except TemplateError as exc:
            raise UserError(f"The chat template failed: {exc}.",
                            "Pick another template or edit the custom one.") from None
        if open_last:
            # Cut the rendered end-of-turn marker after the open answer.
            last = turns[-1].content
            idx = text.rfind(last)
            if idx >= 0:
                text = text[: idx + len(last)]
        if self.strip_bos and self.bos_token and text.startswith(self.bos_token):
            text = text[len(self.bos_token):]   # the backend adds BOS itself
        return text


TEMPLATE_CHOICES = ("auto", "alpaca", "alpaca-gradio", "llama", "embedded")


@dataclass
class ModelFacts:
    """What template picking needs to know about a loaded model."""

    vocab_size: int
    chat_template: Optional[str] = None
    bos_token: str = ""
    eos_token: str = ""
    adds_bos: bool = True           # the backend's tokenizer puts BOS in front by itself


def pick_template(facts: ModelFacts, choice: str = "auto") -> Template:
    """``choice``: one of TEMPLATE_CHOICES, a path to a template file, or Jinja text."""
    if choice in ("", "auto", None):
        if facts.vocab_size == CHINESE_ALPACA_VOCAB:
            return AlpacaTemplate()
        if facts.chat_template:
            return _embedded(facts)
        return PlainTemplate()
    if choice == "alpaca":
        return AlpacaTemplate()
    if choice == "alpaca-gradio":
        return AlpacaGradioTemplate()
    if choice == "llama":
        return PlainTemplate()
    if choice == "embedded":
        if not facts.chat_template:
            raise UserError("This model has no embedded chat template.",
                            "Choose the Alpaca or plain template, or write a custom one.")
        return _embedded(facts)
    source = choice
    if "{" not in choice:
        path = Path(choice).expanduser()
        if not path.is_file():
            raise UserError(f"Unknown template {choice!r}.",
                            f"Use one of {', '.join(TEMPLATE_CHOICES)}, or the path of a Jinja template file.")
        source = path.read_text(encoding="utf-8")
    return JinjaTemplate(source, name="custom", label="Custom template", bos_token=facts.bos_token,
                         eos_token=facts.eos_token, strip_bos=facts.adds_bos)


def _embedded(facts: ModelFacts) -> JinjaTemplate:
    return JinjaTemplate(facts.chat_template, bos_token=facts.bos_token, eos_token=facts.eos_token,
                         strip_bos=facts.adds_bos)

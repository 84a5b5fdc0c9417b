"""A backend whose answer-letter logits are forced, for C-Eval tests with exactly known scores."""
from __future__ import annotations

from pathlib import Path

from engine.chat.backend_base import Backend, LoadOptions
from engine.chat.templates import ModelFacts

SAMPLE = Path(__file__).resolve().parent / "data" / "ceval_sample"


class ForcedBackend(Backend):
    """Character tokenizer (BOS = 1, each character its code point); ``next_token_logits`` gives
    +4.0 to the letter ``choose(prompt)`` returns and 0 to the others."""

    kind = "llama.cpp"

    def __init__(self, choose, path="forced.gguf") -> None:
        super().__init__(Path(path), LoadOptions())
        self.choose = choose
        self.calls = 0
        self.prompts: list[str] = []

    @property
    def context_size(self) -> int:
        return 100000

    def facts(self) -> ModelFacts:
        return ModelFacts(vocab_size=70000, chat_template=None, bos_token="<s>", eos_token="</s>", adds_bos=True)

    def tokenize(self, text: str) -> list[int]:
        return [1] + [ord(c) for c in text]

    def next_token_logits(self, prompt: str, token_ids: list[int]) -> list[float]:
        self.calls += 1
        self.prompts.append(prompt)
        letter = self.choose(prompt)
        return [4.0 if t == ord(letter) else 0.0 for t in token_ids]

    def generate(self, prompt, settings, *, cancel=None):
        self.calls += 1
        self.prompts.append(prompt)
        yield f"让我们想想。所以答案是{self.choose(prompt)}。"


def answer_key(split_rows: dict[str, str], wrong: set[str] = frozenset()):
    """``choose`` that answers right, except for questions whose text is in ``wrong`` (then 'D')."""
    def choose(prompt: str) -> str:
        # The question is the last one in the prompt: find the longest known question text in it.
        hits = [q for q in split_rows if q in prompt]
        q = max(hits, key=lambda h: prompt.rindex(h))
        return "D" if q in wrong else split_rows[q]
    return choose

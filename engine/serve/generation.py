"""What runs on the model host thread for one API request: prompt, sampling, generation.

Each HTTP request is ONE host request (``host.run``): the prompt is rendered and fitted
with the Chat engine's template and context code, then generated, so requests from the
server and from the Chat page take turns in the host's FIFO queue.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from ..chat.backends import Backend, GenerationStats, generate_text
from ..chat.context import fit_prompt
from ..chat.messages import Turn
from ..chat.presets import DEFAULT_PRESET, GenerationSettings, preset
from ..chat.templates import pick_template
from ..errors import UserError
from ..jobs import CancelToken

# With no max_tokens, this much room is kept for the answer when old turns must be dropped;
# the answer itself may then run to the end of the context.
DEFAULT_RESERVE = 512


@dataclass(frozen=True)
class Sampling:
    """The request's sampling fields; None: upstream's llama.cpp preset value."""

    max_tokens: Optional[int] = None
    temperature: Optional[float] = None
    top_p: Optional[float] = None
    top_k: Optional[int] = None
    repetition_penalty: Optional[float] = None
    seed: Optional[int] = None
    stop: tuple[str, ...] = field(default_factory=tuple)

    def settings(self, max_new_tokens: int, extra_stops: Sequence[str] = ()) -> GenerationSettings:
        base = preset(DEFAULT_PRESET)
        changes = dict(temperature=self.temperature, top_k=self.top_k, repetition_penalty=self.repetition_penalty)
        if self.top_p is not None:
            changes["top_p"] = max(self.top_p, 1e-6)     # OpenAI allows 0: only the top token
        changes = {k: v for k, v in changes.items() if v is not None}
        seed = self.seed if self.seed is not None and self.seed >= 0 else -1
        stops = tuple(dict.fromkeys([*self.stop, *extra_stops]))
        return base.with_(**changes, max_new_tokens=max(1, max_new_tokens), seed=seed, stop=stops).validate()


@dataclass
class Outcome:
    text: str
    stats: GenerationStats
    dropped_messages: int = 0

    @property
    def finish_reason(self) -> str:
        return "length" if self.stats.finish == "length" else "stop"


def chat_job(turns: Sequence[Turn], template_choice: str, sampling: Sampling,
             on_piece: Optional[Callable[[str], None]] = None):
    """``fn(backend, cancel)`` for ``host.run``: template, fit by tokens, generate."""
    def fn(backend: Backend, cancel: CancelToken) -> Outcome:
        template = pick_template(backend.facts(), template_choice)
        ctx = backend.context_size
        reserve = min(sampling.max_tokens, ctx - 1) if sampling.max_tokens else min(DEFAULT_RESERVE, ctx // 2)
        fitted = fit_prompt(template, list(turns), backend.count_tokens, ctx, reserve, setting="max_tokens")
        max_new = sampling.max_tokens or max(1, ctx - fitted.prompt_tokens)
        settings = sampling.settings(max_new, template.stop)
        text, stats = generate_text(backend, fitted.prompt, settings, cancel, on_piece)
        return Outcome(text, stats, fitted.dropped_messages)
    return fn


def completion_job(prompt: str, sampling: Sampling, on_piece: Optional[Callable[[str], None]] = None):
    """``fn(backend, cancel)`` for ``host.run``: the prompt as given (no template)."""
    def fn(backend: Backend, cancel: CancelToken) -> Outcome:
        ctx = backend.context_size
        n = backend.count_tokens(prompt)
        room = ctx - n
        if room < 1 or (sampling.max_tokens and sampling.max_tokens > room):
            want = sampling.max_tokens or 1
            raise UserError(f"The prompt needs {n} tokens and {want} are asked for the answer, but the "
                            f"context holds {ctx}.", "Shorten the prompt or lower max_tokens.")
        settings = sampling.settings(sampling.max_tokens or room)
        text, stats = generate_text(backend, prompt, settings, cancel, on_piece)
        return Outcome(text, stats)
    return fn


def embed_job(texts: Sequence[str]):
    """``fn(backend, cancel)`` for ``host.run``: (vectors, prompt tokens)."""
    def fn(backend: Backend, cancel: CancelToken) -> tuple[list[list[float]], int]:
        embed = getattr(backend, "embed", None)
        if embed is None:
            raise UserError(f"The {backend.kind} runtime cannot compute embeddings.",
                            "Load a GGUF or Hugging Face model.")
        tokens = sum(backend.count_tokens(t) for t in texts)
        if tokens > 0 and any(backend.count_tokens(t) > backend.context_size for t in texts):
            raise UserError(f"An input is longer than the {backend.context_size}-token context.",
                            "Split the text into smaller pieces.")
        vectors = []
        for text in texts:
            cancel.check()
            vectors.extend(embed([text]))
        return vectors, tokens
    return fn

"""Fitting a conversation into the model's context, by tokens.

Upstream's gradio demo keeps the last N *characters* of the rendered history,
which can cut a turn (or a character's bytes) in half.  We count tokens with
the model's own tokenizer and drop whole turns, oldest first, always keeping
the system prompt and the message being answered.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..errors import UserError
from ..i18n import tr
from .messages import Turn
from .templates import Template


@dataclass(frozen=True)
class FittedPrompt:
    prompt: str
    prompt_tokens: int
    dropped_messages: int        # oldest user/assistant messages left out
    context_size: int
    reserve: int                 # tokens kept free for the reply


def _exchanges(turns: Sequence[Turn]) -> list[int]:
    """Indices where an exchange (a user message and what follows it) begins."""
    return [i for i, t in enumerate(turns) if t.role == "user"] or [0]


def fit_prompt(template: Template, turns: Sequence[Turn], count_tokens: Callable[[str], int],
               context_size: int, reserve: int, *, continue_last: bool = False,
               setting: str = "") -> FittedPrompt:
    """Render as much recent history as fits in ``context_size - reserve`` tokens.

    ``reserve`` is the reply's room (the max new tokens setting, named ``setting`` in the
    refusals): when it alone is what leaves no room for the message, the refusal says to
    lower it (to how much), not that the message is too long."""
    setting = setting or tr("max new tokens")         # the chat setting, in the UI's language
    system = [t for t in turns if t.role == "system"]
    chat = [t for t in turns if t.role != "system"]
    budget = context_size - reserve
    if budget <= 0:
        raise UserError(tr("The {setting} setting ({reserve}) leaves no room for the message in the "
                           "{context_size}-token context.", setting=setting, reserve=reserve,
                           context_size=context_size),
                        tr("Lower {setting} below {context_size}, or load the model with a larger "
                           "context size.", setting=setting, context_size=context_size))

    def render(start: int) -> tuple[str, int]:
        prompt = template.render(system + chat[start:], continue_last=continue_last)
        return prompt, count_tokens(prompt)

    starts = [i for i in _exchanges(chat)]
    prompt, n = render(0)
    if n <= budget:
        return FittedPrompt(prompt, n, 0, context_size, reserve)
    # Binary search for the earliest exchange start that fits (fewer turns never need more tokens).
    lo, hi = 1, len(starts) - 1
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        p, m = render(starts[mid])
        if m <= budget:
            best, hi = (starts[mid], p, m), mid - 1
        else:
            lo = mid + 1
    if best is None:
        last_prompt, last_n = render(starts[-1])
        if last_n < context_size:       # the message fits; the reply's reserve is what is too big
            raise UserError(
                tr("The {setting} setting ({reserve}) leaves {room} of the {context_size}-token context "
                   "for the message, which needs {tokens} tokens with the system prompt.",
                   setting=setting, reserve=reserve, room=budget, context_size=context_size, tokens=last_n),
                tr("Lower {setting} to {most} or less, or load the model with a larger context size.",
                   setting=setting, most=context_size - last_n))
        raise UserError(
            f"The message is too long for the model: it needs {last_n} tokens with the system prompt, "
            f"but the context holds {context_size} and {reserve} are kept for the reply.",
            "Shorten the message or the system prompt, lower max new tokens, or load the model "
            "with a larger context size.")
    start, p, m = best
    return FittedPrompt(p, m, start, context_size, reserve)

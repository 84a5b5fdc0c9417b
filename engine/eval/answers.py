"""Turning model output into A/B/C/D, as upstream does.

Constrained decoding (upstream's default).  Upstream calls ``model.generate(..., do_sample=True,
temperature=0.2, top_k=0, top_p=1.0, repetition_penalty=1.1, max_new_tokens=1, output_scores=True)``
and reads ``scores[0][0]``: the first step's *processed* scores.  So before comparing,
transformers has (a) divided by 1.1 every positive logit (multiplied every negative one)
of a token that occurs anywhere in the prompt (``RepetitionPenaltyLogitsProcessor``;
the option letters always do) and (b) divided everything by the temperature.  For each
choice it then adds two scores: the token of ``"A"`` encoded without special tokens
(first id: ``▁A`` for LLaMA's SentencePiece) and the last token of ``"：A"`` (``A``),
asserts they are finite, and takes the argmax (the first one on a tie).  ``constrained_choice``
applies exactly that to the raw logits a backend returns, for llama.cpp and transformers alike.

Free text (CoT, or constrained decoding off): ``extract_answer`` applies upstream's rules in
order: the last ``所以答案是X。`` if X is a choice; eight regexes; the first A-D letter; the first
option text found; else a random letter (here from a seeded generator, so a rerun is repeatable).
"""
from __future__ import annotations

import math
import random
import re
from typing import Callable, Optional, Sequence

from ..errors import UserError
from ..i18n import tr
from .data import CHOICES, Question

PENALTY = 1.1          # upstream's repetition_penalty
TEMPERATURE = 0.2      # upstream's --temperature default

ANSWER_PATTERNS = (
    r"([ABCD])是正确的",
    r"选项([ABCD])正确",
    r"答案为([ABCD])",
    r"答案是([ABCD])",
    r"答案([ABCD])",
    r"选择([ABCD])",
    r"答案：([ABCD])",
    r"选择答案([ABCD])",
)


def choice_token_ids(tokenize: Callable[[str], list[int]]) -> list[int]:
    """The 8 ids upstream compares: ``encode(c, add_special_tokens=False)[0]`` for A-D, then
    ``encode("：" + c)[-1]`` for A-D.  ``tokenize`` adds BOS the way the backend does."""
    bos = tokenize("")
    def bare(text: str) -> list[int]:
        ids = tokenize(text)
        return ids[len(bos):] if bos and ids[: len(bos)] == bos else ids
    first = [bare(c)[0] for c in CHOICES]
    second = [tokenize("：" + c)[-1] for c in CHOICES]
    return first + second


def process_score(token_id: int, logit: float, prompt_ids: set, *, penalty: float = PENALTY,
                  temperature: float = TEMPERATURE) -> float:
    """One score as transformers' repetition penalty and temperature warper leave it."""
    if token_id in prompt_ids:
        logit = logit / penalty if logit > 0 else logit * penalty
    return logit / temperature


def constrained_choice(token_ids: Sequence[int], logits: Sequence[float], prompt_ids, *,
                       penalty: float = PENALTY, temperature: float = TEMPERATURE) -> tuple[str, list[float]]:
    """(letter, the four summed scores) from the raw logits of the 8 ``choice_token_ids``."""
    prompt_ids = set(prompt_ids)
    s = [process_score(t, float(v), prompt_ids, penalty=penalty, temperature=temperature)
         for t, v in zip(token_ids, logits)]
    totals = [s[i] + s[i + 4] for i in range(4)]
    if not all(math.isfinite(x) for x in totals):
        raise UserError(tr("The model returned non-finite scores (inf or NaN) for the answer letters."),
                        tr("The model file is damaged or its weights overflow in this precision; "
                           "try an F16/F32 or another quantization."))
    best = max(range(4), key=lambda i: (totals[i], -i))
    return CHOICES[best], totals


def extract_answer(text: str, q: Question, rng: Optional[random.Random] = None) -> tuple[str, bool]:
    """(letter, found directly by ``所以答案是X。``) from a free-text reply, with upstream's rules."""
    m = re.findall(r"所以答案是(.+?)。", text, re.M)
    if m and m[-1] in CHOICES:
        return m[-1], True
    for pattern in ANSWER_PATTERNS:
        found = re.search(pattern, text, re.M)
        if found:
            return found.group(1), False
    letters = re.findall(r"[ABCD]", text, re.M)
    if letters:
        return letters[0], False
    by_text = {}
    for c in CHOICES:
        by_text[str(q.options[c])] = c
    pattern = "|".join(re.escape(str(q.options[c])) for c in CHOICES)
    found = re.findall(pattern, text, re.M)
    if found:
        return by_text[found[0]], False
    return (rng or random).choice("ABCD"), False

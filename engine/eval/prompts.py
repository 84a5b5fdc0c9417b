r"""C-Eval prompts, byte for byte as upstream's ``scripts/ceval/llama_evaluator.py`` builds them.

Upstream's quirks, kept on purpose (the published scores were made with them):

1. The few-shot header names the subject by its **English file key**, not its Chinese name:
   ``以下是中国关于computer_network考试的单项选择题，请选出其中的正确答案。\n\n``.
2. Zero-shot has **no header at all**: the prompt is the bare question.
3. Options are ``\nA. {text}`` with the cell as pandas renders it (see ``data``: ``3`` may print ``3.0``).
4. The question suffix depends on the instruction template: ``\n答案：`` without it,
   ``\n答案是什么？ `` (a trailing space) with it; CoT adds ``让我们一步一步思考，\n1.``.
5. With the template, the whole few-shot history *and* the question go inside the one
   instruction of the SFT template (``...request.\n\n### Instruction:\n{history+question}\n\n### Response: ``,
   ending in a space), not one turn per example.
6. Few-shot examples always end ``\n答案：X\n\n`` (CoT: ``\n答案：让我们一步一步思考，\n{explanation}\n所以答案是X。\n\n``),
   also when the question itself uses the ``答案是什么？`` suffix.
7. The first K rows of dev/ are the examples (``K = -1``: all of them), the same for every question.
8. The tokenizer adds BOS in front of the prompt (``tokenizer(instruction)``); so do the backends here.
"""
from __future__ import annotations

from .data import CHOICES, Question

TEMPLATE = ("Below is an instruction that describes a task. "
            "Write a response that appropriately completes the request.\n\n"
            "### Instruction:\n{instruction}\n\n### Response: ")


def format_example(q: Question, *, include_answer: bool, cot: bool = False, with_prompt: bool = False) -> str:
    text = q.question
    for c in CHOICES:
        text += f"\n{c}. {q.options[c]}"
    if include_answer:
        if cot:
            text += "\n答案：让我们一步一步思考，\n" + q.explanation + f"\n所以答案是{q.answer}。\n\n"
        else:
            text += "\n答案：" + q.answer + "\n\n"
    elif not with_prompt:
        text += "\n答案：让我们一步一步思考，\n1." if cot else "\n答案："
    else:
        text += "\n答案是什么？让我们一步一步思考，\n1." if cot else "\n答案是什么？ "
    return text


def few_shot_history(subject: str, dev: list[Question], k: int, *, cot: bool = False) -> str:
    """Header plus the first ``k`` dev examples (``k == -1``: all); ``""`` for zero-shot (``k == 0``)."""
    if k == 0:
        return ""
    prompt = f"以下是中国关于{subject}考试的单项选择题，请选出其中的正确答案。\n\n"
    for q in dev[: len(dev) if k == -1 else k]:
        prompt += format_example(q, include_answer=True, cot=cot)
    return prompt


def build_prompt(q: Question, history: str = "", *, cot: bool = False, with_prompt: bool = False) -> str:
    """The full text sent to the model for one question (BOS is the tokenizer's business)."""
    instruction = history + format_example(q, include_answer=False, cot=cot, with_prompt=with_prompt)
    if with_prompt:
        return TEMPLATE.format_map({"instruction": instruction})
    return instruction

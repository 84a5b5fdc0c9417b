"""Merging LoRA adapters into an original LLaMA, streamed in bounded memory.

Entry points: ``plan_merge`` (every check, nothing heavy) and ``run_merge`` /
``merge`` (the work, with ``progress`` and ``cancel``).
"""
from .driver import DTYPES, FORMATS, MergePlan, merge, plan_merge, run_merge

__all__ = ["DTYPES", "FORMATS", "MergePlan", "merge", "plan_merge", "run_merge"]

"""C-Eval as upstream's ``scripts/ceval`` runs it, on the model host.

- ``subjects``: the 52 subjects, their Chinese names and four groups, upstream's published scores;
- ``data``: the official CSV layout (``dev/``, ``val/``, ``test/``), read with upstream's pandas quirks;
- ``prompts``: zero-shot, few-shot, CoT and instruction-template prompts, byte for byte as upstream;
- ``answers``: constrained decoding over the A/B/C/D logits, and free-text answer extraction;
- ``runner``: ``run_ceval(host, config, progress, cancel)``, resumable, every model call through ``host.run``;
- ``results``: summary.json / predictions.json / submission.json, past runs, the comparison table;
- ``dataset``: where ``ceval-exam.zip`` lives and how to download and unpack it.
"""
from .runner import EvalConfig, EvalResult, run_ceval
from .subjects import GROUPS, Subject, subject_table

__all__ = ["EvalConfig", "EvalResult", "GROUPS", "Subject", "run_ceval", "subject_table"]

"""The Merge page's work off the UI thread: the plan preview (a query), the merge and the clean-up (jobs)."""
from __future__ import annotations

from pathlib import Path


def free_folder_name(out_dir) -> Path:
    """``out_dir`` itself when it is free (missing or empty), else ``<name>-2``, ``<name>-3``..."""
    out = Path(out_dir).expanduser()
    candidate, n = out, 1
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        n += 1
        candidate = out.with_name(f"{out.name}-{n}")
    return candidate


def preview_merge(base_dir, lora_dirs, out_dir, *, out_format, dtype, overwrite=False, settings=None,
                  progress=None, cancel=None) -> dict:
    """Run every check of a merge and describe it; opens headers only, writes nothing.

    An output folder that exists is not an error here: the summary says so (``out_exists``) with a
    free name to offer instead (``free_name``), checked as if overwriting."""
    from engine.merge import plan_merge

    free = free_folder_name(out_dir)
    exists = free != Path(out_dir).expanduser()
    plan = plan_merge(base_dir, lora_dirs, out_dir, out_format=out_format, dtype=dtype, fix_order=True,
                      overwrite=overwrite or exists)
    try:
        summary = plan.summary()
    finally:
        plan.close()
    summary["out_exists"] = exists and not overwrite
    summary["free_name"] = str(free)
    summary["plus_hint"] = None
    if settings is not None:
        from engine.model_checks import plus_step_hint

        steps = summary["vocab_steps"]
        summary["plus_hint"] = plus_step_hint(summary["loras"], steps[0], steps[1:], settings)
    return summary


def run_merge_job(base_dir, lora_dirs, out_dir, *, out_format, dtype, overwrite=False, progress=None, cancel=None):
    from engine.merge import merge

    return merge(base_dir, lora_dirs, out_dir, out_format=out_format, dtype=dtype, fix_order=True,
                 overwrite=overwrite, progress=progress, cancel=cancel)


def remove_partials_job(out_dir, *, progress=None, cancel=None) -> list:
    """Remove the partial output that killed merges left next to ``out_dir`` (never a running one's)."""
    from engine.atomic import remove_stale_partials

    return remove_stale_partials(out_dir)

"""A progress snapshot as one line in the UI's language (the GUI's ``engine.jobs.describe``):
the engine's status (an ``engine.i18n.Msg``) translated, units and "ETA" too."""
from __future__ import annotations

from engine.jobs import Progress, format_bytes, format_duration

from .i18n import engine_text, tr


def unit_name(unit: str) -> str:
    names = {"steps": tr("steps"), "tensors": tr("tensors"), "tokens": tr("tokens"),
             "questions": tr("questions"), "files": tr("files"), "shards": tr("shards"),
             "layers": tr("layers"), "records": tr("records")}
    return names.get(unit, unit)


def describe_progress(p: Progress) -> str:
    """'正在量化为 Q8_0  120/291 张量  3.1 张量/秒  剩余 00:55'."""
    parts = [engine_text(p.status)] if p.status else []
    eta = tr("ETA {time}").format(time=format_duration(p.eta)) if p.eta is not None and p.total else ""
    if p.unit == "%":
        if p.total:
            parts.append(f"{100 * p.done / p.total:.0f}%")
        return "  ".join(parts + ([eta] if eta else []))
    if p.total:
        if p.unit == "bytes":
            parts.append(f"{format_bytes(p.done)} / {format_bytes(p.total)}")
        else:
            parts.append(tr("{done}/{total} {unit}").format(done=f"{p.done:.0f}", total=f"{p.total:.0f}",
                                                            unit=unit_name(p.unit)))
    if p.rate:
        parts.append(f"{format_bytes(p.rate)}/s" if p.unit == "bytes"
                     else tr("{rate} {unit}/s").format(rate=f"{p.rate:.1f}", unit=unit_name(p.unit)))
    if eta:
        parts.append(eta)
    return "  ".join(parts)

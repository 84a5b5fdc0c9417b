"""User-facing engine text that the GUI can translate (the engine stays Qt-free).

``tr("Quantizing to {qtype}", qtype="Q8_0")`` returns a ``Msg``: a ``str`` holding the English
text ("Quantizing to Q8_0"), so the CLI, logs and tests see exactly what they saw before, that
also remembers its template and arguments.  The GUI (app/gui/i18n.py ``engine_text``) looks the
*template* up in the translations, then formats it with the arguments (themselves translated
when they are ``Msg``), so "Quantizing to {qtype}" becomes "正在量化为 Q8_0".

``tr`` is the name Qt's ``pyside6-lupdate`` recognises, so ``python -m tools.i18n update engine``
extracts every ``tr("literal", ...)`` of engine/ into resources/i18n/engine_<lang>.ts (empty
context).  The same rules as in the GUI apply: a literal first argument, never an f-string;
values as keyword arguments, formatted by the template (``{n}``; pre-format numbers that need a
format spec and pass them as text).
"""
from __future__ import annotations


class Msg(str):
    """English text plus the template and arguments it was made from."""

    template: str
    args: dict

    def __new__(cls, template: str, args: dict | None = None) -> "Msg":
        args = dict(args or {})
        try:
            text = template.format(**args) if args else template
        except (KeyError, IndexError, ValueError):
            text = template
        obj = super().__new__(cls, text)
        obj.template = template
        obj.args = args
        return obj

    def __reduce__(self):               # survives pickling (child processes, queues)
        return (Msg, (self.template, self.args))


def tr(template: str, /, **args) -> Msg:
    """Mark ``template`` for translation and fill it with ``args`` (English now, the UI's
    language when the GUI shows it)."""
    return Msg(template, args)


def render(text, translate) -> str:
    """``text`` with ``translate(template) -> str`` applied to it and its ``Msg`` arguments;
    a translation that lost or renamed a placeholder falls back to the English template."""
    if not isinstance(text, Msg):
        return str(text) if text is not None else ""
    args = {k: render(v, translate) if isinstance(v, Msg) else v for k, v in text.args.items()}
    template = translate(text.template) or text.template
    try:
        return template.format(**args) if args else template
    except (KeyError, IndexError, ValueError):
        return text.template.format(**args) if args else text.template

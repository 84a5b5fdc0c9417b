"""Work-arounds for bugs in the PySide6 build we ship with.

PySide6 6.12.0 on CPython < 3.12 returns ``None`` from every void method
(``setText``, ``setValue``, ``insertText``, ``processEvents``...) and ``True``
from ``SignalInstance.emit()`` without taking a reference, so each call drops
one reference to the singleton.  After some thousands of calls (a streamed chat
reply, a long job's progress, a busy session) CPython aborts with "Fatal Python
error: none_dealloc: deallocating None" (or bool_dealloc).  CPython 3.12+ makes
these objects immortal, which hides the bug; here we do the same by giving them a
reference count no session can exhaust.  ``tests/test_chat_page.py`` checks it.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def make_bools_immortal() -> None:
    if sys.version_info >= (3, 12):
        return      # already immortal
    for value in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(value))   # ob_refcnt is the first field
        if refcnt.value < _HEADROOM:
            refcnt.value += _HEADROOM


make_bools_immortal()

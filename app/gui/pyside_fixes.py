"""Work-arounds for bugs in the PySide6 build we ship with.

PySide6 6.12.0 on CPython < 3.12: every ``SignalInstance.emit()`` returns
``True`` without taking a reference to it, so each emit drops one reference to
the ``True`` singleton.  After a few hundred to a few thousand emits (a streamed
chat reply, a long job's progress) CPython aborts with "Fatal Python error:
bool_dealloc: deallocating True or False".  CPython 3.12+ makes True immortal,
which hides the bug; here we do the same by giving True (and False) a reference
count that no realistic session can exhaust.  ``tests/test_chat_page.py`` checks it.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def make_bools_immortal() -> None:
    if sys.version_info >= (3, 12):
        return      # already immortal
    for value in (True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(value))   # ob_refcnt is the first field
        if refcnt.value < _HEADROOM:
            refcnt.value += _HEADROOM


make_bools_immortal()

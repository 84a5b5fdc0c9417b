"""Errors a person can act on: what went wrong, and what to do about it."""
from __future__ import annotations


class UserError(Exception):
    """A failure caused by the input or the environment, with a suggested fix.

    ``str(err)`` is one readable line for the CLI; the GUI shows ``message``
    and ``hint`` separately.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

"""The message shape every part of the chat engine passes around."""
from __future__ import annotations

from dataclasses import dataclass

ROLES = ("system", "user", "assistant")


@dataclass(frozen=True)
class Turn:
    """One message as a template sees it: a role and its text."""

    role: str
    content: str

"""Alpaca Studio front ends: ``app.cli`` (terminal, no Qt) and ``app.gui`` (PySide6)."""

"""Alpaca Studio engine: pure Python, no Qt. The CLI, the GUI and the tests all call this."""

__version__ = "0.1.0"

"""Widgets of the Quantize page (app/gui/pages/quantize_page.py)."""

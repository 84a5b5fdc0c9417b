"""Widgets of the Merge page (app/gui/pages/merge_page.py)."""

"""Widgets of the Server page (app/gui/pages/server_page.py)."""

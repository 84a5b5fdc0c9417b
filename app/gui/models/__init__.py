"""Widgets of the Models page."""

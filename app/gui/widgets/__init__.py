"""Widgets shared by several pages (charts, ...)."""

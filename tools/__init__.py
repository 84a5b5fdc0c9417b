"""Developer tools: translations (python -m tools.i18n), the bundled CJK font (python -m tools.cjk_font)."""

"""Widgets of the Chat page: message view, input box, settings panel, chat list."""

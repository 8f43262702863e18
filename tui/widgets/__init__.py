"""Widgets of the storywatch dashboard, one per module."""

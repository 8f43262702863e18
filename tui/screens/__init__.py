"""Screens of the storywatch dashboard, one per module."""

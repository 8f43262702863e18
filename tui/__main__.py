"""`python -m tui` is the same as `storywatch`."""

from tui.cli import main

main(prog_name="storywatch")

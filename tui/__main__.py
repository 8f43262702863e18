"""`python -m tui` is the same as `storywatch`."""

from tui.cli import main

# Guarded: spawned parse workers import the main module, and must not run the CLI.
if __name__ == "__main__":
    main(prog_name="storywatch")

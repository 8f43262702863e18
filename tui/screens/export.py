"""Export the change log: pick a format; the file goes to a folder the user can see."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

# (format, what the user sees, file suffix)
EXPORT_FORMATS: list[tuple[str, str, str]] = [
    ("json", "JSON lines (one change per line)", "jsonl"),
    ("csv", "CSV (spreadsheets)", "csv"),
    ("markdown", "Markdown table", "md"),
    ("atom", "Atom feed (feed readers)", "atom.xml"),
]


class ExportScreen(ModalScreen[str | None]):
    """Asks for a format; dismissed with it, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss(None)", "Cancel")]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 60; height: auto; border: round $accent; padding: 0 1; }
    ExportScreen OptionList { height: auto; }
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export the change log as:", markup=False)
            yield OptionList(*(Option(label, id=fmt) for fmt, label, _ in EXPORT_FORMATS))
            yield Static(f"into {self.folder}", id="export-folder", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

"""Exporting the change log from the dashboard: ask for a format, write where the user can
see it (the folder storywatch was started in), say where it went."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App

from tui.core.store import Store
from tui.core.store.changes import export_changes
from tui.database import Database
from tui.screens.export import EXPORT_FORMATS, ExportScreen


class ChangeExporter:
    """Pushes `ExportScreen` on `host`, then writes the file on a read worker of `database`."""

    def __init__(
        self,
        host: App[None],
        database: Database,
        folder: Path,
        *,
        clock: Callable[[], datetime],
        title: Callable[[], str],
    ) -> None:
        self._host = host
        self._database = database
        self.folder = folder
        self._clock = clock
        self._title = title

    def start(self) -> None:
        self._host.push_screen(ExportScreen(self.folder), self._export_as)

    def _export_as(self, fmt: str | None) -> None:
        if fmt is None:
            return
        suffix = next(s for f, _, s in EXPORT_FORMATS if f == fmt)
        stamp = self._clock().strftime("%Y%m%dT%H%M%S")
        path = (self.folder / f"storywatch-changes-{stamp}.{suffix}").resolve()
        title, host = self._title(), self._host

        def job(store: Store) -> None:
            try:
                count = export_changes(store, path, fmt=fmt, title=title)
            except OSError as exc:
                host.call_from_thread(
                    host.notify, f"could not export: {exc}", severity="error", markup=False
                )
                return
            host.call_from_thread(
                host.notify, f"wrote {count} changes to {path}", title="exported", markup=False
            )

        self._database.read(host, job, group="export")

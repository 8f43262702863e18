"""Storage: the one home of SQL. Headless (no Textual); every function takes a `Store`.

- The connection: `db` (`Store`, times as text), `schema` and `migrations`, `wal`.
- The writer of a poll: `poll_writer` (one feed's poll in one transaction), with
  `identity` (which stored report an entry is) and `figure_ledger` (what a claim is
  judged against); `prune` trims old rows. `claim_rows` turns a stored row back into a
  `Claim`, for the writer, the readers and the migrations alike.
- The readers the dashboard and the CLI use: `figures` (panel and header), `timeline`
  (report lists, search), `report` (versions, word diff), `history` (a figure's
  observations), `changes` (the change log, acknowledging, export), `feeds` (feed health),
  `figure_names` (the figures known by name and key, for the CLI and `suggest`), with
  `refs` (figure references and labels) shared by them; `datasette` describes it all.
"""

from __future__ import annotations

from tui.core.store.db import Store, StoreError, iso, parse_iso

__all__ = ["Store", "StoreError", "iso", "parse_iso"]

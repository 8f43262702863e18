"""What screens and widgets are given: a typed view of the app's services.

Screens and widgets never reach into the App. Each screen gets a `ScreenContext` in its
constructor (reads on thread workers, the clock, the config in force, the poll state, the
status line); what only the App does (acknowledge, open a link) they ask for by posting a
message from `tui.messages` up to it. So nothing under `tui/screens` or `tui/widgets`
imports `tui.app`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from textual.message import Message
from textual.message_pump import MessagePump
from textual.signal import Signal

from tui.core.config import Config
from tui.core.store import Store

PollMode = Literal["polling", "watching", "off"]


class Reader(Protocol):
    """Database reads off the event loop: `query` runs on a thread with its own read-only
    connection, and the message it returns is posted to `target`. A newer read in the same
    group cancels an older one, whose result is then dropped."""

    def read(
        self, target: MessagePump, query: Callable[[Store], Message | None], *, group: str
    ) -> object: ...


class PollState(Protocol):
    """What the header says about polling: who polls, whether a poll runs, when the next."""

    @property
    def mode(self) -> PollMode: ...

    @property
    def polling(self) -> bool: ...

    @property
    def next_poll_at(self) -> float | None:
        """`time.monotonic()` of the next poll, or None."""


@dataclass(frozen=True, slots=True)
class ScreenContext:
    reader: Reader
    clock: Callable[[], datetime]
    # The config in force now: feeds.toml may be reloaded while a screen is open.
    config: Callable[[], Config]
    poll_state: PollState
    # The last problem worth knowing (a failed worker, a refused feeds.toml), and its news.
    status: Callable[[], str]
    status_changed: Signal[str]

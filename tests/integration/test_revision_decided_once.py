""" "Is this a new revision?" is decided once: the writer takes analyse's answer while the
stored key it was decided against is still the stored one, and decides again only if not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.feedgen import feeds_toml
from tui.core.analyse import AnalysedFeed, analyse_feed
from tui.core.claims import FigureNamer
from tui.core.config import parse_config
from tui.core.store import Store
from tui.core.store.poll_writer import (
    LedgerContext,
    PollRecord,
    ensure_feeds,
    known_hashes,
    write_feed_poll,
)
from tui.core.story import StoryFilter

T0 = datetime(2025, 6, 1, 8, tzinfo=UTC)
FEEDS = feeds_toml({"wire": "https://wire.example/feed"})
LEDGER = LedgerContext(FigureNamer(()), timedelta(hours=72))


def rss(text: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>a-1</guid><title>Harbour works go on</title><link>https://wire.example/a-1</link>
<pubDate>Sun, 01 Jun 2025 07:00:00 GMT</pubDate><description>{text}</description></item>
</channel></rss>""".encode()


def analyse(store: Store, body: bytes, story: StoryFilter) -> AnalysedFeed:
    return analyse_feed(
        body, {}, story=story, synonyms={}, known_hashes=known_hashes(store, "wire"), now=T0
    )


def write(store: Store, analysed: AnalysedFeed, at: datetime) -> int:
    result = write_feed_poll(store, PollRecord("wire", at, 1, "ok", 200), analysed, LEDGER, now=at)
    return len(result.new_revisions)


@pytest.fixture
def story() -> StoryFilter:
    config = parse_config('[story]\ntitle = "t"\nkeywords = [["harbour"]]\n' + FEEDS)
    return StoryFilter.from_config(config.story)


def test_the_writer_takes_analyses_answer(tmp_path: Path, story: StoryFilter) -> None:
    with Store(tmp_path / "s.db") as store:
        ensure_feeds(store, {"wire": "https://wire.example/feed"})
        write(store, analyse(store, rss("Cranes stand idle."), story), T0)
        edited = analyse(store, rss("Cranes move again."), story)
        (item,) = edited.reports
        assert item.revised is True and item.known_key is not None
        # Told "not a revision" against the key that is stored, the writer believes it:
        # it does not decide a second time.
        unrevised = replace(edited, reports=(replace(item, revised=False),))
        assert write(store, unrevised, T0 + timedelta(hours=1)) == 0
        # The true answer is stored as a revision.
        assert write(store, edited, T0 + timedelta(hours=2)) == 1


def test_a_stale_answer_is_decided_again(tmp_path: Path, story: StoryFilter) -> None:
    with Store(tmp_path / "s.db") as store:
        ensure_feeds(store, {"wire": "https://wire.example/feed"})
        write(store, analyse(store, rss("Cranes stand idle."), story), T0)
        first = analyse(store, rss("Cranes move again."), story)
        # Another writer stores the same edit meanwhile: the key `first` was decided
        # against is no longer the stored one, so the writer decides again (no revision).
        assert write(store, analyse(store, rss("Cranes move again."), story), T0) == 1
        assert write(store, first, T0 + timedelta(hours=1)) == 0

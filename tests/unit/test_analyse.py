"""Only on-story reports pay for figures, and no text is read twice (`analyse.analyse_feed`)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import pytest

from tui.core.analyse import AnalysedFeed, analyse_feed, content_hash
from tui.core.config import StorySection
from tui.core.story import StoryFilter

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
STORY = StoryFilter.from_config(StorySection(keywords=[["Atlantis"], ["troops"]]))
ON_STORY = ("Atlantis troops", "About 2,500 troops remain in Atlantis, officials said.")
OFF_STORY = ("Harvest report", "Farmers brought in 40,000 tonnes of wheat this week.")


def rss(*items: tuple[str, str, str]) -> bytes:
    """An RSS 2.0 feed of (guid, title, description) items."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{escape(title)}</title>"
        f"<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for guid, title, text in items
    )
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    return f"{head}{body}</channel></rss>".encode()


def analyse(body: bytes, known: dict[str, str] | None = None) -> AnalysedFeed:
    return analyse_feed(body, {}, story=STORY, synonyms={}, known_hashes=known or {}, now=NOW)


def test_only_on_story_reports_get_figures() -> None:
    feed = analyse(rss(("a", *ON_STORY), ("b", *OFF_STORY)))
    on, off = feed.reports
    assert on.on_story and on.claims  # the troops figure
    assert not off.on_story and off.claims is None


@pytest.mark.parametrize(
    ("stored_text", "extracted"),
    [
        pytest.param(ON_STORY[1], False, id="same text as stored: nothing to read"),
        pytest.param(ON_STORY[1] + "\n\n", False, id="same text re-wrapped: not a revision"),
        pytest.param("About 2,000 troops remain.", True, id="edited text: a revision, read"),
    ],
)
def test_stored_reports_are_read_again_only_when_revised(stored_text: str, extracted: bool) -> None:
    first = analyse(rss(("a", ON_STORY[0], stored_text)))
    known = {"a": first.reports[0].content_hash}
    again = analyse(rss(("a", *ON_STORY)), known)
    assert (again.reports[0].claims is not None) is extracted


def test_the_same_text_in_two_feeds_is_extracted_once() -> None:
    """A wire story carried word for word by two feeds of one poll: one extraction."""
    title, text = "Atlantis troops: a wire copy", "Some 1,800 troops left Atlantis, officials said."
    one = analyse(rss(("x1", title, text)))
    two = analyse(rss(("y7", title, text)))
    assert one.reports[0].claims  # a figure was found
    assert two.reports[0].claims is one.reports[0].claims
    assert content_hash(one.reports[0].report) == content_hash(two.reports[0].report)


def test_a_poll_with_nothing_on_the_story_never_loads_the_extractor() -> None:
    """The extractor's modules are a fifth of a start-up; an all-off-story or all-304 poll
    must not pay for them (run in a fresh interpreter, where nothing is imported yet)."""
    code = (
        "import sys\n"
        "import tui.core.monitor\n"
        "from tests.unit.test_analyse import OFF_STORY, analyse, rss\n"
        "feed = analyse(rss(('b', *OFF_STORY)))\n"
        "assert feed.reports and not feed.reports[0].on_story\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.core.claims.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout.strip()
    assert "tui.core.claims.extract" not in loaded, loaded


def test_an_analysed_feed_crosses_a_process_boundary_unchanged() -> None:
    """What the figure worker sends back (reports, claims) is rebuilt equal, field by
    field (`models.pickled_as_fields`)."""
    import pickle

    body = rss(("a", *ON_STORY), ("b", *OFF_STORY))
    known = {"b": "r2:an-older-version"}
    feed = analyse_feed(body, {}, story=STORY, synonyms={}, known_hashes=known, now=NOW)
    assert any(item.claims for item in feed.reports)
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(feed, protocol))
        assert copy == feed
        assert repr(copy) == repr(feed)

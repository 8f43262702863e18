"""The demo story is consistent data, renders to valid feeds, and is served with ETags."""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator

import feedparser
import pytest

from tui.core.story import StoryFilter
from tui.demo.config import TITLE, demo_config
from tui.demo.feeds import body_html, etag_for, render_feed
from tui.demo.server import DemoServer
from tui.demo.story import ARTICLES, FEED_SIZE, OUTLETS, STEPS, Article, items_at, outlet

# Latin letters, digits, punctuation and the typographic dash: English copy, nothing else.
_ENGLISH = re.compile(r"[A-Za-z0-9 .,;:'’\"“”?!$%()\-—–/&]+")


def _texts(article: Article) -> Iterator[str]:
    for version in article.versions:
        yield version.title
        yield from version.paragraphs
        yield from version.related


def test_shape_of_the_story() -> None:
    assert 18 <= len(ARTICLES) <= 24
    assert len(OUTLETS) == 4
    assert Counter(o.format for o in OUTLETS) == {"rss": 2, "atom": 2}
    assert {a.outlet for a in ARTICLES} == {o.slug for o in OUTLETS}
    assert len(STEPS) >= 8
    assert list(STEPS) == sorted(STEPS, key=lambda s: s.at), "steps run forward in time"


def test_guids_are_unique_and_only_revisions_repeat_one() -> None:
    guids = [a.guid for a in ARTICLES]
    assert len(set(guids)) == len(guids)
    revised = [a for a in ARTICLES if len(a.versions) > 1]
    # One silent revision with a new figure, one rewording that keeps every figure.
    assert len(revised) == 2
    for article in revised:
        steps = [v.step for v in article.versions]
        assert steps == sorted(set(steps))
        assert all(v.updated is not None for v in article.versions[1:])


def test_every_version_is_published_before_the_poll_that_first_sees_it() -> None:
    for article in ARTICLES:
        assert article.published <= STEPS[article.first_step].at
        for version in article.versions[1:]:
            assert version.updated is not None
            assert article.published < version.updated <= STEPS[version.step].at


def test_links_are_on_reserved_domains() -> None:
    for article in ARTICLES:
        pattern = r"https://[a-z-]+\.example\.com/2025/\d\d/\d\d/[a-z0-9-]+"
        assert re.fullmatch(pattern, article.link)
    for o in OUTLETS:
        body = render_feed(o, len(STEPS) - 1).decode()
        hosts = set(re.findall(r"https?://([^/\"<\s]+)", body))
        assert all(h.endswith(("example.com", "example.org", "w3.org")) for h in hosts), hosts


def test_the_text_is_english_prose() -> None:
    for article in ARTICLES:
        for text in _texts(article):
            assert _ENGLISH.fullmatch(text), text


def test_a_read_also_block_and_off_story_reports_exist() -> None:
    with_related = [a for a in ARTICLES if any(v.related for v in a.versions)]
    assert len(with_related) == 1
    version = with_related[0].versions[0]
    assert all(re.search(r"\d", headline) for headline in version.related)
    assert "Read also:" in body_html(version)
    assert sum(not a.on_story for a in ARTICLES) >= 3


def test_the_story_filter_agrees_with_the_on_story_flags() -> None:
    story = demo_config({o.slug: f"http://127.0.0.1:1/{o.slug}.xml" for o in OUTLETS}).story
    story_filter = StoryFilter.from_config(story)
    for article in ARTICLES:
        for version in article.versions:
            text = "\n".join((*version.paragraphs, *version.related))
            assert story_filter.matches(version.title, text) is article.on_story, version.title


def test_demo_config_is_valid() -> None:
    urls = {o.slug: f"http://127.0.0.1:8080/{o.slug}.xml" for o in OUTLETS}
    config = demo_config(urls, interval=3)
    assert config.story.title == TITLE
    assert [f.url for f in config.feeds] == list(urls.values())
    assert {f.name for f in config.figures} == {
        "US troops in Iraq",
        "US troops in Syria",
        "Withdrawal deadline",
    }
    assert config.settings.interval == 3


@pytest.mark.parametrize("step", range(len(STEPS)))
def test_every_feed_parses_into_the_expected_entries(step: int) -> None:
    for o in OUTLETS:
        served = items_at(o.slug, step)
        assert 1 <= len(served) <= FEED_SIZE
        parsed = feedparser.parse(io.BytesIO(render_feed(o, step)))
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == ("rss20" if o.format == "rss" else "atom10")
        assert parsed.feed.title == o.name
        assert [e.id for e in parsed.entries] == [a.guid for a, _ in served]
        assert [e.title for e in parsed.entries] == [v.title for _, v in served]
        for entry, (article, version) in zip(parsed.entries, served, strict=True):
            assert entry.link == article.link
            html = entry.content[0].value if "content" in entry else entry.summary
            assert html == body_html(version)


def test_a_revision_is_served_under_the_same_guid_with_new_text() -> None:
    article = next(a for a in ARTICLES if len(a.versions) > 1 and a.outlet == "capitol-desk")
    second = article.versions[1]
    before = feedparser.parse(io.BytesIO(render_feed(outlet(article.outlet), second.step - 1)))
    after = feedparser.parse(io.BytesIO(render_feed(outlet(article.outlet), second.step)))
    old = next(e for e in before.entries if e.id == article.guid)
    new = next(e for e in after.entries if e.id == article.guid)
    assert old.content[0].value != new.content[0].value
    assert "2,500" in old.content[0].value and "2,000" in new.content[0].value
    assert new.updated_parsed > old.updated_parsed


def test_etags_follow_content() -> None:
    for o in OUTLETS:
        for step in range(1, len(STEPS)):
            same = items_at(o.slug, step) == items_at(o.slug, step - 1)
            old, new = render_feed(o, step - 1), render_feed(o, step)
            assert (etag_for(old) == etag_for(new)) is same
            assert (old == new) is same


def _get(url: str, etag: str | None = None) -> tuple[int, bytes, str | None]:
    request = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read(), response.headers.get("ETag")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers.get("ETag")


def test_server_serves_steps_with_conditional_get() -> None:
    tigris = outlet("tigris-wire")
    with DemoServer() as server:
        assert server.url(tigris).startswith("http://127.0.0.1:")
        status, body, etag = _get(server.url(tigris))
        assert status == 200 and body == render_feed(tigris, 0) and etag
        assert _get(server.url(tigris), etag)[0] == 304
        assert server.advance() and server.step == 0  # the first advance opens step 0
        assert _get(server.url(tigris), etag)[0] == 304  # nothing new at step 0
        assert server.advance() and server.step == 1
        # Tigris Wire publishes nothing at step 1: still 304. Gulf Courier does.
        assert _get(server.url(tigris), etag)[0] == 304
        assert _get(server.url(outlet("gulf-courier")))[1] == render_feed(outlet("gulf-courier"), 1)
        assert _get(f"http://127.0.0.1:{server.port}/nope.xml")[0] == 404


def test_server_stops_at_the_last_step_and_tracks_polls() -> None:
    with DemoServer() as server:
        while server.advance():
            pass
        assert server.finished and server.step == len(STEPS) - 1
        assert not server.advance()
        assert not server.all_polled()
        for o in OUTLETS:
            _get(server.url(o))
        assert server.all_polled()

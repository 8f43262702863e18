"""Is this a new revision? One pure answer (`revisions.is_new_revision`), table-tested."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from tui.core import revisions
from tui.core.revisions import canonical_link, is_current, is_new_revision, revision_key

TITLE = "Floods cut off 40 villages"
TEXT = "About 1,200 people were moved to shelters, officials said on Tuesday."


@pytest.mark.parametrize(
    ("old", "new", "revision"),
    [
        pytest.param((TITLE, TEXT), (TITLE, TEXT), False, id="identical"),
        pytest.param(
            (TITLE, TEXT),
            (TITLE, TEXT.replace(" people", "  people\n")),
            False,
            id="whitespace: re-spaced and re-wrapped text is the same text",
        ),
        pytest.param(
            (TITLE, "About 1,200 people.\n\nOfficials said so."),
            (TITLE, "About 1,200 people. Officials said so."),
            False,
            id="markup: paragraphs re-split by the template, not by an editor",
        ),
        pytest.param(
            (TITLE, TEXT + " More: https://news.example/a?id=7&utm_source=rss&utm_medium=feed"),
            (TITLE, TEXT + " More: https://news.example/a?id=7&utm_source=tw&fbclid=XyZ"),
            False,
            id="tracking parameters in a link change at every fetch",
        ),
        pytest.param(
            (TITLE, TEXT + " 1,024 shares · Comments (12)"),
            (TITLE, TEXT + " 1,310 shares · Comments (19)"),
            False,
            id="share and comment counters tick up on every fetch",
        ),
        pytest.param(
            (TITLE, TEXT + " 3.2k views"),
            (TITLE, TEXT + " 4k views"),
            False,
            id="abbreviated view counter",
        ),
        pytest.param(
            (TITLE, TEXT),
            (TITLE, "\u200b" + TEXT.replace("shelters", "shel\u00adters")),
            False,
            id="invisible characters (zero-width space, soft hyphen)",
        ),
        pytest.param(
            (TITLE, TEXT),
            (TITLE, TEXT.replace("1,200", "1,500")),
            True,
            id="a figure edited is a revision",
        ),
        pytest.param(
            (TITLE, TEXT),
            ("Floods cut off 55 villages", TEXT),
            True,
            id="a headline edited is a revision",
        ),
        pytest.param(
            (TITLE, TEXT),
            (TITLE, TEXT + " Two people died."),
            True,
            id="a sentence added is a revision",
        ),
        pytest.param(
            (TITLE, TEXT + " See https://news.example/a?id=7"),
            (TITLE, TEXT + " See https://news.example/a?id=8"),
            True,
            id="a link to another article (non-tracking parameter) is a revision",
        ),
        pytest.param(
            (TITLE, "The motion passed with 52 votes."),
            (TITLE, "The motion passed with 53 votes."),
            True,
            id="votes are a figure, not an engagement counter",
        ),
    ],
)
def test_is_new_revision(old: tuple[str, str], new: tuple[str, str], revision: bool) -> None:
    assert is_new_revision(revision_key(*old), revision_key(*new)) is revision


def test_no_stored_version_is_a_new_item_not_a_revision() -> None:
    assert is_new_revision(None, revision_key(TITLE, TEXT)) is False


def test_keys_name_their_scheme() -> None:
    """Keys stored before this scheme are plain hashes: the writer must recompute them."""
    assert is_current(revision_key(TITLE, TEXT))
    assert not is_current("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")


@pytest.mark.parametrize(
    ("link", "canonical"),
    [
        pytest.param("https://a.example/x?utm_source=rss", "https://a.example/x", id="utm"),
        pytest.param(
            "https://a.example/x?id=3&traffic_source=rss#top",
            "https://a.example/x?id=3",
            id="outlet-tracking-and-fragment",
        ),
        pytest.param("HTTPS://A.Example/X?p=1", "https://a.example/X?p=1", id="host-case-only"),
        pytest.param(None, None, id="no-link"),
    ],
)
def test_canonical_link(link: str | None, canonical: str | None) -> None:
    assert canonical_link(link) == canonical


def _plain_comparable(title: str, text: str) -> str:
    """The key's text as the rules say it, with no shortcut: what `_comparable` must equal."""
    body = unicodedata.normalize("NFC", f"{title}\n{text}")
    body = revisions._INVISIBLE.sub("", body)
    body = revisions._URL.sub(lambda m: canonical_link(m.group()) or "", body)
    body = revisions._COUNTER.sub("#", body)
    return re.sub(r"\s+", " ", body).strip()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Comments (12) and 1,024 shares", id="both counter shapes"),
        pytest.param("shares, 12 likes", id="a counter right after a comma"),
        pytest.param("Comments:\n\n 3.2k", id="word first, newlines before the number"),
        pytest.param("5 000\u00a0000 views", id="spaced thousands"),
        pytest.param("12\nshares", id="number and word on two lines"),
        pytest.param("5\n000 shares", id="only the second number counts"),
        pytest.param("2023 views12", id="no boundary after the number"),
        pytest.param("\u017fhares 4 and 9 \u212aommentare", id="long s and Kelvin sign fold"),
        pytest.param("KOMMENTARE [7]", id="upper case, a bracket"),
        pytest.param("\u0663\u0664 comments", id="Arabic-Indic digits are digits"),
        pytest.param("12 kommentare", id="k opens the word, not a thousands suffix"),
        pytest.param("He declined to comment on 14 May.", id="no counter: a word, then a date"),
        pytest.param("See https://x.example/a?utm_source=1 (3 views)", id="a URL and a counter"),
        pytest.param("a\x1cb\u3000c\u2003d", id="unusual whitespace folds as \\s does"),
    ],
)
def test_revision_text_is_the_plain_rules_text(text: str) -> None:
    """The key's shortcuts (digit-led searches before `_COUNTER`, `split` for `\\s+`) change
    its cost, never its value: a key stored before them still matches."""
    assert revisions._comparable("Title", text) == _plain_comparable("Title", text)


def test_revision_text_matches_the_plain_rules_on_random_text() -> None:
    """Random runs of digits, counted words in odd cases, brackets and spaces."""
    rng = random.Random(20261201)
    pieces = [
        *("12", "1,024", "3.2k", "4M", "5 000", "7\u00a0000", "\u0663\u0664", "9", "x1"),
        *(" ", "  ", "\n", "\t", "\u2003", "(", ")", "[", "]", ":", "k", "m", "word"),
        *("shares", "SHARE", "\u017fhares", "\u212aommentar", "Comments", "views", "likes"),
        *("reactions", "comentários", "COMENTÁRIOS", "aufrufe", "partages", "retweet"),
    ]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        assert revisions._comparable("", text) == _plain_comparable("", text), repr(text)

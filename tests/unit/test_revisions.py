"""Is this a new revision? One pure answer (`revisions.is_new_revision`), table-tested."""

from __future__ import annotations

import pytest

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

"""compile_guarded: the first-letter look-ahead it adds, and that it never changes a match;
the substring gate and the search of the last words, which never change one either."""

from __future__ import annotations

import re

import pytest

from tui.core.claims.regex_speed import compile_guarded, gated, search_last_words

_TEXT = (
    "Rescuers said the quake killed at least 2,000 people and injured 300 more in the "
    "north; officials will send aid to Ghor, where 'll and à-la words sit beside (notes)."
)


@pytest.mark.parametrize(
    ("pattern", "guard"),
    [
        pytest.param(r"\b(?:killed|injured)\s+", "[ik]", id="word-list"),
        pytest.param(r"\b(killed|kill|at\s+least)\s+", "[ak]", id="capturing-group"),
        pytest.param(r"\b(?:will|'ll|would)\b", "['w]", id="apostrophe-word"),
        pytest.param(r"\b(?:à|au|in)\s+", "[aià]", id="non-ascii-first-letter"),
        pytest.param(r"\b[a-c]\w+", "[abc]", id="small-class"),
        pytest.param(r"\b(?:in|on)+\s", "[io]", id="repeated-at-least-once"),
        pytest.param(r"\b(?:the\s+)?north", None, id="optional-start-unknown"),
        pytest.param(r"\b\w+ed\b", None, id="any-word-character"),
        pytest.param(r"\b(?:killed|)\b", None, id="empty-alternative"),
        pytest.param(r"(?:killed|injured)", None, id="no-leading-boundary"),
        pytest.param(r"\b[^.]+", None, id="negated-class"),
    ],
)
def test_guard_and_same_matches(pattern: str, guard: str | None) -> None:
    # Why: the look-ahead only skips positions no match can start at; every search, match
    # and finditer must give what the plain pattern gives, at any start and end.
    fast, plain = compile_guarded(pattern), re.compile(pattern)
    if guard is None:
        assert fast.pattern == pattern
    else:
        assert fast.pattern == rf"\b(?={guard}){pattern[2:]}"
    for pos in range(0, len(_TEXT), 7):
        for end in (len(_TEXT), pos + 40):
            a, b = fast.search(_TEXT, pos, end), plain.search(_TEXT, pos, end)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
            a, b = fast.match(_TEXT, pos, end), plain.match(_TEXT, pos, end)
            assert (a and a.span()) == (b and b.span())
    assert [m.span() for m in fast.finditer(_TEXT)] == [m.span() for m in plain.finditer(_TEXT)]


def test_case_insensitive_patterns_stay_as_written() -> None:
    # Why: under IGNORECASE "K" also starts "killed"; a lower-case guard would miss it.
    fast = compile_guarded(r"\b(?:killed)", re.IGNORECASE)
    assert fast.pattern == r"\b(?:killed)" and fast.search("KILLED")


def test_gate_answers_like_the_pattern() -> None:
    # Why: the gate only skips texts holding none of the words every match holds; with
    # one of them anywhere in the text, the pattern decides, at any start and end.
    swap = gated(r"\b(?:exchanges?|swaps?|prisoners?\s+of\s+war)\b", "change swap prisoner")
    assert swap.search("a swap of 150 each").group() == "swap"
    assert swap.search("an exchange of prisoners of war", 12).group() == "prisoners of war"
    assert swap.search("the exchange", 0, 8) is None  # the word is outside the span read
    assert swap.search("changes to the swapped list") is None  # gate open, no match
    assert swap.search("a quiet night") is None  # gate shut


@pytest.mark.parametrize(
    "head",
    [
        "the toll rose to ",
        "the toll rose to",
        "officials said that not very much more than ",
        "no more than ",
        "(about ",
        "x-over ",
        "to  \n ",
        "",
        "   ",
    ],
)
def test_last_words_search_finds_the_same_match(head: str) -> None:
    # Why: a match that runs to the end and spans at most N words starts in the last N
    # words; starting the search there must find the leftmost match the full search finds.
    pattern = re.compile(
        r"(?:\bnot\s+(?:[a-z]+\s+){0,2}more\s+than|\bno\s+more\s+than|\bmore\s+than|"
        r"\brose\s+to|\bto|\bover|\babout)\s*$"
    )
    full = pattern.search(head)
    fast = search_last_words(pattern, head, 5)
    assert (fast and fast.span()) == (full and full.span())

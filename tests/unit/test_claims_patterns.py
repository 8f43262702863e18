"""The extractor's patterns written for speed match exactly what their readable forms match.

Several patterns were rewritten so that the regex engine can skip ahead (a trie instead of
a longest-first list of words, a character class first instead of a word boundary), and a
loop over characters became a jump between quotation marks. Each case here is a sentence
written for this table, run through the fast form and the plain one; they must agree.
"""

from __future__ import annotations

import re

import pytest

from tui.core.claims import actors, numbers, window
from tui.core.claims.lexicon import alternation
from tui.core.claims.source_choice import quote_around

SENTENCES = [
    "About 2,500 US troops remain in Iraq, the Pentagon said on Monday.",
    "The al-Shabaab fighters left; uMkhonto members stayed - but not for long.",
    "One in seven residents fled, while 1 in 10 stayed, and others waited.",
    "someone in ten minutes said one in five; done in two days",
    "The U.S.-led coalition (NATO) and Russia's army met in Kyiv whereas Hamas did not.",
    "Officials in Port-au-Prince, Haiti, said 40 people died.\nDozens more were hurt.",
    "Über 3.000 Soldaten, laut dem Ministerium, kamen - und gingen.",
    "",
]


def _spans(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        # Capitalised words: the fast form starts with a character class, then checks
        # what stands before it.
        pytest.param(
            actors._CAPITALISED,
            r"(?<![\w'’-])(?:[A-Z]|al-[A-Z]|uM)[\w.&/()'’-]*",
            id="actor-capitals",
        ),
        pytest.param(
            window._CAPITALISED, r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", id="demonym-capitals"
        ),
        # Clause breaks: the same positions, whichever alternative found them.
        pytest.param(
            window._CLAUSE_BREAK,
            r";|\s(?:while|whereas|but)\s|,\s+and\s|\s[-–—]\s",
            id="clause-breaks",
        ),
        # "one in N" must not start inside "someone" or "done".
        pytest.param(
            numbers._ONE_IN,
            r"\b(?:one|1)\s+in\s+(two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3})\b",
            id="one-in-n",
        ),
    ],
)
def test_fast_pattern_matches_its_plain_form(fast: re.Pattern[str], plain: str) -> None:
    readable = re.compile(plain)
    for text in SENTENCES + [s.lower() for s in SENTENCES]:
        assert _spans(fast, text) == _spans(readable, text), text


def _longest_first(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@pytest.mark.parametrize(
    ("words", "text"),
    [
        # A longer alias that starts like a shorter one wins ("tens" over "ten").
        pytest.param(
            ["ten", "tens", "tens of thousands"], "tens of  thousands, ten, tens", id="prefix"
        ),
        # A space in an alias matches any run of whitespace, a newline too.
        pytest.param(["a few", "a", "few"], "a few men, a\nfew more, a dozen", id="spaces"),
        # Characters the regex syntax uses are escaped.
        pytest.param(["u.s.", "us", "c++"], "the u.s. and us and c++ and usa", id="escapes"),
        # No word at all: nothing matches (not everything).
        pytest.param([], "anything", id="empty"),
    ],
)
def test_trie_alternation_matches_the_longest_first_list(words: list[str], text: str) -> None:
    trie = re.compile(rf"\b(?:{alternation(words)})\b") if words else None
    flat = re.compile(rf"\b(?:{_longest_first(words)})\b") if words else None
    if trie is None or flat is None:
        assert alternation(words) == ""
        return
    assert _spans(trie, text) == _spans(flat, text)


def _quote_around_by_characters(text: str, pos: int) -> tuple[int, int] | None:
    """The loop over every character that `quote_around` replaced."""
    opened = -1
    for i, ch in enumerate(text):
        if opened < 0:
            if i >= pos:
                return None
            if ch in '“«"':
                opened = i
        elif ch in '”»"':
            if opened < pos < i:
                return opened, i
            opened = -1
    return None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"We counted 85 bodies," the chief said.', id="straight-quotes"),
        pytest.param("“We raised 9 billion. More will come,” she wrote.", id="curly-quotes"),
        pytest.param("He said «plus de 300» were hurt, and “40” more.", id="guillemets-then-curly"),
        pytest.param('An open quote "never closes after 12 people', id="unclosed"),
        pytest.param("No quotation at all, 12 people.", id="none"),
    ],
)
def test_quote_around_jumps_as_the_character_loop_walked(text: str) -> None:
    for pos in range(len(text) + 1):
        assert quote_around(text, pos) == _quote_around_by_characters(text, pos), pos

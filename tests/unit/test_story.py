"""Which reports are about the story."""

from __future__ import annotations

import dataclasses
import random
import re
import sys

import pytest

from tui.core.config import StorySection
from tui.core.story import _FOLD_TO_ASCII, StoryFilter

GROUPS = StorySection(keywords=[["Iraq", "Erbil"], ["troops", "withdraw*"]], exclude=["football"])


@pytest.mark.parametrize(
    ("story", "title", "text", "expected"),
    [
        pytest.param(GROUPS, "US troops leave Iraq", "", True, id="one-of-each-group"),
        pytest.param(GROUPS, "Withdrawal from Erbil", "", True, id="suffix-wildcard"),
        pytest.param(GROUPS, "Iraq election results", "", False, id="second-group-missing"),
        pytest.param(GROUPS, "Troops", "in IRAQ", True, id="case-insensitive-across-fields"),
        pytest.param(GROUPS, "Iraqis vote; troops idle", "", False, id="whole-words-only"),
        pytest.param(GROUPS, "Iraq troops play football", "", False, id="exclude-wins"),
        pytest.param(
            StorySection(keywords=["Iraq", "Syria"]), "Syria talks", "", True, id="flat-any"
        ),
        pytest.param(StorySection(), "anything", "", True, id="no-keywords-all-on-story"),
        pytest.param(
            StorySection(keywords=["Ain al-Asad"]),
            "Ain  al-Asad base",
            "",
            True,
            id="phrase-spacing",
        ),
        pytest.param(
            GROUPS, "\u201cTroops\u201d leave \u0130RAQ", "", True, id="dotted capital I folds to i"
        ),
        pytest.param(
            StorySection(keywords=[["Kurdistan"], ["troops"]]),
            "\u212aurdistan troops",
            "",
            True,
            id="Kelvin sign folds to k",
        ),
        pytest.param(
            StorySection(keywords=[["\u0418\u0440\u0430\u043a"], ["troops"]]),
            "troops in \u0418\u0420\u0410\u041a",
            "",
            True,
            id="a keyword outside ASCII, upper-cased text",
        ),
        pytest.param(
            GROUPS, "Iraq\u2019s troops", "\u2014 a dash", True, id="typographic quotes and dashes"
        ),
        pytest.param(
            StorySection(keywords=[["*"], ["troops"]]), "troops", "", True, id="a bare wildcard"
        ),
    ],
)
def test_story_filter(story: StorySection, title: str, text: str, expected: bool) -> None:
    assert StoryFilter.from_config(story).matches(title, text) is expected


def test_shortcut_agrees_with_the_patterns_alone() -> None:
    """The lowered-text shortcut (`needles`) only skips work: without it, same answers."""
    rng = random.Random(7)
    story = StorySection(
        keywords=[["Iraq", "Ain al-Asad", "\u0130zmir"], ["troop*", "base"]], exclude=["oil"]
    )
    fast = StoryFilter.from_config(story)
    plain = dataclasses.replace(fast, needles=())
    words = ["iraq", "IRAQ", "\u0130raq", "\u0131raq", "Ain", "al-Asad", "troops", "tROOP", "base"]
    words += ["bases", "oil", " ", "\n", "\u2019", "x", "Iraqi", "\u017f", "\u0130zmir", "izmir"]
    for _ in range(5000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 8)))
        assert fast.matches("", text) is plain.matches("", text), repr(text)


def test_the_only_non_ascii_letters_folding_to_ascii_are_known() -> None:
    """The shortcut trusts `str.lower` unless the text holds one of these (asked of the
    regex engine itself, over every code point, so a new Python cannot add one silently)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if letter.match(chr(c)))
    assert found == _FOLD_TO_ASCII

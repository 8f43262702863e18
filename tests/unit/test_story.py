"""Which reports are about the story."""

from __future__ import annotations

import pytest

from tui.core.config import StorySection
from tui.core.story import StoryFilter

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
    ],
)
def test_story_filter(story: StorySection, title: str, text: str, expected: bool) -> None:
    assert StoryFilter.from_config(story).matches(title, text) is expected

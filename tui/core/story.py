"""Is this report about the story? Keyword groups and exclusions, as a frozen matcher.

Keywords match case-insensitively as whole words; a trailing `*` matches any suffix
("withdraw*" matches withdrawal, withdrawing). Groups are AND-of-ORs: one keyword of each
group must appear. Any exclude keyword rules the report out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # config pulls in pydantic, which parse workers need not import
    from tui.core.config import StorySection


def _pattern(keywords: Sequence[str]) -> re.Pattern[str] | None:
    alternatives = []
    for keyword in keywords:
        word = keyword.strip()
        if not word:
            continue
        wildcard = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        alternatives.append(body + (r"\w*" if wildcard else ""))
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class StoryFilter:
    groups: tuple[re.Pattern[str], ...]
    exclude: re.Pattern[str] | None

    @classmethod
    def from_config(cls, story: StorySection) -> StoryFilter:
        groups = tuple(p for g in story.keyword_groups() if (p := _pattern(g)) is not None)
        return cls(groups=groups, exclude=_pattern(story.exclude))

    def matches(self, title: str, text: str) -> bool:
        """True when the report is on the story. With no keywords, every report is."""
        haystack = f"{title}\n{text}"
        # Groups first: most reports miss the first group, so one search settles them.
        if not all(group.search(haystack) for group in self.groups):
            return False
        return self.exclude is None or self.exclude.search(haystack) is None

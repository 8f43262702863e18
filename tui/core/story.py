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


# The only characters outside ASCII that an ASCII letter matches case-insensitively
# (dotted and dotless i, long s, Kelvin sign): `[a-z]` with IGNORECASE over all of Unicode.
_FOLD_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _needles(keywords: Sequence[str]) -> tuple[str, ...] | None:
    """Lower-cased text that each keyword's match must contain (its longest word: the
    spaces of a phrase match any whitespace), or None when a keyword is not ASCII (case
    folding outside ASCII is not `str.lower`)."""
    needles = []
    for keyword in keywords:
        if not keyword.strip():
            continue  # `_pattern` skips it too
        word = max(keyword.strip().rstrip("*").split(" "), key=len)
        if not word or not word.isascii():
            return None  # "*" alone matches any text
        needles.append(word.lower())
    return tuple(needles)


@dataclass(frozen=True)
class StoryFilter:
    groups: tuple[re.Pattern[str], ...]
    exclude: re.Pattern[str] | None
    # Per group, the words one of which a match must contain (see `_needles`): the story
    # filter reads every report of every poll, and a case-insensitive regex tries each
    # position of the text, while `in` on the lowered text skips ahead in C.
    needles: tuple[tuple[str, ...] | None, ...] = ()

    @classmethod
    def from_config(cls, story: StorySection) -> StoryFilter:
        groups, needles = [], []
        for keywords in story.keyword_groups():
            if (pattern := _pattern(keywords)) is not None:
                groups.append(pattern)
                needles.append(_needles(keywords))
        return cls(groups=tuple(groups), exclude=_pattern(story.exclude), needles=tuple(needles))

    def matches(self, title: str, text: str) -> bool:
        """True when the report is on the story. With no keywords, every report is."""
        haystack = f"{title}\n{text}"
        lowered: str | None = None
        if haystack.isascii() or not any(c in haystack for c in _FOLD_TO_ASCII):
            lowered = haystack.lower()
        # Groups first: most reports miss the first group, so one search settles them.
        for index, group in enumerate(self.groups):
            needles = self.needles[index] if index < len(self.needles) else None
            if needles is not None and lowered is not None and _absent(needles, lowered):
                return False
            if group.search(haystack) is None:
                return False
        return self.exclude is None or self.exclude.search(haystack) is None


def _absent(needles: tuple[str, ...], lowered: str) -> bool:
    return not any(needle in lowered for needle in needles)

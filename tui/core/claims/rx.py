"""Compiling the extractor's regular expressions: every pattern of ``tui.core.claims``
fixed by the code goes through ``rx.compile``, with ``re.compile``'s signature and result.

One place to compile them is one place to make compiling cheaper: the extractor's
~340 patterns are most of `storywatch extract`'s start-up. Patterns built from data (a
report's synonyms, the user's place names) stay with ``re.compile``.
"""

from __future__ import annotations

import re


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # re's name, on purpose
    """``re.compile(pattern, flags)``."""
    return re.compile(pattern, flags)

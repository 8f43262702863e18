"""A report's text as Content: figures highlighted in place, revisions as a word diff."""

from __future__ import annotations

import re

from textual.content import Content

from tui.core.store.report import ReportVersion, VersionClaim, word_diff
from tui.widgets.text import clean


def _figure(claim: VersionClaim, surface: str) -> Content:
    if claim.as_of == "historic":
        return Content.styled(surface, "italic $text-muted underline")
    if claim.verdict in ("changed", "revised", "disputed") and claim.old_display:
        mark = "⚠ " if claim.verdict == "disputed" else ""
        return Content.assemble(
            Content.styled(mark, "$error bold"),
            Content.styled(clean(claim.old_display), "strike $text-muted"),
            " → ",
            Content.styled(surface, "bold reverse $warning"),
        )
    return Content.styled(surface, "bold underline $accent")


def highlighted(version: ReportVersion) -> Content:
    """The version's text with every figure marked at its offsets (bad offsets are skipped)."""
    body = version.body
    parts: list[Content] = []
    at = 0
    for claim in sorted(version.claims, key=lambda c: (c.start, c.end)):
        start, end = claim.start, claim.end
        if start < at or end > len(body) or start >= end:
            continue  # overlapping or out of range: show the text plainly rather than guess
        parts.append(Content(clean(body[at:start])))
        parts.append(_figure(claim, clean(body[start:end])))
        at = end
    parts.append(Content(clean(body[at:])))
    return Content.assemble(*parts)


# Unchanged words shown either side of a change; longer unchanged stretches are cut to
# "…", so the diff shows what changed, not the article a second time.
DIFF_CONTEXT = 8


def _trim(text: str, *, first: bool, last: bool) -> str:
    """An unchanged run, cut to DIFF_CONTEXT words beside each change."""
    words = re.findall(r"\S+\s*", text)
    if len(words) <= 2 * DIFF_CONTEXT + 1:
        return text
    head = "" if first else "".join(words[:DIFF_CONTEXT])
    tail = "" if last else "".join(words[-DIFF_CONTEXT:])
    return f"{head}… {tail}" if head or tail else "…"


def diff(previous: ReportVersion, current: ReportVersion) -> Content:
    """Word-level differences: [-deleted-] {+inserted+} (git's word-diff marks, so they
    read without colour), styled too; long unchanged stretches are cut around changes."""
    ops = word_diff(previous.body, current.body)
    parts: list[Content] = []
    for index, (op, text) in enumerate(ops):
        text = clean(text)
        if op == "same":
            parts.append(Content(_trim(text, first=index == 0, last=index == len(ops) - 1)))
            continue
        stripped = text.strip()
        if not stripped:
            continue  # a change of spacing alone
        if op == "del":
            parts.append(Content.styled(f"[-{stripped}-]", "strike $error"))
        else:
            if index > 0 and ops[index - 1][0] == "del":
                parts.append(Content(" "))
            parts.append(Content.styled(f"{{+{stripped}+}}", "bold $success"))
        if text[-1:].isspace():
            parts.append(Content(" "))
    return Content.assemble(*parts)

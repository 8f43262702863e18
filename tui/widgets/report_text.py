"""A report's text as Content: figures highlighted in place, revisions as a word diff."""

from __future__ import annotations

from textual.content import Content

from tui.core.browse import ReportVersion, VersionClaim, word_diff
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


def diff(previous: ReportVersion, current: ReportVersion) -> Content:
    """Word-level differences between two versions: deletions struck, insertions bold."""
    parts: list[Content] = []
    for op, text in word_diff(previous.body, current.body):
        text = clean(text)
        if op == "same":
            parts.append(Content(text))
        elif op == "del":
            parts.append(Content.styled(text, "strike $error"))
        else:
            parts.append(Content.styled(text, "bold $success"))
    return Content.assemble(*parts)

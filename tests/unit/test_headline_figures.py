"""A headline's own figure is not judged; one its body states too is (`analyse.headline_only`).

Each row: a headline, a body, and the headline figures left unjudged (by surface), with a why.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.analyse import body_start, headline_only, report_text
from tui.core.claims.extract import extract_claims
from tui.core.models import Report

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

ROWS = [
    # the headline rounds the body's two tolls into a sum of its own: no one said 3,000
    ("rounded-sum-unjudged", "More than 3,000 dead as floods sweep the provinces",
     "Floods killed 2,140 people in the north and 1,020 in the south, officials said.",
     {"More than 3,000"}),
    # "at least 700" over a precise 742: the body's figure is the word, the headline a rounding
    ("rounded-down-unjudged", "Storm toll: at least 700 dead",
     "The storm has killed 742 people, the civil protection agency said on Friday.",
     {"at least 700"}),
    # the body states the headline's number: it is the report's word and is judged
    ("restated-by-body-judged", "Flood toll passes 1,200",
     "The death toll from the floods passed 1,200 on Thursday, the ministry said.", set()),
    # the same number under another bound is still the body's number
    ("same-number-other-bound-judged", "Flood deaths top 900",
     "More than 900 people have died in the floods, rescuers said.", set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "text", "unjudged"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_headline_only(title: str, text: str, unjudged: set[str]) -> None:
    report = Report("e", title, None, None, NOW, None, text)
    claims = tuple(extract_claims(report_text(report), published=NOW))
    body = body_start(report)
    assert any(c.start < body for c in claims), "the headline holds a figure"
    got = {c.surface for c in headline_only(claims, body)}
    assert got == unjudged


def test_no_body_no_headline_apart() -> None:
    """A report that is only a title (or repeats it as its body) has no body to defer to:
    its figures are judged."""
    report = Report("e", "Flood toll rises to 1,200", None, None, NOW, None, "")
    claims = tuple(extract_claims(report_text(report), published=NOW))
    assert claims and not headline_only(claims, body_start(report))
    repeated = Report("e", report.title, None, None, NOW, None, report.title)
    claims = tuple(extract_claims(report_text(repeated), published=NOW))
    assert claims and not headline_only(claims, body_start(repeated))

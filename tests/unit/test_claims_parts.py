"""The parts a text says its figures are of, beyond their own clause (`coverage.py`,
`respectively.py`). Every sentence is written for the test; each row says why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.claims import extract_claims

PUB = datetime(2025, 9, 10, tzinfo=UTC)
PARTS = ["army-held areas", "rebel-held north", "areas under army control"]


def _claim(text: str, surface: str) -> tuple[str | None, str | None]:
    claims = extract_claims(text, published=PUB, places=PARTS)
    found = [c for c in claims if c.surface.endswith(surface)]
    assert found, f"no figure {surface!r} in {[c.surface for c in claims]}"
    return found[0].place, found[0].source


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        # a later sentence says whose count covers only a part: its owner's figure is of it
        pytest.param(
            "The floods that hit Chad killed 310 people, the health ministry said.\n"
            "The ministry's count only includes the areas under army control.",
            "310", "areas under army control", id="owners-count-covers-a-part",
        ),
        pytest.param(
            "State radio said at least 90 people were killed in Chad.\n"
            "The toll given by state radio is thought to include only the army-held areas.",
            "90", "army-held areas", id="owner-after-the-count-word",
        ),
        # another speaker's count is not the one the sentence restricts
        pytest.param(
            "Aid groups said 500 people died in Chad.\n"
            "The ministry's count only includes the areas under army control.",
            "500", "Chad", id="another-speakers-count-keeps-its-place",
        ),
        # no "only": a count that includes a part does not say it is that part alone
        pytest.param(
            "The floods that hit Chad killed 310 people, the health ministry said.\n"
            "The ministry's count includes the areas under army control.",
            "310", "Chad", id="no-restriction-no-part",
        ),
    ],
)  # fmt: skip
def test_a_count_said_to_cover_one_part(text: str, surface: str, place: str | None) -> None:
    assert _claim(text, surface)[0] == place


@pytest.mark.parametrize(
    ("text", "surface", "place", "source"),
    [
        # each figure of a "respectively" list goes with its own part...
        pytest.param(
            "Officials in the army-held areas and medics in the rebel-held north reported 40 "
            "and 25 deaths respectively.", "40", "army-held areas", "Officials", id="first-part",
        ),
        pytest.param(
            "Officials in the army-held areas and medics in the rebel-held north reported 40 "
            "and 25 deaths respectively.", "25", "rebel-held north", None, id="second-part",
        ),
        # ...and, when the attribution names them as one phrase, with its own speaker; one
        # place named for two parts is only one part's, so neither figure takes it
        pytest.param(
            "The counts are higher than those reported by authorities in Ndjamena and medics "
            "in the north, who have reported 40 and 25 deaths respectively.",
            "40", None, "authorities in Ndjamena", id="one-place-two-parts-first",
        ),
        pytest.param(
            "The counts are higher than those reported by authorities in Ndjamena and medics "
            "in the north, who have reported 40 and 25 deaths respectively.",
            "25", None, "medics", id="one-place-two-parts-second",
        ),
    ],
)  # fmt: skip
def test_respectively_pairs_each_figure_with_its_part(
    text: str, surface: str, place: str | None, source: str | None
) -> None:
    got_place, got_source = _claim(text, surface)
    assert got_place == place
    if source is not None:
        assert got_source == source

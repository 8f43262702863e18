"""Table tests for naming figures (tui/core/claims/figures.py): one row per matching rule."""

from __future__ import annotations

import importlib.util

import pytest

from tui.core.claims.figures import FigureNamer, canonical_thing, extract_words
from tui.core.config import FigureSection
from tui.core.models import Claim, FigureKey

HAS_GAZETTEER = importlib.util.find_spec("tui.core.claims.gazetteer") is not None
needs_gazetteer = pytest.mark.skipif(
    not HAS_GAZETTEER, reason="place containment needs tui.core.claims.gazetteer"
)

DEATH_WORDS = ["dead", "killed", "died", "death toll", "people"]
FIGURES = [
    FigureSection(name="Deaths in Turkey", things=DEATH_WORDS, places=["Turkey"], kind="count"),
    FigureSection(name="Deaths in Syria", things=DEATH_WORDS, places=["Syria"], kind="count"),
    FigureSection(
        name="Deaths in north-west Syria",
        things=DEATH_WORDS,
        places=["north-west Syria", "Idlib"],
        kind="count",
    ),
    FigureSection(name="Injured in Turkey", things=["injured", "wounded"], places=["Turkey"]),
    FigureSection(name="US troops in Iraq", things=["troops"], places=["Iraq"], actors=["US"]),
    FigureSection(
        name="UN appeal for Syria", things=["appeal"], places=["Syria"], actors=["UN"], kind="money"
    ),
    FigureSection(
        name="Deaths in both", things=DEATH_WORDS, places=["Turkey and Syria"], kind="count"
    ),
    FigureSection(
        name="Deaths in Cyprus", things=DEATH_WORDS, places=["Cyprus", "the island"], kind="count"
    ),
    FigureSection(
        name="Deaths in Greece and Cyprus",
        things=DEATH_WORDS,
        places=["Greece and Cyprus"],
        kind="count",
    ),
    FigureSection(name="Deaths anywhere", things=["deaths"]),
]
NAMER = FigureNamer(FIGURES)


def key(
    thing: str | None,
    place: str | None = None,
    *,
    kind: str = "count",
    predicate: str = "casualty",
    actor: str | None = None,
) -> FigureKey:
    return FigureKey(kind, thing, predicate, place, actor)


# (id, key, source, expected figure, why)
NAMING: list[tuple[str, FigureKey, str | None, str | None]] = [
    # things in their event sense
    ("deaths-in-turkey", key("deaths", "Turkey"), None, "Deaths in Turkey"),
    ("killed-folds-to-deaths", key("killed", "Turkey"), None, "Deaths in Turkey"),
    # "people" in the entry only qualifies the event: displaced people are not deaths
    ("displaced-people-not-deaths", key("displaced", "Turkey"), None, None),
    ("bare-people-not-deaths", key("people", "Turkey", predicate="other"), None, None),
    # ...but people in the entry's event class (killed: casualty), when the extractor kept
    # the head noun, are: the entry lists "people" for that
    ("people-casualty-is-the-event", key("people", "Turkey"), None, "Deaths in Turkey"),
    ("people-where-not-listed-no", key("people", "Iraq", predicate="presence", actor="US"),
     None, None),
    ("wounded-is-injured", key("injuries", "Turkey"), None, "Injured in Turkey"),
    # bodies a rescue team recovered are a count of its search, not the death toll
    ("bodies-recovered-not-the-toll", key("bodies", "Turkey"), None, None),
    ("no-thing-no-name", key(None, "Turkey"), None, None),
    # places
    ("place-case-blind", key("deaths", "TURKEY"), None, "Deaths in Turkey"),
    ("no-place-goes-to-placeless-figure", key("deaths"), None, "Deaths anywhere"),
    ("unknown-place-goes-to-placeless", key("deaths", "Atlantis"), None, "Deaths anywhere"),
    # most specific place wins, whatever the config order
    ("named-subplace-beats-country", key("deaths", "Idlib"), None, "Deaths in north-west Syria"),
    ("named-region-exact", key("deaths", "north-west Syria"), None, "Deaths in north-west Syria"),
    ("country-itself", key("deaths", "Syria"), None, "Deaths in Syria"),
    # a direction before a place names a part of it: "eastern Turkey" is in Turkey
    ("directional-part-of-a-place", key("deaths", "eastern Turkey"), None, "Deaths in Turkey"),
    # places written as one list match a list of the same places, in any order and with
    # parts of them ("Syria and south-east Turkey"); a list is not one of its members
    ("list-in-another-order", key("deaths", "Syria and Turkey"), None, "Deaths in both"),
    ("list-of-parts", key("deaths", "northern Syria and eastern Turkey"), None,
     "Deaths in both"),
    ("list-is-not-its-member", key("deaths", "Turkey and Greece"), None, "Deaths anywhere"),
    # an entry's other places name its first one: in a list, "the island" is Cyprus
    ("list-member-by-an-entrys-alias", key("deaths", "Greece and the island"), None,
     "Deaths in Greece and Cyprus"),
    # predicates default from the things: deaths are casualties (or unclassified)
    ("deaths-unclassified-ok", key("deaths", "Turkey", predicate="other"), None,
     "Deaths in Turkey"),
    ("deaths-movement-no", key("deaths", "Turkey", predicate="movement"), None, None),
    ("deaths-presence-no", key("deaths", "Turkey", predicate="presence"), None, None),
    # troops are a presence: injured personnel or a withdrawal are other figures
    ("troops-presence", key("troops", "Iraq", predicate="presence", actor="US"), None,
     "US troops in Iraq"),
    ("troops-casualty-no", key("troops", "Iraq", actor="US"), None, None),
    ("troops-movement-no", key("troops", "Iraq", predicate="movement", actor="US"), None, None),
    ("troops-other-actor-no", key("troops", "Iraq", predicate="presence", actor="UK"), None,
     None),
    # actors: the claim's actor, or lacking one its source
    ("actor-from-source", key("appeal", "Syria", kind="money", predicate="money"), "UN",
     "UN appeal for Syria"),
    ("actor-missing-no", key("appeal", "Syria", kind="money", predicate="money"), None, None),
    # kind
    ("kind-given-must-match", key("deaths", "Turkey", kind="percent"), None, None),
    ("kind-default-not-percent", key("deaths", kind="percent"), None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("k", "source", "expected"), [r[1:] for r in NAMING], ids=[r[0] for r in NAMING]
)
def test_name_for(k: FigureKey, source: str | None, expected: str | None) -> None:
    assert NAMER.name_for(k, source) == expected


def test_most_specific_wins_in_any_order() -> None:
    reversed_namer = FigureNamer(list(reversed(FIGURES)))
    assert reversed_namer.name_for(key("deaths", "Idlib")) == "Deaths in north-west Syria"
    assert reversed_namer.name_for(key("deaths", "Syria")) == "Deaths in Syria"


CONTAINMENT = [
    # a city in a named country belongs to the country's figure
    ("city-in-country", key("deaths", "Antakya"), "Deaths in Turkey"),
    ("province-in-country", key("deaths", "Hatay"), "Deaths in Turkey"),
    ("city-in-syria", key("deaths", "Aleppo"), "Deaths in Syria"),
]


@needs_gazetteer
@pytest.mark.parametrize(
    ("k", "expected"), [r[1:] for r in CONTAINMENT], ids=[r[0] for r in CONTAINMENT]
)
def test_place_inside_a_named_place(k: FigureKey, expected: str) -> None:
    assert NAMER.name_for(k) == expected


THINGS = [
    ("killed", "deaths"),
    ("Death Toll", "deaths"),
    ("wounded", "injured"),
    ("injuries", "injured"),
    ("fled", "displaced"),
    ("soldiers", "troops"),
    ("drones", "drones"),  # a thing in no table is still a thing
]


@pytest.mark.parametrize(("word", "canonical"), THINGS)
def test_canonical_thing(word: str, canonical: str) -> None:
    assert canonical_thing(word) == canonical


def test_figures_words_reach_the_extractor() -> None:
    namer = FigureNamer(
        [FigureSection(name="Troops", things=["GIs"], places=["Rebel-held north"], actors=["SDF"])]
    )
    assert namer.places() == ("Rebel-held north",)
    assert namer.actors() == ("SDF",)
    words = namer.lexicon()
    assert words["synonyms"] == {"gis": "troops"}  # the built-in lexicon knows GIs
    # Places and actors go only to an extractor that takes them.
    assert set(words) <= {"synonyms", "places", "actors"}
    assert extract_words({}, (), ()) == {"synonyms": {}}


def _sum(surface: str, sentence: str, place: str = "Syria") -> Claim:
    return Claim(
        surface, "money", "exact", 4e8, 4e8, "USD", "dollars", place, "UN", None, "money",
        "current", sentence, 0, len(surface),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # a sum whose only noun is its currency is a sum of what its sentence names
        pytest.param(
            _sum("$400 million", "The agency appealed for $400 million for families in Syria."),
            "UN appeal for Syria",
            id="bare-sum-named-by-its-sentence",
        ),
        pytest.param(
            _sum("$400 million", "The agency sent $400 million to families in Syria."),
            None,
            id="bare-sum-of-something-else",
        ),
        pytest.param(
            _sum("$400 million", "The agency appealed for $400 million for Iraq.", "Iraq"),
            None,
            id="bare-sum-still-needs-the-place",
        ),
    ],
)
def test_a_bare_sum_is_named_by_its_sentence(claim: Claim, expected: str | None) -> None:
    assert NAMER.name_for(claim) == expected


# A user's part of a country named by an area noun is the text's same part by another one.
AREAS = FigureNamer(
    [FigureSection(name="Deaths in army-held Chad", things=DEATH_WORDS,
                   places=["army-held areas"], kind="count")]
)  # fmt: skip


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("army-held areas", "Deaths in army-held Chad"),  # as the user wrote it
        ("army-held regions", "Deaths in army-held Chad"),  # another area noun, one part
        ("army-held parts", "Deaths in army-held Chad"),
        ("army-held territories", "Deaths in army-held Chad"),
        ("rebel-held regions", None),  # the other side's part is not it
    ],
)
def test_area_nouns_name_one_part(place: str, expected: str | None) -> None:
    assert AREAS.name_for(key("deaths", place)) == expected


def test_area_nouns_reach_the_extractor() -> None:
    """The extractor finds the user's part under its other area nouns too."""
    from tui.core.claims import extract_claims

    text = "In the army-held regions, the floods killed 310 people."
    claims = extract_claims(text, **AREAS.lexicon())  # type: ignore[arg-type]
    assert [AREAS.name_for(c) for c in claims if c.kind == "count"] == ["Deaths in army-held Chad"]

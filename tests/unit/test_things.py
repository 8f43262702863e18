"""The counted thing, read in open vocabulary (issue 9): each case is a sentence written
for this table, the thing the labelled-set README says it counts, and why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.claims import extract_claims

PUB = datetime(2025, 3, 4, tzinfo=UTC)


def _first(text: str) -> tuple[str, str | None]:
    claim = extract_claims(text, published=PUB)[0]
    return claim.surface, claim.thing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A head no table knows is still a thing.
        pytest.param("The plant will cut 1,100 jobs.", ("1,100", "jobs"), id="jobs"),
        pytest.param("Jets flew 34 airstrikes overnight.", ("34", "airstrikes"), id="airstrikes"),
        pytest.param("Police held 312 protesters.", ("312", "protesters"), id="protesters"),
        pytest.param("A convoy of 40 trucks crossed.", ("40", "trucks"), id="convoy-counts-trucks"),
        pytest.param(
            "A coalition of 70 nations backed it.", ("70", "nations"), id="coalition-counts-nations"
        ),
        # Modifiers between the number and the head are not the thing.
        pytest.param(
            "About 900 American combat troops stay.", ("About 900", "troops"), id="modifiers"
        ),
        pytest.param(
            "It sent 300 more police officers.", ("300", "police officers"), id="compound"
        ),
        pytest.param(
            "Rain flooded 2,000 low-lying homes.", ("2,000", "homes"), id="hyphen-modifier"
        ),
        # The plural head ends the phrase: what follows is a verb.
        pytest.param(
            "Some 4,000 guards patrol the border.", ("Some 4,000", "guards"), id="verb-after"
        ),
        # Singular heads become plural; synonyms merge.
        pytest.param("Only one hospital still works.", ("one", "hospitals"), id="singular"),
        pytest.param("The army moved 500 soldiers north.", ("500", "troops"), id="soldiers"),
        pytest.param(
            "Some 60 service members arrived.", ("Some 60", "troops"), id="service-members"
        ),
        # The event is folded into the thing.
        pytest.param(
            "At least 12 people were killed.", ("At least 12", "deaths"), id="were-killed"
        ),
        pytest.param("The blast killed 9 workers.", ("9", "deaths"), id="killed-before"),
        pytest.param("Four soldiers were wounded.", ("Four", "injured"), id="wounded-troops"),
        pytest.param("Some 30 villagers remain missing.", ("Some 30", "missing"), id="missing"),
        pytest.param("The floods displaced 8,000 people.", ("8,000", "displaced"), id="displaced"),
        pytest.param("Officers arrested 45 men.", ("45", "arrests"), id="arrested"),
        pytest.param("The virus has infected 1,200 people.", ("1,200", "cases"), id="infected"),
        pytest.param("At least 40 diners were sickened.", ("At least 40", "cases"), id="sickened"),
        pytest.param(
            "Of the infected patients, 18 have been hospitalised.",
            ("18", "hospitalized"),
            id="infected-as-an-adjective-is-no-event",
        ),
        pytest.param("The death toll rose to 47.", ("47", "deaths"), id="death-toll"),
        pytest.param(
            "Up to 900 people may have died.", ("Up to 900", "deaths"), id="may-have-died"
        ),
        pytest.param(
            "As many as 600 villagers may be missing.",
            ("As many as 600", "missing"),
            id="may-be-missing",
        ),
        pytest.param("Divers rescued 75 migrants.", ("75", "migrants"), id="rescued-named-head"),
        pytest.param("Divers rescued 75 people.", ("75", "survivors"), id="rescued-people"),
        pytest.param(
            "Two sailors sustained serious injuries.", ("Two", "injured"), id="sustained-injuries"
        ),
        pytest.param(
            "Officials warn the toll could rise above 900.",
            ("above 900", "deaths"),
            id="toll-could-rise-above",
        ),
        pytest.param(
            "Some 40 people are thought to have been killed.",
            ("Some 40", "deaths"),
            id="thought-to-have-been-killed",
        ),
        pytest.param(
            "Officials put the number of dead at 1,166.",
            ("1,166", "deaths"),
            id="number-of-dead-at",
        ),
        pytest.param(
            "They put the number of missing at 23.", ("23", "missing"), id="number-of-missing"
        ),
        pytest.param("Six were killed or wounded.", ("Six", "casualties"), id="killed-or-wounded"),
        # The named total nearest the number wins, before or after its modifier.
        pytest.param(
            "The death toll rose to 40 and the injured to 120.",
            ("40", "deaths"),
            id="toll-before-injured",
        ),
        pytest.param(
            "The toll has now crossed more than 5,000.",
            ("more than 5,000", "deaths"),
            id="link-before-modifier",
        ),
        pytest.param(
            "The number of people killed rose to 75.", ("75", "deaths"), id="number-of-killed"
        ),
        # Hostages released stay hostages.
        pytest.param("The group freed 20 hostages.", ("20", "hostages"), id="hostages-stay"),
        # Non-English heads come first and are still read.
        pytest.param("Llegaron 150 soldados españoles.", ("150", "troops"), id="spanish-head"),
        # "Claimed" kills only lives: a group that claimed attacks claimed attacks.
        pytest.param("The group claimed 48 attacks.", ("48", "attacks"), id="claimed-attacks"),
        pytest.param("The storm claimed 48 lives.", ("48", "deaths"), id="claimed-lives"),
        pytest.param("Storm toll passes 48", ("passes 48", "deaths"), id="toll-passes"),
        pytest.param(
            "It needs 12 more ambulances.The plan says so.", ("12", "ambulances"), id="no-space"
        ),
        # Forecasters after a number expected it: they are not what it counts.
        pytest.param(
            "The 120,000 economists had expected was beaten.", ("120,000", None), id="expected-by"
        ),
        # A make or model before the head is a modifier, not the thing.
        pytest.param("Poland bought 96 Apache helicopters.", ("96", "helicopters"), id="make"),
        pytest.param("Kyiv got 31 Abrams tanks.", ("31", "tanks"), id="make-ending-in-s"),
        pytest.param("It sent 14 Leopard 2 tanks.", ("14", "tanks"), id="model-number"),
        pytest.param("The base holds 24 F-35 jets.", ("24", "jets"), id="hyphenated-model"),
        pytest.param("It flew in 4 C-130s.", ("4", "c-130s"), id="model-not-celsius"),
        pytest.param("It sent 50 Bradley fighting vehicles.", ("50", "vehicles"), id="make-ing"),
        pytest.param(
            "Voters found 20 polling stations shut.", ("20", "polling stations"), id="ing-compound"
        ),
        pytest.param(
            "Clinics logged 90 mumps infections.", ("90", "mumps cases"), id="singular-in-s"
        ),
        pytest.param(
            "Stewards put the crowd at 8,000.", ("8,000", "people"), id="a-crowd-counts-people"
        ),
        pytest.param("Kyiv got 12 HIMARS last year.", ("12", "HIMARS"), id="an-acronym-as-written"),
        pytest.param(
            "The shortfall reached $40 billion in fiscal 2023.",
            ("$40 billion", "dollars"),
            id="money-in-a-fiscal-year-is-not-for-a-fiscal",
        ),
        pytest.param(
            "The debt reached $40 billion in the first quarter.",
            ("$40 billion", "debt"),
            id="money-in-a-quarter-is-the-named-total",
        ),
        pytest.param(
            "Le jeu a dépassé 4 millions d'exemplaires.",
            ("4 millions", "exemplaires"),
            id="fr-elided-article",
        ),
        pytest.param(
            "The toll of the storm in Leyte, Samar, and nearby islands has risen to 84.",
            ("84", "deaths"),
            id="a-plural-before-has-is-not-its-subject",
        ),
        pytest.param("Floods displace 40,000 in Chad", ("40,000", "displaced"), id="displace"),
        pytest.param("Gales injure 12 in Cork", ("12", "injured"), id="injure"),
        pytest.param("Fires force 8,000 to flee", ("8,000", "displaced"), id="force-to-flee"),
        pytest.param("It would injure 14 more.", ("14", "injured"), id="injure-base-form"),
        pytest.param(
            "The storm claimed the lives of 64 villagers.",
            ("64", "deaths"),
            id="claimed-the-lives-of",
        ),
    ],
)
def test_counted_thing(text: str, expected: tuple[str, str | None]) -> None:
    assert _first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The boy, 45-year-old Ali's son, spoke.", id="age"),
        pytest.param("The quake had a magnitude of 6.1.", id="magnitude"),
        pytest.param("The fire was 16 kilometres away.", id="distance"),
        pytest.param("The talks ran for 12 months.", id="span-is-not-a-count"),
        pytest.param("Prices were eight times higher.", id="ratio"),
        pytest.param("The two sides met again.", id="definite-pair"),
        pytest.param("Two security sources told reporters of the raid.", id="counted-sources"),
        pytest.param("Flight 17 landed safely.", id="label"),
        pytest.param("The council voted 170-4 on it.", id="score"),
        pytest.param("Ana Ruiz, the first woman to lead the union, dies at 91.", id="age-at-death"),
        pytest.param("Its screen shows 2400 x 1080 pixels.", id="dimensions"),
        pytest.param("The tablet ships with 8 GB of memory.", id="storage-unit"),
        pytest.param("Похорон відбувся 18 грудня у рідному селі.", id="uk-month-name"),
        pytest.param(
            "“Nothing came,” says the farmer Ana Ruiz, 59, who lives by the river.",
            id="age-in-apposition-despite-an-earlier-noun",
        ),
        pytest.param("Hundreds of miles away, the sky was clear.", id="vague-distance"),
        pytest.param("VirtualBox 7.1 released with new themes.", id="version-after-a-name"),
        pytest.param("With iOS 18, apps can use the new menus.", id="version-then-comma"),
        pytest.param("On retrouve 8 Go de mémoire vive.", id="fr-storage-unit"),
        pytest.param("[ID]778124[/ID]", id="markup-id"),
        pytest.param("A man, 33, was stabbed near the station.", id="age-after-a-person-noun"),
        pytest.param(
            "The driver, R. Kannan (52), and his son Vel (19) were hurt.",
            id="ages-in-brackets-after-names",
        ),
        pytest.param("The actor was found dead at 77.", id="dead-at-an-age"),
        pytest.param("He was 38.", id="pronoun-age"),
        pytest.param("A 6.2 earthquake shook the valley.", id="quake-magnitude-before-its-noun"),
        pytest.param("Traffic stopped on the 405 Freeway.", id="road-name"),
        pytest.param("Their office is in Suite 200.", id="suite-number"),
        pytest.param("No local firm made the top 100.", id="ranking"),
        pytest.param("One ferry, an old wooden hull, was turned back.", id="one-thing-mentioned"),
        pytest.param("At least one analyst called the vote close.", id="at-least-one-mention"),
        pytest.param("I am 100 percent certain of that.", id="percent-idiom"),
        pytest.param("It won a five-star rating and a two-win lead.", id="spelled-compounds"),
        pytest.param("Identity is no zero-sum game.", id="zero-sum"),
        pytest.param(
            "O juiz falou nesta segunda-feira (24) com a imprensa.", id="pt-day-in-brackets"
        ),
        pytest.param(
            "Two security sources in the northern province told reporters of it.",
            id="counted-sources-with-a-long-place",
        ),
    ],
)
def test_not_a_figure(text: str) -> None:
    assert [c.surface for c in extract_claims(text, published=PUB) if c.kind == "count"] == []


def test_an_age_in_apposition_after_a_counted_noun_is_still_an_age() -> None:
    text = "We met two nurses: Lena Park, 41, of Dover works nights."
    assert [c.surface for c in extract_claims(text, published=PUB)] == ["two"]


def test_the_nearest_named_total_wins() -> None:
    """ "the death toll rose to 40 and the injured to 120": each counts its own total."""
    claims = extract_claims("The death toll rose to 40 and the injured to 120.", published=PUB)
    assert [(c.surface, c.thing) for c in claims] == [("40", "deaths"), ("120", "injured")]


def test_items_of_a_list_share_the_thing() -> None:
    """ "Of the 40 deaths, 22 were in A, 9 in B": the parts count what the total counts."""
    claims = extract_claims("Of the 40 deaths, 22 were in Alpha, 9 in Beta.", published=PUB)
    assert [(c.surface, c.thing) for c in claims] == [
        ("40", "deaths"),
        ("22", "deaths"),
        ("9", "deaths"),
    ]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        pytest.param("The army will cut its force to 2,000 troops.", "planned", id="will"),
        pytest.param("Officials plan to send 300 soldiers.", "planned", id="plan-to"),
        pytest.param("Another 120 soldiers are expected next month.", "planned", id="expected"),
        pytest.param("The deal is to free 50 prisoners.", "planned", id="is-to"),
        pytest.param("About 2,500 troops remain.", "current", id="current"),
        pytest.param("The party won 52 seats in 2019.", "historic", id="past-year-after"),
        pytest.param("It rose to 11 percent, compared with 9 percent.", "current", id="new-value"),
        pytest.param("Analysts had predicted 42 percent.", "historic", id="overtaken-forecast"),
        pytest.param(
            "The ministry is weighing pulling out 1,200 troops.", "planned", id="option-weighed"
        ),
        pytest.param(
            "The navy is considering sending 6 frigates.", "planned", id="option-considered"
        ),
        pytest.param(
            "The 30 captives the group intends to free were named.", "planned", id="intends-after"
        ),
        pytest.param(
            "Imports fell 4.2% from a year earlier.", "current", id="change-from-a-year-earlier"
        ),
        pytest.param("There were 42 arrests a year earlier.", "historic", id="a-year-earlier"),
        pytest.param(
            "About $9 billion will be needed to rebuild the bridges.",
            "planned",
            id="will-be-needed",
        ),
        pytest.param(
            "Fewer than 1,500 marines will remain on the island once the handover is done.",
            "planned",
            id="will-remain-after-the-count",
        ),
        pytest.param(
            "About 900 advisers are to stay in the capital until spring.",
            "planned",
            id="are-to-stay-after-the-count",
        ),
        pytest.param(
            "About 90 detainees held in the northern camps are to be released.",
            "planned",
            id="are-to-be-past-a-long-noun-phrase",
        ),
        pytest.param(
            "Pentagon to withdraw 500 troops from the region", "planned", id="headline-future"
        ),
        pytest.param(
            "Roughly 4,000 sailors will take part in the drill.",
            "planned",
            id="the-count-is-the-subject-of-will",
        ),
        pytest.param(
            "At least 30 people were killed and the toll will rise.",
            "current",
            id="a-later-clause-with-will-is-not-the-counts",
        ),
        pytest.param(
            "Officials said about 700 marines would stay through the winter.",
            "planned",
            id="would-stay-in-reported-speech",
        ),
        pytest.param(
            "Sales fell 12% compared with the same months of 2021.",
            "current",
            id="a-change-against-a-past-year-is-now",
        ),
        pytest.param("Sales fell 12% in 2021.", "historic", id="a-change-in-a-past-year"),
        pytest.param("Au moins 2 000 soldats seront déployés.", "planned", id="fr-future-subject"),
        pytest.param("El Gobierno enviará 500 militares.", "planned", id="es-future-verb"),
        pytest.param("Rund 30 Menschen werden vermisst.", "current", id="de-passive-is-now"),
        pytest.param(
            "The army said some 6,000 reservists would be called up.",
            "planned",
            id="the-count-is-the-subject-of-would",
        ),
        pytest.param(
            "In the survey, 40% of voters would back the deal.",
            "current",
            id="a-polls-would-is-an-opinion-now",
        ),
        pytest.param(
            "Three years ago, 900 troops were based there.", "historic", id="years-ago-opening"
        ),
        pytest.param(
            "Japan has announced $4 billion in support for the region through 2028.",
            "planned",
            id="money-given-until-a-later-year-is-a-pledge",
        ),
        pytest.param(
            "Japan gave $4 billion in support for the region in 2024.",
            "historic",
            id="money-given-in-a-past-year",
        ),
        pytest.param(
            "About 90 fishermen who were seized off the coast last spring are to be freed.",
            "planned",
            id="a-plan-after-a-relative-clause",
        ),
        pytest.param(
            "That is a 12% rise on the total recorded last year.",
            "current",
            id="a-change-on-last-year-is-now",
        ),
        pytest.param(
            "Arrivals are 9% lower than in the same months of 2023.",
            "current",
            id="a-change-against-a-past-year-written-after-it-is-now",
        ),
        pytest.param(
            "Most said they would vote for the mayor, against 31% for her rival.",
            "current",
            id="a-polls-would-before-the-figure-is-an-opinion-now-too",
        ),
        pytest.param(
            "Chile has sent 90 medics, with 40 more expected in the coming days.",
            "current",
            id="a-plan-after-another-number-is-that-numbers",
        ),
        pytest.param(
            "As many as 800 reservists could be mobilised this winter.",
            "planned",
            id="a-possibility-done-to-the-count-looks-ahead",
        ),
        pytest.param(
            "Up to 9,000 people may have died in the floods.",
            "current",
            id="may-have-is-an-estimate-of-now",
        ),
        pytest.param(
            "About 60 fires could be seen from the ridge.",
            "current",
            id="could-be-seen-is-no-plan",
        ),
        pytest.param(
            "Forecasters expect the number of visitors to pass 2 million.",
            "planned",
            id="expect-a-named-total-to-pass",
        ),
        pytest.param("Death toll rises to 300", "current", id="rises-to-is-no-headline-future"),
        # A sentence that opens on an earlier period is history, unless it turns to now.
        pytest.param(
            "Last year alone, more than 900 people were killed by the gangs.",
            "historic",
            id="opens-last-year",
        ),
        pytest.param(
            "During the 2019 floods, 1,200 homes were destroyed.",
            "historic",
            id="opens-during-an-earlier-year",
        ),
    ],
)
def test_as_of(text: str, as_of: str) -> None:
    assert extract_claims(text, published=PUB)[0].as_of == as_of


def test_what_forecasters_expected_is_a_forecast_of_the_count_before() -> None:
    text = "Firms hired 91,000 staff, short of the 120,000 analysts had expected."
    claims = extract_claims(text, published=PUB)
    assert [(c.surface, c.thing, c.as_of) for c in claims] == [
        ("91,000", "staff", "current"),
        ("120,000", "staff", "planned"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "thing"),
    [
        pytest.param("One pupil was killed in the raid.", "One", "deaths", id="one-as-an-event"),
        pytest.param(
            "The navy shot down 30 drones and one cruise missile.",
            "one",
            "missiles",
            id="one-as-a-list-item",
        ),
        pytest.param(
            "Four districts reported one case each.", "one", "cases", id="one-each-distributive"
        ),
    ],
)
def test_one_counts_as_an_event_or_a_list_item(text: str, surface: str, thing: str) -> None:
    assert (surface, thing) in [(c.surface, c.thing) for c in extract_claims(text, published=PUB)]


def test_a_sentence_opened_in_the_past_can_turn_to_now() -> None:
    claims = extract_claims("Last year, 300 died; now the toll stands at 45.", published=PUB)
    assert [(c.surface, c.as_of) for c in claims if c.kind == "count"] == [
        ("300", "historic"),
        ("45", "current"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("A third of the crop was lost.", 33.3), ("Two-thirds of voters agreed.", 66.7)],
)
def test_a_fractions_percent_is_the_figure_news_writes_not_a_float_artefact(
    text: str, value: float
) -> None:
    # extract --json prints the value: 33.3, never 33.300000000000004
    assert repr(extract_claims(text, published=PUB)[0].low) == repr(value)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Shares rose 1.1% to $74.20.", ["1.1%", "$74.20"]),
        ("Toll estimates range from 900 to 1,400.", ["900 to 1,400"]),
        ("Homelessness rose by a third to 9,000.", ["a third", "9,000"]),
        ("Sales were down 6 percent to $531.7 million.", ["6 percent", "$531.7 million"]),
        ("The index fell 0.8% to 4,310 points.", ["0.8%"]),  # (an index level is no figure)
        ("Support rose 2% to 41%.", ["2%", "41%"]),
        ("Prices rose 10 to 20%.", ["10 to 20%"]),
        ("Turnout was 60% to 65%.", ["60% to 65%"]),
    ],
)
def test_a_change_then_its_new_level_is_no_range(text: str, surfaces: list[str]) -> None:
    assert [c.surface for c in extract_claims(text, published=PUB)] == surfaces


def test_a_scaled_figure_is_the_value_news_writes_not_a_float_artefact() -> None:
    (claim,) = extract_claims("Revenue was $531.7 million.", published=PUB)
    assert repr(claim.low) == "531700000.0"


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("The mayor won a third term in office.", []),
        ("She scored a third-period winner.", []),
        ("The clinic gave a fourth dose and a fifth booster shot.", []),
        ("Critics called them a fifth column.", []),
        ("A third are under five years old.", ["A third"]),
        ("Bills are a third higher than last year.", ["a third"]),
        ("Rents rose by a quarter in two years.", ["a quarter"]),
        ("A fifth of the harvest was lost.", ["A fifth"]),
    ],
)
def test_an_ordinal_is_no_share(text: str, shares: list[str]) -> None:
    found = extract_claims(text, published=PUB)
    assert [c.surface for c in found if c.kind == "percent"] == shares


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Verbs and modifiers of real reports set the bound.
        pytest.param(
            "The toll exceeded 2,000.", ("exceeded 2,000", "lower", 2000, None), id="exceeded"
        ),
        pytest.param(
            "Crossings passed 20,000.", ("passed 20,000", "lower", 20000, None), id="passed"
        ),
        pytest.param(
            "The toll climbed past 5,000.",
            ("climbed past 5,000", "lower", 5000, None),
            id="climbed-past",
        ),
        pytest.param(
            "Arrivals crossed 9,000.", ("crossed 9,000", "lower", 9000, None), id="crossed"
        ),
        pytest.param(
            "Flood toll tops 11,000.", ("tops 11,000", "lower", 11000, None), id="headline-tops"
        ),
        pytest.param(
            "In the past 24 hours 40 died.",
            ("the past 24 hours", "exact", 24, 24),
            id="the-past-is-no-bound",
        ),
        pytest.param(
            "It won as few as 120 seats.", ("as few as 120", "lower", 120, None), id="few"
        ),
        pytest.param(
            "They hold close to 80 percent.", ("close to 80 percent", "upper", 0, 80), id="close"
        ),
        pytest.param(
            "It will not get more than 42 percent.",
            ("not get more than 42 percent", "upper", 0, 42),
            id="not-more-than",
        ),
        # Other languages' modifiers, ranges and scales.
        pytest.param(
            "Dort sind über 3.000 Soldaten.", ("über 3.000", "lower", 3000, None), id="de"
        ),
        pytest.param(
            "Llegaron alrededor de 300 soldados.", ("alrededor de 300", "approx", 300, 300), id="es"
        ),
        pytest.param(
            "Au moins 15 soldats sont morts.", ("Au moins 15", "lower", 15, None), id="fr"
        ),
        pytest.param(
            "Es kamen 10.000 bis 12.000 Soldaten.",
            ("10.000 bis 12.000", "range", 10000, 12000),
            id="bis",
        ),
        pytest.param(
            "Afectó a más de 33 millones de personas.",
            ("más de 33 millones", "lower", 33e6, None),
            id="millones",
        ),
        pytest.param(
            "Il y a 667 000 cas.", ("667 000", "exact", 667000, 667000), id="space-thousands"
        ),
        # Shares and signs written as news writes them.
        pytest.param(
            "It hit one in seven homes.", ("one in seven", "exact", 14.3, 14.3), id="one-in-seven"
        ),
        pytest.param("A third of the town flooded.", ("A third", "exact", 33.3, 33.3), id="third"),
        pytest.param(
            "A half million animals died.", ("A half million", "exact", 5e5, 5e5), id="half-million"
        ),
        pytest.param(
            "Payrolls changed by -140,000 jobs.",
            ("-140,000", "exact", -140000, -140000),
            id="minus",
        ),
        pytest.param(
            "Nearly four lakh homes lost power.",
            ("Nearly four lakh", "upper", 0, 4e5),
            id="spelled-lakh",
        ),
        pytest.param(
            "Medics said four-thousand-215 people were hurt.",
            ("four-thousand-215", "exact", 4215, 4215),
            id="spelled-thousands-then-digits",
        ),
        pytest.param(
            "Reserves stood at $12.5 bn in June.",
            ("$12.5 bn", "exact", 12.5e9, 12.5e9),
            id="bn-after-a-space",
        ),
    ],
)
def test_numbers_and_bounds_of_real_reports(
    text: str, expected: tuple[str, str, float, float | None]
) -> None:
    claim = extract_claims(text, published=PUB)[0]
    value = claim.low if claim.kind != "percent" else round(claim.low, 1)
    high = claim.high if claim.high is None or claim.kind != "percent" else round(claim.high, 1)
    assert (claim.surface, claim.bound, value, high) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Le groupe a levé 120 millions d'euros en 2019.",
            ("120 millions d'euros", 120e6, "EUR"),
            id="fr-millions-d-euros",
        ),
        pytest.param(
            "Sa valeur atteindrait 4,4 milliards d’euros.",
            ("4,4 milliards d’euros", 4.4e9, "EUR"),
            id="fr-curly-apostrophe",
        ),
        pytest.param(
            "El plan destina 2.500 millones de dólares a las carreteras.",
            ("2.500 millones de dólares", 2.5e9, "USD"),
            id="es-millones-de-dolares",
        ),
        pytest.param(
            "Die neue Grafikkarte kostet 1.900 Euro.",
            ("1.900 Euro", 1900, "EUR"),
            id="de-euro-after-number",
        ),
        pytest.param("Le coffret vaut 145 € en tout.", ("145 €", 145, "EUR"), id="fr-sign-after"),
        pytest.param(
            "The state set aside Rs 1,200 crore for the canal.",
            ("Rs 1,200 crore", 1.2e10, "INR"),
            id="rupees-in-crore",
        ),
        pytest.param(
            "It is worth NZ$635 million at today's prices.",
            ("NZ$635 million", 6.35e8, "NZD"),
            id="other-dollars-are-not-usd",
        ),
        pytest.param(
            "He was fined Rs 2 lakh by the court.", ("Rs 2 lakh", 2e5, "INR"), id="rupees-lakh"
        ),
        pytest.param(
            "Der Bund gibt 5 Milliarden Euro aus.",
            ("5 Milliarden Euro", 5e9, "EUR"),
            id="de-milliarden-euro",
        ),
    ],
)
def test_money_written_in_other_languages(text: str, expected: tuple[str, float, str]) -> None:
    claim = extract_claims(text, published=PUB)[0]
    assert (claim.surface, claim.kind, claim.low, claim.unit) == (
        expected[0],
        "money",
        expected[1],
        expected[2],
    )


def test_a_change_in_percentage_points_is_a_percent_not_a_range() -> None:
    claims = extract_claims("The jobless rate fell by 0.4 percentage point to 5.1 percent.")
    assert [(c.surface, c.kind, c.low) for c in claims] == [
        ("0.4 percentage point", "percent", 0.4),
        ("5.1 percent", "percent", 5.1),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        pytest.param("Die Quote stieg auf 5,9 Prozent.", "5,9 Prozent", 5.9, id="de-prozent"),
        pytest.param("Le taux atteint 7,1 pour cent.", "7,1 pour cent", 7.1, id="fr-pour-cent"),
        pytest.param(
            "La tasa bajó al 11,4 por ciento.", "11,4 por ciento", 11.4, id="es-por-ciento"
        ),
    ],
)
def test_a_percent_spelled_in_other_languages(text: str, surface: str, value: float) -> None:
    [claim] = extract_claims(text)
    assert (claim.surface, claim.kind, claim.low) == (surface, "percent", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("The bank cut its rate by half a percentage point.", 0.5, id="half-a-point"),
        pytest.param(
            "Prices rose by a quarter of a percentage point.", 0.25, id="quarter-of-a-point"
        ),
        pytest.param("Half of the voters stayed home.", 50.0, id="half-of-a-whole"),
    ],
)
def test_a_fraction_of_a_point_is_that_many_points(text: str, value: float) -> None:
    [claim] = extract_claims(text)
    assert (claim.kind, claim.low) == ("percent", value)


def test_a_poll_gap_in_points_is_a_percent_of_the_gap() -> None:
    claims = extract_claims("Labour now holds a 9 point lead in the polls.")
    assert [(c.surface, c.kind, c.low, c.thing) for c in claims] == [
        ("9 point", "percent", 9.0, "leads")
    ]


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        pytest.param("The Greens won 12% in the election.", "votes", id="election-share"),
        pytest.param("She won 58% of the ballots cast.", "votes", id="ballots-cast-are-votes"),
        pytest.param(
            "The Greens took 40 seats, ahead of the liberals on 11%.",
            "votes",
            id="a-party-on-a-percent-in-an-election",
        ),
        pytest.param(
            "The bank held its benchmark rate at 4.5%.", "interest rate", id="benchmark-rate"
        ),
        pytest.param("Economists polled by the bank expected 0.3%.", None, id="polled-experts"),
        pytest.param("A poll of analysts put the rise at 2%.", None, id="poll-of-analysts"),
        pytest.param("El desempleo subió al 12,1%.", "unemployment", id="es-desempleo"),
        pytest.param("El paro bajó al 11,2%.", "unemployment", id="es-paro"),
        pytest.param("Dengue cases in Peru rose by 45%.", "cases", id="the-plural-that-changed"),
        pytest.param("Debt reached 90% of GDP.", "GDP", id="of-gdp-not-gdps"),
        pytest.param("Le taux de chômage atteint 7,3 %.", "unemployment", id="fr-chomage"),
        pytest.param("Die Wahlbeteiligung lag bei 76,2 Prozent.", "turnout", id="de-turnout"),
        pytest.param("Sie holte 31,0 Prozent der Stimmen.", "votes", id="de-votes"),
        pytest.param("Imports slid 4.1% in May.", "imports", id="trade"),
        pytest.param("The bank cut rates by a point to 3%.", "interest rate", id="cut-rates"),
        pytest.param("Retail sales grew 0.6% last month.", "sales", id="retail-sales"),
        pytest.param("Bids for sales jobs jumped 40%.", None, id="sales-modifying-another-noun"),
        pytest.param("Factory output fell 1.2% in March.", "industrial output", id="output"),
    ],
)
def test_what_a_bare_percent_measures(text: str, thing: str | None) -> None:
    (claim,) = [c for c in extract_claims(text, published=PUB) if c.kind == "percent"]
    assert claim.thing == thing


def test_an_upper_bound_prints_no_floor() -> None:
    """The JSON contract: an upper bound's low is null (the ledger keeps 0 inside)."""
    from tui.core.claims import claim_to_dict

    (claim,) = extract_claims("Nearly 60 people died.", published=PUB)
    assert claim.low == 0
    assert (claim_to_dict(claim)["low"], claim_to_dict(claim)["high"]) == (None, 60)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ana Ruiz, 32, said she left.", id="age-in-apposition"),
        pytest.param("The clinic at 3300 Gallows Rd. reopened.", id="address"),
        pytest.param("The new Redmagic 11 Air phone is thin.", id="product-name"),
        pytest.param("6) Coal is falling everywhere.", id="list-marker"),
        pytest.param('"We stayed," said the farmer Ivo Kranj, 61.', id="age-at-sentence-end"),
        pytest.param("Call the desk on (312) 555-0148.", id="phone-with-area-code"),
        pytest.param("The Group of Twenty met in Rio.", id="group-of-twenty"),
    ],
)
def test_names_and_markers_are_not_figures(text: str) -> None:
    assert [c.surface for c in extract_claims(text, published=PUB) if c.kind == "count"] == []


def test_foreign_heads_are_not_given_english_plurals() -> None:
    """An English plural 's' is never glued to a word of another script or language."""
    claims = extract_claims("У Харкові 21 людина отримала поранення.", published=PUB)
    assert all(not (c.thing or "").endswith("s") or (c.thing or "").isascii() for c in claims)


def test_a_rank_is_not_a_count() -> None:
    """ "one of the 10 deadliest quakes": a rank in a set, not a figure to follow."""
    claims = extract_claims("It was one of the 10 deadliest quakes on record.", published=PUB)
    assert [c.surface for c in claims if c.kind == "count"] == []
    (protest,) = extract_claims("Some 300 protesters marched.", published=PUB)
    assert protest.thing == "protesters"


def test_user_places_need_no_capital_letter() -> None:
    """A place the user names in [[figures]] is found as written, capitals or not."""
    text = "At least 1,400 people have died in the rebel-held northwest, rescuers said."
    (claim,) = [c for c in extract_claims(text, published=PUB, places=["rebel-held northwest"])]
    assert claim.place == "rebel-held northwest"
    (plain,) = extract_claims(text, published=PUB)
    assert plain.place != "rebel-held northwest"


def _thing_of(text: str, surface: str) -> str | None:
    claims = [c for c in extract_claims(text, published=PUB) if c.surface == surface]
    assert claims, f"no figure {surface!r} in {[c.surface for c in extract_claims(text)]}"
    return claims[0].thing


@pytest.mark.parametrize(
    ("text", "surface", "thing"),
    [
        # A subset counts its whole's event, whoever its people are.
        pytest.param(
            "The blast killed 48 people, including 11 nurses, in the market.",
            "11",
            "deaths",
            id="subset-of-deaths",
        ),
        pytest.param(
            "At least 30 are dead in the valley, among them four firefighters.",
            "four",
            "deaths",
            id="subset-among-them",
        ),
        pytest.param(
            "The fire killed 20 people (including 6 children) and injured 41.",
            "6",
            "deaths",
            id="subset-in-brackets",
        ),
        pytest.param(
            "The fund gives $2 billion in aid, including $300 million for schools.",
            "$300 million",
            "aid",
            id="subset-of-money",
        ),
        pytest.param(
            "The raid killed 15 people, including 20 buildings destroyed.",
            "20",
            "buildings",
            id="subset-of-things-keeps-its-head",
        ),
        # An event verb after an insert, or governing a whole list.
        pytest.param(
            "At least 52 people, including nine hikers from abroad, drowned in the river.",
            "At least 52",
            "deaths",
            id="verb-after-insert",
        ),
        pytest.param(
            "The gunmen abducted 40 pupils, two teachers and a cook.",
            "two",
            "hostages",
            id="list-under-verb",
        ),
        pytest.param(
            "The strike killed seven medics and 23 patients.", "23", "deaths", id="second-object"
        ),
        pytest.param(
            "Four officers and six bystanders were wounded.", "Four", "injured", id="coordination"
        ),
        pytest.param(
            "Dozens more were injured in the crush.", "Dozens", "injured", id="more-were-injured"
        ),
        pytest.param(
            "The virus has infected 1,900 people and killed 35 since May.",
            "1,900",
            "cases",  # its own verb's event, never the later verb's (deaths)
            id="and-verb-with-its-own-number",
        ),
        pytest.param(
            "A group of 40 pilgrims was stranded.", "40", "pilgrims", id="a-group-of-is-a-count"
        ),
        pytest.param(
            "On Sunday 14 people were hurt in the crush.",
            "14",
            "injured",
            id="a-weekday-is-no-label",
        ),
        pytest.param(
            "The number of people crossing the border on foot has passed 9,000.",
            "passed 9,000",
            "migrants",
            id="number-of-people-crossing-has-passed",
        ),
        pytest.param(
            "Scores of the fighters are reportedly dead and wounded.",
            "Scores",
            "casualties",
            id="reportedly-dead-and-wounded",
        ),
        pytest.param(
            "The storm killed 300 and left thousands stranded on roofs.",
            "thousands",
            "people",  # not deaths: "left" takes people, not the kill list's event
            id="a-new-verb-is-no-list-item",
        ),
        # A partitive or a coordination names the head of the first number.
        pytest.param(
            "Results came in from 611 of the 650 districts.", "611", "districts", id="partitive"
        ),
        pytest.param(
            "Officials pulled 900 of the 3,000 marines out.",
            "900",
            "troops",
            id="partitive-synonym",
        ),
        pytest.param(
            "The two parties won 118 and 64 seats respectively.",
            "118",
            "seats",
            id="coordinated-head",
        ),
        # A changed mass noun or a money noun names what the number is.
        pytest.param("Payrolls grew by 210,000 in May.", "210,000", "jobs", id="payrolls-jobs"),
        pytest.param(
            "Hospital admissions climbed to 4,300 this week.",
            "4,300",
            "admissions",
            id="plural-subject-of-change",
        ),
        pytest.param(
            "Engineers put the cost of the repairs at $80 million.",
            "$80 million",
            "cost",
            id="money-noun-linked",
        ),
        pytest.param(
            "Donors pledged several billion dollars in reconstruction aid.",
            "several billion dollars",
            "aid",
            id="vague-money",
        ),
        pytest.param("The deal returns the bodies of 12 soldiers.", "12", "bodies", id="bodies-of"),
        # A percent that says how a count changed measures that count.
        pytest.param(
            "Rangers logged 3,400 wildfires in July, a 40% rise on last year.",
            "40%",
            "wildfires",
            id="percent-change-of-count",
        ),
        pytest.param(
            "Shelters took in 8,200 evacuees by Friday. The figure was 12% higher than on Monday.",
            "12%",
            "evacuees",
            id="percent-change-next-sentence",
        ),
        pytest.param("Prices rose 0.4% in March.", "0.4%", "inflation", id="prices-inflation"),
        pytest.param(
            "Core CPI, which leaves out fuel and energy prices, rose 0.3% in May.",
            "0.3%",
            "core inflation",
            id="measure-in-an-aside-is-not-the-subject",
        ),
        pytest.param(
            "Results are in from 98% of polling stations.",
            "98%",
            "polling stations",
            id="percent-of-a-compound-head",
        ),
        pytest.param(
            "Oil prices jumped 6% overnight.", "6%", "oil prices", id="one-good-is-not-inflation"
        ),
        pytest.param(
            "Troops shot dead 40 people (31 men, 6 women and 3 children) at the border.",
            "6",
            "deaths",
            id="breakdown-in-brackets",
        ),
        pytest.param(
            "Some 90,000 residents have been forced to flee their homes.",
            "Some 90,000",
            "displaced",
            id="forced-to-flee",
        ),
        pytest.param(
            "Another 12 passengers aboard the ferry were found dead in the hold.",
            "12",
            "deaths",
            id="found-dead",
        ),
        pytest.param(
            "By Sunday 14 climbers and guides had been confirmed dead.",
            "14",
            "deaths",
            id="second-head-without-a-number",
        ),
        pytest.param(
            "Some 30 crew on the capsized cargo ship remain missing.",
            "Some 30",
            "missing",
            id="four-word-place-before-the-verb",
        ),
        pytest.param(
            "Nine hikers crossing the pass were unaccounted for on Sunday.",
            "Nine",
            "missing",
            id="participle-before-verb",
        ),
        pytest.param(
            "The raids killed hundreds of people and displaced thousands more.",
            "hundreds",
            "deaths",
            id="and-verb-has-its-own-object",
        ),
        pytest.param(
            "The toll from the storm in the port and nearby towns has risen to 61.",
            "61",
            "deaths",
            id="noun-in-a-phrase-is-no-subject",
        ),
        pytest.param(
            "On Tuesday, 620 people arrived on 14 boats.", "620", "migrants", id="boat-arrivals"
        ),
        pytest.param(
            "The city has 1,800 officers, the police chief said.",
            "1,800",
            "police officers",
            id="police-officers",
        ),
        pytest.param(
            "About half of a 3,000-strong peacekeeping force will stay.",
            "About half",
            "troops",
            id="share-of-a-sized-whole",
        ),
        pytest.param("A 1,200-strong battalion landed.", "1,200", "troops", id="strong-force"),
        pytest.param("Voters chose a 150-member council.", "150", "members", id="member-size"),
        pytest.param(
            "On Monday 310 people landed on six boats, bringing the total to 9,870.",
            "9,870",
            "migrants",
            id="running-total-adds-the-main-count",
        ),
        pytest.param(
            'The unit lost "about 40 soldiers" killed and wounded.',
            "about 40",
            "casualties",
            id="quoted-killed-and-wounded",
        ),
        pytest.param(
            "The swap of prisoners of war brought 95 former captives home.",
            "95",
            "prisoners",
            id="captives-in-pow-swap",
        ),
        pytest.param(
            "The deal covers $3 billion worth of artillery.",
            "$3 billion",
            "artillery",
            id="mass-noun-stays-singular",
        ),
        # Heads in other languages take their English thing.
        pytest.param(
            "La policía reportó unos 90 detenidos.", "unos 90", "detainees", id="es-detainees"
        ),
        pytest.param(
            "The number of those who died in the clashes rose to 12 on Friday.",
            "12",
            "deaths",
            id="number-of-those-who-died",
        ),
        pytest.param(
            "The death toll passed 8,500 on Tuesday.",
            "passed 8,500",
            "deaths",
            id="link-verb-is-the-modifier",
        ),
        # A force's size named as a level counts troops.
        pytest.param(
            "Washington will cut its troop presence in the region to about 1,500.",
            "about 1,500",
            "troops",
            id="troop-presence-to",
        ),
        pytest.param(
            "The ministry put the military footprint in the north at around 900.",
            "around 900",
            "troops",
            id="military-footprint-at",
        ),
        # Counts in brackets after names share the sentence's thing, not its place noun.
        pytest.param(
            "Most of the deaths were in the districts of Ora (80), Vell (25) and Tarn (9).",
            "25",
            "deaths",
            id="bracketed-count-before-and",
        ),
        pytest.param(
            "Most of the deaths were in the districts of Ora (80), Vell (25) and Tarn (9).",
            "80",
            "deaths",
            id="bracketed-count-is-no-place-count",
        ),
        # Vague counts of the other languages, and their "de" phrase.
        pytest.param(
            "Los choques dejaron unos 30 detenidos y varios heridos.",
            "varios",
            "injured",
            id="es-vague-several",
        ),
        pytest.param(
            "Des milliers de manifestants ont défilé à Lyon.",
            "milliers",
            "manifestants",
            id="fr-vague-thousands-de",
        ),
        pytest.param(
            "Miles de personas huyeron de la ciudad.", "Miles de", "people", id="es-miles-de"
        ),
        # Shelters make evacuees only in the count's own clause, and not "without shelter".
        pytest.param(
            "The siege has left 2 million people without food or shelter.",
            "2 million",
            "people",
            id="without-shelter-is-not-evacuees",
        ),
        pytest.param(
            "In the valley 9,000 people are affected, while another 4,000 are being evacuated.",
            "9,000",
            "people",
            id="evacuation-in-another-clause",
        ),
        pytest.param(
            "About 6,000 were still in school shelters on Friday.",
            "About 6,000",
            "evacuees",
            id="bare-count-in-shelters",
        ),
        pytest.param(
            "Mais de 300 pessoas foram detidas durante a operação.",
            "Mais de 300",
            "detainees",
            id="pt-detained",
        ),
        pytest.param(
            "Au moins 40 manifestants ont été interpellés à Lille.",
            "Au moins 40",
            "arrests",
            id="fr-arrested",
        ),
        # German nouns are capitalised: the first after the number is the head.
        pytest.param(
            "Der Hersteller will bis 2027 rund 4000 Stellen streichen.",
            "rund 4000",
            "jobs",
            id="de-capitalised-head",
        ),
        pytest.param(
            "Gut 40 Staaten nehmen an der Konferenz teil.",
            "40",
            "countries",
            id="de-lower-case-verb-is-no-head",
        ),
        pytest.param(
            "Die Stadt hat 12 neue Bürgerämter eröffnet und weitere geplant.",
            "12",
            "bürgerämter",
            id="de-unknown-noun-stays-as-written",
        ),
        pytest.param(
            "En el incendio fallecieron 14 vecinos y 41 personas murieron en la riada.",
            "41",
            "deaths",
            id="es-finite-verb-of-dying",
        ),
        pytest.param(
            "Bei dem Unglück sollen 9 Menschen starben.", "9", "deaths", id="de-starben-after"
        ),
        pytest.param(
            "Mindestens 14 Menschen kamen ums Leben.", "Mindestens 14", "deaths", id="de-ums-leben"
        ),
        pytest.param(
            "Im Hochwasser sind 31 Menschen ums Leben gekommen.",
            "31",
            "deaths",
            id="de-ums-leben-gekommen",
        ),
        pytest.param(
            "Arrivals to Malta by sea fell to 3,100 last year.",
            "3,100",
            "arrivals",
            id="subject-with-where-between-it-and-its-verb",
        ),
        pytest.param(
            "Según la policía, 19 personas siguen desaparecidas.",
            "19",
            "missing",
            id="es-remain-missing",
        ),
        pytest.param(
            "Los guardacostas rescataron a 85 migrantes.", "85", "migrants", id="es-migrants"
        ),
        pytest.param(
            "Tras la tormenta siguen 52 personas desaparecidas.",
            "52",
            "missing",
            id="es-participle-after-its-noun",
        ),
        pytest.param(
            "Le bilan provisoire fait état de 30 personnes blessées.",
            "30",
            "injured",
            id="fr-participle-after-its-noun",
        ),
        # A bare count takes people from a verb that takes people, or as a subject past a
        # speaker's clause; a subset's own verb is not the whole's event.
        pytest.param(
            "The ice storm left tens of thousands without heating.",
            "tens of thousands",
            "people",
            id="left-without",
        ),
        pytest.param(
            "Floods have left a third of Bangladesh under water.",
            "a third",
            "area",
            id="share-of-a-place-is-its-area",
        ),
        pytest.param(
            "Agents logged 31,000 apprehensions in May. The total for the fiscal year, which "
            "runs from October, was 207,000.",
            "207,000",
            "apprehensions",
            id="subject-points-back-past-an-aside",
        ),
        pytest.param(
            "Crews saved 40 people from a trawler thought to be carrying up to 70.",
            "up to 70",
            "people",
            id="carried-count-is-no-list-item",
        ),
        pytest.param(
            "The drought has affected more than 4 million across the region.",
            "more than 4 million",
            "people",
            id="affected-bare-count",
        ),
        pytest.param(
            "Relief agencies warned that hundreds of thousands are short of water.",
            "hundreds of thousands",
            "people",
            id="speaker-noun-is-not-the-head",
        ),
        pytest.param(
            "A trawler reached the raft and rescued 9 people, one of whom later died.",
            "9",
            "survivors",
            id="subset-verb-not-the-whole-event",
        ),
        pytest.param(
            "Officials said a further 900 individuals had been injured.",
            "900",
            "injured",
            id="individuals-take-the-event",
        ),
    ],
)
def test_context_gives_the_thing(text: str, surface: str, thing: str | None) -> None:
    assert _thing_of(text, surface) == thing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Setidaknya 40 orang tewas dalam banjir.",
            ("Setidaknya 40", "lower", "deaths"),
            id="id-at-least-killed",
        ),
        pytest.param(
            "Sekitar 200 orang luka-luka.", ("Sekitar 200", "approx", "injured"), id="id-injured"
        ),
        pytest.param(
            "Lebih dari 900 orang meninggal dunia.",
            ("Lebih dari 900", "lower", "deaths"),
            id="id-more-than-died",
        ),
    ],
)
def test_indonesian_bounds_and_events(text: str, expected: tuple[str, str, str]) -> None:
    claim = extract_claims(text, published=PUB)[0]
    assert (claim.surface, claim.bound, claim.thing) == expected


@pytest.mark.parametrize(
    ("text", "tenses"),
    [
        ("Last week the agency counted 300 cases.", ["historic"]),
        ("Last week it counted 300 cases; this week it counted 500.", ["historic", "current"]),
        ("Last week it counted 300 cases, and 500 this week.", ["historic", "current"]),
        # the whole a planned part is taken from is there now
        ("Spain will pull 600 of its 2,500 soldiers out.", ["planned", "current"]),
    ],
)
def test_a_sentence_opened_on_last_week_until_it_turns_to_now(text: str, tenses: list[str]) -> None:
    found = extract_claims(text, published=PUB)
    assert [c.as_of for c in found if c.kind == "count"] == tenses

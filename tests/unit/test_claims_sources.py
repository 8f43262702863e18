"""Table-driven tests of the attribution grammar: who states a figure (``claims/sources.py``).

Every sentence here is written for these tests. Each case says why it matters; the
fragment cases are the kind real replays produced ("But the deal", "This comes despite
US") before the subject of a reporting verb was read as a noun phrase.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.claims import extract_claims
from tui.core.claims.assemble import _source_for
from tui.core.claims.date_claims import is_bare
from tui.core.claims.lexicon import lower_same_length
from tui.core.claims.pairing import Draft
from tui.core.claims.sentences import sentence_spans
from tui.core.claims.sources import find_sources
from tui.core.claims.window import Window

PUB = datetime(2025, 9, 10, tzinfo=UTC)


def source_of(text: str, surface: str) -> str | None:
    """The source the pipeline gives a figure at `surface`, read in its sentence's window
    as ``extract`` reads it (whether the number is a figure is another module's job)."""
    start = text.index(surface)
    spans = sentence_spans(text)
    i = spans.index_of(start)
    lo, hi = spans.starts[i], spans.ends[i]
    window = Window(text[lo:hi], lo, lower_same_length(text[lo:hi]))
    draft = Draft(start - lo, start - lo + len(surface), "count", 0.0)
    return _source_for(window, draft, window.clause(draft.start), text)


CASES = [
    # --- the forms -------------------------------------------------------------------
    (
        "At least 40 people were killed, the health ministry said.",
        "At least 40",
        "health ministry",
        "post-posed ', X said' covers the clause before it",
    ),
    (
        "The health ministry said at least 40 people were killed.",
        "at least 40",
        "health ministry",
        "pre-posed 'X said' covers what follows",
    ),
    (
        "At least 40 people were killed, said a defence official.",
        "At least 40",
        "defence official",
        "inverted 'said X' after a comma",
    ),
    (
        "At least 40 people were killed, according to the UN refugee agency.",
        "At least 40",
        "UN refugee agency",
        "'according to X' at the end",
    ),
    (
        "About 80,000 homes had no power, according to the monitoring site GridWatch.",
        "About 80,000",
        "monitoring site GridWatch",
        "an -ing word after an article modifies the name, it opens no clause",
    ),
    (
        "Air strikes killed 61 civilians last year, says an army review.",
        "61",
        "army review",
        "a review speaks, as a report or a survey does",
    ),
    (
        "Staffing is short by 30 per cent, according to an audit by the Treasury.",
        "30 per cent",
        "Treasury",
        "'according to an audit by X' is X's word",
    ),
    (
        "An EU report found that 3.4 million children go hungry.",
        "3.4 million",
        "EU report",
        "evidence that 'found' something says it",
    ),
    (
        "The toll has passed 9,000, as the WHO warns that cases could rise.",
        "9,000",
        None,
        "', as the X warns' opens a clause of its own: X does not say the figure before it",
    ),
    (
        "At least 30 homes burned, the radio quoted the fire brigade as saying.",
        "At least 30",
        "fire brigade",
        "'X quoted Y as saying': Y says it, not the outlet quoting",
    ),
    (
        "New data bring the total for the year to 8,412.",
        "8,412",
        "New data",
        "evidence that takes or brings a total to a figure says it",
    ),
    (
        "The new arrivals bring the total to 610.",
        "610",
        None,
        "what brings a total up is no speaker",
    ),
    (
        "Measles cases pass 2,000 in Chad: WHO",
        "2,000",
        "WHO",
        "a headline's closing tag names who gives its figure",
    ),
    (
        "Storm toll rises to 31 - health ministry",
        "31",
        "health ministry",
        "a dashed tag that ends on a source noun",
    ),
    (
        "Storm toll rises to 31 - Daily Courier",
        "31",
        None,
        "a dashed outlet name is who ran the story, not who gave the figure",
    ),
    (
        "Mindestens 40 Menschen starben, wie die Behörden mitteilten.",
        "Mindestens 40",
        "Behörden",
        "German 'wie die X mitteilten' in the plural",
    ),
    (
        "Clinics admitted 210 patients with burns.",
        "210",
        None,
        "admitting patients is taking them in, not owning up to a figure",
    ),
    (
        "The navy admitted 14 sailors had died.",
        "14",
        "navy",
        "admitting a clause attributes it",
    ),
    (
        "Toll estimates range from 900 to 1,400.",
        "900 to 1,400",
        None,
        "'estimates' before a verb is the noun, not a speaker's verb",
    ),
    (
        "The UN children's agency, UNICEF, said 9,000 pupils had no school.",
        "9,000",
        "UN children's agency",
        "an acronym set off by commas is the subject's short form",
    ),
    (
        "Citing satellite images, the think tank said 1,200 homes were razed.",
        "1,200",
        "think tank",
        "a think tank can speak",
    ),
    (
        "Stewards put the crowd at 8,000.",
        "8,000",
        "Stewards",
        "'put the crowd at' gives a figure as 'put the number at' does",
    ),
    (
        "Divers found 9 bodies near the pier.",
        "9",
        None,
        "what people found is their find, not their word",
    ),
    (
        "At least 90 civilians were killed, the UN observer mission said.",
        "At least 90",
        "UN observer mission",
        "a mission can speak",
    ),
    (
        "According to local officials, about 300 families fled the valley.",
        "about 300",
        "local officials",
        "fronted 'According to X,'",
    ),
    (
        "A local doctor told Reuters that 17 people had died in the clinic.",
        "17",
        "local doctor",
        "'X told Reuters' is said by X, not by Reuters",
    ),
    (
        "State media reported that 26 miners were trapped underground.",
        "26",
        "State media",
        "'X reported that'",
    ),
    (
        "The civil defence agency put the death toll at 112.",
        "112",
        "civil defence agency",
        "'X put the toll at'",
    ),
    (
        "The interior ministry estimates that 9,000 homes were damaged.",
        "9,000",
        "interior ministry",
        "'X estimates'",
    ),
    (
        "The army confirmed 14 soldiers were wounded in the ambush.",
        "14",
        "army",
        "'X confirmed' with a lower-case body as subject",
    ),
    (
        "The Red Crescent announced that 250 volunteers had been deployed.",
        "250",
        "Red Crescent",
        "'X announced'",
    ),
    (
        "Data from the statistics office shows 4.1% of workers lost their jobs.",
        "4.1%",
        "statistics office",
        "'data from X' names X",
    ),
    (
        "Figures released by the labour ministry show 3,200 jobs were cut.",
        "3,200",
        "labour ministry",
        "'figures released by X show' names X",
    ),
    (
        "The town's mayor says 60 houses were swept away.",
        "60",
        "town's mayor",
        "'X says' with a possessive subject",
    ),
    ("The coastguard stated that 31 migrants were rescued.", "31", "coastguard", "'X stated'"),
    # --- clean noun phrases ----------------------------------------------------------
    (
        "But the deal would leave 2,000 troops in the country.",
        "2,000",
        None,
        "a clause opener is no source: 'But the deal' once was one",
    ),
    (
        "Meanwhile officials said 45 people were missing.",
        "45",
        "officials",
        "a leading adverb is not part of the source",
    ),
    (
        "This comes despite US estimates that put the number at 2,500.",
        "2,500",
        "US estimates",
        "'This comes despite' is cut off; the relative clause's noun puts the number",
    ),
    (
        "Lithuanian Defense Minister Arvydas Vilkas said on Monday that 800 soldiers would arrive.",
        "800",
        "Lithuanian Defense Minister Arvydas Vilkas",
        "a title and a name are one source; the time phrase is not",
    ),
    (
        "Officials in the province said 70 people had been evacuated.",
        "70",
        "Officials",
        "a lower-case where-phrase is not part of the source",
    ),
    (
        "The military in Chad said 12 soldiers were killed.",
        "12",
        "military in Chad",
        "a named place stays with the body it qualifies",
    ),
    (
        "Measles cases have been confirmed in 11 counties, the agency said.",
        "11",
        "agency",
        "a subject that cannot speak ('Measles cases') is no source",
    ),
    (
        "The Interior Ministry (MoI) said 19 officers were injured.",
        "19",
        "Interior Ministry",
        "a bracketed acronym before the verb is dropped",
    ),
    (
        "Aid workers have warned that 90,000 people face hunger.",
        "90,000",
        "Aid workers",
        "auxiliaries between subject and verb are dropped",
    ),
    # --- appositions and relative clauses ------------------------------------------
    (
        "Amira Haddad, the spokeswoman for the ministry, said 230 people were injured.",
        "230",
        "Amira Haddad",
        "the person, not the apposition with her title",
    ),
    (
        "The Relief Council, which runs the camps, said 5,000 tents had arrived.",
        "5,000",
        "Relief Council",
        "a relative clause between subject and verb",
    ),
    # --- which attribution covers the figure -------------------------------------------
    (
        "The mayor said 12 people died, while rescuers said 30 were still trapped.",
        "30",
        "rescuers",
        "each clause has its own speaker",
    ),
    (
        "The mayor said 12 people died, while rescuers said 30 were still trapped.",
        "12",
        "mayor",
        "the first clause keeps the first speaker",
    ),
    (
        "The governor says early estimates show 400 homes were lost.",
        "400",
        "governor",
        "the outer speaker introduces the estimate",
    ),
    (
        '"We counted 85 bodies," the rescue chief told reporters.',
        "85",
        "rescue chief",
        "the speaker of the quotation",
    ),
    (
        '"The agency reported 40 new cases," the minister said.',
        "40",
        "minister",
        "the speaker of the quotation beats a mention inside it",
    ),
    (
        "Citing hospital sources, the newspaper Daily Star said 22 people were hurt.",
        "22",
        "newspaper Daily Star",
        "'citing X' yields to the main speaker",
    ),
    # --- pronouns and references -------------------------------------------------------
    (
        "Governor Maria Lopez visited the camp. She said 1,200 people were sheltering there.",
        "1,200",
        "Governor Maria Lopez",
        "'she said' points to the named person",
    ),
    (
        "The Harbour Times reported the closure. The paper said 300 jobs would go.",
        "300",
        "Harbour Times",
        "'the paper said' resolves to the paper's name",
    ),
    (
        "The weather service issued a warning. It said 20 towns could flood.",
        "20",
        "weather service",
        "'It said' points to the body named before",
    ),
    (
        "He said 20 people had been arrested.",
        "20",
        None,
        "a pronoun with nobody named before is no source",
    ),
    # --- unattributed --------------------------------------------------------------------
    (
        "More than 3,000 people have fled the fighting.",
        "More than 3,000",
        None,
        "no attribution, no source",
    ),
    (
        "About 400 troops reported for duty at the base.",
        "About 400",
        None,
        "'troops reported' is no attribution",
    ),
    (
        "The United States has 900 troops in Syria.",
        "900",
        None,
        "'States' in a name is not the verb 'states'",
    ),
    (
        '"We have counted 85 bodies. More are under the rubble," the fire chief said.',
        "85",
        "fire chief",
        "a quotation that runs over two sentences keeps its speaker",
    ),
    (
        '"It is a disaster," the mayor said. "We have lost 40 homes."',
        "40",
        "mayor",
        "a quoted sentence continues the speech of the sentence before",
    ),
    (
        "Survivors said the boat sank with about 75 people on board, according to the UN "
        "refugee agency.",
        "about 75",
        "UN refugee agency",
        "an attribution closing the sentence covers all of it",
    ),
    (
        "Kelly reported in April that 12,500 people crossed.",
        "12,500",
        "Kelly",
        "a name ending in -ly is no adverb",
    ),
    (
        "Maria Rossi, 41, from Turin, said 30 flats were empty.",
        "30",
        "Maria Rossi",
        "an age and a from-phrase are asides",
    ),
    (
        "The sheriff of the county, who lives in Dayton, Ohio, said 12 rifles were found.",
        "12",
        "sheriff of the county",
        "'Dayton, Ohio' and the relative clause are skipped back over",
    ),
    (
        "Jon Park, a volunteer at the shelter in Leeds, said 200 meals were served.",
        "200",
        "Jon Park",
        "an indefinite description is an apposition",
    ),
    (
        "More than 1.2 million homes lost power, according to outagewatch.com.",
        "More than 1.2 million",
        "outagewatch.com",
        "a web site is a source, its dot is no sentence end",
    ),
    (
        "Reports from Member States indicate 600 cases so far.",
        "600",
        "Reports from Member States",
        "'States' in a name is no verb; 'indicate' is",
    ),
    (
        "A deal for, say, 40 jets would be large.",
        "40",
        None,
        "the interjection ', say,' is no attribution",
    ),
    (
        "The Red Crescent (IFRC Middle East and North Africa office) said 90 tents arrived.",
        "90",
        "Red Crescent",
        "a long bracket between subject and verb is dropped",
    ),
    (
        "More than 900 homes were flooded, local officials said on Sunday, rejecting the "
        "lower count the province released.",
        "More than 900",
        "local officials",
        "the nearest speaker after the figure, not a later clause's",
    ),
    (
        "About 4,000 troops would move to Guam, officials and people familiar with the plan said.",
        "About 4,000",
        "officials and people familiar with the plan",
        "'familiar with' stays inside the source",
    ),
    (
        "The police confirmed 36 arrests overnight, said Ana Silva, a police spokeswoman.",
        "36",
        "Ana Silva",
        "an inverted 'said X' after the figure reports what comes before it",
    ),
    (
        "The country has added 700,000 barrels a day to world supply.",
        "700,000",
        None,
        "'added' with an object adds a quantity; it is no remark",
    ),
    (
        "The festival's late-night show drew 5,000 people.",
        "5,000",
        None,
        "'show' is a noun unless evidence shows something",
    ),
    (
        "Census data show 12% of homes are empty.",
        "12%",
        "Census data",
        "evidence shows",
    ),
    (
        "When the mayor announced 300 new homes, critics balked.",
        "300",
        "mayor",
        "a leading 'When' is no part of the source",
    ),
    (
        "At least 30 deaths were reported by the regional health office on Friday.",
        "At least 30",
        "regional health office",
        "the agent of a passive reporting verb",
    ),
    (
        "The civil protection agency raised the death toll to 64.",
        "64",
        "civil protection agency",
        "'X raised the toll to' is an attribution like 'put the toll at'",
    ),
    (
        "Laut dem Innenministerium wurden 120 Menschen verletzt.",
        "120",
        "Innenministerium",
        "German 'laut X'",
    ),
    (
        "Mindestens 23 Menschen starben, teilte die Feuerwehr mit.",
        "Mindestens 23",
        "Feuerwehr",
        "German 'teilte X mit': the particle closes the verb, not the name",
    ),
    (
        "Die Quote sank auf 3,1 Prozent, wie das Arbeitsamt mitteilte.",
        "3,1 Prozent",
        "Arbeitsamt",
        "German 'wie X mitteilte'",
    ),
    ("Segundo a polícia, 45 pessoas foram detidas.", "45", "polícia", "Portuguese 'segundo X'"),
    (
        "El ministerio de defensa dijo que 60 soldados murieron.",
        "60",
        "ministerio de defensa",
        "Spanish 'X dijo'",
    ),
    (
        "The minister said 3,400 people had died, reports the Daily Courier.",
        "3,400",
        "minister",
        "an outlet closing the sentence relays the speaker before the figure",
    ),
    (
        "About 300 people were rescued, reported The Harbour News January 17.",
        "About 300",
        "Harbour News",
        "a date after the name is no part of it",
    ),
    (
        "At least 90 died in the north, according to volunteers known as the Blue Vests.",
        "At least 90",
        "volunteers known as the Blue Vests",
        "'known as' stays inside the name",
    ),
    (
        "Lena Berg, the deputy mayor of the northern district, said 70 homes were lost.",
        "70",
        "Lena Berg",
        "a 'the ... role of X' apposition longer than four words",
    ),
    (
        "Some 60 homes were lost, according to an early assessment by the county office.",
        "Some 60",
        "county office",
        "'according to an assessment by X': X",
    ),
    (
        "Nine people drowned, according to the latest update from civil defence.",
        "Nine",
        "civil defence",
        "'an update from X': X, and civil defence can speak",
    ),
    (
        "About 400 families fled, according to a survey by the Red Crescent.",
        "About 400",
        "Red Crescent",
        "'a survey by X': X",
    ),
    # --- documents and broadcasters -------------------------------------------------
    (
        "Some 70 homes burned, according to a statement by the fire service.",
        "Some 70",
        "statement by the fire service",
        "a document's issuer stays in the name ('by' ends a name anywhere else)",
    ),
    (
        "About 90 pupils fell ill, said a bulletin from the regional health office.",
        "About 90",
        "bulletin from the regional health office",
        "'from' after a document is its issuer, not a place to trim",
    ),
    (
        "According to a bulletin issued by the port authority, 18 ships were stuck.",
        "18",
        "bulletin issued by the port authority",
        "'issued by' between a document and its issuer stays in the name",
    ),
    (
        "The number of missing rose to 25, state television said.",
        "25",
        "state television",
        "a broadcaster speaks as media and newspapers do",
    ),
    (
        "Around 300 families were moved, local radio reported.",
        "Around 300",
        "local radio",
        "radio too",
    ),
    (
        "Harbour master Ana Ruiz disagrees, saying 14 boats sank.",
        "14",
        "Harbour master Ana Ruiz",
        "a present-tense verb after the name is not part of it",
    ),
    (
        "The transport ministry insists that 14 trains ran.",
        "14",
        "transport ministry",
        "'insists' reports as 'says' does",
    ),
    (
        "Separatist fighters said 14 villages were taken.",
        "14",
        "Separatist fighters",
        "armed groups speak too",
    ),
    (
        "The toll climbed to 75, per the coast guard.",
        "75",
        "coast guard",
        "'per the X' attributes as 'according to' does",
    ),
    (
        "Fuel rose 9 per cent, or 40 cents per driver per day.",
        "9 per cent",
        None,
        "'per cent' and 'per driver' are rates, never sources",
    ),
    # --- other languages -------------------------------------------------------------------
    (
        "Según el ministerio de salud, 35 personas murieron.",
        "35",
        "ministerio de salud",
        "Spanish 'según X'",
    ),
    ("Selon la préfecture, 48 personnes ont été évacuées.", "48", "préfecture", "French 'selon X'"),
    (
        "Laut Polizei rund 300 Teilnehmer kamen zur Kundgebung.",
        "rund 300",
        "Polizei",
        "a number's modifier is no part of the name cut at the number",
    ),
]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [pytest.param(t, s, e, id=why) for t, s, e, why in CASES],
)
def test_source_of_a_figure(text: str, surface: str, expected: str | None) -> None:
    assert source_of(text, surface) == expected


FRAGMENT_TEXTS = [
    "But the deal says 3,000 troops will leave by March.",
    "This comes despite US estimates that put the number at 2,500.",
    "And that number reported earlier rose to 70.",
    "With nearly all ballots counted, results showed the party won 41% of the vote.",
    "The plan, which officials said could cost $2 billion, was shelved.",
    "In the north, where 300 homes were destroyed, residents said help was slow.",
    "http://example.org/a?id=3&tw=rss The Health Agency said 40 cases were found.",
    "Lists of gadgets > Analysts say 30% of buyers wait.",
    "About 900 homes flooded, officials said, rejecting the count the province released.",
]
_OPENERS = {"but", "and", "this", "that", "with", "in", "the", "a", "an", "where", "which"}


@pytest.mark.parametrize("text", FRAGMENT_TEXTS)
def test_a_source_never_starts_with_a_clause_opener(text: str) -> None:
    """Whatever is found, no source name opens with a conjunction, article or clause word
    and none holds a verb of the clause around it."""
    for mention in find_sources(text, lower_same_length(text)):
        first = mention.name.split()[0].lower()
        assert first not in _OPENERS, mention
        assert not {"comes", "despite", "would", "was", "were"} & set(mention.name.split())
        assert not any(ch in mention.name for ch in "=/<>|"), mention


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "About 2,500 US troops remain in Iraq, the Pentagon said.",
            "Pentagon",
            id="end-to-end-post-posed",
        ),
        pytest.param(
            "But the deal would keep 2,500 US troops in Iraq.",
            None,
            id="end-to-end-fragment-is-no-source",
        ),
        pytest.param(
            "Iraqi officials said on Monday that 2,500 US troops remain in Iraq.",
            "Iraqi officials",
            id="end-to-end-time-phrase-dropped",
        ),
    ],
)
def test_claims_carry_the_source(text: str, source: str | None) -> None:
    (claim,) = [c for c in extract_claims(text, published=PUB) if not is_bare(c)]  # no "Monday"
    assert claim.source == source


def test_mention_spans_cover_the_subject_for_actor_detection() -> None:
    """`assemble._actor_for` skips source spans: "Iraqi sources" must lie inside one."""
    text = "Iraqi sources said 3,000 US troops remain in Iraq."
    (mention,) = find_sources(text, lower_same_length(text))
    assert text[mention.start : mention.end].startswith("Iraqi sources")


def test_an_according_mention_ends_with_its_name() -> None:
    """What follows the name is the report: its demonyms and places stay visible to
    actor detection ("kanadische Soldaten" are Canada's)."""
    text = "Laut Berichten wurden 400 kanadische Soldaten verlegt."
    (mention,) = find_sources(text, lower_same_length(text))
    assert text[mention.start : mention.end] == "Laut Berichten"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "It reached 40 by 9 a.m. Monday, officials said. Rain fell.",
            ["It reached 40 by 9 a.m. Monday, officials said.", "Rain fell."],
            id="a-clock-time-then-a-day-goes-on",
        ),
        pytest.param(
            "The blast came at 9 p.m. The army said 12 died.",
            ["The blast came at 9 p.m.", "The army said 12 died."],
            id="a-clock-time-then-a-new-sentence-ends-it",
        ),
    ],
)
def test_a_clock_time_ends_a_sentence_only_when_a_new_one_starts(
    text: str, sentences: list[str]
) -> None:
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in zip(spans.starts, spans.ends, strict=True)] == sentences

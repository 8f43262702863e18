"""The demo story as data: four fictional outlets covering the US drawdown in Iraq.

Everything here is invented wire copy built on the facts of the seed report (bases, counts,
the disputed Iraqi figure, the Syria deployment, the September deadline). The outlets, their
URLs (on the reserved example.com domain) and the quotes are fictional.

The story runs in *steps*; one step is one poll of every feed. An article appears at the step
of its first version; a later `Version` with the same GUID is a silent revision. Each step's
feed holds every article published so far (newest first, at most `FEED_SIZE`), as real feeds
do, so the monitor sees the same items again and again and must not re-count them.

What each step is designed to make the monitor say is in `STEPS[i].expect`; the integration
test pins the exact list (see tests/integration/test_demo.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

FEED_SIZE = 10  # items a feed keeps, like a real feed's window


@dataclass(frozen=True, slots=True)
class Outlet:
    slug: str  # also the feed's path: /<slug>.xml
    name: str
    format: Literal["rss", "atom"]
    tagline: str

    @property
    def site(self) -> str:
        return f"https://{self.slug}.example.com"


@dataclass(frozen=True, slots=True)
class Version:
    """One text of an article, first served at `step`."""

    step: int
    title: str
    paragraphs: tuple[str, ...]
    # Unrelated headlines under a "Read also:" header: boilerplate, never figures.
    related: tuple[str, ...] = ()
    updated: datetime | None = None  # when the outlet says it edited the text


@dataclass(frozen=True, slots=True)
class Article:
    outlet: str  # Outlet.slug
    number: int  # unique within the outlet; part of the GUID
    published: datetime
    on_story: bool  # what the story's keyword filter is expected to decide
    versions: tuple[Version, ...]

    @property
    def guid(self) -> str:
        return f"tag:{self.outlet}.example.com,2025:article-{self.number}"

    @property
    def link(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.versions[0].title.lower()).strip("-")
        return f"https://{self.outlet}.example.com/{self.published:%Y/%m/%d}/{slug}"

    @property
    def first_step(self) -> int:
        return self.versions[0].step

    def version_at(self, step: int) -> Version | None:
        """The text served at `step`: the latest version first served at or before it."""
        live = [v for v in self.versions if v.step <= step]
        return live[-1] if live else None


@dataclass(frozen=True, slots=True)
class Step:
    at: datetime  # the moment of this poll: the demo clock stands still here
    summary: str  # what a viewer should notice, for the runner's narration


def _t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=UTC)


OUTLETS: tuple[Outlet, ...] = (
    Outlet("tigris-wire", "Tigris Wire", "rss", "Wire copy from Baghdad and the region"),
    Outlet("gulf-courier", "Gulf Courier", "rss", "News from the Gulf and Iraq"),
    Outlet("capitol-desk", "Capitol Desk", "atom", "Washington, the Pentagon and the world"),
    Outlet("levant-monitor", "Levant Monitor", "atom", "Syria, Lebanon, Jordan and Iraq"),
)

STEPS: tuple[Step, ...] = (
    Step(_t(8, 25, 12), "First report: about 2,500 US troops in Iraq, out by end of September"),
    Step(_t(8, 27, 18), "Iraqi sources say more than 3,000: a dispute with the Pentagon's figure"),
    Step(_t(8, 30, 12), "Syria enters the ledger at around 900; the Iraq figure is repeated"),
    Step(
        _t(9, 3, 18),
        "A plan (fewer than 2,000) and a wire copy on a second outlet: neither changes the level",
    ),
    Step(_t(9, 7, 12), "A Syria report is reworded in place; no figure moves"),
    Step(_t(9, 11, 18), "A report with a 'Read also' block full of unrelated numbers"),
    Step(_t(9, 15, 18), "The Pentagon lowers the Syria count to about 700"),
    Step(_t(9, 19, 18), "The Pentagon lowers the Iraq count to about 2,000"),
    Step(_t(9, 22, 18), "An explainer is silently revised from 2,500 to 2,000"),
    Step(_t(9, 26, 18), "The deadline moves to the end of 2026"),
)


def _one(step: int, title: str, *paragraphs: str, related: tuple[str, ...] = ()) -> tuple[Version]:
    return (Version(step, title, paragraphs, related),)


_EXPLAINER_TITLE = "Explainer: what the US drawdown in Iraq does and does not change"
_EXPLAINER_OPENING = (
    "WASHINGTON — The United States is shrinking its military footprint in Iraq under a plan "
    "agreed with Baghdad, but both governments present the move as a change in the "
    "relationship rather than a full exit."
)
_EXPLAINER_WHAT = (
    "What is happening? US troops are pulling out of Ain al-Asad, out west in Anbar, and out "
    "of the Victoria base beside Baghdad's main airport. The withdrawal is due to be "
    "completed by the end of September."
)
_EXPLAINER_NEXT = (
    "What comes next? Washington calls the new arrangement a security partnership. Some "
    "troops will stay to advise and train Iraqi units, which still count on American air and "
    "ground support in operations against Islamic State."
)

_CONVOYS_TITLE = "Convoys leave Ain al-Asad as US drawdown gets under way"
_CONVOYS = (
    "ANBAR, Iraq — Lines of US military vehicles left the Ain al-Asad air base in western "
    "Iraq this week, people living near the base said, as the first stage of the American "
    "drawdown took shape.",
    "Roughly 2,500 US troops remain in Iraq, the Pentagon says.",
    "Neither Washington nor Baghdad has said how many soldiers will leave the country "
    "altogether, and some are expected to stay behind as advisers and trainers.",
    "Iraqi Prime Minister Mohammed Shia al-Sudani has been under pressure from armed "
    "factions and some political parties to speed up the departure of foreign forces.",
)

_SYRIA_TITLE = "Future of US force in Syria unclear as Iraq drawdown proceeds"
_SYRIA_CLOSE = (
    "US officials have not said whether the changes in Iraq will affect the Syria mission, "
    "whose supply lines run through northern Iraq."
)

ARTICLES: tuple[Article, ...] = (
    # -- step 0 -----------------------------------------------------------------------------
    Article(
        "tigris-wire",
        1,
        _t(8, 25, 9, 40),
        True,
        _one(
            0,
            "US begins moving troops out of bases in western Iraq and Baghdad",
            "BAGHDAD — The United States has started to move some of its troops out of bases in "
            "Iraq, the first visible step in a drawdown agreed between Washington and Baghdad.",
            "The pull-back covers the Ain al-Asad air base in Anbar province and the Victoria base "
            "next to Baghdad International Airport. The withdrawal is due to be completed by the "
            "end of September.",
            "About 2,500 US troops are stationed in Iraq, according to the Pentagon. Neither "
            "government has publicly confirmed how many of them will leave.",
            "Part of the US contingent is expected to remain as instructors and advisers.",
        ),
    ),
    Article(
        "gulf-courier",
        1,
        _t(8, 25, 8, 5),
        False,
        _one(
            0,
            "Kuwait shares edge higher as banks gain",
            "KUWAIT CITY — Kuwait's main stock index rose 0.8 percent on Monday, led by gains in "
            "bank shares, as investors waited for quarterly results from 12 listed lenders.",
            "Trading volume reached 310 million shares, brokers said.",
        ),
    ),
    Article(
        "capitol-desk",
        1,
        _t(8, 25, 10, 30),
        False,
        _one(
            0,
            "Senate panel advances highway funding bill",
            "WASHINGTON — A Senate committee on Monday approved a $52 billion highway bill, "
            "sending the measure to the full chamber after a 17-9 vote.",
            "Supporters said the money would repair about 4,000 bridges over five years.",
        ),
    ),
    Article(
        "levant-monitor",
        1,
        _t(8, 25, 7, 50),
        False,
        _one(
            0,
            "Baghdad book fair opens with hundreds of publishers",
            "BAGHDAD — The Baghdad International Book Fair opened on Monday with more than 600 "
            "publishers from 25 countries, organisers said, the largest line-up since the event "
            "resumed.",
            "The fair runs for ten days and expects tens of thousands of visitors.",
        ),
    ),
    # -- step 1 -----------------------------------------------------------------------------
    Article(
        "gulf-courier",
        2,
        _t(8, 27, 7, 15),
        True,
        _one(
            1,
            "Iraqi officials say US troop presence is larger than Washington states",
            "BAGHDAD — More than 3,000 US troops remain in Iraq, Iraqi security sources said on "
            "Wednesday, a higher figure than Washington's.",
            "According to the Pentagon, about 2,500 US troops are stationed in Iraq.",
            "The sources, who asked not to be named because they were not cleared to speak to the "
            "press, did not explain the gap. Washington has not commented on the Iraqi figure.",
            "The difference matters for how many troops could move to Erbil in the Kurdistan "
            "Region or across the border to Kuwait, questions officials in both capitals have "
            "left open.",
        ),
    ),
    Article(
        "capitol-desk",
        2,
        _t(8, 27, 14, 0),
        True,
        (
            Version(
                1,
                _EXPLAINER_TITLE,
                (
                    _EXPLAINER_OPENING,
                    _EXPLAINER_WHAT,
                    "How many troops are there? About 2,500 US troops are stationed in Iraq, the "
                    "Pentagon said.",
                    _EXPLAINER_NEXT,
                ),
            ),
            # The silent revision: same GUID and title, one figure brought up to date.
            Version(
                8,
                _EXPLAINER_TITLE,
                (
                    _EXPLAINER_OPENING,
                    _EXPLAINER_WHAT,
                    "How many troops are there? About 2,000 US troops are stationed in Iraq, the "
                    "Pentagon said.",
                    _EXPLAINER_NEXT,
                ),
                updated=_t(9, 22, 10, 30),
            ),
        ),
    ),
    # -- step 2 -----------------------------------------------------------------------------
    Article(
        "levant-monitor",
        2,
        _t(8, 30, 8, 0),
        True,
        (
            Version(
                2,
                _SYRIA_TITLE,
                (
                    "DAMASCUS — The US pull-back from bases in Iraq has raised questions about the "
                    "American deployment in neighbouring Syria, where US forces back Kurdish-led "
                    "fighters against Islamic State.",
                    "Around 900 US troops are deployed in Syria, according to the Pentagon.",
                    _SYRIA_CLOSE,
                ),
            ),
            # A rewording in place: new text, same figure. A revision, but no change.
            Version(
                4,
                _SYRIA_TITLE,
                (
                    "DAMASCUS — Washington's drawdown in Iraq has prompted questions about the "
                    "American deployment next door in Syria, where US forces back Kurdish-led "
                    "fighters against Islamic State.",
                    "According to the Pentagon, around 900 US troops are deployed in Syria.",
                    _SYRIA_CLOSE,
                ),
                updated=_t(9, 7, 9, 15),
            ),
        ),
    ),
    Article(
        "tigris-wire",
        2,
        _t(8, 30, 11, 20),
        True,
        _one(2, _CONVOYS_TITLE, *_CONVOYS),
    ),
    # -- step 3 -----------------------------------------------------------------------------
    Article(
        "gulf-courier",
        3,
        _t(9, 3, 8, 45),
        True,
        _one(
            3,
            "Sudani pressed to hasten US exit as Iraqi forces lean on US support",
            "BAGHDAD — Prime Minister Mohammed Shia al-Sudani faces growing calls from parties in "
            "his governing coalition to set a faster pace for the departure of US troops.",
            "Iraqi security sources say more than 3,000 US troops remain in Iraq.",
            "Iraqi commanders acknowledge that their own units still rely on American air power "
            "and intelligence in operations against Islamic State cells in the western desert and "
            "the northern mountains.",
            "The government has not published its own timetable for the withdrawal.",
        ),
    ),
    Article(
        "capitol-desk",
        3,
        _t(9, 3, 16, 10),
        True,
        _one(
            3,
            "Pentagon casts Iraq drawdown as a move to a security partnership",
            "WASHINGTON — A Pentagon spokesperson said on Wednesday that the US presence in Iraq "
            "was being reshaped into a security partnership, a shift first announced last year, "
            "and should not be described as a retreat.",
            "Troops who stay will concentrate on advising and training Iraqi forces, the "
            "spokesperson said, declining to give numbers for individual bases.",
            # A plan: its own ledger beside the level, never a change of it.
            "The Pentagon plans to keep fewer than 2,000 US troops in Iraq after the first "
            "stage of the drawdown, the spokesperson said.",
            "The withdrawal is still due to be completed by the end of September.",
        ),
    ),
    # Tigris Wire's convoy report, run word for word: a copy, one voice with its origin.
    Article("levant-monitor", 5, _t(9, 3, 11, 0), True, _one(3, _CONVOYS_TITLE, *_CONVOYS)),
    # -- step 4 -----------------------------------------------------------------------------
    Article(
        "tigris-wire",
        3,
        _t(9, 7, 6, 30),
        False,
        _one(
            4,
            "Basra date growers expect bumper harvest",
            "BASRA, Iraq — Date farmers in southern Iraq expect this season's harvest to be among "
            "the best in a decade after a mild summer and better irrigation, the agriculture "
            "ministry said.",
            "The ministry forecasts a crop of about 750,000 tonnes, up from 690,000 tonnes last "
            "year, and exporters hope to ship more to markets in the Gulf and Asia.",
        ),
    ),
    # -- step 5 -----------------------------------------------------------------------------
    Article(
        "gulf-courier",
        4,
        _t(9, 11, 9, 0),
        True,
        _one(
            5,
            "Erbil braces for a bigger role as US leaves federal Iraqi bases",
            "ERBIL, Iraq — As US troops leave bases in central and western Iraq, attention is "
            "turning to Erbil, the capital of the Kurdistan Region, where officials expect some "
            "American forces to stay on.",
            "Officials have not said how many troops will be based in the Kurdistan Region or in "
            "neighbouring Kuwait, which already hosts a large US presence.",
            "Iraqi security sources say more than 3,000 US troops remain in Iraq.",
            related=(
                "Harbour authority approves 2,000 new parking spaces at ferry terminal",
                "City marathon draws more than 3,000 runners despite the heat",
                "Start-up raises $40 million to build grocery delivery robots",
                "Regional airline adds 14 weekly flights for the winter season",
            ),
        ),
    ),
    Article(
        "capitol-desk",
        4,
        _t(9, 11, 13, 40),
        True,
        _one(
            5,
            "Victoria base near Baghdad airport handed over to Iraqi command",
            "BAGHDAD — US forces have handed the Victoria base beside Baghdad International "
            "Airport to Iraqi command, the US embassy said on Thursday, completing one of the two "
            "moves planned for the first stage of the drawdown.",
            "Some US advisers will keep working with Iraqi units in the capital, the embassy said.",
            "About 2,500 US troops are stationed in Iraq, according to the Pentagon.",
        ),
    ),
    # -- step 6 -----------------------------------------------------------------------------
    Article(
        "levant-monitor",
        3,
        _t(9, 15, 11, 0),
        True,
        _one(
            6,
            "Pentagon gives lower count for US troops in Syria",
            "WASHINGTON — The US military has fewer troops in Syria than it did in the summer, the "
            "Pentagon said on Monday, as Washington reviews its deployments across the region.",
            "About 700 US troops are now deployed in Syria, according to the Pentagon, down from "
            "900 in August.",
            "The Pentagon did not say where the troops had gone or whether the reduction was "
            "linked to the drawdown in Iraq.",
        ),
    ),
    Article(
        "gulf-courier",
        5,
        _t(9, 15, 7, 5),
        False,
        _one(
            6,
            "Syria advance to final round of Asian Cup qualifying",
            "DAMASCUS — Syria reached the final round of Asian Cup qualifying on Monday after a "
            "2-1 win, with both goals coming in the last 20 minutes.",
            "Around 15,000 fans watched the match, the first home qualifier in the capital for "
            "more than a decade.",
        ),
    ),
    # -- step 7 -----------------------------------------------------------------------------
    Article(
        "tigris-wire",
        4,
        _t(9, 19, 15, 10),
        True,
        _one(
            7,
            "Pentagon lowers its count of US troops in Iraq",
            "WASHINGTON — About 2,000 US troops remain in Iraq, the Pentagon said on Friday, the "
            "first official figure to reflect the departures from Ain al-Asad and the Victoria "
            "base.",
            "Iraqi officials have questioned US numbers throughout the process, and the Pentagon "
            "did not say how many of the remaining troops would move to Erbil or to Kuwait.",
            "US officials said advisers would stay on to support Iraqi forces against Islamic "
            "State.",
        ),
    ),
    # -- step 8 -----------------------------------------------------------------------------
    Article(
        "gulf-courier",
        6,
        _t(9, 22, 9, 30),
        True,
        _one(
            8,
            "Iraqi officials dispute lower US troop figure",
            "BAGHDAD — More than 3,000 US troops remain in Iraq, Iraqi security sources said on "
            "Monday, rejecting the lower count the Pentagon published last week.",
            "Officials in Baghdad said the gap reflected contractors and rotating personnel, whom "
            "the two sides count differently.",
            "The prime minister's office declined to comment.",
        ),
    ),
    # -- step 9 -----------------------------------------------------------------------------
    Article(
        "capitol-desk",
        5,
        _t(9, 26, 8, 0),
        True,
        _one(
            9,
            "US and Iraq push back final withdrawal date",
            "WASHINGTON — The withdrawal is now due to be completed by the end of 2026, officials "
            "in both capitals said on Friday.",
            "Under the revised plan, troops leave Ain al-Asad and the Victoria base first, and a "
            "second phase covers Erbil in the Kurdistan Region. Officials did not say what role "
            "Kuwait would play.",
            "About 2,000 US troops remain in Iraq, the Pentagon says.",
        ),
    ),
    Article(
        "tigris-wire",
        5,
        _t(9, 26, 12, 45),
        True,
        _one(
            9,
            "Analysis: US drawdown leaves Iraq's fight against Islamic State in flux",
            "BAGHDAD — Iraqi units that have fought Islamic State alongside the US-led coalition "
            "now face the prospect of doing more of that work alone.",
            "About 2,000 US troops remain in Iraq, the Pentagon says. Commanders on both sides "
            "expect air support and intelligence sharing to continue.",
            "According to the Pentagon, about 700 US troops are deployed in Syria.",
        ),
    ),
    Article(
        "levant-monitor",
        4,
        _t(9, 26, 6, 20),
        False,
        _one(
            9,
            "Bread prices climb in Damascus as fuel costs rise",
            "DAMASCUS — The price of subsidised bread in Syria rose by about 15 percent this week "
            "after a jump in fuel costs, bakers and residents said.",
            "A bundle of bread now costs 4,000 Syrian pounds in many neighbourhoods of the "
            "capital.",
        ),
    ),
)


def outlet(slug: str) -> Outlet:
    for candidate in OUTLETS:
        if candidate.slug == slug:
            return candidate
    raise KeyError(slug)


def items_at(outlet_slug: str, step: int) -> list[tuple[Article, Version]]:
    """What `outlet_slug`'s feed serves at `step`: newest first, at most `FEED_SIZE`."""
    live = []
    for article in ARTICLES:
        if article.outlet != outlet_slug:
            continue
        version = article.version_at(step)
        if version is not None:
            live.append((article, version))
    live.sort(key=lambda pair: pair[0].published, reverse=True)
    return live[:FEED_SIZE]

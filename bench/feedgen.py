"""Deterministic generator of realistic news feeds for the poll benchmark.

`make_feeds(n, entries, seed)` returns `n` feed documents (bytes): four in five RSS 2.0,
one in five Atom. Each entry has a realistic headline, a GUID, a date, an author and an
HTML description of ~150-400 words in several <p>, with some <a> and <em>. About one entry
in ten is about the story (US troops in Iraq) and carries figures ("about 2,500 US troops",
"more than 3,000 according to Iraqi sources", deadlines, historic numbers); the rest is
other world news, some of it mentioning Iraq in a way the story's `exclude` list drops
(football, oil prices). The same (index, entries, seed) always gives the same bytes,
whatever `n` is.

    uv run python bench/feedgen.py --feeds 3 --entries 5 --out /tmp/feeds   # write files
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

BASE_TIME = datetime(2025, 9, 1, 12, 0, tzinfo=UTC)  # newest entry; well in the past
STORY_SHARE = 0.10

OUTLETS = [
    "Daily Courier",
    "World Desk",
    "The Observer Wire",
    "Global Times Review",
    "Metro Post",
    "Evening Standardbearer",
    "Atlantic Dispatch",
    "Harbour Herald",
    "Capital Ledger",
    "Northern Chronicle",
    "Pacific Bulletin",
    "Continental News",
    "Frontline Report",
]
SECTIONS = ["world", "middle-east", "politics", "international", "news"]
AUTHORS = [
    "Sarah Mitchell",
    "Ahmed Hassan",
    "John Carter",
    "Lina Farouk",
    "David Kim",
    "Maria Lopez",
    "Tom Becker",
    "Nadia Karim",
    "Peter Novak",
    "Helen Zhou",
    "Omar Saleh",
    "Claire Dubois",
]
COUNTRIES = [
    "France",
    "Germany",
    "Brazil",
    "India",
    "Japan",
    "Kenya",
    "Nigeria",
    "Mexico",
    "Canada",
    "Indonesia",
    "Poland",
    "Chile",
    "Egypt",
    "Turkey",
    "Vietnam",
    "Argentina",
    "Spain",
    "Italy",
    "Pakistan",
    "Bangladesh",
    "Ethiopia",
    "Ukraine",
    "South Africa",
    "Peru",
    "Morocco",
]
CITIES = [
    "Paris",
    "Berlin",
    "Brasilia",
    "New Delhi",
    "Tokyo",
    "Nairobi",
    "Abuja",
    "Mexico City",
    "Ottawa",
    "Jakarta",
    "Warsaw",
    "Santiago",
    "Cairo",
    "Ankara",
    "Hanoi",
    "Buenos Aires",
]
OFFICIALS = [
    "the prime minister",
    "the finance minister",
    "the president",
    "the central bank",
    "the health ministry",
    "the interior ministry",
    "opposition leaders",
    "the UN envoy",
]

# Off-story headlines and sentences. {c} country, {city}, {n} numbers, {o} official.
OTHER_TITLES = [
    "{c} votes in tight election as turnout climbs",
    "Floods force {n1} from their homes in {c}",
    "{c} central bank holds rates at {p}%",
    "Earthquake of magnitude {m} strikes off the coast of {c}",
    "Talks in {city} end without a deal on trade",
    "{c} unveils {b} billion plan to modernise rail network",
    "Wildfires burn {n2} hectares as {c} swelters in heatwave",
    "Strike by {n2} rail workers disrupts travel across {c}",
    "{c} and {c2} sign pact on migration and border checks",
    "Protests in {city} over rising cost of living",
    "Iraq beat {c} 2-1 in World Cup qualifier",
    "Oil prices rise as Iraq output dips and {c} demand grows",
    "Tech giants face new rules on data in {c}",
    "Cholera outbreak spreads in {c}, {n3} cases reported",
    "{c} court blocks controversial media law",
]
OTHER_SENTENCES = [
    "Officials in {city} said {n1} people had been affected so far.",
    "{O} told reporters that the situation was under control.",
    "The measure passed by {n3} votes to {n4} after a long debate.",
    "Inflation stood at {p}% in August, the highest level in {y} years.",
    "Analysts said the decision had been widely expected by markets.",
    "Rescue teams worked through the night in the hardest-hit districts.",
    "The government has promised {b} billion in aid for the affected regions.",
    "More than {n3} people gathered in the central square on Saturday.",
    "Critics say the plan does too little, too late.",
    "It is the third such incident since the start of the year.",
    "Turnout was estimated at {p}%, according to the electoral commission.",
    "The talks are expected to resume in {city} next month.",
    "Schools and offices were closed in {n5} provinces.",
    "The opposition called the result a setback for reform.",
    "Prices of bread and fuel have risen sharply since the spring.",
    "A spokesman declined to comment on the reports.",
    "The company said it would appeal against the ruling.",
    "Police said {n5} people had been arrested.",
    "Neighbouring {c2} offered to send firefighters and equipment.",
    "The storm is expected to weaken as it moves north over the weekend.",
    "Exports fell by {p}% compared with the same month last year.",
    "Local media reported long queues at petrol stations.",
]

STORY_TITLES = [
    "US to cut troop numbers in Iraq as coalition mission winds down",
    "Pentagon confirms drawdown of US forces from Iraq bases",
    "Iraq says US troops will leave Baghdad by September",
    "US withdrawal from Iraq: what we know about the remaining forces",
    "Coalition hands over Ain al-Asad base to Iraqi military",
    "Hundreds of US soldiers leave Iraq as withdrawal accelerates",
    "Iraqi officials dispute Pentagon figures on US troop presence",
    "US forces to stay in Erbil after Baghdad drawdown, officials say",
]
STORY_SENTENCES = [
    "There are currently about {t1} US troops in Iraq, according to the Pentagon.",
    "Iraqi sources put the number at more than {t2}, including contractors.",
    "The United States has roughly {t1} soldiers stationed in Iraq and about {s1} in Syria.",
    "Under the agreement, US forces will withdraw from Baghdad by the end of September {ny}.",
    "The coalition mission is due to end by September {ny}, officials said.",
    "The number is down from 5,200 in 2020, when the drawdown began.",
    "Some {w1} service members will move to Erbil, in the Kurdistan region.",
    "A US defence official said fewer than {t3} troops would remain after the first phase.",
    "The Pentagon said up to {w2} personnel would leave Ain al-Asad air base in the coming weeks.",
    "Iraqi military spokesman Yahya Rasool said between {w1} and {w2} coalition soldiers"
    " had already left.",
    "The withdrawal will cost an estimated ${b} billion, according to congressional aides.",
    "Washington has kept forces in Iraq since 2014 to fight the Islamic State group.",
    "Kataib Hezbollah and other armed groups have demanded a complete US withdrawal.",
    "Prime Minister Mohammed Shia al-Sudani said Iraq no longer needed foreign combat troops.",
    "About {k1} Kuwait-based troops could be sent back to Iraq if needed, the official added.",
]
LINK_TEXTS = [
    "read more",
    "the full statement",
    "earlier report",
    "our live coverage",
    "the agreement",
    "analysis",
    "background",
]
EMPHASIS = ["not", "all", "before", "only", "never", "at least", "officially"]


_FIELDS = {
    "c": lambda r: r.choice(COUNTRIES),
    "c2": lambda r: r.choice(COUNTRIES),
    "city": lambda r: r.choice(CITIES),
    "O": lambda r: r.choice(OFFICIALS).capitalize(),
    "n1": lambda r: f"{r.randrange(1_000, 90_000):,}",
    "n2": lambda r: f"{r.randrange(2_000, 40_000):,}",
    "n3": lambda r: str(r.randrange(100, 900)),
    "n4": lambda r: str(r.randrange(50, 300)),
    "n5": lambda r: str(r.randrange(3, 40)),
    "p": lambda r: str(round(r.uniform(0.5, 12), 1)),
    "y": lambda r: str(r.randrange(3, 30)),
    "m": lambda r: str(round(r.uniform(5.0, 7.9), 1)),
    "b": lambda r: str(round(r.uniform(1, 80), 1)),
    "t1": lambda r: f"{r.choice([2_000, 2_300, 2_500, 2_500, 2_500, 2_600]):,}",
    "t2": lambda r: f"{r.choice([3_000, 3_000, 3_500, 4_000]):,}",
    "t3": lambda r: f"{r.choice([1_500, 2_000, 1_000]):,}",
    "s1": lambda r: f"{r.choice([900, 1_000, 1_500, 2_000]):,}",
    "w1": lambda r: r.choice(["500", "700", "1,000", "several hundred"]),
    "w2": lambda r: f"{r.choice([1_200, 1_500, 2_000]):,}",
    "k1": lambda r: f"{r.choice([500, 1_000, 13_000]):,}",
    "ny": lambda r: str(r.choice([2025, 2026])),
}


class _Values(dict[str, str]):
    """Placeholder values drawn from the generator only when a template uses them."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        value = self[key] = _FIELDS[key](self.rng)
        return value


def _fill(template: str, rng: random.Random) -> str:
    return template.format_map(_Values(rng))


def _paragraphs(rng: random.Random, pool: list[str], story: bool, link_base: str) -> str:
    """Several <p> totalling ~150-400 words; story entries mix in general sentences."""
    target = rng.randrange(150, 400)
    words = 0
    paras: list[str] = []
    while words < target:
        sentences = []
        for _ in range(rng.randrange(2, 5)):
            source = pool if (not story or rng.random() < 0.6) else OTHER_SENTENCES
            sentence = escape(_fill(rng.choice(source), rng))
            if rng.random() < 0.08:
                word = rng.choice(EMPHASIS)
                sentence = sentence.replace(f" {word} ", f" <em>{word}</em> ", 1)
            sentences.append(sentence)
            words += len(sentence.split())
        if rng.random() < 0.3:
            href = quoteattr(f"{link_base}/related-{rng.randrange(10_000, 99_999)}")
            sentences.append(f"See <a href={href}>{rng.choice(LINK_TEXTS)}</a>.")
        paras.append("<p>" + " ".join(sentences) + "</p>")
    return "\n".join(paras)


def _slug(title: str) -> str:
    words = ("".join(ch for ch in word if ch.isalnum()) for word in title.lower().split())
    return "-".join(words)[:60]


def feed_entries(index: int, entries: int, seed: int = 1) -> list[dict[str, object]]:
    rng = random.Random(f"storywatch-bench:{seed}:{index}")
    host = f"news{index:03d}.example.com"
    section = rng.choice(SECTIONS)
    when = BASE_TIME - timedelta(minutes=rng.randrange(0, 600))
    items = []
    for j in range(entries):
        story = rng.random() < STORY_SHARE
        title = _fill(rng.choice(STORY_TITLES if story else OTHER_TITLES), rng)
        link = f"https://{host}/{section}/{when:%Y/%m/%d}/{_slug(title)}-{index}{j:04d}"
        items.append(
            {
                "title": title,
                "link": link,
                "guid": f"urn:bench:{host}:{j:05d}" if j % 3 else link,
                "author": rng.choice(AUTHORS),
                "published": when,
                "html": _paragraphs(
                    rng,
                    STORY_SENTENCES if story else OTHER_SENTENCES,
                    story,
                    f"https://{host}/{section}",
                ),
                "category": "Middle East"
                if story
                else rng.choice(["World", "Europe", "Business", "Africa", "Asia", "Americas"]),
                "story": story,
            }
        )
        when -= timedelta(minutes=rng.randrange(10, 300))
    return items


def is_atom(index: int) -> bool:
    return index % 5 == 4


def feed_title(index: int) -> str:
    return f"{OUTLETS[index % len(OUTLETS)]} {index:03d}: World news"


def render_feed(index: int, entries: int, seed: int = 1) -> bytes:
    items = feed_entries(index, entries, seed)
    title = escape(feed_title(index))
    home = f"https://news{index:03d}.example.com/"
    if is_atom(index):
        body = "".join(
            f"<entry><id>{escape(str(i['guid']))}</id><title>{escape(str(i['title']))}</title>"
            f'<link rel="alternate" type="text/html" href={quoteattr(str(i["link"]))}/>'
            f"<published>{_iso(i['published'])}</published><updated>{_iso(i['published'])}</updated>"
            f"<author><name>{escape(str(i['author']))}</name></author>"
            f"<category term={quoteattr(str(i['category']))}/>"
            f'<summary type="html">{escape(str(i["html"]))}</summary></entry>\n'
            for i in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
            f'<title>{title}</title><id>{home}</id><link href="{home}"/>'
            f"<updated>{_iso(BASE_TIME)}</updated>\n{body}</feed>\n"
        ).encode()
    body = "".join(
        f"<item><title>{escape(str(i['title']))}</title><link>{escape(str(i['link']))}</link>"
        f'<guid isPermaLink="{"true" if i["guid"] == i["link"] else "false"}">'
        f"{escape(str(i['guid']))}</guid>"
        f"<pubDate>{format_datetime(i['published'])}</pubDate>"  # type: ignore[arg-type]
        f"<dc:creator>{escape(str(i['author']))}</dc:creator>"
        f"<category>{escape(str(i['category']))}</category>"
        f"<description>{escape(str(i['html']))}</description></item>\n"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>'
        f"<title>{title}</title><link>{home}</link>"
        "<description>Latest world news</description><language>en-gb</language>"
        f"<lastBuildDate>{format_datetime(BASE_TIME)}</lastBuildDate><ttl>15</ttl>\n"
        f"{body}</channel></rss>\n"
    ).encode()


def _iso(moment: object) -> str:
    assert isinstance(moment, datetime)
    return moment.isoformat().replace("+00:00", "Z")


def make_feeds(n: int, entries: int, seed: int = 1) -> list[bytes]:
    return [render_feed(i, entries, seed) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=5)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    total = stories = 0
    for i in range(args.feeds):
        (args.out / f"{i}.xml").write_bytes(render_feed(i, args.entries, args.seed))
        items = feed_entries(i, args.entries, args.seed)
        total += len(items)
        stories += sum(1 for item in items if item["story"])
    print(f"wrote {args.feeds} feeds, {total} entries ({stories} on the story) to {args.out}")


if __name__ == "__main__":
    main()

"""Build dashboard databases from readable data, straight through `Store.write()`.

    db = Seeder(tmp_path / "sw.db")
    db.feed("Reuters")
    r1 = db.report("AP", "US keeps troops in Iraq", "About 2,500 US troops remain, ...",
                   at="2024-09-01T10:00:00+00:00",
                   figures=[Fig("About 2,500", 2500, bound="approx", source="the Pentagon")])
    ...
`story()` builds the standard scenario the Pilot and snapshot tests share.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tui.core.config import Config, parse_config
from tui.core.store import Store

NOW = datetime(2024, 9, 4, 12, 0, tzinfo=UTC)
IRAQ = "count|troops|presence|Iraq|US"
SYRIA = "count|troops|presence|Syria|US"
KUWAIT = "count|troops|presence|Kuwait|US"

CONFIG_TOML = """
[story]
title = "US troop withdrawal from Iraq"
keywords = ["Iraq", "troops"]

[settings]
interval = 900

[[feeds]]
name = "Reuters"
url = "https://example.org/reuters.xml"

[[feeds]]
name = "AP"
url = "https://example.org/ap.xml"

[[feeds]]
name = "Iraqi News"
url = "https://example.org/iraqi.xml"

[[figures]]
name = "US troops in Iraq"
things = ["troops"]
places = ["Iraq"]
actors = ["US"]

[[figures]]
name = "US troops in Syria"
things = ["troops"]
places = ["Syria"]
actors = ["US"]
"""

HOSTILE = [
    "[/]",
    "[/bold]",
    "[bold]x",
    "x[i]",
    "[$accent]",
    "[@click=app.quit]y[/]",
    "[link=file:///etc/passwd]z[/]",
    "esc\x1b[31mred\x1b]0;title\x07",
]


def config() -> Config:
    return parse_config(CONFIG_TOML)


def clock() -> datetime:
    return NOW


@dataclass(frozen=True)
class Fig:
    """A figure as stated in a report: `surface` must occur in the title or text."""

    surface: str
    value: float
    bound: str = "exact"
    figure: str | None = "US troops in Iraq"
    key: str = IRAQ
    source: str | None = None
    kind: str = "count"
    high: float | None = None
    as_of: str = "current"


@dataclass
class Seeded:
    report_id: int
    version_id: int
    claim_ids: list[int] = field(default_factory=list)


class Seeder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(path)
        self._feeds: dict[str, int] = {}

    def close(self) -> None:
        self.store.close()

    def feed(
        self,
        name: str,
        *,
        error: str | None = None,
        failures: int = 0,
        last_success: str | None = "2024-09-04T11:50:00+00:00",
    ) -> int:
        with self.store.write() as db:
            cursor = db.execute(
                """INSERT INTO feeds (name, url, consecutive_failures, total_failures, last_error,
                       last_error_at, last_success_at, last_polled_at, next_poll_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    name,
                    f"https://example.org/{len(self._feeds)}.xml",
                    failures,
                    failures,
                    error,
                    "2024-09-04T11:55:00+00:00" if error else None,
                    last_success,
                    "2024-09-04T11:55:00+00:00",
                    "2024-09-04T12:10:00+00:00",
                ],
            )
        self._feeds[name] = int(cursor.lastrowid or 0)
        return self._feeds[name]

    def report(
        self,
        feed: str,
        title: str,
        text: str,
        *,
        at: str,
        figures: list[Fig] = (),  # type: ignore[assignment]
        link: str | None = "https://example.org/story",
        on_story: bool = True,
        copy_of: int | None = None,
    ) -> Seeded:
        feed_id = self._feeds.get(feed) or self.feed(feed)
        with self.store.write() as db:
            cursor = db.execute(
                """INSERT INTO reports (feed_id, entry_id, link, title, published, first_seen_at,
                       last_changed_at, on_story, copy_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [feed_id, f"{feed}-{title}-{at}", link, title, at, at, at, int(on_story), copy_of],
            )
            report_id = int(cursor.lastrowid or 0)
        return self._version(report_id, 1, title, text, at, figures)

    def revise(
        self, report_id: int, title: str, text: str, *, at: str, figures: list[Fig] = ()
    ) -> Seeded:  # type: ignore[assignment]
        version = (
            int(
                self.store.query("SELECT revisions FROM reports WHERE id = ?", (report_id,))[0][
                    "revisions"
                ]
            )
            + 1
        )  # type: ignore[call-overload]
        with self.store.write() as db:
            db.execute(
                "UPDATE reports SET revisions = ?, title = ?, last_changed_at = ? WHERE id = ?",
                [version, title, at, report_id],
            )
        return self._version(report_id, version, title, text, at, figures)

    def _version(
        self, report_id: int, version: int, title: str, text: str, at: str, figures: list[Fig]
    ) -> Seeded:
        body = f"{title}\n\n{text}" if text else title
        with self.store.write() as db:
            cursor = db.execute(
                """INSERT INTO report_versions (report_id, version, title, text, content_hash,
                       seen_at) VALUES (?, ?, ?, ?, ?, ?)""",
                [report_id, version, title, text, hashlib.sha256(body.encode()).hexdigest(), at],
            )
            version_id = int(cursor.lastrowid or 0)
            seeded = Seeded(report_id, version_id)
            for fig in figures:
                start = body.find(fig.surface)
                assert start >= 0, f"{fig.surface!r} is not in {body!r}"
                feed = db.execute(
                    "SELECT f.name FROM reports r JOIN feeds f ON f.id = r.feed_id WHERE r.id = ?",
                    [report_id],
                ).fetchone()[0]
                cursor = db.execute(
                    """INSERT INTO claims (report_id, version_id, key, figure, surface, kind, bound,
                           low, high, value, thing, place, actor, source, speaker, predicate, as_of,
                           sentence, start, "end", observed_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'US', ?, ?, 'presence',
                               ?, ?, ?, ?, ?)""",
                    [
                        report_id,
                        version_id,
                        fig.key,
                        fig.figure,
                        fig.surface,
                        fig.kind,
                        fig.bound,
                        fig.value,
                        fig.high if fig.bound != "lower" else None,
                        fig.value,
                        fig.key.split("|")[1] if fig.key.split("|")[1] != "-" else None,
                        fig.key.split("|")[3],
                        fig.source,
                        fig.source or feed,
                        fig.as_of,
                        _sentence(body, start),
                        start,
                        start + len(fig.surface),
                        at,
                    ],
                )
                seeded.claim_ids.append(int(cursor.lastrowid or 0))
        return seeded

    def change(
        self,
        claim_id: int,
        old_claim_id: int | None,
        verdict: str,
        *,
        at: str,
        figure: str | None = "US troops in Iraq",
        key: str = IRAQ,
        acknowledged: str | None = None,
        within_margin: bool = False,
    ) -> int:
        with self.store.write() as db:
            cursor = db.execute(
                """INSERT INTO changes (claim_id, old_claim_id, key, figure, verdict, within_margin,
                       detected_at, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    claim_id,
                    old_claim_id,
                    key,
                    figure,
                    verdict,
                    int(within_margin),
                    at,
                    acknowledged,
                ],
            )
        return int(cursor.lastrowid or 0)


def _sentence(body: str, at: int) -> str:
    start = max(body.rfind(". ", 0, at) + 2, body.rfind("\n", 0, at) + 1, 0)
    end = body.find(".", at)
    return body[start : end + 1 if end >= 0 else len(body)].strip()


def story(path: Path, *, hostile: bool = False) -> Path:
    """The standard scenario: a cut in Iraq (unseen), a dispute in Syria, a revised article,
    a failing feed and an unnamed figure. With `hostile`, titles and sources carry markup."""
    db = Seeder(path)
    db.feed("Reuters")
    db.feed("AP")
    db.feed("Iraqi News", error="HTTP 503 Service Unavailable", failures=3)
    ap = db.report(
        "AP",
        "US keeps troops in Iraq",
        "About 2,500 US troops remain in Iraq, the Pentagon said on Sunday.",
        at="2024-09-01T10:00:00+00:00",
        figures=[Fig("About 2,500", 2500, bound="approx", source="the Pentagon")],
    )
    db.change(
        ap.claim_ids[0],
        None,
        "new",
        at="2024-09-01T10:05:00+00:00",
        acknowledged="2024-09-01T11:00:00+00:00",
    )
    reuters = db.report(
        "Reuters",
        "US to cut troops in Iraq to 2,000",
        "Washington will reduce its force to 2,000 troops in Iraq by the end of the month.",
        at="2024-09-03T08:00:00+00:00",
        figures=[Fig("2,000", 2000)],
    )
    db.change(reuters.claim_ids[0], ap.claim_ids[0], "changed", at="2024-09-03T08:05:00+00:00")
    syria1 = db.report(
        "AP",
        "US forces in Syria",
        "Some 900 US troops are stationed in Syria.",
        at="2024-09-02T09:00:00+00:00",
        figures=[Fig("900", 900, bound="approx", figure="US troops in Syria", key=SYRIA)],
    )
    syria2 = db.report(
        "Iraqi News",
        "Iraqi sources dispute US numbers in Syria",
        "Iraqi sources put the number at over 1,500 US troops in Syria.",
        at="2024-09-03T09:00:00+00:00",
        figures=[
            Fig(
                "over 1,500",
                1500,
                bound="lower",
                figure="US troops in Syria",
                key=SYRIA,
                source="Iraqi sources",
            )
        ],
    )
    db.change(
        syria2.claim_ids[0],
        syria1.claim_ids[0],
        "disputed",
        at="2024-09-03T09:05:00+00:00",
        figure="US troops in Syria",
        key=SYRIA,
    )
    kuwait = db.report(
        "Reuters",
        "Troops moved to Kuwait",
        "About 1,000 US troops moved to Kuwait.",
        at="2024-09-02T12:00:00+00:00",
        figures=[Fig("About 1,000", 1000, bound="approx", figure=None, key=KUWAIT)],
    )
    revised = db.revise(
        kuwait.report_id,
        "Troops moved to Kuwait",
        "About 1,200 US troops moved to Kuwait, officials said.",
        at="2024-09-03T10:00:00+00:00",
        figures=[Fig("About 1,200", 1200, bound="approx", figure=None, key=KUWAIT)],
    )
    db.change(
        revised.claim_ids[0],
        kuwait.claim_ids[0],
        "revised",
        at="2024-09-03T10:05:00+00:00",
        figure=None,
        key=KUWAIT,
        acknowledged="2024-09-03T11:00:00+00:00",
    )
    db.report(
        "AP", "Markets wrap", "Oil prices rose.", at="2024-09-03T11:00:00+00:00", on_story=False
    )
    if hostile:
        for i, title in enumerate(HOSTILE):
            db.report(
                "AP",
                f"Hostile {title} title",
                f"Text {title} with 3,100 US troops in Iraq.",
                at=f"2024-09-04T0{i}:00:00+00:00",
                link="javascript:alert(1)",
                figures=[Fig("3,100", 3100, source=f"{title} sources")],
            )
    db.close()
    return path


def history(path: Path, count: int) -> Path:
    """`count` observations of US troops in Iraq, one report each, a minute apart."""
    db = Seeder(path)
    db.feed("Reuters")
    base = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    for i in range(count):
        at = datetime.fromtimestamp(base + 60 * i, UTC).isoformat()
        value = 2000 + i
        db.report(
            "Reuters",
            f"Report {i}",
            f"There are {value:,} US troops in Iraq.",
            at=at,
            figures=[Fig(f"{value:,}", value)],
        )
    db.close()
    return path

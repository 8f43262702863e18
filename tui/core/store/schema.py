"""The database schema, as an ordered list of migrations (`tui.core.store.migrations`).

Never edit a migration that has shipped: add a new one. A database that lists a
migration this code does not know was made by a newer storywatch and is refused.
"""

from __future__ import annotations

import sqlite3

from tui.core.store.migrations import Migrations

MIGRATION_SET = "storywatch"
migrations = Migrations(MIGRATION_SET)


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        # complete_statement knows that a trigger body's inner ";" does not end it.
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL in migration: {statement[:80]!r}")


@migrations(name="0001_initial")
def _initial(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            total_failures INTEGER NOT NULL DEFAULT 0,
            first_error_at TEXT,
            last_error_at TEXT,
            last_error TEXT,
            last_success_at TEXT,
            last_polled_at TEXT,
            next_poll_at TEXT
        );
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id),
            entry_id TEXT NOT NULL,
            link TEXT,
            author TEXT,
            title TEXT NOT NULL,
            published TEXT NOT NULL,
            date_is_first_seen INTEGER NOT NULL DEFAULT 0,
            first_seen_at TEXT NOT NULL,
            last_changed_at TEXT NOT NULL,
            on_story INTEGER NOT NULL,
            revisions INTEGER NOT NULL DEFAULT 1,
            UNIQUE (feed_id, entry_id)
        );
        CREATE INDEX reports_published ON reports(published);
        CREATE TABLE report_versions (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            updated TEXT,
            seen_at TEXT NOT NULL,
            UNIQUE (report_id, version)
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            version_id INTEGER NOT NULL REFERENCES report_versions(id),
            key TEXT NOT NULL,
            figure TEXT,
            surface TEXT NOT NULL,
            kind TEXT NOT NULL,
            bound TEXT NOT NULL,
            low REAL NOT NULL,
            high REAL,
            value REAL NOT NULL,
            unit TEXT,
            thing TEXT,
            place TEXT,
            actor TEXT,
            source TEXT,
            speaker TEXT NOT NULL,
            predicate TEXT NOT NULL,
            as_of TEXT NOT NULL,
            sentence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            observed_at TEXT NOT NULL
        );
        CREATE INDEX claims_key ON claims(key, observed_at);
        CREATE INDEX claims_figure ON claims(figure, observed_at);
        CREATE INDEX claims_version ON claims(version_id);
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            old_claim_id INTEGER REFERENCES claims(id),
            key TEXT NOT NULL,
            figure TEXT,
            verdict TEXT NOT NULL,
            within_margin INTEGER NOT NULL DEFAULT 0,
            detected_at TEXT NOT NULL,
            acknowledged_at TEXT
        );
        CREATE INDEX changes_detected ON changes(detected_at);
        CREATE INDEX changes_key ON changes(key);
        CREATE TABLE polls (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id),
            started_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            status TEXT NOT NULL,
            http_status INTEGER,
            bytes INTEGER NOT NULL DEFAULT 0,
            new_reports INTEGER NOT NULL DEFAULT 0,
            new_revisions INTEGER NOT NULL DEFAULT 0,
            new_claims INTEGER NOT NULL DEFAULT 0,
            new_changes INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            warning TEXT
        );
        CREATE INDEX polls_feed ON polls(feed_id, started_at);
        """,
    )
    # What sqlite-utils' enable_fts(["title", "text"], create_triggers=True,
    # tokenize="porter") created when this migration shipped; the table is empty here.
    _run(
        db,
        """
        CREATE VIRTUAL TABLE "report_versions_fts" USING FTS5 (
            "title", "text",
            tokenize='porter',
            content="report_versions"
        );
        CREATE TRIGGER "report_versions_ai" AFTER INSERT ON "report_versions" BEGIN
          INSERT INTO "report_versions_fts" (rowid, "title", "text")
          VALUES (new.rowid, new."title", new."text");
        END;
        CREATE TRIGGER "report_versions_ad" AFTER DELETE ON "report_versions" BEGIN
          INSERT INTO "report_versions_fts" ("report_versions_fts", rowid, "title", "text")
          VALUES('delete', old.rowid, old."title", old."text");
        END;
        CREATE TRIGGER "report_versions_au" AFTER UPDATE ON "report_versions" BEGIN
          INSERT INTO "report_versions_fts" ("report_versions_fts", rowid, "title", "text")
          VALUES('delete', old.rowid, old."title", old."text");
          INSERT INTO "report_versions_fts" (rowid, "title", "text")
          VALUES (new.rowid, new."title", new."text");
        END;
        """,
    )
    _run(
        db,
        """
        CREATE VIEW latest_figures AS
        SELECT c.figure, c.key, c.speaker, c.surface, c.value, c.low, c.high, c.bound,
               c.observed_at, f.name AS feed, r.title AS report, r.link AS report_url
        FROM claims c
        JOIN reports r ON r.id = c.report_id
        JOIN feeds f ON f.id = r.feed_id
        WHERE c.as_of = 'current' AND r.on_story = 1
          AND c.id = (SELECT c2.id FROM claims c2
                      WHERE c2.key = c.key AND c2.speaker = c.speaker AND c2.as_of = 'current'
                      ORDER BY c2.observed_at DESC, c2.id DESC LIMIT 1);
        CREATE VIEW change_log AS
        SELECT ch.id, ch.detected_at, coalesce(ch.figure, ch.key) AS figure, ch.verdict,
               ch.within_margin, o.surface AS old_surface, o.speaker AS old_source,
               n.surface AS new_surface, n.speaker AS new_source, f.name AS feed,
               r.title AS report, r.link AS report_url, ch.acknowledged_at
        FROM changes ch
        JOIN claims n ON n.id = ch.claim_id
        LEFT JOIN claims o ON o.id = ch.old_claim_id
        JOIN reports r ON r.id = n.report_id
        JOIN feeds f ON f.id = r.feed_id
        ORDER BY ch.detected_at DESC, ch.id DESC;
        """,
    )


@migrations(name="0002_figure_latest")
def _figure_latest(db: sqlite3.Connection) -> None:
    """Each source's latest word on each figure, so judging a claim reads a handful of rows.

    Without it every new claim scanned all earlier claims of its figure: a first poll of
    500 feeds was quadratic. `identity` is "figure:<name>" for a named figure, else
    "key:<key>"; `speaker_key` is the speaker as the ledger compares it (`normalise_source`).
    """
    _run(
        db,
        """
        CREATE TABLE figure_latest (
            identity TEXT NOT NULL,
            speaker_key TEXT NOT NULL,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            observed_at TEXT NOT NULL,
            low REAL NOT NULL,   -- ledger.interval_of(claim): what the claim asserts
            high REAL NOT NULL,
            PRIMARY KEY (identity, speaker_key)
        ) WITHOUT ROWID;
        CREATE INDEX figure_latest_time ON figure_latest(identity, observed_at);
        CREATE INDEX claims_report ON claims(report_id);
        """,
    )
    from tui.core.ledger import interval_of, normalise_source
    from tui.core.store.claim_rows import claim_from_row

    rows = db.execute(
        """SELECT c.* FROM claims c JOIN reports r ON r.id = c.report_id
           WHERE c.as_of = 'current' AND r.on_story = 1 ORDER BY c.observed_at, c.id"""
    )
    names = [d[0] for d in rows.description]
    for values in rows.fetchall():
        row = dict(zip(names, values, strict=True))
        identity = f"figure:{row['figure']}" if row["figure"] else f"key:{row['key']}"
        interval = interval_of(claim_from_row(row))
        db.execute(
            "INSERT OR REPLACE INTO figure_latest VALUES (?, ?, ?, ?, ?, ?)",
            [identity, normalise_source(row["speaker"]), row["id"], row["observed_at"],
             interval.low, interval.high],
        )  # fmt: skip


@migrations(name="0003_change_indexes")
def _change_indexes(db: sqlite3.Connection) -> None:
    """The dashboard marks reports that changed a figure and filters the log by figure."""
    _run(
        db,
        """
        CREATE INDEX changes_claim ON changes(claim_id);
        CREATE INDEX changes_figure ON changes(figure, detected_at);
        """,
    )


_ON_STORY = "(SELECT on_story FROM reports WHERE id = {row}.report_id) = 1"


@migrations(name="0004_fts_on_story_only")
def _fts_on_story_only(db: sqlite3.Connection) -> None:
    """Index only the story's reports for full-text search.

    Off-story reports are nine in ten of what feeds carry and are never shown in the
    dashboard; tokenising them cost 40% of a first poll's database time.
    """
    _run(
        db,
        f"""
        DROP TRIGGER report_versions_ai;
        DROP TRIGGER report_versions_ad;
        DROP TRIGGER report_versions_au;
        CREATE TRIGGER report_versions_ai AFTER INSERT ON report_versions
        WHEN {_ON_STORY.format(row="new")} BEGIN
          INSERT INTO report_versions_fts (rowid, title, text)
          VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER report_versions_ad AFTER DELETE ON report_versions
        WHEN {_ON_STORY.format(row="old")} BEGIN
          INSERT INTO report_versions_fts (report_versions_fts, rowid, title, text)
          VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER report_versions_au AFTER UPDATE ON report_versions
        WHEN {_ON_STORY.format(row="old")} BEGIN
          INSERT INTO report_versions_fts (report_versions_fts, rowid, title, text)
          VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO report_versions_fts (rowid, title, text)
          VALUES (new.rowid, new.title, new.text);
        END;
        INSERT INTO report_versions_fts (report_versions_fts) VALUES ('delete-all');
        INSERT INTO report_versions_fts (rowid, title, text)
          SELECT v.id, v.title, v.text FROM report_versions v
          JOIN reports r ON r.id = v.report_id WHERE r.on_story = 1;
        """,
    )


@migrations(name="0005_feed_entries")
def _feed_entries(db: sqlite3.Connection) -> None:
    """How many entries the feed's last full fetch held: 0 shows as "ok (empty)", not failing."""
    _run(db, "ALTER TABLE feeds ADD COLUMN entries INTEGER;\n")


@migrations(name="0006_reports_by_title")
def _reports_by_title(db: sqlite3.Connection) -> None:
    """Find a report by title and link when its feed mints a new GUID at every fetch."""
    _run(db, "CREATE INDEX reports_title ON reports(feed_id, title);\n")


@migrations(name="0007_report_copies")
def _report_copies(db: sqlite3.Connection) -> None:
    """Copies are one voice (`tui.core.copies`): a report may be a copy of an earlier one.

    `copy_of` is the origin report (never itself a copy); `url_key` the article's URL as
    copies share it; `report_sketches` holds each on-story report's text sketch and its
    figures' numbers, so a new report is compared with a few recent ones, not their texts.
    """
    _run(
        db,
        """
        ALTER TABLE reports ADD COLUMN copy_of INTEGER REFERENCES reports(id);
        ALTER TABLE reports ADD COLUMN url_key TEXT;
        CREATE INDEX reports_url_key ON reports(url_key);
        CREATE INDEX reports_copy_of ON reports(copy_of);
        CREATE TABLE report_sketches (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id),
            published TEXT NOT NULL,
            sketch TEXT NOT NULL,
            numbers TEXT NOT NULL
        );
        CREATE INDEX report_sketches_published ON report_sketches(published);
        """,
    )


@migrations(name="0008_feed_moved_to")
def _feed_moved_to(db: sqlite3.Connection) -> None:
    """Where a permanent redirect (301/308) says the feed now lives: polled there, and
    `storywatch check` asks the user to update feeds.toml."""
    _run(db, "ALTER TABLE feeds ADD COLUMN moved_to TEXT;\n")


@migrations(name="0009_copy_candidates")
def _copy_candidates(db: sqlite3.Connection) -> None:
    """A new report's copy candidates are found by its figures' numbers, then its time, so a
    first poll's thousand on-story reports are not each compared with every other."""
    _run(db, "CREATE INDEX report_sketches_numbers ON report_sketches(numbers, published);\n")


@migrations(name="0010_first_sightings")
def _first_sightings(db: sqlite3.Connection) -> None:
    """The first sightings ("new" changes) of each figure and key, found without walking the
    figure's every later claim: a word published before others already judged asks for the
    earliest later first sighting, and a first poll's backlog asks it for most claims."""
    _run(
        db,
        """
        CREATE INDEX changes_new_figure ON changes(figure) WHERE verdict = 'new';
        CREATE INDEX changes_new_key ON changes(key) WHERE verdict = 'new';
        """,
    )


@migrations(name="0011_words_by_speaker")
def _words_by_speaker(db: sqlite3.Connection) -> None:
    """A speaker's latest earlier word on a figure, found by an index seek: without it a
    backlog's late-landing report walked back over every other speaker's claims of the
    figure, once per claim (`figure_ledger._said_before`)."""
    _run(
        db,
        """
        CREATE INDEX claims_key_speaker ON claims(key, speaker, observed_at);
        CREATE INDEX claims_figure_speaker ON claims(figure, speaker, observed_at);
        """,
    )

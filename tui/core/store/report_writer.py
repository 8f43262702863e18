"""A feed's reports, revisions and figures, written inside its poll's transaction.

`poll_writer.write_feed_poll` hands a parsed feed here; a poll that brought no body (an
unchanged feed answering 304, a failure) never imports this module, the ledger's rules or
the extractor's names.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from tui.core.analyse import AnalysedReport, body_start, headline_figures, report_text
from tui.core.copies import url_key
from tui.core.ledger import Observation, decide, describe_value, normalise_source
from tui.core.models import FigureChanged, NewReport, NewRevision, Verdict
from tui.core.revisions import is_new_revision
from tui.core.store.db import Store, iso
from tui.core.store.figure_ledger import SPEAKER_SCOPE as _SPEAKER_SCOPE
from tui.core.store.figure_ledger import find_origin, ledger_identity
from tui.core.store.identity import current_key, same_articles
from tui.core.store.ledger_index import LedgerIndex
from tui.core.store.ledger_sql import SqlLedger
from tui.core.store.poll_writer import LedgerContext, WriteResult

ALARMING = frozenset({Verdict.CHANGED, Verdict.DISPUTED, Verdict.REVISED})


@dataclass
class FeedWriter:
    """Writes one feed's reports and figures inside the caller's transaction."""

    store: Store
    feed_id: int
    feed: str
    ledger: LedgerContext
    now: datetime
    rows: LedgerIndex | SqlLedger  # the ledger's reads and writes
    result: WriteResult = field(default_factory=WriteResult)

    def reports(self, items: Sequence[AnalysedReport]) -> None:
        """Store a feed's reports: new ones, new revisions; content seen before adds nothing.

        The rows of off-story reports go in a few batched statements per feed; only
        on-story reports are written one by one, in feed order, because their figures
        need their version's id and are judged in that order.
        """
        conn, now = self.store.conn, iso(self.now)
        fetched = [item.report.entry_id for item in items]
        stored = self._stored(fetched)
        unfound = [item.report for item in items if item.report.entry_id not in stored]
        churned = same_articles(conn, self.feed_id, unfound, fetched) if unfound else {}
        new: list[AnalysedReport] = []
        versions: list[tuple[AnalysedReport, int]] = []  # (report, version number)
        for item in items:
            found = stored.get(item.report.entry_id)
            if found is None and (same := churned.get(item.report.entry_id)):
                # The same article under a churned GUID: it keeps the id it was stored under.
                item = replace(item, report=replace(item.report, entry_id=same[3]))
                found = stored[same[3]] = same[:3]
            if found is None:
                new.append(item)
                versions.append((item, 1))
            elif self._revised(item, found):
                versions.append((item, found[1] + 1))
        if not versions:
            return
        conn.executemany(
            """INSERT INTO reports (feed_id, entry_id, link, author, title, published,
                   date_is_first_seen, first_seen_at, last_changed_at, on_story, revisions,
                   url_key)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""",
            [
                (
                    self.feed_id, r.entry_id, r.link, r.author, r.title, iso(r.published),
                    int(r.date_is_first_seen), now, now, int(item.on_story), url_key(r.link),
                )
                for item in new
                for r in (item.report,)
            ],
        )  # fmt: skip
        ids = {entry_id: found[0] for entry_id, found in stored.items()}
        if new:
            ids.update(self._ids([item.report.entry_id for item in new]))
        revised = [(item, version) for item, version in versions if version > 1]
        conn.executemany(
            "UPDATE reports SET revisions = ?, title = ?, link = coalesce(?, link), "
            "last_changed_at = ? WHERE id = ?",
            [
                (version, item.report.title, item.report.link, now, ids[item.report.entry_id])
                for item, version in revised
            ],
        )
        conn.executemany(
            _INSERT_VERSION,
            [
                self._version_row(ids[item.report.entry_id], version, item)
                for item, version in versions
                if not item.on_story
            ],
        )
        for item, version in versions:
            report_id = ids[item.report.entry_id]
            if version == 1:
                event = NewReport(self.feed, report_id, item.report.title, item.on_story)
                self.result.new_reports.append(event)
            else:
                revision = NewRevision(self.feed, report_id, item.report.title, version)
                self.result.new_revisions.append(revision)
            if item.on_story:
                cursor = conn.execute(_INSERT_VERSION, self._version_row(report_id, version, item))
                if version == 1:
                    self.rows.new_report(report_id)
                # A copy stays one voice with its origin in every later version too.
                copy = self._is_copy(report_id, item) if version == 1 else self._copy(report_id)
                self._figures(item, report_id, int(cursor.lastrowid or 0), version, copy)

    def _revised(self, item: AnalysedReport, found: tuple[int, int, str]) -> bool:
        """Is `item` a new revision of its stored version `found` (id, version, key)?

        `analyse` decided it against the key this poll was given; only when the stored key
        is another one now (a second writer, a churned GUID) or was undecidable there (an
        older scheme) is it decided here, by the same pure function.
        """
        if item.revised is not None and item.known_key == found[2]:
            return item.revised
        return is_new_revision(current_key(self.store.conn, *found), item.content_hash)

    def _stored(self, entry_ids: list[str]) -> dict[str, tuple[int, int, str]]:
        """entry id -> (report id, latest version, its content hash), for these entries."""
        rows = self.store.conn.execute(
            """SELECT r.entry_id, r.id, r.revisions, v.content_hash FROM reports r
               JOIN report_versions v ON v.report_id = r.id AND v.version = r.revisions
               WHERE r.feed_id = ? AND r.entry_id IN (SELECT value FROM json_each(?))""",
            [self.feed_id, json.dumps(entry_ids)],
        )
        return {entry_id: (int(rid), int(latest), digest) for entry_id, rid, latest, digest in rows}

    def _ids(self, entry_ids: list[str]) -> dict[str, int]:
        rows = self.store.conn.execute(
            "SELECT entry_id, id FROM reports "
            "WHERE feed_id = ? AND entry_id IN (SELECT value FROM json_each(?))",
            [self.feed_id, json.dumps(entry_ids)],
        )
        return {entry_id: int(report_id) for entry_id, report_id in rows}

    def _version_row(
        self, report_id: int, version: int, item: AnalysedReport
    ) -> tuple[object, ...]:
        report = item.report
        updated = iso(report.updated) if report.updated else None
        return (
            report_id, version, report.title, report.text, item.content_hash, updated,
            iso(self.now),
        )  # fmt: skip

    def _copy(self, report_id: int) -> bool:
        row = self.store.conn.execute("SELECT copy_of FROM reports WHERE id = ?", [report_id])
        return row.fetchone()[0] is not None

    def _is_copy(self, report_id: int, item: AnalysedReport) -> bool:
        """Is this new report a copy of one already stored? (Then it is one voice with it.)"""
        body = item.report.text or item.report.title
        return find_origin(self.store, report_id, body, item.report.published) is not None

    def _figures(
        self, item: AnalysedReport, report_id: int, version_id: int, version: int, copy: bool
    ) -> None:
        report = item.report
        claims = item.claims
        if claims is None:  # another writer stored a version meanwhile; our hash hint was stale
            from tui.core.claims.extract import extract_claims  # loaded only when needed

            text = report_text(report)
            words = self.ledger.namer.lexicon()
            claims = tuple(extract_claims(text, published=report.published, **words))  # type: ignore[arg-type]
        # A revision is observed when it was made (or seen), not when the article first ran.
        observed_at = report.published if version == 1 else (report.updated or self.now)
        identity = f"{self.feed}\x1f{report.entry_id}"
        unjudged = headline_figures(claims, body_start(report))
        for claim in claims:
            speaker = claim.source or self.feed
            observation = Observation(claim, identity, version, speaker, observed_at)
            self._claim(observation, report_id, version_id, copy, headline=claim in unjudged)
            self.result.new_claims += 1

    def _claim(
        self,
        observation: Observation,
        report_id: int,
        version_id: int,
        copy: bool = False,
        *,
        headline: bool = False,
    ) -> None:
        """Judge a claim against the ledger of its key, store it, and record any change.
        A headline's figure is stored under its key alone, never judged (see
        `analyse.headline_figures`): the body's figures are the report's word."""
        claim = observation.claim
        key = claim.key.as_text()
        figure = None if headline else self.ledger.name_for(claim)
        # Historic and thing-less claims are stored but never judged (ledger rules 1, 1b); a
        # copy's figures are its origin's voice: stored for its sources, never judged again.
        followed = claim.as_of != "historic" and bool(claim.thing) and not copy and not headline
        # A duration's thing is its unit ("days"): unrelated spans, never one figure moving.
        followed = followed and (claim.kind != "duration" or figure is not None)
        identity = _identity(observation, key, figure) if followed else None
        decision, history = None, []
        if identity is not None:
            window = self.ledger.dispute_window
            name = figure if figure is not None else key
            history = self.rows.history(identity, name, observation, window, report_id)
            if _SPEAKER_SCOPE in identity:  # its own words only, in this report too
                mine = normalise_source(observation.source)
                history = [h for h in history if normalise_source(h[0].source) == mine]
            decision = decide(observation, [obs for obs, _ in history], dispute_window=window)
            if decision is None:  # another event's or a part's toll (ledger rule 1c)
                identity = figure = None
        claim_id = self.rows.add_claim(observation, report_id, version_id, key, figure, copy)
        if identity is not None:
            self.rows.remember_latest(identity, observation, claim_id)
            if any(o.observed_at > observation.observed_at for o, _ in history):
                self._rejudge_first_sighting(identity, figure or key, observation, report_id)
        if decision is None or decision.verdict == Verdict.CONFIRMED:
            return
        against = decision.against
        old_id = next((cid for obs, cid in history if obs is against), None)
        change_id = self.rows.add_change(
            claim_id, old_id, key, figure, decision.verdict.value, decision.within_margin,
            iso(self.now),
        )  # fmt: skip
        if decision.verdict in ALARMING:
            self.result.changes.append(
                FigureChanged(
                    change_id=change_id,
                    figure=figure or key,
                    verdict=decision.verdict,
                    old_value=describe_value(against.claim) if against else None,
                    new_value=describe_value(claim),
                    feed=self.feed,
                    within_margin=decision.within_margin,
                )
            )

    def _rejudge_first_sighting(
        self, identity: str, name: str, earlier: Observation, report_id: int
    ) -> None:
        """A word published before words already judged (feeds land in any order; a first
        poll brings a backlog) may show that a later "new" was no first sighting: judged
        again with it known, that later word becomes the change or dispute it was."""
        found = self.rows.first_sighting_after(identity, name, earlier, report_id)
        if found is None:
            return
        later, later_id, later_report, change_id = found
        window = self.ledger.dispute_window
        history = self.rows.history(identity, name, later, window, later_report, look_back=True)
        decision = decide(later, [obs for obs, _ in history], dispute_window=window)
        if decision is None or decision.verdict not in (Verdict.CHANGED, Verdict.DISPUTED):
            return
        old_id = next((cid for obs, cid in history if obs is decision.against), None)
        self.rows.update_change(
            identity, name, later_id, change_id, decision.verdict.value, old_id,
            decision.within_margin,
        )  # fmt: skip


_INSERT_VERSION = """INSERT INTO report_versions (report_id, version, title, text, content_hash,
    updated, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"""


def _identity(observation: Observation, key: str, figure: str | None) -> str | None:
    """The ledger `claim` is judged in, or None when it is not followed at all.

    An unnamed key with neither place nor actor ("count|deaths|casualty|-|-") would lump
    unrelated figures of the story together (one event's toll, another's, aid sums), so it is
    followed only within one named source's own words; unattributed, it is stored, never
    judged.
    """
    claim = observation.claim
    if figure is None and claim.place is None and claim.actor is None:
        if claim.source is None:
            return None
        return ledger_identity(key, None, claim.as_of, claim.source)
    return ledger_identity(key, figure, claim.as_of)

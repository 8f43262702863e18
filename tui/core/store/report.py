"""One report: every version with its figures (and their verdicts), and a word diff."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Literal

from tui.core.store.db import Store
from tui.core.store.refs import CLAIM_COLUMNS, display, key_label
from tui.core.store.timeline import ReportRow, report_rows


@dataclass(frozen=True, slots=True)
class VersionClaim:
    start: int
    end: int
    surface: str
    display: str
    figure: str
    source: str
    as_of: str
    verdict: str | None = None
    old_display: str | None = None


@dataclass(frozen=True, slots=True)
class ReportVersion:
    id: int
    version: int
    title: str
    text: str
    seen_at: str
    claims: tuple[VersionClaim, ...] = ()

    @property
    def body(self) -> str:
        """The text claim offsets point into (as `digest.report_text` builds it)."""
        return f"{self.title}\n\n{self.text}" if self.text else self.title


@dataclass(frozen=True, slots=True)
class ReportDetail:
    row: ReportRow
    author: str | None
    versions: tuple[ReportVersion, ...] = field(default_factory=tuple)


def report_detail(store: Store, report_id: int) -> ReportDetail | None:
    rows = store.query(
        """SELECT r.id, f.name AS feed, r.published, r.title, r.link, r.revisions, r.author
           FROM reports r JOIN feeds f ON f.id = r.feed_id WHERE r.id = ?""",
        (report_id,),
    )
    if not rows:
        return None
    versions = store.query(
        "SELECT id, version, title, text, seen_at FROM report_versions "
        "WHERE report_id = ? ORDER BY version",
        (report_id,),
    )
    return ReportDetail(
        row=report_rows(store, rows)[0],
        author=str(rows[0]["author"]) if rows[0]["author"] else None,
        versions=tuple(
            ReportVersion(
                int(str(v["id"])),
                int(str(v["version"])),
                str(v["title"]),
                str(v["text"]),
                str(v["seen_at"]),
                tuple(version_claims(store, int(str(v["id"])))),
            )
            for v in versions
        ),
    )


def version_claims(store: Store, version_id: int) -> list[VersionClaim]:
    rows = store.query(
        f"""SELECT {CLAIM_COLUMNS}, coalesce(c.figure, c.key) AS name
            FROM claims c WHERE c.version_id = ? ORDER BY c.start""",
        (version_id,),
    )
    if not rows:
        return []
    ids = [int(str(r["id"])) for r in rows]
    marks = ", ".join("?" for _ in ids)
    changes = store.query(
        f"""SELECT ch.claim_id, ch.verdict, {CLAIM_COLUMNS} FROM changes ch
            LEFT JOIN claims c ON c.id = ch.old_claim_id
            WHERE ch.claim_id IN ({marks})""",
        tuple(ids),
    )
    by_claim = {int(str(c["claim_id"])): c for c in changes}
    out = []
    for r in rows:
        change = by_claim.get(int(str(r["id"])))
        old = display(change) if change and change["id"] is not None else None
        out.append(
            VersionClaim(
                start=int(str(r["start"])),
                end=int(str(r["end"])),
                surface=str(r["surface"]),
                display=display(r),
                figure=key_label(str(r["name"])),
                source=str(r["speaker"]),
                as_of=str(r["as_of"]),
                verdict=str(change["verdict"]) if change else None,
                old_display=old,
            )
        )
    return out


def word_diff(old: str, new: str) -> list[tuple[Literal["same", "del", "ins"], str]]:
    """A word-level diff: runs of unchanged, deleted and inserted text (whitespace kept)."""
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    out: list[tuple[Literal["same", "del", "ins"], str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("replace", "delete"):
            out.append(("del", "".join(a[i1:i2])))
        if op in ("replace", "insert"):
            out.append(("ins", "".join(b[j1:j2])))
    return out

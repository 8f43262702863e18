"""Who says so: "according to the Pentagon", "Iraqi sources put the number at", ", X said".

Sources are normalised lightly: a leading article goes ("the Pentagon" -> "Pentagon"),
everything else keeps the report's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_TRAILING_TIME = re.compile(
    r"\s+(?:on|in|last|this|earlier|late|early|who|which|that|when|as|at|after|before)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_SUBJECT_BREAK = re.compile(
    r"[,;:()\"“”]|\b(?:while|whereas|and|but|that|as|who|which|when|because|although)\b"
)
_AUXILIARY = re.compile(r"\s+(?:have|has|had|will|would|also|previously|earlier|now)$")
_ANONYMOUS = re.compile(
    r"[a-z ]*(?:officials|sources|spokesman|spokeswoman|spokesperson|analysts|diplomats|"
    r"lawmakers|residents|witnesses|observers|monitors|experts|officers|commanders)"
)
# A dateline opens a paragraph: an all-caps place, maybe ", Iraq" or "(Reuters)", then a
# dash ("BAGHDAD — ", "ERBIL, Iraq - "; dashes are normalised to "-"). It says where the
# report was filed, never who says so.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+)*(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?"
    r"(?:\s*\([A-Za-z .&-]+\))?\s*-+\s*(?=[A-Z\"'“])"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "there"})


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    name: str


@cache
def _according_re() -> re.Pattern[str]:
    # Lower case, matched against the lower-cased text; the name is read from the original.
    return re.compile(r"\baccording\s+to\s+(?P<s>(?:u\.s\.|u\.n\.|[^,.;:!?()\n]){2,80})")


@cache
def _verb_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:said|says|say|reported|reports|report|told|estimated|estimates|estimate|"
        r"announced|announces|confirmed|confirms|claimed|claims|stated|states|counted|"
        r"(?:put|puts|placed|places)(?=\s+(?:the|their|its|that|this)\s+"
        r"(?:number|figure|total|toll|count|tally|estimate)|\s+it\s+at))\b"
    )


def _clean(name: str) -> str | None:
    name = _TRAILING_TIME.sub("", name).strip(" \t'\"“”‘’")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    name = " ".join(name.split())
    if not name or name.lower() in _PRONOUNS or any(ch.isdigit() for ch in name):
        return None
    if len(name.split()) > 8:
        return None
    return name


def find_sources(text: str, lowered: str) -> list[SourceMention]:
    """Every attribution in a window of text (`lowered`: ``lower_same_length(text)``)."""
    out: list[SourceMention] = []
    dateline = _DATELINE.match(text)
    body = dateline.end() if dateline else 0  # subjects never reach into the dateline
    for m in _according_re().finditer(lowered):
        name = _clean(text[m.start("s") : m.end("s")])
        if name:
            out.append(SourceMention(m.start(), m.end(), name))
    for m in _verb_re().finditer(text):
        head_start = max(body, m.start() - 80)
        if head_start > m.start():
            continue
        head = text[head_start : m.start()]
        breaks = list(_SUBJECT_BREAK.finditer(head))
        subject_start = head_start + (breaks[-1].end() if breaks else 0)
        subject = _AUXILIARY.sub("", text[subject_start : m.start()].rstrip())
        # The span starts at the subject's first word: it is what actor detection skips.
        span_start = subject_start + len(subject) - len(subject.lstrip())
        span_end = m.end()
        words = subject.split()
        name = None if len(words) > 6 or not words else _clean(subject)
        # "troops reported", "an estimated": a lower-case subject is rarely a source,
        # unless it is the anonymous kind news uses ("officials say").
        if name and name[0].islower() and not _ANONYMOUS.fullmatch(name):
            name = None
        if name is None and m.group().lower() == "said":
            after = re.match(r"\s+([^,.;:!?()\n]{2,60})", text[m.end() :])
            # ", said General Smith." — the inverted form, only after a comma.
            if after and head.rstrip().endswith(","):
                name = _clean(after.group(1))
                span_start, span_end = m.start(), m.end() + after.end()
        if name:
            out.append(SourceMention(span_start, span_end, name))
    return out

"""Sentence and paragraph spans, and boilerplate blocks, by fast regexes.

Why not pysbd: measured on this machine pysbd segments about 500 sentences/s, twenty
times below the 10,000 sentences/s budget, and only figures need a sentence at all. The
splitter here is one linear regex pass plus a look at the word before each full stop
(abbreviations like "U.S." or "Gen." do not end a sentence). It is wrong on rare cases
pysbd gets right (a sentence ending in an abbreviation), which costs little: a figure's
context is its own clause first, and the window around it is bounded anyway.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cpl",
        "adm",
        "st",
        "no",
        "vs",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
        "ltd",
        "jr",
        "sr",
        "rep",
        "sen",
        "gov",
        "pres",
        "prof",
        "fig",
        "al",
    ]
)
_BOILER_HEADER = re.compile(
    r"^[ \t]*(?:read\s+also|also\s+read|read\s+more|related(?:\s+(?:articles|stories|news))?|"
    r"more|see\s+also|more\s+on\s+this\s+story|recommended|you\s+may\s+also\s+like)"
    r"[ \t]*:[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_LINE = re.compile(r"[ \t]*(?:[-*•·▪►]|\d+[.)])[ \t]+\S")


@dataclass(frozen=True, slots=True)
class Spans:
    """Sentence starts/ends and the paragraph each sentence belongs to."""

    starts: list[int]
    ends: list[int]
    paragraph: list[int]

    def index_of(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)


def sentence_spans(text: str) -> Spans:
    """Split into sentences; a newline always ends a sentence and a blank line a paragraph.

    Single newlines also end a paragraph: feed bodies come with one paragraph per line.
    """
    starts: list[int] = []
    ends: list[int] = []
    paragraph: list[int] = []
    para = 0
    cursor = 0
    for m in _BOUNDARY.finditer(text):
        if m.group() != "\n":
            word_start = max(
                text.rfind(" ", cursor, m.start()), text.rfind("\n", cursor, m.start())
            )
            word = text[word_start + 1 : m.start()].lower().lstrip("(\"'")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        end = m.start() + 1 if m.group() != "\n" else m.start()
        if end > cursor:
            starts.append(cursor)
            ends.append(end)
            paragraph.append(para)
        if m.group() == "\n":
            para += 1
        cursor = m.end()
    if cursor < len(text) or not starts:
        starts.append(cursor)
        ends.append(len(text))
        paragraph.append(para)
    return Spans(starts, ends, paragraph)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "Read also:" / "Related:" blocks: the header line plus the list under it.

    A header with text after the colon ("Related: Iraq talks stall") is one line; a bare
    header takes every following list-item line (or, with no list markers, the rest of the
    text up to a blank line).
    """
    spans: list[tuple[int, int]] = []
    for m in _BOILER_HEADER.finditer(text):
        start, end = m.start(), m.end()
        bare = m.group().rstrip().endswith(":")
        while bare and end < len(text):
            nl = text.find("\n", end + 1)
            line_end = len(text) if nl < 0 else nl
            line = text[end + 1 : line_end]
            if not line.strip() or not (_LIST_LINE.match(line) or len(line) < 200):
                break
            end = line_end
        spans.append((start, end))
    return spans


def strip_boilerplate(text: str) -> str:
    """The text without its boilerplate blocks (offsets change: use for display only).

    ``extract_claims`` does not delete anything: it blanks these spans in a working copy, so
    every claim's offsets point into the caller's original text.
    """
    pieces: list[str] = []
    cursor = 0
    for start, end in boilerplate_spans(text):
        pieces.append(text[cursor:start])
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces).rstrip() + ("\n" if text.endswith("\n") else "")

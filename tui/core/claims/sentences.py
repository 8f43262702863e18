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

from tui.core.claims import rx

_BOUNDARY = rx.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
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
_BOILER_HEADER = rx.compile(
    r"^[ \t]*(?:read\s+also|also\s+read|read\s+more|most\s+read|"
    r"related(?:\s+(?:articles|stories|news))?|more|see\s+also|more\s+on\s+this\s+story|"
    r"recommended|you\s+may\s+also\s+like)"
    r"[ \t]*:[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_LINE = rx.compile(r"[ \t]*(?:[-*•·▪►]|\d+[.)])[ \t]+\S")
# After "a.m." or "p.m.", what shows the sentence goes on: a day, a zone, lower case.
_CLOCK_GOES_ON = rx.compile(
    r"\s*(?:[a-z(,]|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|UTC|"
    r"local|[A-Z]{2,4}T)\b)"
)
HEADLINE_MAX = 200  # characters; a longer line is a paragraph of the article
# A line ending like a sentence is prose, not a headline ("?" stays: headlines ask).
_SENTENCE_END = rx.compile(r"[.!][\"'”’)\]]*\s*$")


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
            if word in ("a.m", "p.m") and _CLOCK_GOES_ON.match(text, m.end()):
                continue  # "as of 9 a.m. Monday, according to ...": one sentence
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


def _is_headline(line: str) -> bool:
    """A line of a related-links list: a list item, or short with no sentence-final stop."""
    if _LIST_LINE.match(line):
        return True
    return len(line) < HEADLINE_MAX and not _SENTENCE_END.search(line)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "Read also:" / "Related:" blocks: the header line plus the list under it.

    A header with text after the colon ("Related: Iraq talks stall") is one line. A bare
    header ("Read also:") also takes the blank lines right after it (HTML renders
    ``<p>Read also:</p><ul>...`` as its own paragraph), then every following headline-like
    line (a list item, or a short line not ending like a sentence) up to a blank line or a
    line of prose. List items may sit one blank line apart (CRLF text normalises to that).
    """
    spans: list[tuple[int, int]] = []
    if ":" not in text:  # every header ends in a colon; most texts have none to scan for
        return spans
    size = len(text)
    for m in _BOILER_HEADER.finditer(text):
        start, end = m.start(), m.end()
        if not m.group().rstrip().endswith(":"):
            spans.append((start, end))
            continue
        # Blank lines directly after the header belong to it.
        while end < size:
            nl = text.find("\n", end + 1)
            line_end = size if nl < 0 else nl
            if text[end + 1 : line_end].strip():
                break
            end = line_end
        first = True
        while end < size:
            nl = text.find("\n", end + 1)
            line_end = size if nl < 0 else nl
            line = text[end + 1 : line_end]
            if not line.strip() and not first:
                # One blank line between list items is still the list.
                nl2 = text.find("\n", line_end + 1)
                following = text[line_end + 1 : size if nl2 < 0 else nl2]
                if not _LIST_LINE.match(following):
                    break
                end = line_end
                continue
            if not line.strip() or not _is_headline(line):
                break
            end = line_end
            first = False
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

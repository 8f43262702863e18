"""Making untrusted feed text safe and plain.

Feed text ends up in a terminal. Textual and Rich strip only a few control characters,
so ESC/OSC/CSI sequences, C1 controls, NULs and bidi overrides are removed here, once,
at ingest. HTML is turned into plain text with the standard library's tolerant parser;
script and style content is dropped, not shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape
from itertools import chain

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and the Unicode line/paragraph separators (they break terminal layouts).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]"
)
# A whole escape sequence, so that its printable tail ("[31m", "]0;title") goes too.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC, terminated by BEL or ST
    r"|\x1b[PX^_][^\x1b]{0,4096}(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # other two-byte sequences
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
# The runs `_SPACES` finds that folding changes: two or more, or one that is not " ".
# Replacing only those gives the same text for half the cost (most runs are one space).
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u3000"
_SPACE_RUNS = re.compile(rf"[{_ODD_SPACES}][ {_ODD_SPACES}]*| [ {_ODD_SPACES}]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# Whitespace (what `str.strip` strips) beside a line break: a line to strip. It opens with
# the line break, a literal the regex engine skips ahead to (most texts have none).
_RAGGED = re.compile(r"\n(?:[^\S\n]|(?<=[^\S\n]\n))")


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters; keep newlines and tabs."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text:  # every escape sequence opens with one of them
        text = _ESCAPE_SEQUENCE.sub("", text)
    # Every unsafe character is unprintable to Python: a text that is printable once its
    # newlines and tabs are set aside has none (most have none, and this check is cheap).
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """`clean_text` for one-line fields (titles, authors): whitespace runs become one space."""
    return _one_line(clean_text(text))


def html_to_line(html: str) -> str:
    """`clean_line(html_to_text(html))`, for titles: `html_to_text` gives clean text, and
    cleaning it again (a pass over it, and another for every control it had) finds nothing."""
    return _one_line(html_to_text(html))


def _one_line(clean: str) -> str:
    return _fold_spaces(clean.replace("\n", " ").replace("\t", " ")).strip()


# Tags that start a new paragraph (a blank line) and tags that start a new line.
_PARAGRAPH_TAGS = frozenset(
    (
        "p div ul ol h1 h2 h3 h4 h5 h6 blockquote table section article header footer pre hr "
        "figure figcaption aside dl"
    ).split()
)
_LINE_TAGS = frozenset(["br", "li", "tr", "dt", "dd"])
# Elements whose content is never shown as text (HTML's raw-text and inert elements).
# Not <object> or <svg>: their fallback and <title> text is meant to be read.
_RAW_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "iframe"})
# What a tag leaves in the text: a paragraph tag, opening or closing, a blank line; a line
# tag a line break when it opens (list items and rows end where the next one starts).
_CLOSING_BREAKS = dict.fromkeys(_PARAGRAPH_TAGS, "\n\n")
_OPENING_BREAKS = {**dict.fromkeys(_LINE_TAGS, "\n"), **_CLOSING_BREAKS}
# Where a raw-text element may open (see `_reduce_tokenwise`). A tag name in `_MARKUP` is
# the longest run of name characters, so a tag that opens one is found here.
_RAW_TEXT_OPENING = re.compile(
    rf"<(?:{'|'.join(sorted(_RAW_TEXT_TAGS))})(?![a-zA-Z0-9-])", re.IGNORECASE
)


# One token of markup: a tag (attribute values may hold ">"), a comment (an unclosed one
# runs to the end, as in a browser), or a declaration / processing instruction. Every
# alternative is linear: no nested quantifiers over overlapping characters.
_MARKUP = re.compile(
    r"""<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>"""
    r"|<!--.*?(?:-->|\Z)"
    r"|<[!?][^>]*>",
    re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    # "<!--" with no ">" opens a comment that runs to the end, as in a browser.
    return ("<" in text and (">" in text or "<!--" in text)) or "&" in text


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags removed, blocks as lines, scripts dropped.

    Regexes rather than `html.parser`: several times faster, and HTML reduction was a
    quarter of a feed's parse time. Feed HTML is fragments, not pages.
    """
    if not looks_like_html(html):
        return _tidy(clean_text(html))
    if _RAW_TEXT_OPENING.search(html):
        return _tidy(clean_text(_reduce_tokenwise(html)))
    # Without a script or style body to skip, `_MARKUP.split` cuts the text at the very
    # tokens a left-to-right search finds, in C: [text, slash, name, text, ...].
    pieces = _MARKUP.split(html)
    texts, slashes, names = pieces[::3], pieces[1::3], pieces[2::3]
    if "&" not in html:
        return _tidy(clean_text(_joined(texts, _breaks(slashes, names, ""))))
    if "\x00" in html:  # NUL is the joint below: keep each text's entities apart
        return _tidy(clean_text(_joined(map(unescape, texts), _breaks(slashes, names, ""))))
    # One `unescape` over the whole text, not one per piece. A removed tag leaves a NUL,
    # so that no entity forms across it ("&am<b>p;" is not "&"): no entity name holds a
    # NUL or a newline. The NULs go at once (`clean_text` would drop them anyway).
    joined = unescape(_joined(texts, _breaks(slashes, names, "\x00")))
    return _tidy(clean_text(joined.replace("\x00", "")))


def _breaks(slashes: list[str | None], names: list[str | None], joint: str) -> list[str]:
    """What each token leaves in the text: a blank line, a line break, or `joint`
    (a comment or declaration has neither slash nor name)."""
    return [
        (_OPENING_BREAKS if slash == "" else _CLOSING_BREAKS).get((name or "").lower(), joint)
        for slash, name in zip(slashes, names, strict=True)
    ]


def _joined(texts: Iterable[str], breaks: list[str]) -> str:
    """texts[0] + breaks[0] + texts[1] + ...: one text more than breaks."""
    parts = iter(texts)
    return "".join(chain((next(parts),), *zip(breaks, parts, strict=False)))


def _reduce_tokenwise(html: str) -> str:
    """The text of `html` token by token, skipping script and style bodies whole."""
    parts: list[str] = []
    cursor = 0
    while (token := _MARKUP.search(html, cursor)) is not None:
        parts.append(unescape(html[cursor : token.start()]))
        cursor = token.end()
        name = (token.group(2) or "").lower()
        closing = token.group(1) == "/"
        if name in _RAW_TEXT_TAGS and not closing:
            # Script and style bodies are raw text up to their end tag, never shown.
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, cursor)
            cursor = end.end() if end else len(html)
        elif name in _PARAGRAPH_TAGS:
            parts.append("\n\n")
        elif name in _LINE_TAGS and not closing:
            # List items and rows end where the next one starts: no blank line between.
            parts.append("\n")
    parts.append(unescape(html[cursor:]))
    return "".join(parts)


def _fold_spaces(text: str) -> str:
    """`_SPACES.sub(" ", text)`, skipped when nothing would change (the usual case)."""
    odd = ("\t",) if text.isascii() else _ODD_SPACES
    if "  " in text or any(space in text for space in odd):
        return _SPACE_RUNS.sub(" ", text)
    return text


def _tidy(text: str) -> str:
    text = _fold_spaces(text)
    if _RAGGED.search(text):  # else no line but the first and last has spaces to strip
        text = "\n".join([line.strip() for line in text.split("\n")])
    # The first line's start and the last one's end are the text's: stripped here.
    return _BLANK_LINES.sub("\n\n", text).strip()

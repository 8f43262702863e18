"""Untrusted feed text is made plain and terminal-safe at ingest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core import text as text_module
from tui.core.text import clean_line, clean_text, html_to_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("plain", "plain", id="plain"),
        pytest.param("a\x1b[31mred\x1b[0m", "ared", id="csi-colour"),
        pytest.param("x\x1b]0;pwned title\x07y", "xy", id="osc-window-title"),
        pytest.param(
            "x\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\", "xlink", id="osc8-link"
        ),
        pytest.param("nul\x00byte", "nulbyte", id="nul"),
        pytest.param("c1\x9b31mcontrol\x85", "c1control", id="c1"),
        pytest.param("bidi\u202eevil\u202c", "bidievil", id="bidi-override"),
        pytest.param("iso\u2066late\u2069", "isolate", id="bidi-isolate"),
        pytest.param("keeps\ttab\nand newline", "keeps\ttab\nand newline", id="keeps-tab-newline"),
        pytest.param("crlf\r\nline", "crlf\nline", id="crlf"),
        pytest.param("[bold]not markup[/]", "[bold]not markup[/]", id="brackets-kept-literal"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_line_folds_whitespace() -> None:
    assert clean_line("  a\n\tb \u00a0 c ") == "a b c"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<p>One</p><p>Two</p>", "One\n\nTwo", id="paragraphs"),
        pytest.param("a<br>b", "a\nb", id="br"),
        pytest.param(
            "<p>Read also:</p><ul><li>One</li><li>Two</li></ul><p>After</p>",
            "Read also:\n\nOne\nTwo\n\nAfter",
            id="list-items-are-lines",
        ),
        pytest.param("<script>alert(1)</script>safe", "safe", id="script-dropped"),
        pytest.param("<style>p{}</style>text", "text", id="style-dropped"),
        pytest.param("2&#44;500 &amp; more", "2,500 & more", id="entities"),
        pytest.param("<b>bold</b> <i>it</i>", "bold it", id="inline"),
        pytest.param("no html at all", "no html at all", id="plain"),
        pytest.param("<p>unclosed <b>tags", "unclosed tags", id="unclosed"),
        pytest.param("a < b and c > d", "a < b and c > d", id="bare-angles"),
        pytest.param('<a title="x>y" href="/">link</a> after', "link after", id="quoted-gt"),
        pytest.param("before<!-- hidden <p>x</p> -->after", "beforeafter", id="comment"),
        pytest.param("kept<!-- never closed <p>gone", "kept", id="unclosed-comment"),
        pytest.param("A<BR/>B<P>C</P>", "A\nB\n\nC", id="uppercase-and-self-closing"),
        pytest.param("<script>if (a<b) { x = '</div>'; }</script>ok", "ok", id="script-with-tags"),
        pytest.param("<!DOCTYPE html>y<?php echo 1 ?>z", "yz", id="declarations"),
        pytest.param("<SCRIPT>never</Script >shown<style>p{}", "shown", id="unclosed-style"),
        pytest.param("safe<object data=x>fallback text", "safefallback text", id="object-fallback"),
        pytest.param("&lt;b&gt;no tag&lt;/b&gt;", "<b>no tag</b>", id="escaped-tags-stay-text"),
        pytest.param("&am<b>p; &amp<i>;", "&amp; &;", id="no-entity-across-a-tag"),
        pytest.param("n\x00ul &am<b>p;", "nul &amp;", id="no-entity-across-a-tag-beside-a-nul"),
        pytest.param("&lt<br>x&#65<p>5;", "<\nxA\n\n5;", id="entities-before-breaks"),
        pytest.param("<p> a </p>\n <p>\u202fb\u3000</p>", "a\n\nb", id="spaces-around-lines"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


@given(st.text(alphabet="<>/ab &;!-'\"pscript\n", max_size=200))
def test_html_to_text_never_raises_and_drops_no_plain_letters(html: str) -> None:
    text = html_to_text(html)
    assert "\x1b" not in text
    if "<" not in html and "&" not in html:
        assert text.replace("\n", "").replace(" ", "") == html.replace("\n", "").replace(" ", "")


@given(st.text(alphabet="<>/ab &;#1!-'\"\x00plibr\n\u202f", max_size=200))
def test_html_to_text_reads_as_a_token_by_token_reduction(html: str) -> None:
    """The split into tokens (and one `unescape`) gives what reading token by token does."""
    reference = text_module._tidy(text_module.clean_text(text_module._reduce_tokenwise(html)))
    assert html_to_text(html) == reference


@given(st.text(alphabet="ab \n\t\u00a0\u1680\u2009\u202f\u3000", max_size=60))
def test_tidy_strips_every_line(raw: str) -> None:
    folded = text_module._SPACES.sub(" ", raw)
    lines = "\n".join(line.strip() for line in folded.split("\n"))
    assert text_module._tidy(raw) == text_module._BLANK_LINES.sub("\n\n", lines).strip()


def test_html_to_text_is_linear_on_hostile_markup() -> None:
    hostile_inputs = (
        "<a " + '"' * 200_000,
        "<!--" * 100_000,
        "<p" * 200_000,
        "<" * 300_000,
        "<script>" * 100_000,
    )
    for hostile in hostile_inputs:
        html_to_text(hostile)  # each finishes in well under a second; a regex blow-up would not


# A carriage return is a line break, not removed (see "crlf" above).
_UNSAFE_CHARS = [
    char for char in map(chr, range(0x110000)) if text_module._UNSAFE.match(char) and char != "\r"
]


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_every_unsafe_character_is_removed_from_ordinary_text(where: str) -> None:
    """`clean_text` skips its removal for printable text: each unsafe character, alone in
    otherwise ordinary (and non-ASCII) prose, must still make it run."""
    # Each insertion point is before a curly quote, which continues no escape sequence.
    prose = "\u201cAbout 1,200\u201d were moved, \u201cofficials\u201d said.\nMore\tlater"
    cut = prose.index("\u201cofficials")
    for char in _UNSAFE_CHARS:
        raw = {
            "start": char + prose,
            "middle": prose[:cut] + char + prose[cut:],
            "end": prose + char,
        }
        assert clean_text(raw[where]) == prose, repr(char)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("one space only", id="single spaces: nothing to fold"),
        pytest.param("two  spaces", id="a double space"),
        pytest.param("tab\there", id="a tab"),
        pytest.param("non\u00a0breaking and  \u3000 ideographic", id="non-ASCII spaces"),
        pytest.param("caf\u00e9 \u2009thin", id="non-ASCII text, a thin space after a space"),
        pytest.param("caf\u00e9 plain", id="non-ASCII text, single spaces"),
        pytest.param(" \u200b ", id="a zero-width space between spaces"),
    ],
)
def test_space_folding_shortcut_is_the_plain_substitution(raw: str) -> None:
    assert text_module._fold_spaces(raw) == text_module._SPACES.sub(" ", raw)

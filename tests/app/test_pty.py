"""The real `storywatch` in a pseudo-terminal, polling a feed full of terminal escapes.

Issue 6: "a pty capture of the running app contains no escape byte that came from a feed".
The feed's title and text carry an OSC window-title change, an OSC 8 hyperlink to a local
file, a clear-screen CSI, an 8-bit CSI, NUL, a bidi override and Textual markup. Textual
itself writes plenty of escape sequences, so the assertions look only for the feed's own.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

ROOT = Path(__file__).resolve().parents[2]
WORD = "Zanzibarquux"  # distinctive plain words: proof the hostile report reached the screen
BODY_WORD = "Quuxbody"
OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_LINK = "\x1b]8;;file:///etc/passwd\x1b\\"
HOSTILE = (
    f"{OSC_TITLE}{OSC_LINK}passwd\x1b]8;;\x1b\\ \x1b[2J \x9b31m \x00 \u202e [@click=app.quit]y[/]"
)
TITLE = f"{WORD} troops leave Iraq {HOSTILE} end"
TEXT = f"{BODY_WORD}: about 2,500 US troops remain in Iraq, officials said. {HOSTILE}"

CONFIG = """\
[story]
title = "US troop withdrawal from Iraq"
keywords = ["Iraq", "troops"]

[[feeds]]
name = "Hostile Wire"
url = "{url}"

[[figures]]
name = "US troops in Iraq"
things = ["troops"]
places = ["Iraq"]
actors = ["US"]
"""


def feed_xml() -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Hostile Wire</title><link>https://example.org/</link>"
        f"<item><guid>hostile-1</guid><title>{TITLE}</title>"
        "<link>https://example.org/hostile-1</link>"
        f"<description>{TEXT}</description>"
        "<pubDate>Wed, 04 Sep 2024 10:00:00 GMT</pubDate></item>"
        "</channel></rss>\n"
    ).encode()


def read_for(fd: int, seconds: float, until: bytes | None = None) -> tuple[bytes, bool]:
    """Read the pty for up to `seconds` (stopping early once `until` is seen);
    returns the bytes and whether the other end closed."""
    out = bytearray()
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], min(left, 0.2))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return bytes(out), True
        if not chunk:
            return bytes(out), True
        out += chunk
        if until is not None and until in out:
            break
    return bytes(out), False


def test_pty_capture_has_no_escape_sequence_from_the_feed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(feed_xml())
    config = tmp_path / "feeds.toml"
    config.write_text(CONFIG.format(url=feed), encoding="utf-8")
    db = tmp_path / "sw.db"

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("NO_COLOR", None)
    env.update(TERM="xterm-256color", COLUMNS="120", LINES="40", TZ="UTC")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,  # the pty becomes its controlling terminal
        close_fds=True,
    )
    os.close(slave)
    try:
        # The first poll runs at start: wait until the report's title is on screen.
        shown, closed = read_for(master, 30, until=WORD.encode())
        assert not closed, shown.decode("utf-8", "replace")[-2000:]
        assert WORD.encode() in shown, "the hostile report never appeared"
        seen_at = time.monotonic() - started
        more, closed = read_for(master, 2)  # a couple more refreshes of the same screen
        assert not closed and process.poll() is None
        os.write(master, b"q")
        rest, _ = read_for(master, 15)
        code = process.wait(timeout=15)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
    output = shown + more + rest
    (tmp_path / "capture.bin").write_bytes(output)  # for a look when it fails
    text = output.decode("utf-8", "replace")

    assert code == 0, text[-2000:]
    # The feed's payloads, as bytes or as decoded characters, never reach the terminal.
    assert not re.search(r"\x1b\][0-2];[^\x07\x1b]*PWNED", text)
    assert "PWNED" not in text  # not even as the visible tail of a broken sequence
    assert "]8;;file:///etc/passwd" not in text
    assert "\x9b" not in text  # U+009B, the 8-bit CSI (Textual writes only 7-bit ESC [)
    assert "\u202e" not in text
    assert "\x00" not in text
    # The plain words of the report did reach the screen, with the markup left literal.
    assert WORD in text
    assert "[@click=app.quit]y[/]" in text
    print(
        f"\npty: title on screen after {seen_at:.1f} s; {len(output)} bytes captured; "
        f"exit status {code}"
    )

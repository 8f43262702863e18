"""The figure worker: a child process that reads figures while the poller parses and writes.

Reading figures is most of a first poll's CPU, and the poller's own process is busy with
parsing and judging/storing; this process runs the extractor on the other core.
`python -P -m tui.core.figure_worker PARENT_PID` reads requests from stdin and answers on
stdout, in order, one frame each (4-byte big-endian length + pickle):

    request: (request id, "figures", (FigureWords, [(text, published), ...]))
             (request id, "analyse", (body, headers, analyse_feed's keywords))
    answer:  (request id, [claims of each text, ...] or the AnalysedFeed | None,
              the exception | None)

"analyse" is a whole feed (parse, story filter, revision keys and figures): the poller
hands it over when it is the busier of the two (its writer is behind).

It imports only the models, the extractor and the parser (no pydantic, httpx, SQLite or
Textual), and dies with its parent (PR_SET_PDEATHSIG): a poller killed mid-poll leaves
nothing behind. EOF on stdin ends it.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from datetime import datetime
from typing import Any, BinaryIO

from tui.core.figure_reader import FigureWords, reader_for
from tui.core.models import Claim
from tui.core.parent_death import die_with_parent

HEADER = struct.Struct(">I")


def frame(payload: bytes) -> bytes:
    return HEADER.pack(len(payload)) + payload


def _read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (size,) = HEADER.unpack(head)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def _figures(words: FigureWords, texts: list[tuple[str, datetime]]) -> list[tuple[Claim, ...]]:
    reader = reader_for(words)
    return [reader.of(text, published) for text, published in texts]


def _analyse(body: bytes, headers: dict[str, str], kwargs: dict[str, Any]) -> object:
    from tui.core.analyse import analyse_feed  # only once the poller hands feeds over

    return analyse_feed(body, headers, **kwargs)


def _answer(payload: bytes) -> bytes:
    request_id, kind, args = pickle.loads(payload)
    try:
        result = _figures(*args) if kind == "figures" else _analyse(*args)
        answer: tuple[object, ...] = (request_id, result, None)
    except Exception as exc:  # the poller reports it as that feed's error
        answer = (request_id, None, exc)
    try:
        return pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its words still travel
        error = RuntimeError(f"{type(answer[2]).__name__}: {answer[2]}")
        return pickle.dumps((request_id, None, error), pickle.HIGHEST_PROTOCOL)


def main(argv: list[str]) -> int:
    die_with_parent(int(argv[1]))
    # Answers go to a copy of stdout; fd 1 itself goes to stderr, so a stray print (a
    # library's warning) cannot corrupt the frames.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    while (payload := _read_frame(requests)) is not None:
        answers.write(frame(_answer(payload)))
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

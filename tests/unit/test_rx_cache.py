"""rx: the compiled patterns' cache file, and what happens when it is bad."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.core.claims import cache_files, rx
from tui.core.claims import gazetteer as gz

PATTERNS = [
    (r"(?P<n>\d{1,3}(?:,\d{3})+)\s+(?:troops|soldiers)\b", 0),
    (r"\bthe\s+pentagon\b", re.IGNORECASE),
    (r"^(?:about|some)\s", re.MULTILINE),
    (r"(?<![\w-])(?:al-)?anbar(?![\w-])", 0),
]
TEXT = "About 2,500 troops remain, the Pentagon said.\nsome 300 soldiers left al-Anbar."


def _compile_all(programs: rx.Programs) -> list[re.Pattern[str]]:
    return [programs.compile(p, f) for p, f in PATTERNS]


def _same_as_re(compiled: list[re.Pattern[str]]) -> None:
    for pattern, (source, flags) in zip(compiled, PATTERNS, strict=True):
        fresh = re.compile(source, flags)
        assert pattern == fresh and pattern.flags == fresh.flags
        assert pattern.groupindex == fresh.groupindex and pattern.groups == fresh.groups
        found = [m.span() for m in pattern.finditer(TEXT)]
        assert found == [m.span() for m in fresh.finditer(TEXT)]


def _saved(path: Path) -> dict[tuple[str, int], rx.Program]:
    return rx.read(path.read_bytes(), rx.build_key())[0]


def test_programs_are_saved_then_used(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "regex-x.marshal"
    first = rx.Programs(path)
    _same_as_re(_compile_all(first))
    assert not path.exists(), "written at the end of the process, not per pattern"
    first.save()
    assert set(_saved(path)) == {(p, int(f)) for p, f in PATTERNS}

    second = rx.Programs(path)
    compiled = _compile_all(second)
    _same_as_re(compiled)
    written = path.stat().st_mtime_ns
    second.save()
    assert path.stat().st_mtime_ns == written, "nothing new: the file is left alone"


def test_a_hit_does_not_compile_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regex-x.marshal"
    first = rx.Programs(path)
    _compile_all(first)
    first.save()

    def refuse(pattern: str, flags: int = 0) -> re.Pattern[str]:
        raise AssertionError(f"compiled again: {pattern}")

    with monkeypatch.context() as patched:
        patched.setattr(re, "compile", refuse)
        compiled = _compile_all(rx.Programs(path))
    _same_as_re(compiled)


def _written(path: Path) -> bytes:
    programs = rx.Programs(path)
    _compile_all(programs)
    programs.save()
    return path.read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[:-7], id="truncated"),
        pytest.param(lambda b: b[:-40] + bytes([b[-40] ^ 1]) + b[-39:], id="one-bit-flipped"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b"{}", id="not-ours"),
        pytest.param(lambda b: b[:20], id="header-only"),
        pytest.param(lambda b: rx.dump({}, "Python 2.7"), id="other-python"),
        pytest.param(lambda b: rx.dump([1, 2], rx.build_key()), id="not-a-dict"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_file_is_ignored_and_replaced(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "regex-x.marshal"
    path.write_bytes(damage(_written(path)))  # type: ignore[operator]
    programs = rx.Programs(path)
    _same_as_re(_compile_all(programs))
    programs.save()
    assert len(_saved(path)) == len(PATTERNS), "the bad file was replaced"


def test_a_bad_program_in_a_whole_file_falls_back(tmp_path: Path) -> None:
    # A file that is whole and of this Python but whose programs are not (a bug, or a
    # hand edit): each is checked by the engine when used, and compiled anew.
    path = tmp_path / "regex-x.marshal"
    (first, flags), (second, second_flags) = PATTERNS[0], PATTERNS[1]
    bad: dict[tuple[str, int], rx.Program] = {
        (first, flags): (0, [1, 2, 3], 0, {}, ()),  # code the engine refuses
        (second, int(second_flags)): "nonsense",  # type: ignore[dict-item]
    }
    path.write_bytes(rx.dump(bad, rx.build_key()))
    _same_as_re(_compile_all(rx.Programs(path)))


def test_another_python_reads_another_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache_files.CACHE_ENV, "/somewhere")
    here = rx.Programs().path()
    assert here.parent == Path("/somewhere") and here.name.startswith("regex-")
    monkeypatch.setattr(sys, "version", "3.99.0 (other build)")
    assert rx.Programs().path() != here
    assert rx.read(rx.dump({}, rx.build_key()), "3.99.0 (other build)") == ({}, {})


def test_an_unwritable_cache_dir_only_means_compiling(tmp_path: Path) -> None:
    # A regular file where the cache directory should be: mkdir fails even for root.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    programs = rx.Programs(blocker / "regex-x.marshal")
    _same_as_re(_compile_all(programs))
    programs.save()
    assert list(tmp_path.iterdir()) == [blocker]


def test_debug_patterns_are_not_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "regex-x.marshal"
    programs = rx.Programs(path)
    programs.compile(r"a+", re.DEBUG)  # prints its program every time it is compiled
    programs.compile(r"\w+", re.ASCII)
    programs.save()
    assert capsys.readouterr().out
    assert set(_saved(path)) == {(r"\w+", int(re.ASCII))}


def test_the_file_keeps_this_process_patterns_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Why: an edited pattern leaves its old program in the file; the file must not grow
    # without bound, and what the code compiles now must be what stays.
    monkeypatch.setattr(rx, "MAX_PROGRAMS", 3)
    path = tmp_path / "regex-x.marshal"
    old = rx.Programs(path)
    for word in ("alpha", "beta", "gamma"):
        old.compile(word)
    old.save()
    now = rx.Programs(path)
    now.compile("delta")
    now.compile("alpha")
    now.save()
    assert list(_saved(path)) == [("delta", 0), ("alpha", 0), ("beta", 0)]


def test_stale_files_of_other_pythons_go(tmp_path: Path) -> None:
    old = tmp_path / "regex-oldpython.marshal"
    old.write_bytes(b"x")
    long_ago = time.time() - cache_files.STALE_AFTER - 60
    os.utime(old, (long_ago, long_ago))
    programs = rx.Programs(tmp_path / "regex-new.marshal")
    programs.compile("x+")
    programs.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["regex-new.marshal"]


def test_a_second_extractor_start_compiles_nothing(tmp_path: Path) -> None:
    # The whole extractor, in fresh processes: the first writes the file at exit, the
    # second finds every pattern in it (so it writes nothing), and both extract the same.
    code = (
        "from tui.core.claims import extract_claims, rx\n"
        "claims = extract_claims('About 2,500 US troops remain in Iraq, the Pentagon said.')\n"
        "p = rx._PROGRAMS\n"
        "print(sum(k not in (p._loaded or {}) for k in p._used), repr(claims))\n"
    )
    env = {**os.environ, cache_files.CACHE_ENV: str(tmp_path)}
    index = gz.cache_path()  # the gazetteer's, built by an earlier test or built here
    if not index.is_file():
        gz.load(index)
    shutil.copy(index, tmp_path / index.name)

    def run() -> tuple[int, str]:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout
        missed, claims = out.split(" ", 1)
        return int(missed), claims

    first_missed, first_claims = run()
    assert first_missed > 200
    second_missed, second_claims = run()
    assert second_missed == 0 and second_claims == first_claims


def _shout(pattern: str, flags: int) -> str:
    return pattern.upper()


def test_a_derived_text_is_kept_under_its_tag(tmp_path: Path) -> None:
    path = tmp_path / "regex-x.marshal"
    made: list[str] = []

    def make(pattern: str, flags: int) -> str:
        made.append(pattern)
        return _shout(pattern, flags)

    first = rx.Programs(path)
    assert first.derived("shout 1", "abc", 0, make) == "ABC"
    first.save()
    second = rx.Programs(path)
    assert second.derived("shout 1", "abc", 0, make) == "ABC"
    assert made == ["abc"], "read from the file, not made again"
    assert second.derived("shout 2", "abc", 0, make) == "ABC"
    assert made == ["abc", "abc"], "another tag (the rewriting changed): made again"


def test_a_derived_text_of_the_wrong_type_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "regex-x.marshal"
    bad = {("shout 1", "abc", 0): 42}
    path.write_bytes(rx.dump({}, rx.build_key(), bad))  # type: ignore[arg-type]
    assert rx.Programs(path).derived("shout 1", "abc", 0, _shout) == "ABC"

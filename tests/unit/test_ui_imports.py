"""The dashboard's import structure: screens and widgets are given what they need.

Screens and widgets once reached into the App (`self.app` cast to `StorywatchApp` with
`type: ignore`), which tied 11 modules into one import circle. They now get a typed
`ScreenContext` and post messages up; these tests keep it that way. Every import counts,
those under `if TYPE_CHECKING:` and inside functions included: a circle there is still one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TUI = ROOT / "tui"
# Only the App wires things together: nothing it is made of may import it back.
APP_SIDE = {"tui.app", "tui.launch", "tui.polling", "tui.database", "tui.exporting"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in TUI.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if not name.startswith("tui.core"):  # the core never imports Textual (tested apart)
            found[name] = path
    return found


def _imports(path: Path, known: set[str]) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        out.update(n for n in names if n in known)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, set(modules)) - {name} for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative enough)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_dashboard_modules_import_no_circle() -> None:
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_circle() -> None:
    """The finder itself can fail: a made-up circle of three is found."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [{"a", "b", "c"}]


@pytest.mark.parametrize(
    "package",
    [
        "tui.screens",  # screens get a ScreenContext, not the App
        "tui.widgets",  # widgets get callbacks and protocol objects from their screen
        "tui.commands",  # the palette gets PaletteActions
        "tui.context",  # the protocols themselves
        "tui.messages",
        "tui.notify",  # gets the App as Textual's App and the settings
    ],
)
def test_screens_and_widgets_do_not_import_the_app(package: str) -> None:
    graph = _graph()
    inside = [m for m in graph if m == package or m.startswith(package + ".")]
    assert inside, f"no modules under {package}"
    reaching = {m: sorted(graph[m] & APP_SIDE) for m in inside if graph[m] & APP_SIDE}
    assert reaching == {}


def test_no_type_ignore_to_reach_the_app() -> None:
    """`self.app` is Textual's `App`: a cast to ours needed `type: ignore`. None are left in
    screens, widgets or the palette."""
    files = [*(TUI / "screens").glob("*.py"), *(TUI / "widgets").glob("*.py")]
    files.append(TUI / "commands.py")
    ignored = [
        f"{path.name}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line
    ]
    assert ignored == []

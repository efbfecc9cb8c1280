"""The package's shape: no import cycles between modules, and the field registry depends on no stage.

Imports inside functions count too: a cycle hidden in a function body is still a cycle (it was how
`serve/sqlite.py` and `serve/metadata.py` used each other before the build tables moved to the registry).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> dict[str, Path]:
    """Every module of `yanglao` and of the flows (installed as `yanglao_flows`), by dotted name."""
    out = {}
    for path in [*(ROOT / "yanglao").rglob("*.py"), *(ROOT / "flows").glob("*.py")]:
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[0] == "flows":
            parts[0] = "yanglao_flows"
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `path` imports, anywhere in the file (a package counts as its __init__)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in modules else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in modules}


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports (itself left out)."""
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules, or None (depth-first search with three colours)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles_between_modules():
    cycle = _cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_field_registry_depends_on_no_stage():
    assert import_graph()["yanglao.fields"] <= {"yanglao", "yanglao.vocabulary"}


#: Uses of a later stage's helper, each for a reason (listed so that a new one is a decision, not a drift).
LATER_STAGE_USES = {
    # Listing pages are decoded like documents (header charset, <meta charset>, charset-normalizer).
    ("yanglao.acquire.discover", "yanglao.parse.pages"),
    # ... and so are fetched bodies, to tell a footer-only change from a new document.
    ("yanglao.acquire.snapshots", "yanglao.parse.pages"),
    # Each worker checks the rows it extracted against the schema before sending them back.
    ("yanglao.extract.pool", "yanglao.publish.validate"),
    # ... and gives them their document's place, as the release does for rows kept from an older one.
    ("yanglao.extract.pool", "yanglao.publish.places"),
}


def test_stage_packages_use_later_stages_only_where_listed():
    """acquire → parse → extract → publish → serve: a stage imports itself and earlier ones, else it is listed."""
    order = ["acquire", "parse", "extract", "publish", "serve"]

    def stage(module: str) -> int | None:
        parts = module.split(".")
        return order.index(parts[1]) if len(parts) > 1 and parts[1] in order else None

    later = {
        (module, other)
        for module, imported in import_graph().items()
        for other in imported
        if stage(module) is not None and stage(other) is not None and stage(other) > stage(module)
    }
    assert later == LATER_STAGE_USES

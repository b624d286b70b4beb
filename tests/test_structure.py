"""The package's import graph has no circle (module-level and function-level imports alike): stages import the
stages before them and the shared value types below them, never the other way round."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "cqdt_check"


def import_graph() -> dict[str, set[str]]:
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
               for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in _executed_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                for candidate in (target, *(f"{target}.{alias.name}" for alias in node.names)):
                    if candidate in modules and candidate != name:
                        graph[name].add(candidate)
    return graph


def _executed_imports(tree: ast.AST) -> list[ast.ImportFrom]:
    """Every `from … import` a run can execute, at any depth: those under `if TYPE_CHECKING:` are for the type
    checker only and never run, so they make no circle."""
    found: list[ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_import_graph_has_no_circle():
    assert circles(import_graph()) == []


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_validation_never_imports_schema_generation():
    assert "cqdt_check.schemagen" not in import_graph()["cqdt_check.schema"]


def test_each_shared_concept_is_defined_once():
    """One definition per concept: a legal basis, a bilingual text, the frozen model base, a "did you mean", a place
    in a file — copies of these once gave different answers (two Basis types, three hint helpers)."""
    from collections import Counter

    defined = Counter(node.name for path in PACKAGE.rglob("*.py")
                      for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.ClassDef))
    for concept in ("Basis", "Text", "Frozen", "Hint", "Location", "ToolError", "LegalTime"):
        assert defined[concept] == 1, (concept, defined[concept])
    assert not any(defined[name] for name in ("LocalText", "_Hint", "_Frozen"))

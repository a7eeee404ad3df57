"""No import cycle anywhere in `reviewer/`: between modules, nor between the subpackages of any package (grimp)."""

from __future__ import annotations

import grimp

ROOT = "reviewer"


def _module_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:  # iterative, so a deep import chain does not hit the recursion limit
        nonlocal counter
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
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
                continue
            if not child.startswith(ROOT):
                continue
            if child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])

    for module in sorted(graph.modules):
        if module.startswith(ROOT) and module not in index:
            visit(module)
    return found


def test_no_module_is_in_an_import_cycle():
    graph = grimp.build_graph(ROOT)
    assert _module_cycles(graph) == []


def test_no_two_subpackages_of_a_package_import_each_other():
    graph = grimp.build_graph(ROOT)
    packages = sorted(m for m in graph.modules if m.startswith(ROOT) and graph.find_children(m))
    breakers = {package: graph.nominate_cycle_breakers(package) for package in packages}
    assert {package: sorted(found) for package, found in breakers.items() if found} == {}

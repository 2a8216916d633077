"""The shape of the package: stage layers (import-linter), no import cycle, small modules."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "storyline"
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(tmp_path: Path, src_root: Path) -> subprocess.CompletedProcess:
    """Run import-linter with the project's contract over the package under `src_root`."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    lines = [f'root_package = "{config["root_package"]}"']
    for c in config["contracts"]:
        layers = ", ".join(f'"{x}"' for x in c["layers"])
        lines += ["[[contracts]]", f'name = "{c["name"]}"', f'type = "{c["type"]}"', f"layers = [{layers}]"]
    cfg = tmp_path / "importlinter.toml"
    cfg.write_text("[tool.importlinter]\n" + "\n".join(
        ln if not ln.startswith("[[") else "[[tool.importlinter.contracts]]" for ln in lines) + "\n")
    return subprocess.run([str(LINT), "--config", str(cfg), "--no-cache"], capture_output=True, text=True,
                          cwd=tmp_path, env={"PYTHONPATH": str(src_root), "PATH": "/usr/bin:/bin"})


def test_layers_are_kept(tmp_path):
    r = _lint(tmp_path, SRC.parent)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 kept, 0 broken" in r.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(SRC, copy / "storyline", ignore=shutil.ignore_patterns("__pycache__", "data"))
    target = copy / "storyline" / "store" / "records.py"
    target.write_text(target.read_text() + "\nfrom ..analyze import commitments  # noqa: E402,F401\n")
    r = _lint(tmp_path, copy)
    assert r.returncode != 0
    assert "storyline.store.records -> storyline.analyze.commitments" in r.stdout


def test_no_import_cycle():
    graph = grimp.build_graph("storyline")
    modules = sorted(graph.modules)
    edges = {m: graph.find_modules_directly_imported_by(m) for m in modules}
    # Tarjan's strongly connected components: any component of more than one module is a cycle
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for m in modules:
        if m not in index:
            visit(m)
    assert not cycles, cycles


def test_no_module_over_400_lines():
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long


def test_mypy_is_clean():
    r = subprocess.run([str(Path(sys.executable).with_name("mypy"))], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0, r.stdout[-3000:]

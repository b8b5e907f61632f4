"""``python -m tools.function_length [--max N] PATH...``: every function longer than N lines
(default 60; decorators and docstring included, the body to its last line), longest first.
Exits 1 if there is one, so ``make lint`` fails on a function that asks to be split."""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path


def long_functions(paths: list[Path], limit: int) -> list[tuple[int, str]]:
    found = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                    lines = (node.end_lineno or node.lineno) - first + 1
                    if lines > limit:
                        found.append((lines, f"{path}:{node.lineno} {node.name}"))
    return sorted(found, reverse=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.function_length")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--max", type=int, default=60)
    parser.add_argument("--top", type=int, default=0, help="also list the N longest")
    args = parser.parse_args(argv)
    too_long = long_functions(args.paths, args.max)
    for lines, where in too_long:
        print(f"{where}: {lines} lines (over {args.max})")
    if args.top:
        for lines, where in long_functions(args.paths, 0)[: args.top]:
            print(f"longest: {where}: {lines} lines")
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

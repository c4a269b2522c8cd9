#!/usr/bin/env python3
"""Checks the method order file against a published Native AOT kiosk-edge (CI: deploy/ci-checks.sh).

  - the order was applied: the listed methods the build has come first in its code section, in the
    file's order (the AOT compiler ignores a file it cannot read without a word);
  - the file is not stale: at least --min-match of its methods still exist under the same name. A method
    renamed since deploy/code-order/profile_order.py wrote the file is placed with the cold code, which costs
    memory, not correctness; regenerate the file when this fails.

Usage: deploy/code-order/check.py PUBLISH_ROOT [--rid linux-x64] [--order FILE] [--min-match 0.5]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from profile_order import code_symbols  # noqa: E402  (the same reading of the symbol table)


def main(argv):
    if not argv or argv[0].startswith("--"):
        raise SystemExit(__doc__)
    root, rid, order, min_match = argv.pop(0), "linux-x64", os.path.join(ROOT, "src/Kiosk.Edge/Properties/code-order.txt"), 0.5
    while argv:
        flag, value = argv.pop(0), argv.pop(0) if argv else None
        if flag == "--rid" and value:
            rid = value
        elif flag == "--order" and value:
            order = value
        elif flag == "--min-match" and value:
            min_match = float(value)
        else:
            raise SystemExit(f"check.py: unknown or incomplete argument {flag}\n{__doc__}")
    with open(order) as f:
        listed = [line.strip() for line in f if line.strip()]
    symbols = code_symbols(os.path.join(root, rid, "kiosk-edge", "kiosk-edge.dbg"))
    position = {name: i for i, (_, _, name) in enumerate(symbols)}
    found = [name for name in listed if name in position]
    share = len(found) / len(listed) if listed else 0.0
    print(f"code-order: {len(found)} of the {len(listed)} listed methods are in the build ({share:.0%})")
    if share < min_match:
        print(f"code-order: FAIL: fewer than {min_match:.0%} of the listed methods exist; regenerate the file with "
              "deploy/code-order/profile_order.py (docs/deployment.md)", file=sys.stderr)
        return 1
    placed = [position[name] for name in found]
    # The listed methods must come first, in the file's order; the few that the compiler places apart
    # (methods of a different kind with the same name) are allowed up to 1%.
    out_of_order = sum(1 for a, b in zip(placed, placed[1:]) if b < a)
    leading = sum(1 for p in placed if p < len(placed))
    print(f"code-order: {leading} of them are the first {len(placed)} methods of the code section, "
          f"{out_of_order} out of the file's order")
    if out_of_order > len(placed) // 100 or leading < len(placed) * 0.99:
        print("code-order: FAIL: the build does not follow the order file (IlcOrderFile in src/Kiosk.Edge/Kiosk.Edge.csproj)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"code-order: FAIL: {e}", file=sys.stderr)
        sys.exit(1)

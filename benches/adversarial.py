#!/usr/bin/env python3
"""Adversarial pairs for the engine, at 1 MB and 4 MB, to see how its time
scales with the size (README, "Worst cases"). Deterministic (fixed seeds).

Usage: adversarial.py OUT_DIR    writes NAME.old and NAME.new per shape
"""
import random
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
def write(name, old, new):
    open(f"{out}/{name}.old", "wb").write(old); open(f"{out}/{name}.new", "wb").write(new)
for mb in (1, 4):
    n = mb * 1_000_000
    r = random.Random(mb)
    few = [b"}\n", b"\n", b"return;\n", b"{\n", b"x++;\n"]
    def rep(k):
        out = []; size = 0
        while size < n:
            l = r.choice(few[:k]); out.append(l); size += len(l)
        return b"".join(out)
    write(f"two_symbols_independent_{mb}m", rep(2), rep(2))
    write(f"five_symbols_independent_{mb}m", rep(5), rep(5))
    ab = b"a\nb\n" * (n // 4)
    write(f"swapped_pairs_{mb}m", ab, b"b\na\n" * (n // 4))
    # every line unique on each side, sides disjoint, but lines share long prefixes
    write(f"unique_disjoint_{mb}m", b"".join(b"line %d\n" % i for i in range(0, n // 10, 2)), b"".join(b"line %d\n" % i for i in range(1, n // 10, 2)))
    # each old line appears in new, but in reverse order
    lines = [b"%d\n" % i for i in range(n // 8)]
    write(f"reversed_{mb}m", b"".join(lines), b"".join(reversed(lines)))
    # every 2nd line changed
    write(f"every_other_changed_{mb}m", b"".join(lines), b"".join(l if i % 2 else b"x" + l for i, l in enumerate(lines)))
    # shuffled lines
    sh = lines[:]; r.shuffle(sh)
    write(f"shuffled_{mb}m", b"".join(lines), b"".join(sh))

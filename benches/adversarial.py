#!/usr/bin/env python3
"""The worst-case input shapes found for the engine, at any size: pairs on
which a line diff's search is most expensive (many equal lines matching in
many ways, or nothing to anchor on), and single lines on which the word
diff's is (WORD_SHAPES). Deterministic: each shape and size has its own
fixed seed. worst_cases.py times the line shapes and word_growth.py the
word shapes at n, 2n and 4n bytes (`make bench`, the report's "Worst
cases" and "Word diff growth"). The worst cases of patch application and
the patch readers are in patch_adversarial.py (the report's "Patch worst
cases").

Usage: adversarial.py OUT_DIR [--size BYTES ...]
    writes SHAPE_SIZE.old and SHAPE_SIZE.new per shape and size
    (default sizes 1, 2 and 4 MB; SIZE as 1m, 250k, ...)
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FEW_LINES = [b"}\n", b"\n", b"return;\n", b"{\n", b"x++;\n"]


def symbols(rng: random.Random, size: int, distinct: int) -> bytes:
    """About `size` bytes of lines drawn at random from `distinct` short lines."""
    lines, total = [], 0
    while total < size:
        line = rng.choice(FEW_LINES[:distinct])
        lines.append(line)
        total += len(line)
    return b"".join(lines)


def numbered(size: int) -> list[bytes]:
    """Distinct short lines, about `size` bytes in all."""
    return [b"%d\n" % i for i in range(size // 8)]


def two_symbols_independent(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """Two distinct lines, drawn independently on each side: the costliest shape known."""
    return symbols(rng, size, 2), symbols(rng, size, 2)


def five_symbols_independent(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    return symbols(rng, size, 5), symbols(rng, size, 5)


def swapped_pairs(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """a, b, a, b, ... against b, a, b, a, ..."""
    return b"a\nb\n" * (size // 4), b"b\na\n" * (size // 4)


def unique_disjoint(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """Every line unique, the two sides disjoint, the lines sharing long prefixes."""
    count = size // 10
    return (b"".join(b"line %d\n" % i for i in range(0, count, 2)),
            b"".join(b"line %d\n" % i for i in range(1, count, 2)))


def reversed_lines(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """Every old line appears in the new text, in reverse order."""
    lines = numbered(size)
    return b"".join(lines), b"".join(reversed(lines))


def every_other_changed(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    lines = numbered(size)
    return b"".join(lines), b"".join(line if i % 2 else b"x" + line for i, line in enumerate(lines))


def shuffled(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    lines = numbered(size)
    mixed = lines[:]
    rng.shuffle(mixed)
    return b"".join(lines), b"".join(mixed)


def swapped_unique_pairs(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """Distinct lines with each pair of neighbours swapped: an edit distance as large as the input, so Myers
    anchors its boxes on rare lines, and each anchor peels off only two lines of a large box."""
    lines = numbered(size)
    swapped = [lines[i ^ 1] for i in range(len(lines) - len(lines) % 2)]
    return b"".join(lines), b"".join(swapped)


def shuffled_blocks(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """Distinct lines cut into blocks of eight and the blocks shuffled: many moved blocks, each box
    anchored on one of them."""
    lines = numbered(size)
    blocks = [lines[i:i + 8] for i in range(0, len(lines), 8)]
    rng.shuffle(blocks)
    return b"".join(lines), b"".join(line for block in blocks for line in block)


SHAPES = {
    "two_symbols_independent": two_symbols_independent,
    "five_symbols_independent": five_symbols_independent,
    "swapped_pairs": swapped_pairs,
    "unique_disjoint": unique_disjoint,
    "reversed": reversed_lines,
    "every_other_changed": every_other_changed,
    "shuffled": shuffled,
    "swapped_unique_pairs": swapped_unique_pairs,
    "shuffled_blocks": shuffled_blocks,
}


# ---- word diffs: single lines, where every token of the line is searched --------


def letters(rng: random.Random, size: int, alphabet: bytes) -> bytes:
    """`size` bytes drawn from `alphabet` (near enough uniformly)."""
    table = bytes(alphabet[i % len(alphabet)] for i in range(256))
    return rng.randbytes(size).translate(table)


def random_ab_line(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """One line of random a, b and spaces on each side, drawn independently: half the tokens match,
    scattered, in very many ways (the costliest shape known for the word diff, in time and in marks)."""
    return letters(rng, size, b"ab ") + b"\n", letters(rng, size, b"ab ") + b"\n"


def swapped_words(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """'a b a b ...' against 'b a b a ...': every word moved by one."""
    return b"a b " * (size // 4) + b"\n", b"b a " * (size // 4) + b"\n"


def distinct_words(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """Words that are all distinct, shuffled on the new side: the most token ids to keep."""
    words = [b"%d" % i for i in range(size // 8)]
    mixed = words[:]
    rng.shuffle(mixed)
    return b" ".join(words) + b"\n", b" ".join(mixed) + b"\n"


def one_edit_in_a_long_line(rng: random.Random, size: int) -> tuple[bytes, bytes]:
    """A long line of prose with one word changed in its middle: the common case, for scale."""
    line = letters(rng, size, b"etaoin shrdlu")
    middle = len(line) // 2
    return line + b"\n", line[:middle] + b" CHANGED " + line[middle:] + b"\n"


WORD_SHAPES = {
    "random_ab_line": random_ab_line,
    "swapped_words": swapped_words,
    "distinct_words": distinct_words,
    "one_edit_in_a_long_line": one_edit_in_a_long_line,
}


def pair(shape: str, size: int) -> tuple[bytes, bytes]:
    make = SHAPES.get(shape) or WORD_SHAPES[shape]
    return make(random.Random(f"{shape}/{size}"), size)


def size_label(size: int) -> str:
    for unit, scale in (("m", 1_000_000), ("k", 1_000)):
        if size >= scale and size % scale == 0:
            return f"{size // scale}{unit}"
    return str(size)


def write(out: Path, shape: str, size: int) -> tuple[Path, Path]:
    """Writes the shape at this size; the old and the new file."""
    out.mkdir(parents=True, exist_ok=True)
    old_path, new_path = out / f"{shape}_{size_label(size)}.old", out / f"{shape}_{size_label(size)}.new"
    old, new = pair(shape, size)
    old_path.write_bytes(old)
    new_path.write_bytes(new)
    return old_path, new_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, action="append", help="bytes per side (repeatable)")
    args = parser.parse_args()
    for size in args.size or [1_000_000, 2_000_000, 4_000_000]:
        for shape in [*SHAPES, *WORD_SHAPES]:
            old, new = write(args.out, shape, size)
            print(f"{old.name}, {new.name}: {old.stat().st_size:,} + {new.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

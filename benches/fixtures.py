#!/usr/bin/env python3
"""Writes the benchmark fixtures: deterministic (fixed seeds) pairs of texts.

Every benchmark in every language reads these files, so all of them measure
the same inputs. Usage: fixtures.py [--quick] OUT_DIR

Each fixture NAME is a pair NAME.old / NAME.new, except `small_pairs`, a
single file `small_pairs.bin` of many small pairs: repeated records of
(u32 little-endian length, old bytes, u32 length, new bytes).
A manifest.json lists the fixtures with their sizes and a description.
"""

from __future__ import annotations

import json
import random
import struct
import sys
from pathlib import Path

WORDS = (
    "the of and to in is was for on that with as by at from his her an it "
    "which be this are were had have not but all they one their been has "
    "more when who will there can no would its into only other new some "
    "time two may first any then these so over such after most also made "
    "river mountain engine signal harbor lantern orchard thunder velvet "
    "copper meadow whisper granite falcon ember glacier hollow prism quill"
).split()


def prose_line(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + ".\n"


def prose(rng: random.Random, size: int) -> list[str]:
    """Paragraph lines of 40-160 words: the article's input shape."""
    lines, total = [], 0
    while total < size:
        line = prose_line(rng, rng.randint(40, 160))
        lines.append(line)
        total += len(line)
    return lines


def log_lines(rng: random.Random, size: int) -> list[str]:
    levels = ["INFO"] * 8 + ["WARN", "DEBUG", "ERROR"]
    paths = ["/api/v1/users", "/api/v1/orders", "/health", "/api/v2/search", "/static/app.js", "/login"]
    lines, total, t = [], 0, 1_700_000_000_000
    while total < size:
        t += rng.randint(1, 900)
        line = (
            f"{t // 1000}.{t % 1000:03d} {rng.choice(levels)} [worker-{rng.randint(1, 32)}] "
            f"req={rng.getrandbits(48):012x} {rng.choice(['GET', 'POST', 'PUT'])} {rng.choice(paths)} "
            f"status={rng.choice([200, 200, 200, 201, 204, 304, 404, 500])} latency_ms={rng.randint(1, 2500)}\n"
        )
        lines.append(line)
        total += len(line)
    return lines


def edit_lines(rng: random.Random, lines: list[str], fraction: float, make) -> list[str]:
    """Changes about `fraction` of the lines in place (new content from `make`)."""
    out = list(lines)
    for i in rng.sample(range(len(out)), max(1, int(len(out) * fraction))):
        out[i] = make()
    return out


def source_file(rng: random.Random, target_lines: int) -> list[str]:
    """C-like code: functions of statements, braces, blank lines and comments."""
    idents = ["count", "buf", "len", "node", "ctx", "err", "result", "index", "value", "next", "size", "flags"]
    lines: list[str] = []
    fn = 0
    while len(lines) < target_lines:
        fn += 1
        lines.append(f"/* {prose_line(rng, rng.randint(3, 9)).strip()} */\n")
        lines.append(f"static int fn_{fn}(struct ctx *{rng.choice(idents)}, size_t {rng.choice(idents)})\n")
        lines.append("{\n")
        for _ in range(rng.randint(3, 30)):
            kind = rng.random()
            a, b = rng.choice(idents), rng.choice(idents)
            if kind < 0.45:
                lines.append(f"    {a} = {b} + {rng.randint(0, 99)};\n")
            elif kind < 0.6:
                lines.append(f"    if ({a} > {b}) {{\n")
                lines.append(f"        return {rng.choice(['-1', '0', a])};\n")
                lines.append("    }\n")
            elif kind < 0.75:
                lines.append("\n")
            elif kind < 0.9:
                lines.append(f"    {a} = fn_{rng.randint(1, fn)}(ctx, {b});\n")
            else:
                lines.append("    return 0;\n")
        lines.append("    return 0;\n")
        lines.append("}\n")
        lines.append("\n")
    return lines


def edit_source(rng: random.Random, lines: list[str]) -> list[str]:
    """Scattered single-line edits, inserts and deletes, then moved blocks."""
    out = list(lines)
    for _ in range(len(out) // 200):
        i = rng.randrange(len(out))
        op = rng.random()
        if op < 0.5:
            out[i] = f"    edited_{rng.getrandbits(24):06x} = {rng.randint(0, 999)};\n"
        elif op < 0.75:
            out.insert(i, f"    inserted_{rng.getrandbits(24):06x}();\n")
        else:
            del out[i]
    for _ in range(20):
        size = rng.randint(50, 200)
        start = rng.randrange(len(out) - size)
        block = out[start : start + size]
        del out[start : start + size]
        dest = rng.randrange(len(out))
        out[dest:dest] = block
    return out


def repeated_lines(rng: random.Random, size: int) -> list[str]:
    tokens = ["}\n", "\n", "return;\n"]
    lines, total = [], 0
    while total < size:
        t = rng.choice(tokens)
        lines.append(t)
        total += len(t)
    return lines


def scatter_edits(rng: random.Random, lines: list[str], every: int, make) -> list[str]:
    out = list(lines)
    for _ in range(len(out) // every):
        i = rng.randrange(len(out))
        op = rng.random()
        if op < 1 / 3:
            out[i] = make()
        elif op < 2 / 3:
            out.insert(i, make())
        else:
            del out[i]
    return out


def write_pair(out: Path, name: str, old: str | bytes, new: str | bytes, description: str, manifest: list) -> None:
    old_b = old.encode() if isinstance(old, str) else old
    new_b = new.encode() if isinstance(new, str) else new
    (out / f"{name}.old").write_bytes(old_b)
    (out / f"{name}.new").write_bytes(new_b)
    manifest.append({"name": name, "old_bytes": len(old_b), "new_bytes": len(new_b), "description": description})


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    scale = 10 if quick else 1  # --quick divides the large sizes
    manifest: list[dict] = []

    rng = random.Random(1)
    old = prose(rng, 10_000_000 // scale)
    new = list(old)
    i = len(new) // 2
    words = new[i].split(" ")
    words[len(words) // 2] = "replaced"
    new[i] = " ".join(words)
    write_pair(out, "prose_10m", "".join(old), "".join(new),
               "about 10 million characters of prose in paragraph lines, one word replaced (the article's case)", manifest)

    rng = random.Random(2)
    old = log_lines(rng, 10_000_000 // scale)
    new = edit_lines(rng, old, 0.01, lambda: log_lines(rng, 1)[0])
    write_pair(out, "log_10m", "".join(old), "".join(new), "a 10 MB log with 1% of lines changed", manifest)
    write_pair(out, "identical_10m", "".join(old), "".join(old), "two identical 10 MB texts", manifest)

    for size, label in [(1_000, "1k"), (100_000, "100k"), (1_000_000, "1m")]:
        rng = random.Random(3 + size)
        old = log_lines(rng, size)
        new = edit_lines(rng, old, 0.01, lambda: log_lines(rng, 1)[0])
        write_pair(out, f"log_{label}", "".join(old), "".join(new), f"a {label}B log with 1% of lines changed", manifest)

    rng = random.Random(4)
    old = source_file(rng, 100_000 // scale)
    new = edit_source(rng, old)
    write_pair(out, "source_100k", "".join(old), "".join(new),
               "a 100k-line C-like source file with scattered edits and 20 moved blocks", manifest)

    rng = random.Random(5)
    write_pair(out, "unrelated_1m", "".join(prose(rng, 1_000_000)), "".join(log_lines(rng, 1_000_000)),
               "two unrelated 1 MB texts", manifest)

    rng = random.Random(6)
    old = repeated_lines(rng, 1 << 20)
    new = scatter_edits(rng, old, 100, lambda: rng.choice(["}\n", "\n", "return;\n"]))
    write_pair(out, "repeated_1m", "".join(old), "".join(new),
               "1 MB of the lines `}`, blank and `return;` with scattered edits", manifest)

    rng = random.Random(7)
    write_pair(out, "repeated_unrelated_1m", "".join(repeated_lines(rng, 1 << 20)), "".join(repeated_lines(rng, 1 << 20)),
               "1 MB texts of the lines `}`, blank and `return;`, generated independently (the worst shape known)", manifest)

    rng = random.Random(8)
    tiny = "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\nnu\nxi\nomicron\npi\nrho\nsigma\ntau\n"
    write_pair(out, "tiny_100b", tiny, tiny.replace("zeta", "ZETA"),
               "a 100-byte pair with one line changed: per-call overhead", manifest)

    rng = random.Random(9)
    count = 10_000 // scale
    with open(out / "small_pairs.bin", "wb") as f:
        total = 0
        for _ in range(count):
            lines = [prose_line(rng, rng.randint(4, 12)) for _ in range(30)]
            old_b = "".join(lines).encode()
            new_b = "".join(edit_lines(rng, lines, 0.1, lambda: prose_line(rng, 6))).encode()
            f.write(struct.pack("<I", len(old_b)) + old_b + struct.pack("<I", len(new_b)) + new_b)
            total += len(old_b) + len(new_b)
    manifest.append({"name": "small_pairs", "pairs": count, "total_bytes": total,
                     "description": f"{count} pairs of ~2 KB texts with about 10% of lines changed"})

    (out / "manifest.json").write_text(json.dumps({"quick": quick, "fixtures": manifest}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

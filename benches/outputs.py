#!/usr/bin/env python3
"""Whether the contenders of a benchmark produced the same diff.

Every benchmark times several programs on the same pair of texts; a fast
diff that is larger, or wrong, is not the same achievement as an exact one.
So each contender's diff is computed once, outside the timing, and compared
with the reference, fast-diff's own diff with the default options (Myers,
three lines of context), the baseline of every ratio:

- identical: the same hunks, byte for byte (the `---`/`+++` lines, git's
  `diff --git`/`index` lines and the function names git writes after a
  hunk's `@@` are left aside: labels, timestamps and such annotations differ
  by design between tools);
- equivalent: other hunks, but a correct diff all the same: applied to the
  old text at the line numbers it states (fast-diff's own apply with no
  offset and no fuzz, or else GNU patch with no fuzz and no offset
  reported), it gives the new text;
- different: it does not give the new text at the lines it states.

Each verdict records the diff's size and its changed (`+`/`-`) lines beside
the reference's. Pairs files (small_pairs) hold one diff per pair, framed as
small_pairs.bin is; they are judged pair by pair.

Usage:
    outputs.py python FIXTURES_DIR FIXTURE OUT_DIR   write the Python contenders' diffs
    outputs.py judge FIXTURES_DIR FIXTURE OUT_DIR [--json OUT]
                                                    judge every NAME.diff in OUT_DIR
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import tempfile
from pathlib import Path

import fast_diff

IDENTICAL, EQUIVALENT, DIFFERENT = "identical", "equivalent", "different"


def hunks(diff: bytes) -> bytes:
    """The diff from its first hunk header on."""
    if diff.startswith(b"@@ "):
        return diff
    at = diff.find(b"\n@@ ")
    return diff[at + 1 :] if at >= 0 else b""


def comparable(diff: bytes) -> bytes:
    """The hunks, each header cut after its closing `@@`."""
    lines = hunks(diff).split(b"\n")
    return b"\n".join(line[: line.index(b" @@", 3) + 3] if line.startswith(b"@@ ") and b" @@" in line[3:] else line
                      for line in lines)


def changed_lines(diff: bytes) -> int:
    body = hunks(diff)
    return sum(1 for line in body.split(b"\n") if line[:1] in (b"+", b"-"))


def gives_new_text(old: bytes, new: bytes, diff: bytes) -> bool:
    """Whether the diff's hunks, applied at their stated lines, turn old into new."""
    body = hunks(diff)
    if not body:
        return old == new
    patch = b"--- a\n+++ b\n" + body
    try:
        applied = fast_diff.apply_patch(old, patch, max_offset=0, strict_line_endings=True)
        if applied.text == new:
            return True
    except fast_diff.DiffError:
        pass
    return gnu_patch_gives(old, new, patch)


def gnu_patch_gives(old: bytes, new: bytes, patch: bytes) -> bool:
    with tempfile.TemporaryDirectory() as scratch:
        target, out = Path(scratch, "a"), Path(scratch, "out")
        target.write_bytes(old)
        result = subprocess.run(
            ["patch", "--force", "--fuzz=0", "--no-backup-if-mismatch", "-o", str(out), str(target)],
            input=patch, capture_output=True,
        )
        # GNU patch has no option to refuse an offset: it says so instead.
        return result.returncode == 0 and b"offset" not in result.stdout and out.read_bytes() == new


def judge(old: bytes, new: bytes, reference: bytes, diff: bytes) -> dict[str, object]:
    if comparable(diff) == comparable(reference):
        verdict = IDENTICAL
    elif gives_new_text(old, new, diff):
        verdict = EQUIVALENT
    else:
        verdict = DIFFERENT
    return {
        "verdict": verdict,
        "bytes": len(diff),
        "changed_lines": changed_lines(diff),
        "reference_bytes": len(reference),
        "reference_changed_lines": changed_lines(reference),
    }


def judge_pairs(pairs: list[tuple[bytes, bytes]], references: list[bytes], diffs: list[bytes]) -> dict[str, object]:
    """Pairs judged one by one; the verdict is the worst of them."""
    if len(diffs) != len(pairs):
        return {"verdict": DIFFERENT, "bytes": sum(map(len, diffs)), "note": f"{len(diffs)} diffs for {len(pairs)} pairs"}
    verdicts = [judge(old, new, ref, diff) for (old, new), ref, diff in zip(pairs, references, diffs)]
    order = [IDENTICAL, EQUIVALENT, DIFFERENT]
    counts = {v: sum(1 for j in verdicts if j["verdict"] == v) for v in order}
    return {
        "verdict": max((j["verdict"] for j in verdicts), key=order.index),
        "pairs": {v: n for v, n in counts.items() if n},
        **{key: sum(j[key] for j in verdicts) for key in ("bytes", "changed_lines", "reference_bytes",
                                                           "reference_changed_lines")},
    }


def reference_diff(old: bytes, new: bytes) -> bytes:
    return fast_diff.unified_diff(old, new)


def frame(diffs: list[bytes]) -> bytes:
    return b"".join(struct.pack("<I", len(d)) + d for d in diffs)


def unframe(data: bytes) -> list[bytes]:
    """small_pairs.bin's framing: (u32 little-endian length, bytes), repeated."""
    at, texts = 0, []
    while at < len(data):
        (size,) = struct.unpack_from("<I", data, at)
        texts.append(data[at + 4 : at + 4 + size])
        at += 4 + size
    return texts


def read_fixture(fixtures: Path, fixture: str) -> tuple[bytes, bytes] | list[tuple[bytes, bytes]]:
    if fixture == "small_pairs":
        texts = unframe((fixtures / "small_pairs.bin").read_bytes())
        return list(zip(texts[0::2], texts[1::2]))
    return (fixtures / f"{fixture}.old").read_bytes(), (fixtures / f"{fixture}.new").read_bytes()


def judge_dir(fixtures: Path, fixture: str, directory: Path) -> dict[str, dict[str, object]]:
    """Verdicts for every NAME.diff in directory, by NAME."""
    texts = read_fixture(fixtures, fixture)
    verdicts = {}
    if isinstance(texts, list):
        references = [reference_diff(old, new) for old, new in texts]
        for path in sorted(directory.glob("*.diff")):
            verdicts[path.stem] = judge_pairs(texts, references, unframe(path.read_bytes()))
    else:
        old, new = texts
        reference = reference_diff(old, new)
        for path in sorted(directory.glob("*.diff")):
            verdicts[path.stem] = judge(old, new, reference, path.read_bytes())
    return verdicts


def write_python_outputs(fixtures: Path, fixture: str, directory: Path) -> None:
    """The Python contenders' diffs, each computed once as python_bench.py times it."""
    from python_bench import contenders

    directory.mkdir(parents=True, exist_ok=True)
    texts = read_fixture(fixtures, fixture)
    pairs = texts if isinstance(texts, list) else [texts]
    for references in (False, True):
        for name, (function, arguments) in contenders(pairs, references, fixture).items():
            result = function(*arguments)
            diffs = [d.encode() if isinstance(d, str) else d for d in (result if isinstance(result, list) else [result])]
            data = frame(diffs) if isinstance(texts, list) else diffs[0]
            (directory / f"{name}.diff").write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["python", "judge"])
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("fixture")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.action == "python":
        write_python_outputs(args.fixtures, args.fixture, args.directory)
        return
    verdicts = judge_dir(args.fixtures, args.fixture, args.directory)
    if args.json:
        args.json.write_text(json.dumps(verdicts, indent=1) + "\n")
    for name, v in verdicts.items():
        print(f"{args.fixture} {name}: {v['verdict']}, {v['bytes']} bytes, {v.get('changed_lines', '?')} changed lines "
              f"(reference {v.get('reference_bytes', '?')}, {v.get('reference_changed_lines', '?')})")


if __name__ == "__main__":
    main()

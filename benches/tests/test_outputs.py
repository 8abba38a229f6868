"""outputs.py tells identical, equivalent and different diffs apart."""

from __future__ import annotations

import fast_diff

from outputs import frame, hunks, judge, judge_pairs, unframe

OLD = b"".join(b"line %d\n" % i for i in range(20))
NEW = OLD.replace(b"line 10\n", b"line ten\n")
REFERENCE = fast_diff.unified_diff(OLD, NEW)


def test_the_same_hunks_under_other_labels_are_identical():
    relabelled = fast_diff.unified_diff(OLD, NEW, old_label="a/x", new_label="b/x")
    assert relabelled != REFERENCE
    assert judge(OLD, NEW, REFERENCE, relabelled)["verdict"] == "identical"
    git_style = b"diff --git a/x b/x\nindex 1..2 100644\n" + relabelled.replace(b" @@\n", b" @@ fn main()\n")
    assert git_style.count(b"@@ fn main()") == 1
    assert judge(OLD, NEW, REFERENCE, git_style)["verdict"] == "identical"


def test_a_larger_diff_that_applies_is_equivalent():
    wider = fast_diff.unified_diff(OLD, NEW, context_lines=5)
    verdict = judge(OLD, NEW, REFERENCE, wider)
    assert verdict["verdict"] == "equivalent"
    assert verdict["bytes"] > verdict["reference_bytes"]
    assert verdict["changed_lines"] == verdict["reference_changed_lines"] == 2


def test_a_diff_that_states_the_wrong_lines_is_different():
    shifted = REFERENCE.replace(b"@@ -8,7 +8,7 @@", b"@@ -6,7 +6,7 @@")
    assert shifted != REFERENCE
    assert judge(OLD, NEW, REFERENCE, shifted)["verdict"] == "different"


def test_a_diff_to_another_text_is_different():
    other = fast_diff.unified_diff(OLD, OLD.replace(b"line 10\n", b"line 10!\n"))
    assert judge(OLD, NEW, REFERENCE, other)["verdict"] == "different"
    assert judge(OLD, NEW, REFERENCE, b"")["verdict"] == "different"


def test_no_diff_for_identical_texts_is_identical():
    assert judge(OLD, OLD, b"", b"")["verdict"] == "identical"
    assert hunks(b"") == b""


def test_pairs_take_the_worst_verdict_and_count_each():
    pairs = [(OLD, NEW), (OLD, OLD)]
    references = [REFERENCE, b""]
    same = unframe(frame([REFERENCE, b""]))
    assert judge_pairs(pairs, references, same)["verdict"] == "identical"
    worse = judge_pairs(pairs, references, [fast_diff.unified_diff(OLD, NEW, context_lines=5), b""])
    assert worse["verdict"] == "equivalent"
    assert worse["pairs"] == {"identical": 1, "equivalent": 1}
    assert judge_pairs(pairs, references, [REFERENCE])["verdict"] == "different"

package fastdiff_test

import (
	"errors"
	"fmt"
	"os"

	"fast-diff/fastdiff"
)

func ExampleUnifiedDiff() {
	opts := fastdiff.DefaultOptions()
	opts.OldLabel, opts.NewLabel = "a/greeting.txt", "b/greeting.txt"
	diff, err := fastdiff.UnifiedDiff([]byte("hello\nworld\n"), []byte("hello\nGo\n"), &opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	os.Stdout.Write(diff)
	// Output:
	// --- a/greeting.txt
	// +++ b/greeting.txt
	// @@ -1,2 +1,2 @@
	//  hello
	// -world
	// +Go
}

// Strings go in, a string comes out; here neither text ends in a newline.
func ExampleUnifiedDiff_strings() {
	diff, _ := fastdiff.UnifiedDiff("a\nb", "a\nc", nil)
	fmt.Print(diff)
	// Output:
	// --- original
	// +++ modified
	// @@ -1,2 +1,2 @@
	//  a
	// -b
	// \ No newline at end of file
	// +c
	// \ No newline at end of file
}

func ExampleError() {
	opts := fastdiff.DefaultOptions()
	opts.NewLabel = "two\nlines"
	_, err := fastdiff.UnifiedDiff([]byte("a\n"), []byte("b\n"), &opts)
	var fdErr *fastdiff.Error
	if errors.As(err, &fdErr) {
		fmt.Println(fdErr.Status == fastdiff.StatusInvalidOptions, errors.Is(err, fastdiff.ErrInvalidOptions))
	}
	fmt.Println(err)
	// Output:
	// true true
	// fastdiff: UnifiedDiff: invalid options (struct_size, flags, algorithm or label)
}

func ExampleApplyPatch() {
	text := []byte("hello\nworld\n")
	patch := []byte("--- a/greeting.txt\n+++ b/greeting.txt\n@@ -1,2 +1,2 @@\n hello\n-world\n+Go\n")
	newText, report, err := fastdiff.ApplyPatch(text, patch, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Printf("%s%s: %s\n", newText, report.Files[0].Path, report.Hunks[0].Message)

	// The same patch again: the text already has it.
	_, _, err = fastdiff.ApplyPatch(newText, patch, nil)
	fmt.Println(errors.Is(err, fastdiff.ErrPatchAlreadyApplied))

	// A patch whose context drifted: found 2 lines further down, and said so.
	moved := append([]byte("#!/bin/greet\n\n"), text...)
	newText, report, _ = fastdiff.ApplyPatch(moved, patch, nil)
	fmt.Printf("%s%s\n", newText, report.Message)
	// Output:
	// hello
	// Go
	// greeting.txt: hunk 1 (@@ -1,2 +1,2 @@) applied at line 1
	// true
	// #!/bin/greet
	//
	// hello
	// Go
	// applied 1 of 1 hunks
	// hunk 1 (@@ -1,2 +1,2 @@) applied at line 3 (offset +2 lines)
}

func ExampleApplyPatch_failedHunk() {
	opts := fastdiff.DefaultApplyOptions()
	opts.MaxOffset = 10
	_, report, err := fastdiff.ApplyPatch("a\nB\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n", &opts)
	if errors.Is(err, fastdiff.ErrPatchHunkFailed) {
		for _, h := range report.Failed() {
			fmt.Println(h.CandidateLine, h.CandidateMatching, h.DifferenceLine)
			fmt.Println(h.Message)
		}
	}
	// Output:
	// 1 2 2
	// hunk 1 (@@ -1,3 +1,3 @@) does not apply: its 3 context and removed lines are not in the text within 10 lines of line 1; closest: line 1, where 2 of 3 lines match; first difference at line 2: the hunk has "b", the text has "B"
}

func ExampleParsePatch() {
	patch := []byte("diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-1\n+one\n" +
		"diff --git a/y.txt b/y.txt\n--- a/y.txt\n+++ b/y.txt\n@@ -1 +1 @@\n-2\n+two\n")
	originals := map[string][]byte{"x.txt": []byte("1\n"), "y.txt": []byte("2\n")}
	report, err := fastdiff.ParsePatch(patch, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, f := range report.Files {
		newText, _, err := fastdiff.ApplyPatch(originals[f.Path], patch[f.PatchStart:f.PatchEnd], nil)
		fmt.Printf("%s %s: %q %v\n", f.Change, f.Path, newText, err)
	}
	// Output:
	// modified x.txt: "one\n" <nil>
	// modified y.txt: "two\n" <nil>
}

func ExampleDiffStats() {
	opts := fastdiff.DefaultOptions()
	opts.Modes = fastdiff.IgnoreCase | fastdiff.IgnoreSpaceChange
	stats, err := fastdiff.DiffStats("Hello  world\nkeep\nold\n", "hello world\nkeep\nnew\n", &opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Printf("+%d -%d in %d hunk(s), similarity %.2f\n", stats.LinesAdded, stats.LinesRemoved, stats.Hunks,
		stats.Similarity)
	// Output:
	// +1 -1 in 1 hunk(s), similarity 0.67
}

func ExampleUnifiedDiffStats() {
	diff, stats, err := fastdiff.UnifiedDiffStats("one\ntwo\nthree\n", "one\n2\nthree\n", nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Print(diff)
	fmt.Printf("+%d -%d in %d hunk(s), similarity %.2f\n", stats.LinesAdded, stats.LinesRemoved, stats.Hunks,
		stats.Similarity)
	// Output:
	// --- original
	// +++ modified
	// @@ -1,3 +1,3 @@
	//  one
	// -two
	// +2
	//  three
	// +1 -1 in 1 hunk(s), similarity 0.67
}

func ExampleDiffHunks() {
	old := []byte("one\ntwo\nthree\n")
	hunks, err := fastdiff.DiffHunks(old, []byte("one\n2\nthree\nfour\n"), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, h := range hunks {
		fmt.Println(h.Header())
		for _, l := range h.Lines {
			// l.Text is old[l.Start:l.End] (new[...] for added lines): no copy.
			fmt.Printf("%-7v old %d new %d %q\n", l.Kind, l.OldLine, l.NewLine, l.Text)
		}
	}
	// Output:
	// @@ -1,3 +1,4 @@
	// context old 1 new 1 "one\n"
	// removed old 2 new 0 "two\n"
	// added   old 0 new 2 "2\n"
	// context old 3 new 3 "three\n"
	// added   old 0 new 4 "four\n"
}

func ExampleWordDiff() {
	old, new := "the quick brown fox\n", "the slow brown fox\n"
	result, err := fastdiff.WordDiff(old, new, fastdiff.Words, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Print(result.Text)
	for _, s := range result.Spans {
		if s.Kind != fastdiff.SpanEqual {
			fmt.Printf("%v %q at %d\n", s.Kind, s.Text, s.Start)
		}
	}
	// Output:
	// --- original
	// +++ modified
	// @@ -1 +1 @@
	// the [-quick-]{+slow+} brown fox
	// removed "quick" at 4
	// added "slow" at 4
}

package fastdiff_test

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"fast-diff/fastdiff"
)

const numbered = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\n"

const five = "--- a/f.txt\n+++ b/f.txt\n@@ -4,3 +4,3 @@\n line 4\n-line 5\n+five\n line 6\n"

var withFive = strings.Replace(numbered, "line 5\n", "five\n", 1)

const twoHunks = "--- a\n+++ b\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n" +
	"@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n"

const twoFiles = "Subject: two files\n\n" +
	"diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-1\n+one\n" +
	"diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hi\n"

func options(change func(*fastdiff.ApplyOptions)) *fastdiff.ApplyOptions {
	o := fastdiff.DefaultApplyOptions()
	change(&o)
	return &o
}

func TestApplyPatchAppliesAndReportsEachHunk(t *testing.T) {
	got, report, err := fastdiff.ApplyPatch([]byte(numbered), []byte(five), nil)
	if err != nil || string(got) != withFive {
		t.Fatalf("got %q, %v", got, err)
	}
	if report.Message != "applied 1 of 1 hunks" || len(report.Hunks) != 1 || len(report.Files) != 1 {
		t.Fatalf("report %+v", report)
	}
	h := report.Hunks[0]
	if h.Outcome != fastdiff.HunkApplied || h.Reason != fastdiff.ReasonNone || h.MatchMode != fastdiff.MatchExact ||
		h.StatedLine != 4 || h.Line != 4 || h.NewLine != 4 || h.Offset != 0 || h.Fuzz != 0 ||
		h.OldLines != 3 || h.NewLines != 3 || h.CandidateLine != 0 {
		t.Errorf("hunk %+v", h)
	}
	if five[h.PatchStart:h.PatchEnd] != five[strings.Index(five, "@@"):] {
		t.Errorf("hunk span %d:%d", h.PatchStart, h.PatchEnd)
	}
	if h.Message != "hunk 1 (@@ -4,3 +4,3 @@) applied at line 4" {
		t.Errorf("message %q", h.Message)
	}
	f := report.Files[0]
	if f.OldPath != "a/f.txt" || f.NewPath != "b/f.txt" || f.Path != "f.txt" || f.Change != fastdiff.FileModified ||
		f.PatchStart != 0 || f.PatchEnd != len(five) || f.FirstHunk != 0 || f.HunkCount != 1 {
		t.Errorf("file %+v", f)
	}
	if report.Failed() != nil || report.ErrorExpected != "" {
		t.Errorf("failed %v, error %q", report.Failed(), report.ErrorExpected)
	}
	s, sReport, err := fastdiff.ApplyPatch(numbered, five, nil)
	if err != nil || s != withFive || sReport.Hunks[0] != h {
		t.Errorf("ApplyPatch of strings: %q, %+v, %v", s, sReport, err)
	}
}

func TestAnyBytesPassThroughUnchanged(t *testing.T) {
	reverse := options(func(o *fastdiff.ApplyOptions) { o.Reverse = true })
	for _, pair := range [][2]string{
		{"a\x00b\nx\n", "a\x00c\nx\n"},
		{"\xff\xfe\nkeep\n", "\xc3\x28\nkeep\n"},
		{"a\r\nb\r\n", "a\r\nc\r\n"},
		{"a\rb\nc\n", "a\rB\nc\n"},
		{"a\nb", "a\nb\n"},
		{"x\ny", "x\nz"},
		{"", "new\n"},
		{"gone\n", ""},
	} {
		patch, err := fastdiff.UnifiedDiff([]byte(pair[0]), []byte(pair[1]), nil)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := fastdiff.ApplyPatch([]byte(pair[0]), patch, nil)
		if err != nil || string(got) != pair[1] || got == nil {
			t.Errorf("%q: got %q, %v", pair, got, err)
		}
		back, _, err := fastdiff.ApplyPatch([]byte(pair[1]), patch, reverse)
		if err != nil || string(back) != pair[0] {
			t.Errorf("%q reversed: got %q, %v", pair, back, err)
		}
	}
	// An empty patch gives the text back; an empty result is empty, not nil.
	if got, report, err := fastdiff.ApplyPatch([]byte("same\n"), nil, nil); err != nil || string(got) != "same\n" ||
		len(report.Hunks) != 0 {
		t.Errorf("empty patch: %q, %+v, %v", got, report, err)
	}
	if got, _, err := fastdiff.ApplyPatch([]byte("x\n"), []byte("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n"), nil); err != nil ||
		got == nil || len(got) != 0 {
		t.Errorf("deleting everything: %q, %v", got, err)
	}
}

func TestAFailedHunkAppliesNothingAndSaysWhy(t *testing.T) {
	text := strings.Replace(numbered, "line 8\n", "line 8 changed\n", 1)
	got, report, err := fastdiff.ApplyPatch([]byte(text), []byte(twoHunks), nil)
	if got != nil || !errors.Is(err, fastdiff.ErrPatchHunkFailed) {
		t.Fatalf("got %q, %v", got, err)
	}
	var fdErr *fastdiff.Error
	if !errors.As(err, &fdErr) || fdErr.Report != report || fdErr.Op != "ApplyPatch" ||
		fdErr.Status != fastdiff.StatusPatchHunkFailed {
		t.Fatalf("error %#v", err)
	}
	failed := report.Failed()
	if len(report.Hunks) != 2 || report.Hunks[0].Outcome != fastdiff.HunkApplied || len(failed) != 1 {
		t.Fatalf("report %+v", report)
	}
	h := failed[0]
	if h.Reason != fastdiff.ReasonMismatch || h.Line != 0 || h.CandidateLine != 7 || h.CandidateMatching != 2 ||
		h.DifferenceLine != 8 || twoHunks[h.PatchStart:h.PatchEnd] != "@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n" {
		t.Errorf("failed hunk %+v", h)
	}
	if !strings.Contains(h.Message, `the hunk has "line 8", the text has "line 8 changed"`) {
		t.Errorf("message %q", h.Message)
	}
	// The error names the call, the status, and every line of the report.
	msg := err.Error()
	if !strings.HasPrefix(msg, "fastdiff: ApplyPatch: a hunk of the patch does not apply") ||
		!strings.Contains(msg, "1 of 2 hunks do not apply") || !strings.Contains(msg, h.Message) ||
		strings.Contains(msg, "\n") {
		t.Errorf("Error() = %q", msg)
	}

	// Partial: the hunks that apply, and still the error.
	partial := options(func(o *fastdiff.ApplyOptions) { o.Partial = true })
	got, _, err = fastdiff.ApplyPatch([]byte(text), []byte(twoHunks), partial)
	if want := strings.Replace(text, "line 2\n", "two\n", 1); string(got) != want || !errors.Is(err, fastdiff.ErrPatchHunkFailed) {
		t.Errorf("partial: %q, %v", got, err)
	}
	s, _, err := fastdiff.ApplyPatch(text, twoHunks, partial)
	if want := strings.Replace(text, "line 2\n", "two\n", 1); s != want || !errors.Is(err, fastdiff.ErrPatchHunkFailed) {
		t.Errorf("partial string: %q, %v", s, err)
	}
	// A bare hunk whose lines are at two places is ambiguous.
	recount := options(func(o *fastdiff.ApplyOptions) { o.Recount = true })
	_, report, err = fastdiff.ApplyPatch([]byte("}\nx\n}\n"), []byte("@@\n }\n+y\n"), recount)
	if !errors.Is(err, fastdiff.ErrPatchHunkFailed) || report.Hunks[0].Reason != fastdiff.ReasonAmbiguous {
		t.Errorf("ambiguous: %v, %+v", err, report)
	}
}

func TestMalformedSaysWhereAndWhatWasExpected(t *testing.T) {
	patch := "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n+d\n"
	strict := options(func(o *fastdiff.ApplyOptions) { o.Strict = true })
	got, report, err := fastdiff.ApplyPatch([]byte("a\nb\n"), []byte(patch), strict)
	if got != nil || !errors.Is(err, fastdiff.ErrPatchMalformed) || report == nil {
		t.Fatalf("got %q, %+v, %v", got, report, err)
	}
	if report.ErrorOffset != strings.Index(patch, "+d") || report.ErrorLine != 7 ||
		!strings.Contains(report.ErrorExpected, "end of the hunk") || len(report.Hunks) != 0 {
		t.Errorf("report %+v", report)
	}
	// Recounted by default, and with Recount even when strict.
	recount := options(func(o *fastdiff.ApplyOptions) { o.Recount, o.Strict = true, true })
	for _, opts := range []*fastdiff.ApplyOptions{nil, recount} {
		if got, _, err := fastdiff.ApplyPatch([]byte("a\nb\n"), []byte(patch), opts); err != nil || string(got) != "a\nc\nd\n" {
			t.Errorf("recounted: %q, %v", got, err)
		}
	}
	for _, bad := range []string{"no diff here\n", "@@\n-a\n+b\n", "diff --git a/x b/x\nBinary files a/x and b/x differ\n"} {
		if _, _, err := fastdiff.ApplyPatch([]byte("a\n"), []byte(bad), strict); !errors.Is(err, fastdiff.ErrPatchMalformed) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestAlreadyAppliedIsToldApartAndReverseUndoes(t *testing.T) {
	_, report, err := fastdiff.ApplyPatch([]byte(withFive), []byte(five), nil)
	if !errors.Is(err, fastdiff.ErrPatchAlreadyApplied) || errors.Is(err, fastdiff.ErrPatchHunkFailed) ||
		report.Hunks[0].Outcome != fastdiff.HunkAlreadyApplied || report.Hunks[0].Line != 4 {
		t.Fatalf("%v, %+v", err, report)
	}
	reverse := options(func(o *fastdiff.ApplyOptions) { o.Reverse = true })
	if got, _, err := fastdiff.ApplyPatch([]byte(withFive), []byte(five), reverse); err != nil || string(got) != numbered {
		t.Errorf("reverse: %q, %v", got, err)
	}
	if _, _, err := fastdiff.ApplyPatch([]byte(numbered), []byte(five), reverse); !errors.Is(err, fastdiff.ErrPatchAlreadyApplied) {
		t.Errorf("reverse of an undone patch: %v", err)
	}
}

func TestMultipleFilesAreSplitByParsePatch(t *testing.T) {
	_, report, err := fastdiff.ApplyPatch([]byte("1\n"), []byte(twoFiles), nil)
	if !errors.Is(err, fastdiff.ErrPatchMultipleFiles) || len(report.Files) != 2 {
		t.Fatalf("%v, %+v", err, report)
	}
	report, err = fastdiff.ParsePatch([]byte(twoFiles), false)
	if err != nil || len(report.Files) != 2 || len(report.Hunks) != 2 {
		t.Fatalf("%v, %+v", err, report)
	}
	x, created := report.Files[0], report.Files[1]
	if x.Path != "x.txt" || x.Change != fastdiff.FileModified || created.Path != "new.txt" ||
		created.Change != fastdiff.FileCreated || created.OldPath != "/dev/null" || created.FirstHunk != 1 ||
		report.Hunks[0].Outcome != fastdiff.HunkNotTried {
		t.Errorf("report %+v", report)
	}
	for _, c := range []struct {
		file       fastdiff.PatchFile
		text, want string
	}{{x, "1\n", "one\n"}, {created, "", "hi\n"}} {
		got, _, err := fastdiff.ApplyPatch([]byte(c.text), []byte(twoFiles[c.file.PatchStart:c.file.PatchEnd]), nil)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %q, %v", c.file.Path, got, err)
		}
	}
	// Read leniently, a bare @@ is a hunk (here without lines).
	report, err = fastdiff.ParsePatch([]byte("@@ x\n"), false)
	if !errors.Is(err, fastdiff.ErrPatchMalformed) || report.ErrorLine != 2 || report.ErrorExpected == "" {
		t.Errorf("malformed: %v, %+v", err, report)
	}
	if report, err := fastdiff.ParsePatch([]byte("@@\n-a\n+b\n"), true); err != nil || report.Hunks[0].StatedLine != 0 {
		t.Errorf("recount: %v, %+v", err, report)
	}
}

func TestEveryOption(t *testing.T) {
	shifted := "x\ny\nz\n" + numbered
	for _, c := range []struct {
		name      string
		text      string
		patch     string
		opts      *fastdiff.ApplyOptions
		want      string // "" means ErrPatchHunkFailed
		mode      fastdiff.MatchMode
		fuzz, off int
	}{
		{"anywhere", shifted, five, nil, "x\ny\nz\n" + withFive, fastdiff.MatchExact, 0, 3},
		{"within max offset", shifted, five, options(func(o *fastdiff.ApplyOptions) { o.MaxOffset = 3 }), "x\ny\nz\n" + withFive, fastdiff.MatchExact, 0, 3},
		{"beyond max offset", shifted, five, options(func(o *fastdiff.ApplyOptions) { o.MaxOffset = 2 }), "", 0, 0, 0},
		{"zero options: only where stated", shifted, five, &fastdiff.ApplyOptions{}, "", 0, 0, 0},
		{"no fuzz", numbered, "--- a\n+++ b\n@@ -3,5 +3,5 @@\n line three\n line 4\n-line 5\n+five\n line 6\n line 7\n", nil, "", 0, 0, 0},
		{"fuzz 1", numbered, "--- a\n+++ b\n@@ -3,5 +3,5 @@\n line three\n line 4\n-line 5\n+five\n line 6\n line 7\n", options(func(o *fastdiff.ApplyOptions) { o.Fuzz = 1 }), withFive, fastdiff.MatchExact, 1, 0},
		{"crlf text", "a\r\nb\r\nc\r\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", nil, "a\r\nB\r\nc\r\n", fastdiff.MatchLineEndings, 0, 0},
		{"crlf strict", "a\r\nb\r\nc\r\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", options(func(o *fastdiff.ApplyOptions) { o.StrictLineEndings = true }), "", 0, 0, 0},
		{"whitespace", "if x:\n\treturn  1\nend\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n if x:\n-    return 1\n+    return 2\n end\n", nil, "", 0, 0, 0},
		{"ignore whitespace", "if x:\n\treturn  1\nend\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n if x:\n-    return 1\n+    return 2\n end\n", options(func(o *fastdiff.ApplyOptions) { o.IgnoreWhitespace = true }), "if x:\n    return 2\nend\n", fastdiff.MatchWhitespace, 0, 0},
		{"every flag", "a\nB\nc\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", &fastdiff.ApplyOptions{MaxOffset: 0, Fuzz: 2, Recount: true, Reverse: true, IgnoreWhitespace: true, StrictLineEndings: true, Partial: true}, "a\nb\nc\n", fastdiff.MatchExact, 0, 0},
		{"largest", numbered, five, &fastdiff.ApplyOptions{MaxOffset: math.MaxInt, Fuzz: math.MaxUint32}, withFive, fastdiff.MatchExact, 0, 0},
	} {
		got, report, err := fastdiff.ApplyPatch([]byte(c.text), []byte(c.patch), c.opts)
		if c.want == "" {
			if !errors.Is(err, fastdiff.ErrPatchHunkFailed) {
				t.Errorf("%s: got %q, %v; want ErrPatchHunkFailed", c.name, got, err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
			continue
		}
		if h := report.Hunks[0]; h.MatchMode != c.mode || h.Fuzz != c.fuzz || h.Offset != c.off {
			t.Errorf("%s: hunk %+v", c.name, h)
		}
	}
}

func TestBadApplyOptionsAreInvalid(t *testing.T) {
	for _, opts := range []fastdiff.ApplyOptions{{MaxOffset: -2}, {MaxOffset: math.MinInt}, {Fuzz: -1}, {Fuzz: math.MaxUint32 + 1}} {
		got, report, err := fastdiff.ApplyPatch([]byte(numbered), []byte(five), &opts)
		var fdErr *fastdiff.Error
		if got != nil || report != nil || !errors.Is(err, fastdiff.ErrInvalidOptions) || !errors.As(err, &fdErr) ||
			fdErr.Report != nil {
			t.Errorf("%+v: %q, %+v, %v", opts, got, report, err)
		}
	}
	if fastdiff.DefaultApplyOptions() != (fastdiff.ApplyOptions{MaxOffset: fastdiff.AnyOffset}) {
		t.Errorf("DefaultApplyOptions() = %+v", fastdiff.DefaultApplyOptions())
	}
}

func TestApplyPatchDoesNotModifyItsInputs(t *testing.T) {
	text, patch := []byte("a\r\nb\r\nc\r\n"), []byte("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
	textCopy, patchCopy := bytes.Clone(text), bytes.Clone(patch)
	got, _, err := fastdiff.ApplyPatch(text, patch, nil)
	if err != nil || !bytes.Equal(text, textCopy) || !bytes.Equal(patch, patchCopy) {
		t.Fatalf("%v; an input changed", err)
	}
	got[0] = 'X' // the result is the caller's own memory
	if again, _, _ := fastdiff.ApplyPatch(text, patch, nil); again[0] != 'a' {
		t.Fatal("results share memory")
	}
}

func TestOutcomesAndModesHaveNames(t *testing.T) {
	if fastdiff.HunkAlreadyApplied.String() != "already applied" || fastdiff.HunkOutcome(9).String() != "HunkOutcome(9)" ||
		fastdiff.MatchLineEndings.String() != "line endings" || fastdiff.FileCopied.String() != "copied" ||
		fastdiff.ReasonAmbiguous.String() != "ambiguous" {
		t.Error("names")
	}
	if fastdiff.HunkNotTried != 0 || fastdiff.HunkAlreadyApplied != 3 || fastdiff.ReasonAmbiguous != 2 ||
		fastdiff.MatchWhitespace != 2 || fastdiff.FileCopied != 4 {
		t.Error("the ABI's numbers changed")
	}
}

package fastdiff_test

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"fast-diff/fastdiff"
)

const py = "class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        return 1\n"

const envelope = "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: new.md\n+# New\n*** Delete File: old.txt\n" +
	"*** Update File: a.py\n*** Move to: b.py\n@@     def g(self):\n-        return 1\n+        return 2\n*** End Patch\nEOF\n"

func TestApplyEditsAddsDeletesUpdatesAndMoves(t *testing.T) {
	result, err := fastdiff.ApplyEdits(map[string]string{"a.py": py, "old.txt": "bye\n"}, envelope, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"new.md": "# New\n", "b.py": py[:strings.LastIndex(py, "1")] + "2\n"}
	if !reflect.DeepEqual(result.Files, want) {
		t.Fatalf("files %q, want %q", result.Files, want)
	}
	sort.Strings(result.Deleted)
	if !reflect.DeepEqual(result.Deleted, []string{"a.py", "old.txt"}) {
		t.Fatalf("deleted %q", result.Deleted)
	}
	if result.Report.Format != fastdiff.FormatEnvelope {
		t.Fatalf("format %v", result.Report.Format)
	}
	for _, f := range result.Report.Files {
		if f.Path == "b.py" && (f.Source != "a.py" || f.Change != fastdiff.FileRenamed || f.Hunks[0].Line != 6) {
			t.Fatalf("%+v", f)
		}
	}
	// Bytes in, bytes out.
	bytesResult, err := fastdiff.ApplyEdits(map[string][]byte{"x": []byte("a\r\n")},
		[]byte("x\n<<<<<<< SEARCH\na\n=======\nb\nc\n>>>>>>> REPLACE\n"), nil)
	if err != nil || string(bytesResult.Files["x"]) != "b\r\nc\r\n" {
		t.Fatalf("%q %v", bytesResult.Files["x"], err)
	}
}

func TestApplyEditsErrorsAreTypedAndListEveryFailure(t *testing.T) {
	_, err := fastdiff.ApplyEdits(map[string]string{"a.py": py},
		`[{"path": "a.py", "old_text": "return 1", "new_text": "return 0"}]`, nil)
	var e *fastdiff.Error
	if !errors.Is(err, fastdiff.ErrPatchAmbiguous) || !errors.Is(err, fastdiff.ErrPatchHunkFailed) || !errors.As(err, &e) {
		t.Fatalf("%v", err)
	}
	failures := e.Failures()
	if len(failures) != 1 || failures[0].Hunk == nil || !reflect.DeepEqual(failures[0].Hunk.AmbiguousPlaces(), []int{3, 6}) {
		t.Fatalf("%+v", failures)
	}
	patch := "*** Begin Patch\n*** Update File: a.txt\n@@\n-one\n+1\n*** Update File: gone.txt\n@@\n-x\n+y\n" +
		"*** Add File: a.txt\n+again\n*** End Patch\n"
	_, err = fastdiff.ApplyEdits(map[string]string{"a.txt": "one\n"}, patch, nil)
	if !errors.Is(err, fastdiff.ErrPatchHunkFailed) || errors.Is(err, fastdiff.ErrPatchAmbiguous) || !errors.As(err, &e) {
		t.Fatalf("%v", err)
	}
	outcomes := map[string]fastdiff.EditOutcome{}
	for _, f := range e.Edits.Files {
		outcomes[f.Path] = f.Outcome
	}
	if !reflect.DeepEqual(outcomes, map[string]fastdiff.EditOutcome{"a.txt": fastdiff.EditExists, "gone.txt": fastdiff.EditMissing}) {
		t.Fatalf("%v", outcomes)
	}
	_, err = fastdiff.ApplyEdits(map[string]string{"a.txt": "1\n"}, "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+1\n", nil)
	if !errors.Is(err, fastdiff.ErrPatchAlreadyApplied) {
		t.Fatalf("%v", err)
	}
	_, err = fastdiff.ApplyEdits(map[string]string{"a.txt": "1\n"}, "*** Begin Patch\n*** Update File: a.txt\n?\n", nil)
	if !errors.Is(err, fastdiff.ErrPatchMalformed) || !errors.As(err, &e) || e.Edits.ErrorLine != 3 {
		t.Fatalf("%v", err)
	}
}

func TestEditOptionsAreTakenAsWritten(t *testing.T) {
	patch := "--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n"
	opts := fastdiff.DefaultEditOptions()
	opts.Reverse = true
	result, err := fastdiff.ApplyEdits(map[string]string{"x.c": "b\n"}, patch, &opts)
	if err != nil || result.Files["x.c"] != "a\n" {
		t.Fatalf("%v %v", result, err)
	}
	opts = fastdiff.DefaultEditOptions()
	opts.Strip = 0 // names keep their a/ and b/: no such file
	if _, err := fastdiff.ApplyEdits(map[string]string{"x.c": "a\n"}, patch, &opts); !errors.Is(err, fastdiff.ErrPatchHunkFailed) {
		t.Fatalf("%v", err)
	}
	for _, bad := range []fastdiff.EditOptions{{Format: 9, Strip: -1, MaxOffset: -1}, {Strip: -2, MaxOffset: -1}, {Strip: -1, MaxOffset: -2}} {
		if _, err := fastdiff.ApplyEdits(map[string]string{}, "x", &bad); !errors.Is(err, fastdiff.ErrInvalidOptions) {
			t.Fatalf("%+v: %v", bad, err)
		}
	}
	strict := fastdiff.DefaultEditOptions()
	strict.Strict = true
	if _, err := fastdiff.ApplyEdits(map[string]string{"q": "x = \u201chi\u201d\n"}, `[{"path": "q", "old_text": "x = \"hi\"", "new_text": "y"}]`, &strict); !errors.Is(err, fastdiff.ErrPatchHunkFailed) {
		t.Fatalf("%v", err)
	}
}

func TestParseEditsListsTheFiles(t *testing.T) {
	report, err := fastdiff.ParseEdits(envelope, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range report.Files {
		got = append(got, f.Path+"<"+f.Source+">"+f.Change.String())
	}
	want := []string{"new.md<>created", "old.txt<old.txt>deleted", "b.py<a.py>renamed"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q", got)
	}
}

func TestApplyPatchRecountsUnlessStrict(t *testing.T) {
	patch := "--- a\n+++ b\n@@ -1,1 +1,1 @@\n a\n-b\n+c\n"
	text, report, err := fastdiff.ApplyPatch("a\nb\n", patch, nil)
	if err != nil || text != "a\nc\n" || !report.Hunks[0].Recounted {
		t.Fatalf("%q %+v %v", text, report, err)
	}
	strict := fastdiff.DefaultApplyOptions()
	strict.Strict = true
	if _, _, err := fastdiff.ApplyPatch("a\nb\n", patch, &strict); !errors.Is(err, fastdiff.ErrPatchMalformed) {
		t.Fatalf("%v", err)
	}
	if fastdiff.MatchPunctuation.String() != "punctuation" || fastdiff.ReasonLimit.String() != "limit" || fastdiff.FormatSearchReplace.String() != "search_replace" {
		t.Fatal("names")
	}
}

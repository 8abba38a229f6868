package fastdiff_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"fast-diff/fastdiff"
)

// Code written against the byte-slice and String functions this package
// had before every function took any Text still compiles: each function
// still fits the variables of the old signatures.
var (
	_ func(old, new []byte, opts *fastdiff.Options) ([]byte, error)                                = fastdiff.UnifiedDiff
	_ func(old, new string, opts *fastdiff.Options) (string, error)                                = fastdiff.UnifiedDiffString
	_ func(text, patch []byte, opts *fastdiff.ApplyOptions) ([]byte, *fastdiff.PatchReport, error) = fastdiff.ApplyPatch
	_ func(text, patch string, opts *fastdiff.ApplyOptions) (string, *fastdiff.PatchReport, error) = fastdiff.ApplyPatchString
	_ func(patch []byte, recount bool) (*fastdiff.PatchReport, error)                              = fastdiff.ParsePatch
	_ func(old, new string, opts *fastdiff.Options) (fastdiff.Stats, error)                        = fastdiff.DiffStats
	_ func(old, new []byte, opts *fastdiff.Options) ([]fastdiff.Hunk[[]byte], error)               = fastdiff.DiffHunks
)

// The deprecated String functions are the generic ones for strings, under
// their own names in errors.
func TestTheStringFunctionsAreTheGenericOnes(t *testing.T) {
	old, new := "a\nb\n", "a\nc\n"
	want, err := fastdiff.UnifiedDiff(old, new, nil)
	if got, err2 := fastdiff.UnifiedDiffString(old, new, nil); err != nil || err2 != nil || got != want || want == "" {
		t.Errorf("UnifiedDiffString: %q, %v; UnifiedDiff: %q, %v", got, err2, want, err)
	}
	text, report, err := fastdiff.ApplyPatch(old, want, nil)
	got, gotReport, err2 := fastdiff.ApplyPatchString(old, want, nil)
	if err != nil || err2 != nil || got != text || text != new || gotReport.Message != report.Message {
		t.Errorf("ApplyPatchString: %q, %+v, %v; ApplyPatch: %q, %+v, %v", got, gotReport, err2, text, report, err)
	}

	bad := fastdiff.DefaultOptions()
	bad.OldLabel = "a\nb"
	_, err = fastdiff.UnifiedDiffString(old, new, &bad)
	var fdErr *fastdiff.Error
	if !errors.Is(err, fastdiff.ErrInvalidOptions) || !errors.As(err, &fdErr) || fdErr.Op != "UnifiedDiffString" ||
		!strings.Contains(err.Error(), "UnifiedDiffString") {
		t.Errorf("UnifiedDiffString: %v", err)
	}
	got, _, err = fastdiff.ApplyPatchString(old, "@@ -1 +1 @@\n-x\n+y\n", nil)
	if !errors.Is(err, fastdiff.ErrPatchHunkFailed) || !errors.As(err, &fdErr) || fdErr.Op != "ApplyPatchString" || got != "" {
		t.Errorf("ApplyPatchString: %q, %v", got, err)
	}
}

// Types defined on []byte or string are Text too, as they could be passed
// to the byte-slice functions: the result has the caller's type.
func TestDefinedTypesAreText(t *testing.T) {
	type name string
	old, new := json.RawMessage("[1,\n2]\n"), json.RawMessage("[1,\n3]\n")
	diff, err := fastdiff.UnifiedDiff(old, new, nil)
	want, _ := fastdiff.UnifiedDiff([]byte(old), []byte(new), nil)
	if err != nil || !bytes.Equal(diff, want) || len(want) == 0 {
		t.Fatalf("%q, %v; want %q", diff, err, want)
	}
	// A diff of a byte slice type is a fresh copy, nil when there is none.
	if same, err := fastdiff.UnifiedDiff(old, old, nil); same != nil || err != nil {
		t.Errorf("identical: %q, %v", same, err)
	}
	text, _, err := fastdiff.ApplyPatch(old, diff, nil)
	if err != nil || !bytes.Equal(text, new) {
		t.Errorf("ApplyPatch: %q, %v", text, err)
	}
	hunks, err := fastdiff.DiffHunks(name(old), name(new), nil)
	if err != nil || len(hunks) != 1 || hunks[0].Lines[2].Text != name("3]\n") {
		t.Errorf("DiffHunks: %+v, %v", hunks, err)
	}
	// Mixed with plain []byte, the defined type is inferred.
	var mixed json.RawMessage
	mixed, _, err = fastdiff.UnifiedDiffStats(old, []byte(new), nil)
	if err != nil || !bytes.Equal(mixed, want) {
		t.Errorf("UnifiedDiffStats: %q, %v", mixed, err)
	}
}

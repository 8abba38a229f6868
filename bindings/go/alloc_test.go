//go:build !race

package fastdiff_test

import (
	"strings"
	"testing"

	"fast-diff/fastdiff"
)

// Inputs go to C without copying: a diff of a megabyte allocates only its
// result, byte slices and strings alike. (The race detector adds allocations of its own.)
func TestInputsAreNotCopied(t *testing.T) {
	old := []byte(strings.Repeat("line\n", 200_000))
	new := append([]byte("first\n"), old...)
	oldS, newS := string(old), string(new)
	opts := fastdiff.DefaultOptions()
	for name, call := range map[string]func(){
		"nil options":          func() { fastdiff.UnifiedDiff(old, new, nil) },
		"options":              func() { fastdiff.UnifiedDiff(old, new, &opts) },
		"strings":              func() { fastdiff.UnifiedDiff(oldS, newS, &opts) },
		"UnifiedDiffString":    func() { fastdiff.UnifiedDiffString(oldS, newS, &opts) },
		"with stats":           func() { fastdiff.UnifiedDiffStats(old, new, &opts) },
		"strings with stats":   func() { fastdiff.UnifiedDiffStats(oldS, newS, nil) },
		"identical":            func() { fastdiff.UnifiedDiff(old, old, &opts) },
		"identical strings":    func() { fastdiff.UnifiedDiff(oldS, oldS, &opts) },
		"identical with stats": func() { fastdiff.UnifiedDiffStats(oldS, oldS, &opts) },
	} {
		want := 1.0
		if strings.HasPrefix(name, "identical") {
			want = 0
		}
		if allocs := testing.AllocsPerRun(20, call); allocs != want {
			t.Errorf("%s: %v allocations per call, want %v", name, allocs, want)
		}
	}
}

// The structured results copy nothing of the inputs either: stats allocate
// nothing; hunks allocate their lines and hunks (line texts are pieces of
// the inputs); word diffs their spans and the text.
func TestStructuredResultsDoNotCopyTheInputs(t *testing.T) {
	old := []byte(strings.Repeat("line\n", 200_000))
	new := append([]byte("first\n"), old...)
	oldS, newS := string(old), string(new)
	opts := fastdiff.DefaultOptions()
	for name, c := range map[string]struct {
		call func()
		want float64
	}{
		"stats":            {func() { fastdiff.DiffStats(old, new, &opts) }, 0},
		"stats of strings": {func() { fastdiff.DiffStats(oldS, newS, nil) }, 0},
		"hunks":            {func() { fastdiff.DiffHunks(old, new, &opts) }, 2},
		"hunks of strings": {func() { fastdiff.DiffHunks(oldS, newS, nil) }, 2},
		"no hunks":         {func() { fastdiff.DiffHunks(old, old, &opts) }, 0},
		"words":            {func() { fastdiff.WordDiff(old, new, fastdiff.Words, &opts) }, 2},
		"chars of strings": {func() { fastdiff.WordDiff(oldS, newS, fastdiff.Chars, nil) }, 2},
	} {
		if allocs := testing.AllocsPerRun(20, c.call); allocs != c.want {
			t.Errorf("%s: %v allocations per call, want %v", name, allocs, c.want)
		}
	}
}

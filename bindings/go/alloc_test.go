//go:build !race

package fastdiff_test

import (
	"strings"
	"testing"

	"fast-diff/fastdiff"
)

// Inputs go to C without copying: a diff of a megabyte allocates only its
// result. (The race detector adds allocations of its own.)
func TestInputsAreNotCopied(t *testing.T) {
	old := []byte(strings.Repeat("line\n", 200_000))
	new := append([]byte("first\n"), old...)
	oldS, newS := string(old), string(new)
	opts := fastdiff.DefaultOptions()
	for name, call := range map[string]func(){
		"nil options": func() { fastdiff.UnifiedDiff(old, new, nil) },
		"options":     func() { fastdiff.UnifiedDiff(old, new, &opts) },
		"strings":     func() { fastdiff.UnifiedDiffString(oldS, newS, &opts) },
		"identical":   func() { fastdiff.UnifiedDiff(old, old, &opts) },
	} {
		want := 1.0
		if name == "identical" {
			want = 0
		}
		if allocs := testing.AllocsPerRun(20, call); allocs != want {
			t.Errorf("%s: %v allocations per call, want %v", name, allocs, want)
		}
	}
}

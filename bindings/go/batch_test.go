package fastdiff_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"fast-diff/fastdiff"
)

// batchPairs are texts of many sizes, some identical, some without a final
// newline, some with NUL and CRLF.
func batchPairs(n int) []fastdiff.Pair[[]byte] {
	pairs := make([]fastdiff.Pair[[]byte], n)
	for i := range pairs {
		var old, new strings.Builder
		for j := 0; j < i%90; j++ {
			fmt.Fprintf(&old, "line %d\n", j)
			if i%5 != 0 && j%(3+i%7) == 1 {
				fmt.Fprintf(&new, "changed %d\r\n", j)
			} else {
				fmt.Fprintf(&new, "line %d\n", j)
			}
		}
		if i%11 == 0 {
			new.WriteString("\x00tail")
		}
		pairs[i] = fastdiff.Pair[[]byte]{Old: []byte(old.String()), New: []byte(new.String())}
	}
	return pairs
}

func TestUnifiedDiffManyIsUnifiedDiffPerPair(t *testing.T) {
	pairs := batchPairs(200)
	opts := fastdiff.DefaultOptions()
	opts.ContextLines = 1
	opts.Algorithm = fastdiff.Histogram
	for _, o := range []*fastdiff.Options{nil, &opts} {
		for _, threads := range []int{0, 1, 2, 3, 64} {
			diffs, err := fastdiff.UnifiedDiffMany(pairs, o, threads)
			if err != nil || len(diffs) != len(pairs) {
				t.Fatalf("threads %d: %d diffs, %v", threads, len(diffs), err)
			}
			for i, p := range pairs {
				want, _ := fastdiff.UnifiedDiff(p.Old, p.New, o)
				if string(diffs[i]) != string(want) {
					t.Fatalf("threads %d, pair %d: %q, want %q", threads, i, diffs[i], want)
				}
			}
		}
	}
}

func TestUnifiedDiffManyStringsAndLabels(t *testing.T) {
	pairs := []fastdiff.Pair[string]{
		{Old: "a\n", New: "b\n", OldLabel: "a/one\t2024-01-01", NewLabel: "b/one"},
		{Old: "same\n", New: "same\n"},
		{Old: "x\n", New: "y\n"},
	}
	opts := fastdiff.DefaultOptions()
	opts.OldLabel, opts.NewLabel = "a/all", ""
	diffs, err := fastdiff.UnifiedDiffMany(pairs, &opts, 2)
	want := []string{
		"--- a/one\t2024-01-01\n+++ b/one\n@@ -1 +1 @@\n-a\n+b\n",
		"",
		"--- a/all\n+++ \n@@ -1 +1 @@\n-x\n+y\n",
	}
	if err != nil || fmt.Sprint(diffs) != fmt.Sprint(want) {
		t.Fatalf("got %q, %v; want %q", diffs, err, want)
	}
	if diffs, err := fastdiff.UnifiedDiffMany([]fastdiff.Pair[string]{}, nil, 0); err != nil || len(diffs) != 0 {
		t.Fatalf("no pairs: %q, %v", diffs, err)
	}
}

func TestUnifiedDiffManyAPairFailsAlone(t *testing.T) {
	pairs := []fastdiff.Pair[string]{
		{Old: "a\n", New: "b\n"},
		{Old: "a\n", New: "b\n", NewLabel: "bad\nlabel"},
		{Old: "c\n", New: "d\n"},
	}
	diffs, err := fastdiff.UnifiedDiffMany(pairs, nil, 0)
	var pairErr *fastdiff.PairError
	if !errors.Is(err, fastdiff.ErrInvalidOptions) || !errors.As(err, &pairErr) || pairErr.Index != 1 {
		t.Fatalf("error %v, want pair 1's ErrInvalidOptions", err)
	}
	if diffs[1] != "" || !strings.HasSuffix(diffs[0], "-a\n+b\n") || !strings.HasSuffix(diffs[2], "-c\n+d\n") {
		t.Fatalf("diffs %q", diffs)
	}
	if !strings.Contains(err.Error(), "pair 1: invalid options") {
		t.Fatalf("message %q", err)
	}
}

func TestUnifiedDiffManyRefusesBadArguments(t *testing.T) {
	pairs := []fastdiff.Pair[string]{{Old: "a", New: "b"}}
	if _, err := fastdiff.UnifiedDiffMany(pairs, nil, -1); !errors.Is(err, fastdiff.ErrInvalidOptions) {
		t.Fatalf("threads -1: %v", err)
	}
	opts := fastdiff.DefaultOptions()
	opts.Modes = 1 << 30
	diffs, err := fastdiff.UnifiedDiffMany(pairs, &opts, 1)
	var pairErr *fastdiff.PairError
	if diffs != nil || !errors.Is(err, fastdiff.ErrInvalidOptions) || errors.As(err, &pairErr) {
		t.Fatalf("bad modes: %q, %v", diffs, err)
	}
}

func TestUnifiedDiffManyFromManyGoroutines(t *testing.T) {
	pairs := batchPairs(100)
	want, err := fastdiff.UnifiedDiffMany(pairs, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func(threads int) {
			defer wg.Done()
			got, err := fastdiff.UnifiedDiffMany(pairs, nil, threads)
			if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("threads %d: %v", threads, err)
			}
		}(g % 3)
	}
	wg.Wait()
}

func ExampleUnifiedDiffMany() {
	pairs := []fastdiff.Pair[string]{
		{Old: "a\nb\n", New: "a\nc\n", OldLabel: "a/one.txt", NewLabel: "b/one.txt"},
		{Old: "same\n", New: "same\n", OldLabel: "a/two.txt", NewLabel: "b/two.txt"},
	}
	diffs, err := fastdiff.UnifiedDiffMany(pairs, nil, 0)
	if err != nil {
		panic(err)
	}
	for _, diff := range diffs {
		fmt.Print(diff)
	}
	// Output:
	// --- a/one.txt
	// +++ b/one.txt
	// @@ -1,2 +1,2 @@
	//  a
	// -b
	// +c
}

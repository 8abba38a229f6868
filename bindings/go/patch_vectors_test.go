package fastdiff

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// roundTrips are the vectors whose expected diff turns old into new: those
// that compare lines byte for byte (with comparison modes, lines that
// differ in ignored ways are left as they were).
func roundTrips(t *testing.T) []vector {
	var out []vector
	for _, v := range readVectors(t) {
		if v.status == StatusOK && v.opts.Modes == 0 {
			out = append(out, v)
		}
	}
	if len(out) < 30 {
		t.Fatalf("only %d vectors to round-trip", len(out))
	}
	return out
}

// Every committed expected diff applies to old to give new, and backwards
// to new to give old, through both functions.
func TestEveryVectorsDiffAppliesBothWays(t *testing.T) {
	reverse := DefaultApplyOptions()
	reverse.Reverse = true
	for _, v := range roundTrips(t) {
		got, report, err := ApplyPatch(v.old, v.expected, nil)
		if err != nil || !bytes.Equal(got, v.new) {
			t.Errorf("%s: got %q, %v", v.name, clip(got), err)
			continue
		}
		for _, h := range report.Hunks {
			if h.Outcome != HunkApplied || h.Offset != 0 || h.Fuzz != 0 || h.MatchMode != MatchExact {
				t.Errorf("%s: an engine diff applies exactly where it says: %+v", v.name, h)
			}
		}
		back, _, err := ApplyPatch(v.new, v.expected, &reverse)
		if err != nil || !bytes.Equal(back, v.old) {
			t.Errorf("%s reversed: got %q, %v", v.name, clip(back), err)
		}
		s, _, err := ApplyPatch(string(v.old), string(v.expected), nil)
		if err != nil || s != string(v.new) {
			t.Errorf("%s: ApplyPatch of strings: %v", v.name, err)
		}
	}
}

// Goroutines applying patches at once get exactly the sequential results,
// errors and reports included. Run under -race by make test.
func TestConcurrentApplyGivesTheSequentialResults(t *testing.T) {
	vectors := roundTrips(t)
	reverse := DefaultApplyOptions()
	reverse.Reverse = true
	unrelated := bytes.Repeat([]byte("unrelated\n"), 20)
	type result struct {
		text   string
		report string
		err    string
	}
	run := func(v *vector, kind int) result {
		var text []byte
		var report *PatchReport
		var err error
		switch kind {
		case 0:
			text, report, err = ApplyPatch(v.old, v.expected, nil)
		case 1:
			text, report, err = ApplyPatch(v.new, v.expected, &reverse)
		default:
			text, report, err = ApplyPatch(unrelated, v.expected, nil)
		}
		return result{string(text), fmt.Sprintf("%+v", report), fmt.Sprint(err)}
	}
	sequential := make([][3]result, len(vectors))
	for i := range vectors {
		for kind := range 3 {
			sequential[i][kind] = run(&vectors[i], kind)
		}
	}
	const goroutines, rounds = 8, 10
	var wg sync.WaitGroup
	mismatches := make(chan string, goroutines*rounds*len(vectors))
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for k := range vectors {
					i, kind := (k+g*7)%len(vectors), (g+r+k)%3
					if got := run(&vectors[i], kind); got != sequential[i][kind] {
						mismatches <- fmt.Sprintf("goroutine %d round %d: %s kind %d differs", g, r, vectors[i].name, kind)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(mismatches)
	for m := range mismatches {
		t.Error(m)
	}
}

package fastdiff

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// Goroutines diffing at once, on every vector and through both functions,
// get exactly the sequential results. Run under -race by make test.
func TestConcurrentCallsGiveTheSequentialResults(t *testing.T) {
	vectors := readVectors(t)
	type result struct {
		diff   []byte
		status Status
	}
	run := func(v *vector, asString bool) result {
		var diff []byte
		var err error
		if asString {
			var s string
			s, err = UnifiedDiff(string(v.old), string(v.new), &v.opts)
			diff = []byte(s)
		} else {
			diff, err = UnifiedDiff(v.old, v.new, &v.opts)
		}
		status := StatusOK
		if e, ok := err.(*Error); ok {
			status = e.Status
		} else if err != nil {
			t.Errorf("%s: %T %v", v.name, err, err)
		}
		return result{diff, status}
	}
	sequential := make([]result, len(vectors))
	for i := range vectors {
		sequential[i] = run(&vectors[i], false)
	}

	const goroutines, rounds = 8, 20
	var wg sync.WaitGroup
	mismatches := make(chan string, goroutines*rounds*len(vectors))
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for k := range vectors {
					// Each goroutine walks the vectors from its own start.
					i := (k + g*7) % len(vectors)
					got := run(&vectors[i], (g+r)%2 == 1)
					if !bytes.Equal(got.diff, sequential[i].diff) || got.status != sequential[i].status {
						mismatches <- fmt.Sprintf("goroutine %d round %d: %s differs", g, r, vectors[i].name)
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(mismatches)
	for m := range mismatches {
		t.Error(m)
	}
}

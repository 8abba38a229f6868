package fastdiff_test

import (
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"fast-diff/fastdiff"
	"fast-diff/fastdiff/internal/rawc"
)

// The benchmarks' tiny fixture (benches/fixtures.py, tiny_100b): a pair of
// 98 bytes with one line changed, where per-call overhead shows.
var (
	tinyOld = "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\nnu\nxi\nomicron\npi\nrho\nsigma\ntau\n"
	tinyNew = strings.Replace(tinyOld, "zeta", "ZETA", 1)
)

// The floor: fd_unified_diff and fd_free called from a C loop.
func BenchmarkTinyRawC(b *testing.B) {
	old, new := []byte(tinyOld), []byte(tinyNew)
	b.ReportAllocs()
	b.ResetTimer()
	if rawc.DiffLoop(old, new, b.N) <= 0 {
		b.Fatal("diff failed")
	}
}

// One cgo crossing per diff, nothing else.
func BenchmarkTinyCgoCall(b *testing.B) {
	old, new := []byte(tinyOld), []byte(tinyNew)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if rawc.DiffOnce(old, new) <= 0 {
			b.Fatal("diff failed")
		}
	}
}

func BenchmarkTinyUnifiedDiff(b *testing.B) {
	old, new := []byte(tinyOld), []byte(tinyNew)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := fastdiff.UnifiedDiff(old, new, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTinyUnifiedDiffOptions(b *testing.B) {
	old, new := []byte(tinyOld), []byte(tinyNew)
	opts := fastdiff.DefaultOptions()
	opts.OldLabel, opts.NewLabel = "a/greek.txt", "b/greek.txt"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := fastdiff.UnifiedDiff(old, new, &opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTinyUnifiedDiffOfStrings(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := fastdiff.UnifiedDiff(tinyOld, tinyNew, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// What the binding adds per call over the raw C call, measured side by
// side: rounds of calls alternate between a C loop and the Go API, so that
// other load on the machine hits both alike. Reports the medians over the
// rounds of each side's time per call and of their difference. Both sides
// run on one OS thread (one malloc arena and one CPU's caches, as in a C
// program) after an untimed round each.
func BenchmarkTinyOverhead(b *testing.B) {
	const perRound = 200
	old, new := []byte(tinyOld), []byte(tinyNew)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cNs, goNs, overheadNs []float64
	timeIt := func(f func()) float64 {
		start := time.Now()
		f()
		return float64(time.Since(start).Nanoseconds()) / perRound
	}
	viaC := func() {
		if rawc.DiffLoop(old, new, perRound) <= 0 {
			b.Fatal("diff failed")
		}
	}
	viaGo := func() {
		for i := 0; i < perRound; i++ {
			if _, err := fastdiff.UnifiedDiff(old, new, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	viaC()
	viaGo()
	b.ResetTimer()
	for round := 0; round*perRound < b.N; round++ {
		var c, g float64
		if round%2 == 0 {
			c, g = timeIt(viaC), timeIt(viaGo)
		} else {
			g, c = timeIt(viaGo), timeIt(viaC)
		}
		cNs, goNs, overheadNs = append(cNs, c), append(goNs, g), append(overheadNs, g-c)
	}
	b.ReportMetric(median(cNs), "c-ns/call")
	b.ReportMetric(median(goNs), "go-ns/call")
	b.ReportMetric(median(overheadNs), "overhead-ns/call")
}

func median(xs []float64) float64 {
	sorted := append([]float64(nil), xs...)
	sort.Float64s(sorted)
	if n := len(sorted); n%2 == 1 {
		return sorted[n/2]
	} else {
		return (sorted[n/2-1] + sorted[n/2]) / 2
	}
}

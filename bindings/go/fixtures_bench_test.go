package fastdiff_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"fast-diff/fastdiff"
)

// The cross-language fixtures (benches/fixtures.py; `make bench` runs this
// fixture by fixture): UnifiedDiff with the default options, as every other
// language's benchmark calls the engine. FAST_DIFF_FIXTURES names the
// fixtures' directory (default ../../benches/data); without it the
// benchmark is skipped. With FAST_DIFF_BENCH_OUTPUTS set, each fixture's
// diff, computed once outside the timing, is written to
// $FAST_DIFF_BENCH_OUTPUTS/FIXTURE/go UnifiedDiff.diff for run.py to
// compare with the other languages' (small_pairs framed as its input is).
var benchFixtures = []string{
	"prose_10m", "log_10m", "identical_10m", "source_100k", "unrelated_1m", "repeated_1m",
	"repeated_unrelated_1m", "log_1m", "log_100k", "log_1k", "tiny_100b",
}

func fixturesDir() string {
	if dir := os.Getenv("FAST_DIFF_FIXTURES"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "benches", "data")
}

func BenchmarkFixture(b *testing.B) {
	dir := fixturesDir()
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		b.Skipf("no fixtures in %s (make fixtures): %v", dir, err)
	}
	for _, name := range benchFixtures {
		b.Run(name, func(b *testing.B) {
			old := readFixture(b, filepath.Join(dir, name+".old"))
			new := readFixture(b, filepath.Join(dir, name+".new"))
			b.SetBytes(int64(len(old) + len(new)))
			writeOutput(b, name, [][2][]byte{{old, new}}, false)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := fastdiff.UnifiedDiff(old, new, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("small_pairs", func(b *testing.B) {
		pairs := splitPairs(b, readFixture(b, filepath.Join(dir, "small_pairs.bin")))
		writeOutput(b, "small_pairs", pairs, true)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, p := range pairs {
				if _, err := fastdiff.UnifiedDiff(p[0], p[1], nil); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func readFixture(b *testing.B, path string) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatalf("%v (make fixtures)", err)
	}
	return data
}

// splitPairs reads small_pairs.bin: (u32 little-endian length, bytes) for
// the old text, then the new, repeated.
func splitPairs(b *testing.B, data []byte) [][2][]byte {
	b.Helper()
	var pairs [][2][]byte
	for len(data) > 0 {
		var pair [2][]byte
		for side := range pair {
			if len(data) < 4 || uint64(len(data)-4) < uint64(binary.LittleEndian.Uint32(data)) {
				b.Fatal("small_pairs.bin is truncated")
			}
			size := binary.LittleEndian.Uint32(data)
			pair[side], data = data[4:4+size], data[4+size:]
		}
		pairs = append(pairs, pair)
	}
	return pairs
}

// writeOutput writes the diffs of pairs where FAST_DIFF_BENCH_OUTPUTS asks,
// each with a u32 little-endian length before it when framed.
func writeOutput(b *testing.B, fixture string, pairs [][2][]byte, framed bool) {
	b.Helper()
	root := os.Getenv("FAST_DIFF_BENCH_OUTPUTS")
	if root == "" {
		return
	}
	var out []byte
	for _, p := range pairs {
		diff, err := fastdiff.UnifiedDiff(p[0], p[1], nil)
		if err != nil {
			b.Fatal(err)
		}
		if framed {
			out = binary.LittleEndian.AppendUint32(out, uint32(len(diff)))
		}
		out = append(out, diff...)
	}
	dir := filepath.Join(root, fixture)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go UnifiedDiff.diff"), out, 0o644); err != nil {
		b.Fatal(err)
	}
}

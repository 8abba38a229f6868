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
// benchmark is skipped.
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

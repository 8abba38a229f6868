package fastdiff

// Comparison modes, DiffStats, DiffHunks and WordDiff: the diff as data,
// tied to the unified text UnifiedDiff writes.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// writeUnified writes the unified diff from hunks alone, as GNU diff does.
func writeUnified[T Text](hunks []Hunk[T], oldLabel, newLabel string) []byte {
	if len(hunks) == 0 {
		return nil
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldLabel, newLabel)
	for _, h := range hunks {
		b.WriteString(h.Header() + "\n")
		for _, l := range h.Lines {
			b.WriteString(map[LineKind]string{LineContext: " ", LineRemoved: "-", LineAdded: "+"}[l.Kind])
			b.WriteString(string(l.Text))
			if l.NoNewline {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return b.Bytes()
}

// Lines that differ only in ways some mode ignores, non-ASCII, CR, blank
// lines, a last line without LF.
var awkward = []string{"a\n", "A\n", "a \n", " a\n", "a  b\n", "a b\n", "ab\n", "a\r\n", "\n", "  \n", "é\n", "日本\n", "x", "\t\n"}

func randomText(r *rand.Rand, alphabet []string, most int) string {
	var b strings.Builder
	for n := r.Intn(most); n > 0; n-- {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

var modeSets = []Modes{0, IgnoreSpaceChange, IgnoreAllSpace, IgnoreBlankLines, IgnoreCase, StripTrailingCR,
	IgnoreSpaceChange | IgnoreCase, IgnoreSpaceChange | IgnoreAllSpace | IgnoreBlankLines | IgnoreCase | StripTrailingCR}

func TestModesMatchLinesThatDifferOnlyInIgnoredWays(t *testing.T) {
	for _, c := range []struct {
		old, new string
		modes    Modes
		want     string
	}{
		{"a  b\nc\n", "a b\nC\n", IgnoreSpaceChange, "@@ -1,2 +1,2 @@\n a  b\n-c\n+C\n"},
		{"a b \nc\n", "a\tb\nC\n", IgnoreSpaceChange, "@@ -1,2 +1,2 @@\n a b \n-c\n+C\n"},
		{"a b\nc\n", "ab\nC\n", IgnoreAllSpace, "@@ -1,2 +1,2 @@\n a b\n-c\n+C\n"},
		{"Hello\nx\n", "hello\ny\n", IgnoreCase, "@@ -1,2 +1,2 @@\n Hello\n-x\n+y\n"},
		{"a\r\nb\r\n", "a\nc\n", StripTrailingCR, "@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\n"},
		{"a\nb\n", "a\n\nb\n", IgnoreBlankLines, ""},
	} {
		opts := DefaultOptions()
		opts.Modes = c.modes
		want := ""
		if c.want != "" {
			want = "--- original\n+++ modified\n" + c.want
		}
		got, err := UnifiedDiff(c.old, c.new, &opts)
		if err != nil || got != want {
			t.Errorf("%q %q modes %b: got %q, %v; want %q", c.old, c.new, c.modes, got, err, want)
		}
		if without, _ := UnifiedDiff(c.old, c.new, nil); without == want {
			t.Errorf("%q %q: the same diff without the modes", c.old, c.new)
		}
	}
	opts := DefaultOptions()
	opts.Modes = 1 << 20
	if _, err := UnifiedDiff([]byte("a"), []byte("b"), &opts); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("an unknown mode bit: %v", err)
	}
}

func TestEveryModeCombinationReachesTheEngine(t *testing.T) {
	// Five changes, far apart, each hidden by some modes: the hunks left
	// are those of the changes no mode given hides.
	keep := "same 0\nsame 1\nsame 2\n"
	changes := []struct {
		old, new string
		hiddenBy Modes
	}{
		{"Case\n", "case\n", IgnoreCase},
		{"x y\n", "x  y\n", IgnoreSpaceChange | IgnoreAllSpace},
		{"p q\n", "pq\n", IgnoreAllSpace},
		{"r\r\n", "r\n", StripTrailingCR | IgnoreSpaceChange | IgnoreAllSpace},
		{"", "\n", IgnoreBlankLines},
	}
	var old, new strings.Builder
	for _, c := range changes {
		old.WriteString(keep + c.old)
		new.WriteString(keep + c.new)
	}
	old.WriteString(keep)
	new.WriteString(keep)
	for modes := Modes(0); modes < 32; modes++ {
		opts := DefaultOptions()
		opts.ContextLines, opts.Modes = 0, modes
		hunks, err := DiffHunks(old.String(), new.String(), &opts)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		for _, c := range changes {
			if c.hiddenBy&modes == 0 {
				want = append(want, slicesOf(c.old, c.new))
			}
		}
		var got [][]string
		for _, h := range hunks {
			var texts []string
			for _, l := range h.Lines {
				texts = append(texts, l.Text)
			}
			got = append(got, texts)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("modes %05b: hunks %q, want %q", modes, got, want)
		}
		diff, _ := UnifiedDiff(old.String(), new.String(), &opts)
		if written := string(writeUnified(hunks, "original", "modified")); written != diff {
			t.Errorf("modes %05b: the hunks write %q, the diff is %q", modes, written, diff)
		}
		if stats, err := DiffStats(old.String(), new.String(), &opts); err != nil || stats.Hunks != len(want) {
			t.Errorf("modes %05b: %+v, %v", modes, stats, err)
		}
	}
}

func slicesOf(lines ...string) []string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestDiffStats(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn\n"
	stats, err := DiffStats(old, new, nil)
	if err != nil || stats.LinesAdded != 3 || stats.LinesRemoved != 2 || stats.Hunks != 2 || stats.Identical ||
		math.Abs(stats.Similarity-22.0/27) > 1e-12 {
		t.Fatalf("%+v, %v", stats, err)
	}
	if fromBytes, _ := DiffStats([]byte(old), []byte(new), nil); fromBytes != stats {
		t.Errorf("bytes: %+v, strings: %+v", fromBytes, stats)
	}
	opts := DefaultOptions()
	opts.ContextLines = 5
	if merged, _ := DiffStats(old, new, &opts); merged.Hunks != 1 {
		t.Errorf("5 lines of context: %+v", merged)
	}
	for _, c := range []struct {
		old, new string
		modes    Modes
		want     Stats
	}{
		{"", "", 0, Stats{Identical: true, Similarity: 1}},
		{"x\n", "x\n", 0, Stats{Identical: true, Similarity: 1}},
		{"", "a\nb\n", 0, Stats{LinesAdded: 2, Hunks: 1}},
		{"A\n", "a\n", IgnoreCase, Stats{Identical: true, Similarity: 1}},
		// difflib.SequenceMatcher(None, old, new).ratio() over lines:
		{"a\nb\nc\n", "a\nx\nc\n", 0, Stats{LinesAdded: 1, LinesRemoved: 1, Hunks: 1, Similarity: 4.0 / 6}},
		{"a\nb\nc\nd\n", "b\nc\n", 0, Stats{LinesRemoved: 2, Hunks: 1, Similarity: 4.0 / 6}},
		{"a\nb", "a\nb\n", 0, Stats{LinesAdded: 1, LinesRemoved: 1, Hunks: 1, Similarity: 0.5}},
	} {
		opts := DefaultOptions()
		opts.Modes = c.modes
		if got, err := DiffStats(c.old, c.new, &opts); err != nil || got != c.want {
			t.Errorf("%q %q: %+v, %v; want %+v", c.old, c.new, got, err, c.want)
		}
	}
}

// The counts are the +, - and @@ lines of the unified diff, for every
// algorithm, context and mode, and UnifiedDiffStats gives that diff and
// those counts.
func TestDiffStatsCountTheUnifiedDiff(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 600; i++ {
		old, new := randomText(r, awkward, 25), randomText(r, awkward, 25)
		opts := DefaultOptions()
		opts.ContextLines, opts.Algorithm, opts.Modes = i%4, Algorithm(i%3), modeSets[i%len(modeSets)]
		diff, err := UnifiedDiff(old, new, &opts)
		if err != nil {
			t.Fatal(err)
		}
		var want Stats
		want.Identical = diff == ""
		for j, line := range strings.SplitAfter(diff, "\n") {
			switch {
			case j < 2:
			case strings.HasPrefix(line, "@@ "):
				want.Hunks++
			case strings.HasPrefix(line, "+"):
				want.LinesAdded++
			case strings.HasPrefix(line, "-"):
				want.LinesRemoved++
			}
		}
		want.Similarity = similarity(t, []byte(old), []byte(new), opts)
		got, err := DiffStats(old, new, &opts)
		if err != nil || got != want || got.Similarity < 0 || got.Similarity > 1 {
			t.Fatalf("%q %q %+v: %+v, %v; want %+v", old, new, opts, got, err, want)
		}
		if both, bothStats, err := UnifiedDiffStats(old, new, &opts); err != nil || both != diff || bothStats != want {
			t.Fatalf("%q %q %+v: UnifiedDiffStats gives %q, %+v, %v; want %q, %+v", old, new, opts, both, bothStats, err,
				diff, want)
		}
	}
}

func TestDiffHunks(t *testing.T) {
	old, new := "one\ntwo\nthree\nfour\nlast", "zero\none\nTWO\nthree\nfour\nlast"
	opts := DefaultOptions()
	opts.ContextLines = 1
	hunks, err := DiffHunks(old, new, &opts)
	want := []Hunk[string]{{OldStart: 1, OldCount: 3, NewStart: 1, NewCount: 4, Lines: []Line[string]{
		{Kind: LineAdded, NewLine: 1, Start: 0, End: 5, Text: "zero\n"},
		{Kind: LineContext, OldLine: 1, NewLine: 2, Start: 0, End: 4, Text: "one\n"},
		{Kind: LineRemoved, OldLine: 2, Start: 4, End: 8, Text: "two\n"},
		{Kind: LineAdded, NewLine: 3, Start: 9, End: 13, Text: "TWO\n"},
		{Kind: LineContext, OldLine: 3, NewLine: 4, Start: 8, End: 14, Text: "three\n"},
	}}}
	if err != nil || !reflect.DeepEqual(hunks, want) {
		t.Fatalf("got %+v, %v\nwant %+v", hunks, err, want)
	}
	if h := hunks[0].Header(); h != "@@ -1,3 +1,4 @@" {
		t.Errorf("header %q", h)
	}
	opts.ContextLines = 0
	inserted, _ := DiffHunks([]byte("a\nb\n"), []byte("a\nx\nb\n"), &opts)
	if len(inserted) != 1 || inserted[0].Header() != "@@ -1,0 +2 @@" {
		t.Errorf("an empty range names the line before it: %+v", inserted)
	}
	noNewline, _ := DiffHunks([]byte("a\nb"), []byte("a\nb\n"), nil)
	if len(noNewline) != 1 || len(noNewline[0].Lines) != 3 || !noNewline[0].Lines[1].NoNewline ||
		noNewline[0].Lines[2].NoNewline || string(noNewline[0].Lines[1].Text) != "b" {
		t.Errorf("a last line without LF: %+v", noNewline)
	}
	if none, err := DiffHunks(old, old, nil); none != nil || err != nil {
		t.Errorf("identical: %+v, %v", none, err)
	}
}

// Line texts are pieces of the caller's own input, not copies, and a byte
// slice piece cannot be appended to over the rest of the input.
func TestLineTextsArePiecesOfTheInput(t *testing.T) {
	old := []byte("é\nß\nx\nkeep\n")
	new := []byte("é\n日本語\nx\nkeep\n")
	oldCopy := bytes.Clone(old)
	hunks, err := DiffHunks(old, new, nil)
	if err != nil || len(hunks) != 1 {
		t.Fatal(hunks, err)
	}
	for _, l := range hunks[0].Lines {
		source := old
		if l.Kind == LineAdded {
			source = new
		}
		if unsafe.SliceData(l.Text) != &source[l.Start] || len(l.Text) != l.End-l.Start || cap(l.Text) != len(l.Text) {
			t.Errorf("%+v is not source[%d:%d] with its capacity cut", l, l.Start, l.End)
		}
		_ = append(l.Text, '!')
	}
	if !bytes.Equal(old, oldCopy) {
		t.Errorf("appending to a line wrote into the input: %q", old)
	}
	oldS, newS := string(old), string(new)
	strHunks, _ := DiffHunks(oldS, newS, nil)
	for _, l := range strHunks[0].Lines {
		source := oldS
		if l.Kind == LineAdded {
			source = newS
		}
		if unsafe.StringData(l.Text) != unsafe.StringData(source[l.Start:]) || l.Text != source[l.Start:l.End] {
			t.Errorf("%+v is not a piece of the input string", l)
		}
	}
}

// Every hunk, number, kind, piece and marker, for every algorithm, context
// and mode, in strings and bytes: writing the unified diff from the hunks
// gives UnifiedDiff's, byte for byte; line numbers count through each hunk.
func TestDiffHunksWriteTheUnifiedDiff(t *testing.T) {
	r := rand.New(rand.NewSource(23))
	bytesAlphabet := append([]string{"\xff\n", "\xc3\n", "\x00\n", "x\r"}, awkward...)
	for i := 0; i < 600; i++ {
		old, new := randomText(r, bytesAlphabet, 25), randomText(r, bytesAlphabet, 25)
		opts := DefaultOptions()
		opts.ContextLines, opts.Algorithm, opts.Modes = i%5, Algorithm(i%3), modeSets[i%len(modeSets)]
		opts.OldLabel, opts.NewLabel = "a/f", "b/f"
		diff, err := UnifiedDiff([]byte(old), []byte(new), &opts)
		if err != nil {
			t.Fatal(err)
		}
		byteHunks, err1 := DiffHunks([]byte(old), []byte(new), &opts)
		stringHunks, err2 := DiffHunks(old, new, &opts)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if got := writeUnified(byteHunks, "a/f", "b/f"); !bytes.Equal(got, diff) {
			t.Fatalf("%q %q %+v: the hunks write\n%q\nthe diff is\n%q", old, new, opts, got, diff)
		}
		if got := writeUnified(stringHunks, "a/f", "b/f"); !bytes.Equal(got, diff) {
			t.Fatalf("%q %q %+v: the string hunks write\n%q", old, new, opts, got)
		}
		for _, h := range stringHunks {
			oldLine, newLine := h.OldStart, h.NewStart
			if h.OldCount == 0 {
				oldLine++
			}
			if h.NewCount == 0 {
				newLine++
			}
			for _, l := range h.Lines {
				wantOld, wantNew := oldLine, newLine
				if l.Kind == LineAdded {
					wantOld = 0
				} else {
					oldLine++
				}
				if l.Kind == LineRemoved {
					wantNew = 0
				} else {
					newLine++
				}
				if l.OldLine != wantOld || l.NewLine != wantNew {
					t.Fatalf("%q %q: %+v, want lines %d %d", old, new, l, wantOld, wantNew)
				}
			}
		}
	}
}

func TestWordDiff(t *testing.T) {
	old, new := "keep\nthe quick brown fox\nend\n", "keep\nthe slow brown cat\nend\n"
	got, err := WordDiff(old, new, Words, nil)
	want := WordDiffResult[string]{
		Spans: []Span[string]{
			{SpanEqual, 0, 0, 9, "keep\nthe "},
			{SpanRemoved, 0, 9, 14, "quick"},
			{SpanAdded, 0, 9, 13, "slow"},
			{SpanEqual, 0, 14, 21, " brown "},
			{SpanRemoved, 0, 21, 24, "fox"},
			{SpanAdded, 0, 20, 23, "cat"},
			{SpanEqual, 0, 24, 29, "\nend\n"},
		},
		Text: "--- original\n+++ modified\n@@ -1,3 +1,3 @@\nkeep\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\nend\n",
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v\nwant %+v", got, err, want)
	}
	opts := DefaultOptions()
	opts.ContextLines, opts.OldLabel, opts.NewLabel = 0, "a/x", "b/x"
	labelled, _ := WordDiff([]byte(old), []byte(new), Words, &opts)
	if string(labelled.Text) != "--- a/x\n+++ b/x\n@@ -2 +2 @@\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\n" {
		t.Errorf("labels and context: %q", labelled.Text)
	}
	if none, err := WordDiff(old, old, Chars, nil); none.Spans != nil || none.Text != "" || err != nil {
		t.Errorf("identical: %+v, %v", none, err)
	}
	if none, _ := WordDiff([]byte(old), []byte(old), Chars, nil); none.Text != nil {
		t.Errorf("identical bytes: %+v", none)
	}
	if _, err := WordDiff(old, new, Granularity(3), nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("an unknown granularity: %v", err)
	}
}

func TestGranularitiesNeverSplitACharacter(t *testing.T) {
	for _, c := range []struct {
		old, new    string
		granularity Granularity
		line        string
	}{
		{"café\n", "cafe\n", Chars, "caf[-é-]{+e+}"},
		{"café\n", "cafe\n", Words, "[-café-]{+cafe+}"},
		{"e\u0301x\n", "ex\n", Graphemes, "[-e\u0301-]{+e+}x"},
		{"e\u0301x\n", "ex\n", Chars, "e[-\u0301-]x"},
		{"日本語\n", "日本\n", Chars, "日本[-語-]"},
		{"caf\xff\n", "cafe\n", Chars, "caf[-\xff-]{+e+}"},
	} {
		got, err := WordDiff([]byte(c.old), []byte(c.new), c.granularity, nil)
		if want := "--- original\n+++ modified\n@@ -1 +1 @@\n" + c.line + "\n"; err != nil || string(got.Text) != want {
			t.Errorf("%q %q %v: %q, %v; want %q", c.old, c.new, c.granularity, got.Text, err, want)
		}
	}
}

// A hunk's equal and removed spans are its old lines, its equal and added
// spans its new lines, for every granularity.
func TestSpansRebuildEachHunksLines(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	words := []string{"the ", "quick ", "brown ", "fox", "é", "日本", " ", "\n", "x\n", "y\n", ",", "e\u0301"}
	for i := 0; i < 300; i++ {
		old, new := randomText(r, words, 30), randomText(r, words, 30)
		granularity := Granularity(i % 3)
		hunks, err1 := DiffHunks(old, new, nil)
		result, err2 := WordDiff(old, new, granularity, nil)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for h, hunk := range hunks {
			var oldSide, newSide, oldLines, newLines strings.Builder
			for _, s := range result.Spans {
				if s.Hunk != h {
					continue
				}
				source := old
				if s.Kind == SpanAdded {
					source = new
				}
				if s.Text != source[s.Start:s.End] {
					t.Fatalf("span %+v is not its source's piece", s)
				}
				if s.Kind != SpanAdded {
					oldSide.WriteString(s.Text)
				}
				if s.Kind != SpanRemoved {
					newSide.WriteString(s.Text)
				}
			}
			for _, l := range hunk.Lines {
				if l.Kind != LineAdded {
					oldLines.WriteString(l.Text)
				}
				if l.Kind != LineRemoved {
					newLines.WriteString(l.Text)
				}
			}
			if oldSide.String() != oldLines.String() || newSide.String() != newLines.String() {
				t.Fatalf("%q %q %v hunk %d: spans give %q / %q, lines are %q / %q", old, new, granularity, h,
					oldSide.String(), newSide.String(), oldLines.String(), newLines.String())
			}
		}
		inBytes, _ := WordDiff([]byte(old), []byte(new), granularity, nil)
		if string(inBytes.Text) != result.Text || len(inBytes.Spans) != len(result.Spans) {
			t.Fatalf("%q %q: bytes and strings differ", old, new)
		}
	}
}

func TestStructuredErrors(t *testing.T) {
	label := DefaultOptions()
	label.NewLabel = "two\nlines"
	negative := DefaultOptions()
	negative.ContextLines = -1
	modes := DefaultOptions()
	modes.Modes = 64
	for name, opts := range map[string]*Options{"label": &label, "context": &negative, "modes": &modes} {
		for op, call := range map[string]func() error{
			"DiffStats": func() error { _, err := DiffStats("a", "b", opts); return err },
			"DiffHunks": func() error { _, err := DiffHunks([]byte("a"), []byte("b"), opts); return err },
			"WordDiff":  func() error { _, err := WordDiff("a", "b", Words, opts); return err },
		} {
			var fdErr *Error
			if err := call(); !errors.Is(err, ErrInvalidOptions) || !errors.As(err, &fdErr) || fdErr.Op != op {
				t.Errorf("%s %s: %v", op, name, err)
			}
		}
	}
}

func TestKindsHaveNames(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{LineContext.String(), "context"}, {LineRemoved.String(), "removed"}, {LineAdded.String(), "added"},
		{LineKind(9).String(), "LineKind(9)"},
		{SpanEqual.String(), "equal"}, {SpanRemoved.String(), "removed"}, {SpanAdded.String(), "added"},
		{Words.String(), "words"}, {Chars.String(), "chars"}, {Graphemes.String(), "graphemes"},
		{Granularity(7).String(), "Granularity(7)"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

// Goroutines computing stats, hunks and word diffs of every vector at once
// get the sequential results. Run under -race by make test.
func TestConcurrentStructuredCallsGiveTheSequentialResults(t *testing.T) {
	vectors := readVectors(t)
	type result struct {
		stats Stats
		hunks []Hunk[[]byte]
		words WordDiffResult[string]
		errs  string
	}
	run := func(v *vector) result {
		var r result
		var e [3]error
		r.stats, e[0] = DiffStats(v.old, v.new, &v.opts)
		r.hunks, e[1] = DiffHunks(v.old, v.new, &v.opts)
		r.words, e[2] = WordDiff(string(v.old), string(v.new), Granularity(len(v.name)%3), &v.opts)
		r.errs = fmt.Sprint(e)
		return r
	}
	sequential := make([]result, len(vectors))
	for i := range vectors {
		sequential[i] = run(&vectors[i])
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range vectors {
				i := (k + g*7) % len(vectors)
				if got := run(&vectors[i]); !reflect.DeepEqual(got, sequential[i]) {
					t.Errorf("goroutine %d: %s differs", g, vectors[i].name)
				}
			}
		}(g)
	}
	wg.Wait()
}

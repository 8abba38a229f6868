package fastdiff

// The conformance vectors (tests/vectors/, format in its README.md): the
// Go API must give every expected result byte for byte. This is an
// internal test so that struct_size=v1 cases go through a real fd_options
// with the first version's size.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

const vectorsDir = "../../tests/vectors"

type vector struct {
	name     string
	old, new []byte
	opts     Options
	v1       bool
	expected []byte // when status is StatusOK
	status   Status
}

var statusNames = map[string]Status{
	"FD_OK":                  StatusOK,
	"FD_ERR_NULL_ARGUMENT":   StatusNullArgument,
	"FD_ERR_INVALID_OPTIONS": StatusInvalidOptions,
	"FD_ERR_INPUT_TOO_LARGE": StatusInputTooLarge,
	"FD_ERR_INTERNAL":        StatusInternal,
}

var algorithmNames = map[string]Algorithm{"myers": Myers, "histogram": Histogram, "patience": Patience}

// readVectors reads every case, strictly: a malformed case fails the test
// rather than being skipped.
func readVectors(t testing.TB) []vector {
	t.Helper()
	entries, err := os.ReadDir(vectorsDir)
	if err != nil {
		t.Fatal(err)
	}
	var vectors []vector
	for _, e := range entries {
		if e.IsDir() {
			v, err := readVector(e.Name())
			if err != nil {
				t.Fatalf("%s: %v", e.Name(), err)
			}
			vectors = append(vectors, v)
		}
	}
	sort.Slice(vectors, func(i, j int) bool { return vectors[i].name < vectors[j].name })
	if len(vectors) < 40 {
		t.Fatalf("only %d vectors in %s", len(vectors), vectorsDir)
	}
	return vectors
}

func readVector(name string) (vector, error) {
	v := vector{name: name, opts: DefaultOptions()}
	read := func(file string) ([]byte, bool, error) {
		b, err := os.ReadFile(filepath.Join(vectorsDir, name, file))
		if errors.Is(err, os.ErrNotExist) {
			return nil, false, nil
		}
		return b, err == nil, err
	}
	var err error
	var ok bool
	if v.old, ok, err = read("old"); !ok {
		return v, fmt.Errorf("old: %v", err)
	}
	if v.new, ok, err = read("new"); !ok {
		return v, fmt.Errorf("new: %v", err)
	}
	options, ok, err := read("options")
	if !ok {
		return v, fmt.Errorf("options: %v", err)
	}
	if err := v.parseOptions(string(options)); err != nil {
		return v, fmt.Errorf("options: %v", err)
	}
	for _, label := range []struct {
		file string
		dst  *string
	}{{"old_label", &v.opts.OldLabel}, {"new_label", &v.opts.NewLabel}} {
		b, ok, err := read(label.file)
		if err != nil {
			return v, err
		}
		if ok {
			*label.dst = string(b)
		}
	}
	expected, haveExpected, err := read("expected")
	if err != nil {
		return v, err
	}
	errorFile, haveError, err := read("error")
	if err != nil {
		return v, err
	}
	switch {
	case haveExpected && !haveError:
		v.expected, v.status = expected, StatusOK
	case haveError && !haveExpected:
		name, found := strings.CutSuffix(string(errorFile), "\n")
		status, known := statusNames[name]
		if !found || !known || status == StatusOK {
			return v, fmt.Errorf("error file %q", errorFile)
		}
		v.status = status
	default:
		return v, errors.New("needs exactly one of expected and error")
	}
	return v, nil
}

func (v *vector) parseOptions(text string) error {
	seen := map[string]bool{}
	lines, found := strings.CutSuffix(text, "\n")
	if !found {
		return errors.New("the last line does not end in LF")
	}
	for _, line := range strings.Split(lines, "\n") {
		key, value, ok := strings.Cut(line, "=")
		if !ok || seen[key] {
			return fmt.Errorf("line %q: not key=value, or a repeated key", line)
		}
		seen[key] = true
		var err error
		switch key {
		case "context_lines":
			var n uint64
			n, err = strconv.ParseUint(value, 10, 32)
			v.opts.ContextLines = int(n)
		case "deadline_ms":
			var n uint64
			n, err = strconv.ParseUint(value, 10, 63)
			v.opts.Deadline = time.Duration(n) * time.Millisecond
			if n > uint64(1<<63-1)/uint64(time.Millisecond) {
				err = errors.New("too long for a time.Duration")
			}
		case "algorithm":
			var known bool
			if v.opts.Algorithm, known = algorithmNames[value]; !known {
				err = errors.New("unknown algorithm")
			}
		case "flags":
			var n uint64
			n, err = strconv.ParseUint(value, 10, 32)
			v.opts.Modes = Modes(n)
		case "struct_size":
			v.v1 = value == "v1"
			if value != "v1" && value != "full" {
				err = errors.New("neither full nor v1")
			}
		default:
			err = errors.New("unknown key")
		}
		if err != nil {
			return fmt.Errorf("%s=%s: %v", key, value, err)
		}
	}
	if len(seen) != 5 {
		return fmt.Errorf("keys %v: want context_lines, algorithm, deadline_ms, flags and struct_size", seen)
	}
	return nil
}

// check compares a result with the vector's expectation.
func (v *vector) check(t *testing.T, how string, got []byte, err error) {
	t.Helper()
	if v.status == StatusOK {
		if err != nil {
			t.Errorf("%s: %s: %v", v.name, how, err)
		} else if !bytes.Equal(got, v.expected) {
			t.Errorf("%s: %s: got %d bytes, want %d:\n%q\nwant\n%q", v.name, how, len(got), len(v.expected),
				clip(got), clip(v.expected))
		} else if len(got) == 0 && got != nil {
			t.Errorf("%s: %s: an identical pair must give nil", v.name, how)
		}
		return
	}
	var fdErr *Error
	if !errors.As(err, &fdErr) || fdErr.Status != v.status || !errors.Is(err, &Error{Status: v.status}) {
		t.Errorf("%s: %s: got error %v (%T), want status %v", v.name, how, err, err, v.status)
	}
	if got != nil {
		t.Errorf("%s: %s: a failed call returned bytes", v.name, how)
	}
}

func clip(b []byte) []byte {
	if len(b) > 400 {
		return b[:400]
	}
	return b
}

func TestVectors(t *testing.T) {
	for _, v := range readVectors(t) {
		structSize := optionsSize
		if v.v1 {
			structSize = optionsV1Size
		}
		got, err := unifiedDiff("test", v.old, v.new, &v.opts, structSize)
		v.check(t, fmt.Sprintf("struct_size %d", structSize), got, err)

		got, err = UnifiedDiff(v.old, v.new, &v.opts)
		v.check(t, "UnifiedDiff", got, err)

		s, err := UnifiedDiff(string(v.old), string(v.new), &v.opts)
		var sBytes []byte
		if s != "" {
			sBytes = []byte(s)
		}
		v.check(t, "UnifiedDiff of strings", sBytes, err)
		v.checkStructured(t)
	}
}

// checkStructured runs the vector through DiffHunks, DiffStats,
// UnifiedDiffStats and WordDiff: the same status, and for a diff, hunks
// that write the expected bytes exactly, counts that are theirs, with the
// similarity of the diff's matching, and a word diff under the same
// headers.
func (v *vector) checkStructured(t *testing.T) {
	t.Helper()
	hunks, hunksErr := DiffHunks(v.old, v.new, &v.opts)
	stats, statsErr := DiffStats(string(v.old), string(v.new), &v.opts)
	diff, both, bothErr := UnifiedDiffStats(v.old, v.new, &v.opts)
	words, wordsErr := WordDiff(v.old, v.new, Words, &v.opts)
	if v.status != StatusOK {
		for _, err := range []error{hunksErr, statsErr, bothErr, wordsErr} {
			if !errors.Is(err, &Error{Status: v.status}) {
				t.Errorf("%s: %v, want status %v", v.name, err, v.status)
			}
		}
		if diff != nil || both != (Stats{}) {
			t.Errorf("%s: UnifiedDiffStats failed but returned %q, %+v", v.name, diff, both)
		}
		return
	}
	if hunksErr != nil || statsErr != nil || bothErr != nil || wordsErr != nil {
		t.Errorf("%s: %v, %v, %v, %v", v.name, hunksErr, statsErr, bothErr, wordsErr)
		return
	}
	if got := writeUnified(hunks, v.opts.OldLabel, v.opts.NewLabel); !bytes.Equal(got, v.expected) {
		t.Errorf("%s: the hunks write\n%q\nwant\n%q", v.name, clip(got), clip(v.expected))
	}
	want := Stats{Hunks: len(hunks), Identical: len(v.expected) == 0, Similarity: similarity(t, v.old, v.new, v.opts)}
	for _, h := range hunks {
		for _, l := range h.Lines {
			switch l.Kind {
			case LineAdded:
				want.LinesAdded++
			case LineRemoved:
				want.LinesRemoved++
			}
		}
	}
	if stats != want || stats.Similarity < 0 || stats.Similarity > 1 || (bytes.Equal(v.old, v.new) && stats.Similarity != 1) {
		t.Errorf("%s: stats %+v, want %+v", v.name, stats, want)
	}
	if !bytes.Equal(diff, v.expected) || both != want {
		t.Errorf("%s: UnifiedDiffStats gives %q, %+v; want %q, %+v", v.name, clip(diff), both, clip(v.expected), want)
	}
	header := fmt.Sprintf("--- %s\n+++ %s\n", v.opts.OldLabel, v.opts.NewLabel)
	if (len(words.Text) == 0) != want.Identical || (!want.Identical && !bytes.HasPrefix(words.Text, []byte(header))) {
		t.Errorf("%s: word diff %q", v.name, clip(words.Text))
	}
}

// similarity is what Stats.Similarity must be for old and new: 2 * matched
// lines / (old lines + new lines), 1 for two empty texts, counted here from
// the diff's own hunks, where every old line not removed is matched with a
// new line not added. IgnoreBlankLines hides hunks of blank lines without
// changing the matching, so the lines are counted in the diff without it.
func similarity(t *testing.T, old, new []byte, opts Options) float64 {
	t.Helper()
	opts.Modes &^= IgnoreBlankLines
	hunks, err := DiffHunks(old, new, &opts)
	if err != nil {
		t.Errorf("%q %q without IgnoreBlankLines: %v", clip(old), clip(new), err)
		return -1
	}
	oldLines, newLines := lineCount(old), lineCount(new)
	if oldLines+newLines == 0 {
		return 1
	}
	matchedOld, matchedNew := oldLines, newLines
	for _, h := range hunks {
		for _, l := range h.Lines {
			switch l.Kind {
			case LineRemoved:
				matchedOld--
			case LineAdded:
				matchedNew--
			}
		}
	}
	if matchedOld != matchedNew {
		t.Errorf("%q %q: %d old lines are matched with %d new lines", clip(old), clip(new), matchedOld, matchedNew)
	}
	return 2 * float64(matchedOld) / float64(oldLines+newLines)
}

// lineCount is the number of lines of text, each ending at LF or at the
// end of the text.
func lineCount(text []byte) int {
	n := bytes.Count(text, []byte("\n"))
	if len(text) > 0 && text[len(text)-1] != '\n' {
		n++
	}
	return n
}

func TestTheFirstOptionsVersionIsSmallerThanOrAsTheWhole(t *testing.T) {
	// v1 ends with deadline_ms (a uint64), and fd_options only grows.
	if optionsV1Size < 8 || optionsV1Size > optionsSize || optionsV1Size%8 != 0 {
		t.Fatalf("first version %d bytes, whole struct %d", optionsV1Size, optionsSize)
	}
	// One byte less than the first version is refused by the library.
	opts := DefaultOptions()
	if _, err := unifiedDiff("test", "a\n", "", &opts, optionsV1Size-1); !errors.Is(err, ErrInvalidOptions) {
		t.Fatalf("struct_size %d: %v", optionsV1Size-1, err)
	}
}

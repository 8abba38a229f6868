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
		oldPtr, oldLen := cBytes(v.old)
		newPtr, newLen := cBytes(v.new)
		res, err := unifiedDiff("test", oldPtr, oldLen, newPtr, newLen, &v.opts, structSize)
		v.check(t, fmt.Sprintf("struct_size %d", structSize), takeBytes(res.buf), err)

		got, err := UnifiedDiff(v.old, v.new, &v.opts)
		v.check(t, "UnifiedDiff", got, err)

		s, err := UnifiedDiffString(string(v.old), string(v.new), &v.opts)
		var sBytes []byte
		if s != "" {
			sBytes = []byte(s)
		}
		v.check(t, "UnifiedDiffString", sBytes, err)
		v.checkStructured(t)
	}
}

// checkStructured runs the vector through DiffHunks, DiffStats and
// WordDiff: the same status, and for a diff, hunks that write the expected
// bytes exactly, counts that are theirs, and a word diff under the same
// headers.
func (v *vector) checkStructured(t *testing.T) {
	t.Helper()
	hunks, hunksErr := DiffHunks(v.old, v.new, &v.opts)
	stats, statsErr := DiffStats(string(v.old), string(v.new), &v.opts)
	words, wordsErr := WordDiff(v.old, v.new, Words, &v.opts)
	if v.status != StatusOK {
		for _, err := range []error{hunksErr, statsErr, wordsErr} {
			if !errors.Is(err, &Error{Status: v.status}) {
				t.Errorf("%s: %v, want status %v", v.name, err, v.status)
			}
		}
		return
	}
	if hunksErr != nil || statsErr != nil || wordsErr != nil {
		t.Errorf("%s: %v, %v, %v", v.name, hunksErr, statsErr, wordsErr)
		return
	}
	if got := writeUnified(hunks, v.opts.OldLabel, v.opts.NewLabel); !bytes.Equal(got, v.expected) {
		t.Errorf("%s: the hunks write\n%q\nwant\n%q", v.name, clip(got), clip(v.expected))
	}
	want := Stats{Hunks: len(hunks), Identical: len(v.expected) == 0, Similarity: stats.Similarity}
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
	header := fmt.Sprintf("--- %s\n+++ %s\n", v.opts.OldLabel, v.opts.NewLabel)
	if (len(words.Text) == 0) != want.Identical || (!want.Identical && !bytes.HasPrefix(words.Text, []byte(header))) {
		t.Errorf("%s: word diff %q", v.name, clip(words.Text))
	}
}

func TestTheFirstOptionsVersionIsSmallerThanOrAsTheWhole(t *testing.T) {
	// v1 ends with deadline_ms (a uint64), and fd_options only grows.
	if optionsV1Size < 8 || optionsV1Size > optionsSize || optionsV1Size%8 != 0 {
		t.Fatalf("first version %d bytes, whole struct %d", optionsV1Size, optionsSize)
	}
	// One byte less than the first version is refused by the library.
	opts := DefaultOptions()
	oldPtr, oldLen := cString("a\n")
	res, err := unifiedDiff("test", oldPtr, oldLen, nil, 0, &opts, optionsV1Size-1)
	takeBytes(res.buf)
	if !errors.Is(err, ErrInvalidOptions) {
		t.Fatalf("struct_size %d: %v", optionsV1Size-1, err)
	}
}

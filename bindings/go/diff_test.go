package fastdiff_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"fast-diff/fastdiff"
)

func TestVersionIsTheCheckoutsCrateVersion(t *testing.T) {
	// A stale library would show here first.
	manifest, err := os.ReadFile("../../Cargo.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^version = "([^"]+)"`).FindSubmatch(manifest)
	if want == nil || fastdiff.Version() != string(want[1]) {
		t.Fatalf("Version() = %q, Cargo.toml says %q", fastdiff.Version(), want)
	}
}

func TestNilOptionsAreDefaultOptions(t *testing.T) {
	defaults := fastdiff.DefaultOptions()
	if defaults.ContextLines != fastdiff.DefaultContextLines || defaults.Algorithm != fastdiff.Myers ||
		defaults.Deadline != 0 {
		t.Fatalf("DefaultOptions() = %+v", defaults)
	}
	pairs := [][2]string{{"a\nb\n", "a\nc\n"}, {"", "x"}, {"1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\n6\n7\n8\nnine\n"}}
	for _, p := range pairs {
		fromNil, err1 := fastdiff.UnifiedDiff([]byte(p[0]), []byte(p[1]), nil)
		fromDefaults, err2 := fastdiff.UnifiedDiff([]byte(p[0]), []byte(p[1]), &defaults)
		if err1 != nil || err2 != nil || !bytes.Equal(fromNil, fromDefaults) || len(fromNil) == 0 {
			t.Errorf("%q: nil gives %q (%v), DefaultOptions %q (%v)", p, fromNil, err1, fromDefaults, err2)
		}
	}
}

func TestOptionsAreTakenAsWritten(t *testing.T) {
	// The zero Options is no context and empty labels, not the defaults.
	got, err := fastdiff.UnifiedDiff("1\n2\n3\n", "1\nB\n3\n", &fastdiff.Options{})
	if want := "--- \n+++ \n@@ -2 +2 @@\n-2\n+B\n"; err != nil || got != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

func TestIdenticalTextsGiveNoDiff(t *testing.T) {
	for _, text := range []string{"", "a", "a\nb\n", "\x00\xff\r\n"} {
		got, err := fastdiff.UnifiedDiff([]byte(text), []byte(text), nil)
		if got != nil || err != nil {
			t.Errorf("%q: got %q, %v; want nil, nil", text, got, err)
		}
		s, err := fastdiff.UnifiedDiff(text, text, nil)
		if s != "" || err != nil {
			t.Errorf("%q: got %q, %v", text, s, err)
		}
	}
	// nil and empty slices are the same empty text.
	if got, err := fastdiff.UnifiedDiff(nil, []byte{}, nil); got != nil || err != nil {
		t.Errorf("nil vs empty: %q, %v", got, err)
	}
}

func TestInputsAreNotModified(t *testing.T) {
	old := []byte("a\x00\r\nb\n")
	new := []byte("a\x00\r\nc")
	oldCopy, newCopy := bytes.Clone(old), bytes.Clone(new)
	opts := fastdiff.DefaultOptions()
	if _, err := fastdiff.UnifiedDiff(old, new, &opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, oldCopy) || !bytes.Equal(new, newCopy) || opts != fastdiff.DefaultOptions() {
		t.Fatal("an input changed")
	}
}

func TestResultIsGoMemoryThatTheCallerOwns(t *testing.T) {
	a, err := fastdiff.UnifiedDiff([]byte("x\n"), []byte("y\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := fastdiff.UnifiedDiff([]byte("x\n"), []byte("y\n"), nil)
	a[0] = '!'
	if b[0] != '-' || cap(a) != len(a) {
		t.Fatalf("results share memory, or have spare capacity: %q %q", a, b)
	}
}

func TestStringsAndBytesAgreeOnLargeInput(t *testing.T) {
	var old, new strings.Builder
	for i := 0; i < 200_000; i++ {
		line := strings.Repeat("x", i%17) + "\n"
		old.WriteString(line)
		if i%1000 == 0 {
			line = "changed\n"
		}
		new.WriteString(line)
	}
	b, err := fastdiff.UnifiedDiff([]byte(old.String()), []byte(new.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := fastdiff.UnifiedDiff(old.String(), new.String(), nil)
	if err != nil || s != string(b) || strings.Count(s, "\n+changed\n") != 200 {
		t.Fatalf("%d bytes vs %d bytes, %v", len(b), len(s), err)
	}
}

func TestInvalidOptions(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*fastdiff.Options)
		detail string // in the message when Go, not C, refuses
	}{
		{"negative context", func(o *fastdiff.Options) { o.ContextLines = -1 }, "ContextLines"},
		{"negative deadline", func(o *fastdiff.Options) { o.Deadline = -time.Millisecond }, "Deadline"},
		{"unknown algorithm", func(o *fastdiff.Options) { o.Algorithm = 3 }, ""},
		{"LF in the old label", func(o *fastdiff.Options) { o.OldLabel = "a\nb" }, ""},
		{"CR in the new label", func(o *fastdiff.Options) { o.NewLabel = "b\r" }, ""},
	}
	if math.MaxInt > math.MaxUint32 {
		cases = append(cases, struct {
			name   string
			edit   func(*fastdiff.Options)
			detail string
		}{"context above 32 bits", func(o *fastdiff.Options) { o.ContextLines = int(int64(math.MaxUint32) + 1) }, "ContextLines"})
	}
	for _, c := range cases {
		opts := fastdiff.DefaultOptions()
		c.edit(&opts)
		got, err := fastdiff.UnifiedDiff([]byte("a\n"), []byte("b\n"), &opts)
		var fdErr *fastdiff.Error
		if got != nil || !errors.Is(err, fastdiff.ErrInvalidOptions) || !errors.As(err, &fdErr) {
			t.Errorf("%s: got %q, %v", c.name, got, err)
			continue
		}
		if fdErr.Op != "UnifiedDiff" || fdErr.Status != fastdiff.StatusInvalidOptions ||
			errors.Is(err, fastdiff.ErrInternal) || !strings.Contains(err.Error(), c.detail) {
			t.Errorf("%s: %#v: %v", c.name, fdErr, err)
		}
		s, err := fastdiff.UnifiedDiff("a\n", "b\n", &opts)
		if !errors.Is(err, fastdiff.ErrInvalidOptions) || !errors.As(err, &fdErr) || fdErr.Op != "UnifiedDiff" ||
			!strings.Contains(err.Error(), c.detail) || s != "" {
			t.Errorf("%s: strings: %q, %v", c.name, s, err)
		}
	}
	// The largest context is valid.
	opts := fastdiff.DefaultOptions()
	opts.ContextLines = math.MaxUint32
	if _, err := fastdiff.UnifiedDiff([]byte("a\n"), []byte("b\n"), &opts); err != nil {
		t.Errorf("context %d: %v", opts.ContextLines, err)
	}
}

func TestErrorsMatchBySentinelStatus(t *testing.T) {
	sentinels := []*fastdiff.Error{fastdiff.ErrNullArgument, fastdiff.ErrInvalidOptions, fastdiff.ErrInputTooLarge, fastdiff.ErrInternal,
		fastdiff.ErrPatchMalformed, fastdiff.ErrPatchHunkFailed, fastdiff.ErrPatchAlreadyApplied, fastdiff.ErrPatchMultipleFiles}
	statuses := []fastdiff.Status{fastdiff.StatusNullArgument, fastdiff.StatusInvalidOptions, fastdiff.StatusInputTooLarge, fastdiff.StatusInternal,
		fastdiff.StatusPatchMalformed, fastdiff.StatusPatchHunkFailed, fastdiff.StatusPatchAlreadyApplied, fastdiff.StatusPatchMultipleFiles}
	for i, sentinel := range sentinels {
		if sentinel.Status != statuses[i] || int(statuses[i]) != i+1 {
			t.Errorf("sentinel %d has status %d", i, sentinel.Status)
		}
		err := error(&fastdiff.Error{Op: "Something", Status: statuses[i]})
		for j, other := range sentinels {
			if errors.Is(err, other) != (i == j) {
				t.Errorf("errors.Is(%v, %v) = %v", err, other, !(i == j))
			}
		}
		if errors.Is(err, errors.New(err.Error())) {
			t.Errorf("%v matches a plain error", err)
		}
	}
}

func TestStatusesAndAlgorithmsHaveNames(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range []fastdiff.Status{fastdiff.StatusOK, fastdiff.StatusNullArgument, fastdiff.StatusInvalidOptions,
		fastdiff.StatusInputTooLarge, fastdiff.StatusInternal, fastdiff.StatusPatchMalformed, fastdiff.StatusPatchHunkFailed,
		fastdiff.StatusPatchAlreadyApplied, fastdiff.StatusPatchMultipleFiles} {
		name := s.String()
		if name == "" || seen[name] || name == fastdiff.Status(1000).String() {
			t.Errorf("status %d: %q", s, name)
		}
		seen[name] = true
	}
	if fastdiff.Status(1000).String() == "" {
		t.Error("an unknown status has no description")
	}
	for a, want := range map[fastdiff.Algorithm]string{fastdiff.Myers: "myers", fastdiff.Histogram: "histogram",
		fastdiff.Patience: "patience", 7: "Algorithm(7)"} {
		if a.String() != want {
			t.Errorf("%d: %q", uint32(a), a.String())
		}
	}
	if fastdiff.Myers != 0 || fastdiff.Histogram != 1 || fastdiff.Patience != 2 || fastdiff.MaxLines != 1<<30-1 {
		t.Error("the ABI's numbers changed")
	}
}

func TestAGenerousDeadlineChangesNothing(t *testing.T) {
	old := []byte(strings.Repeat("a\nb\nc\n", 1000))
	new := []byte(strings.Repeat("a\nc\nb\n", 1000))
	opts := fastdiff.DefaultOptions()
	without, err1 := fastdiff.UnifiedDiff(old, new, &opts)
	opts.Deadline = time.Minute
	with, err2 := fastdiff.UnifiedDiff(old, new, &opts)
	if err1 != nil || err2 != nil || !bytes.Equal(with, without) {
		t.Fatalf("%v %v", err1, err2)
	}
}

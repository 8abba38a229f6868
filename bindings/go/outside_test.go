package fastdiff_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"fast-diff/fastdiff"
)

// The README's recipe, proven: a module outside this repository requires
// the package through a replace directive, builds, and runs without the
// shared library; with -tags fastdiff_dynamic it links the shared library.
func TestAnOutsideModuleBuildsAgainstThePackage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module; run without -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("checks the program as ELF")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	binding, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("main.go", `package main

import (
	"errors"
	"fmt"
	"os"

	"fast-diff/fastdiff"
)

func main() {
	opts := fastdiff.DefaultOptions()
	opts.OldLabel, opts.NewLabel = "a/f", "b/f"
	diff, err := fastdiff.UnifiedDiff([]byte("a\nb\n"), []byte("a\nc\n"), &opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	opts.OldLabel = "bad\n"
	_, err = fastdiff.UnifiedDiff(nil, nil, &opts)
	fmt.Printf("%s%s %v\n", diff, fastdiff.Version(), errors.Is(err, fastdiff.ErrInvalidOptions))
	applied, report, err := fastdiff.ApplyPatch([]byte("a\nb\n"), diff, nil)
	_, _, again := fastdiff.ApplyPatch(applied, diff, nil)
	fmt.Printf("%q %s %v %v\n", applied, report.Files[0].Path, err, errors.Is(again, fastdiff.ErrPatchAlreadyApplied))
	hunks, _ := fastdiff.DiffHunks("a\nb\n", "a\nc\n", nil)
	words, _ := fastdiff.WordDiff([]byte("a b\n"), []byte("a c\n"), fastdiff.Words, nil)
	fmt.Printf("%s %q %s", hunks[0].Header(), hunks[0].Lines[2].Text, words.Text[len(words.Text)-13:])
}
`)
	want := "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n" + fastdiff.Version() + " true\n" +
		"\"a\\nc\\n\" f <nil> true\n" + "@@ -1,2 +1,2 @@ \"c\\n\" a [-b-]{+c+}\n"
	// A clean environment: no experiment or flags from the test run itself.
	env := append(os.Environ(), "GOFLAGS=", "GOEXPERIMENT=", "GOWORK=off")
	goCmd := func(args ...string) {
		cmd := exec.Command(goTool, args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	goCmd("mod", "init", "example.com/outside")
	goCmd("mod", "edit", "-require=fast-diff/fastdiff@v0.0.0", "-replace=fast-diff/fastdiff="+binding)
	goCmd("mod", "tidy")
	for _, mode := range []struct {
		tags    []string
		dynamic bool
	}{{nil, false}, {[]string{"-tags", "fastdiff_dynamic"}, true}} {
		prog := filepath.Join(dir, "outside")
		goCmd(append(append([]string{"build"}, mode.tags...), "-o", prog, ".")...)
		if got := needsSharedLibrary(t, prog); got != mode.dynamic {
			t.Errorf("%v: the program needs libfast_diff.so: %v", mode.tags, got)
		}
		run := exec.Command(prog)
		run.Env = append(os.Environ(), "LD_LIBRARY_PATH=")
		out, err := run.Output()
		if err != nil || string(out) != want {
			t.Errorf("%v: the program printed %q, %v; want %q", mode.tags, out, err, want)
		}
	}
}

package fastdiff_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// readmeProgram is a go block of README.md and what it says it prints.
type readmeProgram struct {
	source, output string
}

// readme is README.md's sh blocks, joined, and its go blocks, each of which
// must end with an // Output: comment.
func readme(t *testing.T) (sh string, programs []readmeProgram) {
	t.Helper()
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile("(?s)```(sh|go)\n(.*?)```").FindAllStringSubmatch(string(text), -1) {
		if m[1] == "sh" {
			sh += m[2]
			continue
		}
		source, comment, found := strings.Cut(m[2], "\n// Output:\n")
		if !found {
			t.Fatalf("a go block of README.md says nothing of its output:\n%s", m[2])
		}
		var output strings.Builder
		for _, line := range strings.SplitAfter(comment, "\n") {
			if line != "" {
				output.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "//"), " "))
			}
		}
		programs = append(programs, readmeProgram{source + "\n", output.String()})
	}
	if len(programs) < 5 || !strings.Contains(sh, "go mod edit") {
		t.Fatalf("README.md has %d programs and sh blocks %q", len(programs), sh)
	}
	return sh, programs
}

// The README's recipe, followed by a module outside this repository with
// the README's own command lines: it requires the package through a
// replace directive, and every Go program of the README builds there and
// prints what the README says, without the shared library; with -tags
// fastdiff_dynamic the programs load it. Then the same through a go.work
// workspace.
func TestTheREADMEWorksFromAnOutsideModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module; run without -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("checks the programs as ELF")
	}
	sh, programs := readme(t)
	checkout, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	// A clean environment: no experiment or flags from the test run itself,
	// and the checkout as the README names it.
	env := append(os.Environ(), "GOFLAGS=", "GOEXPERIMENT=", "FASTDIFF="+checkout)
	run := func(dir string, extraEnv []string, args ...string) string {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = dir, append(append([]string{}, env...), extraEnv...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v in %s: %v\n%s", args, dir, err, out)
		}
		return string(out)
	}
	// readmeLine runs a command line exactly as README.md writes it.
	readmeLine := func(dir string, extraEnv []string, line string) {
		t.Helper()
		if !strings.Contains(sh, line+"\n") {
			t.Fatalf("README.md no longer says %q", line)
		}
		run(dir, extraEnv, "sh", "-c", line)
	}
	check := func(how, prog string, p readmeProgram, dynamic bool) {
		t.Helper()
		if got := needsSharedLibrary(t, prog); got != dynamic {
			t.Errorf("%s: %s needs libfast_diff.so: %v", how, prog, got)
		}
		cmd := exec.Command(prog)
		cmd.Env = append(os.Environ(), "LD_LIBRARY_PATH=")
		out, err := cmd.Output()
		if err != nil || string(out) != p.output {
			t.Errorf("%s: the program\n%s\nprinted %q, %v; README.md says %q", how, p.source, out, err, p.output)
		}
	}
	program := func(dir string, i int) string {
		return filepath.Join(dir, fmt.Sprintf("program%d", i))
	}

	mod := t.TempDir()
	noWorkspace := []string{"GOWORK=off"}
	readmeLine(mod, noWorkspace, "go mod init example.com/hello")
	readmeLine(mod, noWorkspace,
		`go mod edit -require=fast-diff/fastdiff@v0.0.0 -replace=fast-diff/fastdiff="$FASTDIFF/bindings/go"`)
	for i, p := range programs {
		if err := os.MkdirAll(program(mod, i), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(program(mod, i), "main.go"), []byte(p.source), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	readmeLine(mod, noWorkspace, "go mod tidy")
	bin := filepath.Join(mod, "bin") + "/"
	run(mod, noWorkspace, "go", "build", "-o", bin, "./...")
	for i, p := range programs {
		check("replace", program(bin, i), p, false)
	}
	// The README's dynamic build line, in the first program's directory.
	readmeLine(program(mod, 0), noWorkspace, "go build -tags fastdiff_dynamic -o dynamic . && ldd dynamic | grep libfast_diff")
	check("replace, -tags fastdiff_dynamic", filepath.Join(program(mod, 0), "dynamic"), programs[0], true)

	work := t.TempDir()
	workspace := []string{"GOWORK="}
	readmeLine(work, workspace, "go mod init example.com/hello")
	readmeLine(work, workspace, `go work init . "$FASTDIFF/bindings/go"`)
	if err := os.WriteFile(filepath.Join(work, "main.go"), []byte(programs[0].source), 0o644); err != nil {
		t.Fatal(err)
	}
	readmeLine(work, workspace, "go build -o static . && ! ldd static | grep libfast_diff")
	check("workspace", filepath.Join(work, "static"), programs[0], false)
}

package fastdiff_test

import (
	"debug/elf"
	"os"
	"runtime"
	"strings"
	"testing"
)

// needsSharedLibrary reports whether the ELF program at path loads
// libfast_diff.so at run time.
func needsSharedLibrary(t *testing.T, path string) bool {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	for _, lib := range libs {
		if strings.HasPrefix(lib, "libfast_diff") {
			return true
		}
	}
	return false
}

// By default the library is linked statically; the fastdiff_dynamic build
// tag links the shared library instead.
func TestLinkage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the test binary as ELF")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if got := needsSharedLibrary(t, self); got != linkedDynamically {
		t.Fatalf("the test binary needs libfast_diff.so: %v; built for dynamic linking: %v", got, linkedDynamically)
	}
}

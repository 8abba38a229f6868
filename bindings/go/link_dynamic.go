//go:build fastdiff_dynamic

package fastdiff

// The shared library, found at run time through the rpath to the checkout,
// or else LD_LIBRARY_PATH and the system's library path.

// #cgo LDFLAGS: -L${SRCDIR}/../../target/release -lfast_diff -Wl,-rpath,${SRCDIR}/../../target/release
import "C"

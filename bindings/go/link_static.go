//go:build !fastdiff_dynamic

package fastdiff

// The static library, with the system libraries it needs (rustc
// --print native-static-libs). Linking fails until `make go` has built it.

// #cgo LDFLAGS: ${SRCDIR}/../../target/release/libfast_diff.a -lgcc_s -lutil -lrt -lpthread -lm -ldl
import "C"

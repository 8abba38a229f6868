// Package rawc calls the fast-diff C API from C, with no Go in the loop: the
// baseline against which the benchmarks measure what the Go binding adds
// per call. It is for benchmarks only.
package rawc

/*
#cgo CFLAGS: -I${SRCDIR}/../../../../include
#include "fast_diff.h"

// Diffs the pair `iterations` times, freeing each result; returns the last
// result's length, or (size_t)-1 when a call fails.
static size_t diff_loop(const uint8_t *old_text, size_t old_len, const uint8_t *new_text, size_t new_len,
                        long iterations) {
  size_t len = 0;
  for (long i = 0; i < iterations; i++) {
    fd_buf out = {NULL, 0};
    if (fd_unified_diff(old_text, old_len, new_text, new_len, NULL, &out) != FD_OK) return (size_t)-1;
    len = out.len;
    fd_free(&out);
  }
  return len;
}
*/
import "C"

import (
	"runtime"
	"unsafe"

	// The library itself, linked as the binding links it.
	_ "fast-diff/fastdiff"
)

// DiffLoop diffs old against new n times inside one C call and returns the
// length of the diff, or -1 when a call fails. Both inputs must be
// non-empty.
func DiffLoop(old, new []byte, n int) int {
	got := C.diff_loop((*C.uint8_t)(unsafe.Pointer(&old[0])), C.size_t(len(old)),
		(*C.uint8_t)(unsafe.Pointer(&new[0])), C.size_t(len(new)), C.long(n))
	runtime.KeepAlive(old)
	runtime.KeepAlive(new)
	return int(int64(got))
}

// DiffOnce is one diff through one cgo call: the cost of crossing into C
// once, without the binding's option handling and copying.
func DiffOnce(old, new []byte) int {
	return DiffLoop(old, new, 1)
}

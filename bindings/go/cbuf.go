package fastdiff

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#include "shim.h"

// The shim neither keeps the Go pointers it is given nor calls back into
// Go, so cgo may skip the work that guards against either.
#cgo noescape fastdiff_unified_diff
#cgo nocallback fastdiff_unified_diff
#cgo noescape fastdiff_unified_diff_stats
#cgo nocallback fastdiff_unified_diff_stats
#cgo noescape fastdiff_free
#cgo nocallback fastdiff_free
#cgo noescape fastdiff_apply_patch
#cgo nocallback fastdiff_apply_patch
#cgo noescape fastdiff_parse_patch
#cgo nocallback fastdiff_parse_patch
#cgo noescape fastdiff_patch_report_free
#cgo nocallback fastdiff_patch_report_free
#cgo noescape fastdiff_diff_stats
#cgo nocallback fastdiff_diff_stats
#cgo noescape fastdiff_diff_hunks
#cgo nocallback fastdiff_diff_hunks
#cgo noescape fastdiff_hunks_free
#cgo nocallback fastdiff_hunks_free
#cgo noescape fastdiff_word_diff
#cgo nocallback fastdiff_word_diff
#cgo noescape fastdiff_word_diff_free
#cgo nocallback fastdiff_word_diff_free
#cgo nocallback fastdiff_apply_edits
#cgo noescape fastdiff_parse_edits
#cgo nocallback fastdiff_parse_edits
#cgo noescape fastdiff_edit_result_free
#cgo nocallback fastdiff_edit_result_free
#cgo noescape fastdiff_unified_diff_many
#cgo nocallback fastdiff_unified_diff_many
*/
import "C"

import "unsafe"

// cBytes is b as a C buffer, without copying: (NULL, 0) when empty. The
// caller keeps b alive (runtime.KeepAlive) until C is done with it.
func cBytes(b []byte) (*C.uint8_t, C.size_t) {
	if len(b) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(b))), C.size_t(len(b))
}

// cString is s as a C buffer, without copying; C only ever reads it.
func cString(s string) (*C.uint8_t, C.size_t) {
	if len(s) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.StringData(s))), C.size_t(len(s))
}

// cView is the library's buffer as a Go slice over C memory, valid until
// the buffer is freed.
func cView(buf C.fd_buf) []byte {
	if buf.ptr == nil || buf.len == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(buf.ptr)), int(buf.len))
}

// take copies the library's buffer into Go memory as a T and frees it:
// the zero T (nil, "") when it is empty.
func take[T Text](buf C.fd_buf, bytesType bool) T {
	defer C.fastdiff_free(buf)
	return copyOf[T](cView(buf), bytesType)
}

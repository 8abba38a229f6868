package fastdiff

// #include "shim.h"
import "C"

import "runtime"

// UnifiedDiff returns the unified diff that turns old into new, exactly as
// diff -u --label original --label modified would write it (no
// timestamps), or nil when they are identical. opts nil means
// DefaultOptions(). Any bytes are valid input.
//
// An error is an *Error: ErrInvalidOptions for options the library refuses,
// ErrInputTooLarge beyond MaxLines lines.
func UnifiedDiff(old, new []byte, opts *Options) ([]byte, error) {
	oldPtr, oldLen := cBytes(old)
	newPtr, newLen := cBytes(new)
	res, err := unifiedDiff("UnifiedDiff", oldPtr, oldLen, newPtr, newLen, opts, optionsSize)
	runtime.KeepAlive(old)
	runtime.KeepAlive(new)
	// On an error the buffer is empty: nothing to copy, nothing to free.
	return takeBytes(res.buf), err
}

// UnifiedDiffString is UnifiedDiff for strings, which may hold any bytes
// too: the diff, or "" when old and new are identical.
func UnifiedDiffString(old, new string, opts *Options) (string, error) {
	oldPtr, oldLen := cString(old)
	newPtr, newLen := cString(new)
	res, err := unifiedDiff("UnifiedDiffString", oldPtr, oldLen, newPtr, newLen, opts, optionsSize)
	runtime.KeepAlive(old)
	runtime.KeepAlive(new)
	// On an error the buffer is empty: nothing to copy, nothing to free.
	return takeString(res.buf), err
}

// unifiedDiff calls the library with opts converted to an fd_options of
// structSize bytes. The result's buffer belongs to the caller, who frees it
// whatever the error.
func unifiedDiff(op string, old *C.uint8_t, oldLen C.size_t, new *C.uint8_t, newLen C.size_t, opts *Options,
	structSize uint32) (C.fastdiff_result, error) {
	c, err := opts.call(op, structSize)
	if err != nil {
		return C.fastdiff_result{}, err
	}
	res := C.fastdiff_unified_diff(old, oldLen, new, newLen, c.use, c.opts, c.oldLabel, c.oldLabelLen, c.newLabel,
		c.newLabelLen)
	runtime.KeepAlive(opts)
	return res, statusError(op, res.status)
}

// Version is the library's version, such as "0.1.0".
func Version() string {
	return C.GoString(C.fd_version())
}

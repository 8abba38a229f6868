package fastdiff

// #include "shim.h"
import "C"

// UnifiedDiff returns the unified diff that turns old into new, exactly as
// diff -u --label original --label modified would write it (no
// timestamps), or the empty text (nil, "") when they are identical. The
// diff has the inputs' type: []byte for byte slices, string for strings.
// opts nil means DefaultOptions(). Any bytes are valid input.
//
// An error is an *Error: ErrInvalidOptions for options the library refuses,
// ErrInputTooLarge beyond MaxLines lines.
func UnifiedDiff[T Text](old, new T, opts *Options) (T, error) {
	return unifiedDiff("UnifiedDiff", old, new, opts, optionsSize)
}

// UnifiedDiffString is UnifiedDiff for strings.
//
// Deprecated: use UnifiedDiff, which takes strings too.
func UnifiedDiffString(old, new string, opts *Options) (string, error) {
	return unifiedDiff("UnifiedDiffString", old, new, opts, optionsSize)
}

// unifiedDiff is UnifiedDiff named op, with opts converted to an
// fd_options of structSize bytes.
func unifiedDiff[T Text](op string, old, new T, opts *Options, structSize uint32) (T, error) {
	in, err := lend(op, old, new, opts, structSize)
	if err != nil {
		var none T
		return none, err
	}
	res := C.fastdiff_unified_diff(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel, in.oldLabelLen,
		in.newLabel, in.newLabelLen)
	err = finish(op, res.status, old, new, opts)
	// On an error the buffer is empty: nothing to copy, nothing to free.
	return take[T](res.buf, in.bytesType), err
}

// UnifiedDiffStats returns what UnifiedDiff and DiffStats return for the
// same arguments, for the work of one diff: the unified diff (the empty
// text when there is none) and its counts.
func UnifiedDiffStats[T Text](old, new T, opts *Options) (T, Stats, error) {
	const op = "UnifiedDiffStats"
	var none T
	in, err := lend(op, old, new, opts, optionsSize)
	if err != nil {
		return none, Stats{}, err
	}
	res := C.fastdiff_unified_diff_stats(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel,
		in.oldLabelLen, in.newLabel, in.newLabelLen)
	if err := finish(op, res.status, old, new, opts); err != nil {
		return none, Stats{}, err
	}
	return take[T](res.buf, in.bytesType), readStats(res.stats), nil
}

// Version is the library's version, such as "0.1.0".
func Version() string {
	return C.GoString(C.fd_version())
}

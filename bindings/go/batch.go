package fastdiff

// #include "shim.h"
import "C"

import (
	"errors"
	"math"
	"runtime"
	"strconv"
	"unsafe"
)

// Pair is two texts for UnifiedDiffMany, and optionally their own labels.
type Pair[T Text] struct {
	// Old and New are the texts, as for UnifiedDiff.
	Old, New T
	// OldLabel and NewLabel, when not empty, name this pair's texts on its
	// --- and +++ lines in place of the options' labels (an empty label
	// for every pair is set in the options). No CR or LF.
	OldLabel, NewLabel string
}

// PairError is the failure of one pair of UnifiedDiffMany: its index in
// the pairs, and why.
type PairError struct {
	// Index is the pair's index.
	Index int
	// Err is the *Error the pair failed with.
	Err *Error
}

func (e *PairError) Error() string {
	return "fastdiff: pair " + strconv.Itoa(e.Index) + ": " + e.Err.Status.String()
}

// Unwrap is the pair's *Error, so that errors.Is(err, ErrInputTooLarge)
// matches it.
func (e *PairError) Unwrap() error { return e.Err }

// UnifiedDiffMany returns the unified diff of every pair, in order, each
// what UnifiedDiff returns for it with opts (nil: DefaultOptions()) and
// the pair's own labels where it has them. The pairs are diffed in one
// call, on threads threads of the library (0: one per core the process may
// use); the library starts them and joins them before it returns.
//
// A pair that fails (a label with CR or LF, more than MaxLines lines)
// fails alone: its diff is the zero T, and the error is every failed
// pair's *PairError, joined (errors.Join), while the other diffs are
// returned all the same. Options the library refuses fail the whole call:
// no diffs, and an *Error.
func UnifiedDiffMany[T Text](pairs []Pair[T], opts *Options, threads int) ([]T, error) {
	const op = "UnifiedDiffMany"
	if threads < 0 || uint64(threads) > math.MaxUint32 {
		return nil, invalid(op, "threads must be between 0 and 4294967295, not "+strconv.Itoa(threads))
	}
	c, err := opts.call(op, optionsSize)
	if err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return []T{}, nil
	}
	bytesType := isBytes[T]()
	// The fd_pair array is Go memory holding pointers to the texts and
	// labels: cgo allows that while they are pinned.
	var pinner runtime.Pinner
	defer pinner.Unpin()
	lent := func(b []byte) (*C.uint8_t, C.size_t) {
		ptr, n := cBytes(b)
		if ptr != nil {
			pinner.Pin(ptr)
		}
		return ptr, n
	}
	cPairs := make([]C.fd_pair, len(pairs))
	for i := range pairs {
		p, cp := &pairs[i], &cPairs[i]
		cp.old_text, cp.old_len = lent(bytesOf(p.Old, bytesType))
		cp.new_text, cp.new_len = lent(bytesOf(p.New, bytesType))
		if p.OldLabel != "" {
			cp.old_label, cp.old_label_len = lent(unsafe.Slice(unsafe.StringData(p.OldLabel), len(p.OldLabel)))
		}
		if p.NewLabel != "" {
			cp.new_label, cp.new_label_len = lent(unsafe.Slice(unsafe.StringData(p.NewLabel), len(p.NewLabel)))
		}
	}
	outs := make([]C.fd_buf, len(pairs))
	statuses := make([]C.fd_status, len(pairs))
	status := C.fastdiff_unified_diff_many(&cPairs[0], C.size_t(len(cPairs)), c.use, c.opts, c.oldLabel,
		c.oldLabelLen, c.newLabel, c.newLabelLen, C.uint32_t(threads), &outs[0], &statuses[0])
	runtime.KeepAlive(pairs)
	runtime.KeepAlive(opts)
	if err := statusError(op, status); err != nil {
		return nil, err
	}
	diffs := make([]T, len(pairs))
	var failed []error
	for i := range outs {
		if statuses[i] != C.FD_OK {
			failed = append(failed, &PairError{Index: i, Err: &Error{Op: op, Status: Status(statuses[i])}})
			continue
		}
		diffs[i] = take[T](outs[i], bytesType)
	}
	return diffs, errors.Join(failed...)
}

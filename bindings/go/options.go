package fastdiff

// #include "shim.h"
import "C"

import (
	"math"
	"strconv"
	"time"
	"unsafe"
)

// Algorithm is a line-matching algorithm, fd_algorithm in C. Each gives a
// correct diff; they differ in which of the many correct diffs they find.
type Algorithm uint32

const (
	// Myers is Myers' algorithm with GNU diff's cost limits: minimal diffs
	// when that is cheap. The default.
	Myers Algorithm = C.FD_ALGORITHM_MYERS
	// Histogram is git's histogram diff: anchors on rare lines, reads well
	// on code.
	Histogram Algorithm = C.FD_ALGORITHM_HISTOGRAM
	// Patience anchors on lines unique to both sides.
	Patience Algorithm = C.FD_ALGORITHM_PATIENCE
)

// String is the algorithm's name, or its number if it has none.
func (a Algorithm) String() string {
	switch a {
	case Myers:
		return "myers"
	case Histogram:
		return "histogram"
	case Patience:
		return "patience"
	}
	return "Algorithm(" + strconv.FormatUint(uint64(a), 10) + ")"
}

// DefaultContextLines is the number of unchanged lines shown around each
// change by default, as in diff -u.
const DefaultContextLines = 3

// MaxLines is the most lines of one text a diff compares (beyond the common
// beginning and end of the two texts); more is ErrInputTooLarge.
const MaxLines = C.FD_MAX_LINES

// Modes are comparison modes, fd_options.flags in C: ways in which lines may
// differ and still count as equal. The diff still shows real lines (context
// and removed lines from the old text, added lines from the new), so it
// applies to the old text. Combine them with |.
type Modes uint32

const (
	// IgnoreSpaceChange (diff -b): a run of white space equals any other,
	// and white space at the end of a line is ignored.
	IgnoreSpaceChange Modes = C.FD_FLAG_IGNORE_SPACE_CHANGE
	// IgnoreAllSpace (diff -w): white space is ignored wherever it is.
	IgnoreAllSpace Modes = C.FD_FLAG_IGNORE_ALL_SPACE
	// IgnoreBlankLines (diff -B): changes whose lines are all blank are not
	// shown, unless they fall inside a hunk shown for other changes.
	IgnoreBlankLines Modes = C.FD_FLAG_IGNORE_BLANK_LINES
	// IgnoreCase (diff -i): ASCII letters compare without regard to case.
	IgnoreCase Modes = C.FD_FLAG_IGNORE_CASE
	// StripTrailingCR (diff --strip-trailing-cr): a CR just before the end
	// of a line is ignored.
	StripTrailingCR Modes = C.FD_FLAG_STRIP_TRAILING_CR
)

// Options are the options of a diff, mirroring fd_options. Every field is
// taken as written: start from DefaultOptions to change only some of them
// (the zero Options means no context lines and empty labels).
type Options struct {
	// ContextLines is the number of unchanged lines shown around each
	// change; 0 gives hunks of changed lines only. At most math.MaxUint32.
	ContextLines int
	// OldLabel and NewLabel name the texts on the --- and +++ lines. They
	// may hold any bytes except CR and LF.
	OldLabel, NewLabel string
	// Algorithm is the line-matching algorithm.
	Algorithm Algorithm
	// Deadline bounds the time spent looking for a small diff; 0 means no
	// limit. When it passes, the rest of the input is diffed coarsely
	// (larger hunks): still a correct diff, never an error. It is counted in
	// whole milliseconds, rounded up. Negative is invalid.
	Deadline time.Duration
	// Modes are the comparison modes; 0 compares lines byte for byte. Bits
	// the library does not know are ErrInvalidOptions.
	Modes Modes
}

// DefaultOptions are the options that a nil *Options means: three lines of
// context, the labels "original" and "modified", Myers, no deadline.
func DefaultOptions() Options {
	return Options{
		ContextLines: DefaultContextLines,
		OldLabel:     "original",
		NewLabel:     "modified",
		Algorithm:    Myers,
	}
}

// The size of the first version of fd_options: it ends with deadline_ms.
var optionsV1Size = uint32(unsafe.Offsetof(C.fd_options{}.deadline_ms) + unsafe.Sizeof(C.fd_options{}.deadline_ms))

// The size of fd_options as this package was compiled.
const optionsSize = uint32(C.sizeof_fd_options)

// callOptions are the options of one call as the shim takes them: plain
// values, and the labels as pointers into the Options' strings (so the
// caller keeps the Options alive until C returns). use is 0 for nil
// Options: the library's defaults.
type callOptions struct {
	use                      C.int
	opts                     C.fastdiff_options
	oldLabel, newLabel       *C.uint8_t
	oldLabelLen, newLabelLen C.size_t
}

// call converts o (nil: the defaults) for a call with an fd_options of
// structSize bytes.
func (o *Options) call(op string, structSize uint32) (callOptions, error) {
	if o == nil {
		return callOptions{}, nil
	}
	opts, err := o.toC(op, structSize)
	if err != nil {
		return callOptions{}, err
	}
	c := callOptions{use: 1, opts: opts}
	c.oldLabel, c.oldLabelLen = cString(o.OldLabel)
	c.newLabel, c.newLabelLen = cString(o.NewLabel)
	return c, nil
}

// toC converts the fields that C holds as plain numbers. The labels are
// passed to C separately, as pointers into the strings themselves.
func (o *Options) toC(op string, structSize uint32) (C.fastdiff_options, error) {
	if o.ContextLines < 0 || uint64(o.ContextLines) > math.MaxUint32 {
		return C.fastdiff_options{}, invalid(op, "ContextLines must be between 0 and 4294967295, not "+strconv.Itoa(o.ContextLines))
	}
	if o.Deadline < 0 {
		return C.fastdiff_options{}, invalid(op, "Deadline must not be negative, not "+o.Deadline.String())
	}
	// Round up, so that a positive deadline never becomes "none".
	deadlineMS := (uint64(o.Deadline) + uint64(time.Millisecond) - 1) / uint64(time.Millisecond)
	return C.fastdiff_options{
		struct_size:   C.uint32_t(structSize),
		context_lines: C.uint32_t(o.ContextLines),
		algorithm:     C.uint32_t(o.Algorithm),
		deadline_ms:   C.uint64_t(deadlineMS),
		flags:         C.uint32_t(o.Modes),
	}, nil
}

package fastdiff

// #include "shim.h"
import "C"

import (
	"math"
	"runtime"
	"strconv"
)

// AnyOffset as ApplyOptions.MaxOffset looks for a hunk anywhere after the
// previous one.
const AnyOffset = -1

// ApplyOptions say how forgiving ApplyPatch is, mirroring
// fd_apply_options. Every field is taken as written: start from
// DefaultApplyOptions (the zero ApplyOptions has MaxOffset 0, so hunks are
// looked for only at their expected lines).
type ApplyOptions struct {
	// MaxOffset is how many lines from its expected line (its stated line,
	// moved by the offset the previous hunk needed, as in GNU patch) a
	// hunk is looked for; AnyOffset is anywhere after the previous hunk, 0
	// only at the expected line. Below AnyOffset is invalid.
	MaxOffset int
	// Fuzz is GNU-style fuzz: how many context lines at each edge of a
	// hunk may differ, tried from 0 up; capped so that at least one
	// context line is checked. At most math.MaxUint32.
	Fuzz int
	// Recount recounts hunk bodies instead of trusting the line counts in
	// their headers, and accepts bare @@ headers (such a hunk must be found
	// at exactly one place after the previous one).
	Recount bool
	// Reverse applies the patch backwards: undoes it.
	Reverse bool
	// IgnoreWhitespace compares lines ignoring whitespace amounts and
	// trailing whitespace, as diff -b does.
	IgnoreWhitespace bool
	// StrictLineEndings requires line ends to match exactly. Without it,
	// CRLF, LF and a missing final LF compare equal when nothing matches
	// exactly, and added lines take the line ends of the matched lines.
	StrictLineEndings bool
	// Partial returns the text with the hunks that apply when others fail
	// (the error is still ErrPatchHunkFailed).
	Partial bool
}

// DefaultApplyOptions are the options that a nil *ApplyOptions means:
// hunks looked for anywhere, no fuzz, header counts trusted, forwards,
// whitespace compared, CRLF/LF tolerated, all or nothing.
func DefaultApplyOptions() ApplyOptions {
	return ApplyOptions{MaxOffset: AnyOffset}
}

func (o *ApplyOptions) toC(op string) (C.fastdiff_apply_options, *Error) {
	if o.MaxOffset < AnyOffset {
		return C.fastdiff_apply_options{}, invalid(op, "MaxOffset must be AnyOffset (-1) or at least 0, not "+strconv.Itoa(o.MaxOffset))
	}
	if o.Fuzz < 0 || uint64(o.Fuzz) > math.MaxUint32 {
		return C.fastdiff_apply_options{}, invalid(op, "Fuzz must be between 0 and 4294967295, not "+strconv.Itoa(o.Fuzz))
	}
	maxOffset := uint64(C.FD_APPLY_ANY_OFFSET)
	if o.MaxOffset != AnyOffset {
		maxOffset = uint64(o.MaxOffset)
	}
	var flags C.uint32_t
	for _, f := range []struct {
		set bool
		bit C.uint32_t
	}{
		{o.Recount, C.FD_APPLY_RECOUNT},
		{o.Reverse, C.FD_APPLY_REVERSE},
		{o.IgnoreWhitespace, C.FD_APPLY_IGNORE_WHITESPACE},
		{o.StrictLineEndings, C.FD_APPLY_STRICT_EOL},
		{o.Partial, C.FD_APPLY_PARTIAL},
	} {
		if f.set {
			flags |= f.bit
		}
	}
	return C.fastdiff_apply_options{flags: flags, fuzz: C.uint32_t(o.Fuzz), max_offset: C.uint64_t(maxOffset)}, nil
}

// ApplyPatch applies the single-file unified diff patch to text and
// returns the new text and a report of what was done, hunk by hunk. opts
// nil means DefaultApplyOptions(). Patches written by GNU diff, git and
// difflib are read, with or without "\ No newline at end of file"; text
// around the diff (a mail, a commit message) is skipped. An empty patch
// gives the text back.
//
// All or nothing: when a hunk does not apply, no text is returned (unless
// opts.Partial asked for the hunks that apply) and the error matches
// ErrPatchHunkFailed. The report is returned with every patch error too,
// and is also the error's Report:
//   - ErrPatchMalformed: ErrorOffset, ErrorLine, ErrorExpected; no hunks.
//   - ErrPatchHunkFailed: every hunk, the failed ones with their reason
//     and closest candidate.
//   - ErrPatchAlreadyApplied: every hunk HunkAlreadyApplied.
//   - ErrPatchMultipleFiles: the file sections; apply each on its own.
//
// Other errors (ErrInvalidOptions, ErrInputTooLarge) come without a report.
func ApplyPatch(text, patch []byte, opts *ApplyOptions) ([]byte, *PatchReport, error) {
	textPtr, textLen := cBytes(text)
	patchPtr, patchLen := cBytes(patch)
	res, cErr := applyPatch("ApplyPatch", textPtr, textLen, patchPtr, patchLen, opts)
	runtime.KeepAlive(text)
	runtime.KeepAlive(patch)
	report, err := takeReport(res, cErr)
	out := takeBytes(res.buf)
	// A successful result is never nil, so that nil always means none.
	if err == nil && out == nil {
		out = []byte{}
	}
	return out, report, err
}

// ApplyPatchString is ApplyPatch for strings, which may hold any bytes.
// On an error the text is "" unless opts.Partial asked for the hunks that
// apply.
func ApplyPatchString(text, patch string, opts *ApplyOptions) (string, *PatchReport, error) {
	textPtr, textLen := cString(text)
	patchPtr, patchLen := cString(patch)
	res, cErr := applyPatch("ApplyPatchString", textPtr, textLen, patchPtr, patchLen, opts)
	runtime.KeepAlive(text)
	runtime.KeepAlive(patch)
	report, err := takeReport(res, cErr)
	return takeString(res.buf), report, err
}

// applyPatch calls the library. The result's buffer and report belong to
// the caller, who frees them whatever the error.
func applyPatch(op string, text *C.uint8_t, textLen C.size_t, patch *C.uint8_t, patchLen C.size_t,
	opts *ApplyOptions) (C.fastdiff_patch_result, *Error) {
	var res C.fastdiff_patch_result
	if opts == nil {
		res = C.fastdiff_apply_patch(text, textLen, patch, patchLen, 0, C.fastdiff_apply_options{})
	} else {
		cOpts, err := opts.toC(op)
		if err != nil {
			return res, err
		}
		res = C.fastdiff_apply_patch(text, textLen, patch, patchLen, 1, cOpts)
	}
	if res.status != C.FD_OK {
		return res, &Error{Op: op, Status: Status(res.status)}
	}
	return res, nil
}

// takeReport copies the result's report into Go memory and frees it, and
// attaches it to the error, if any.
func takeReport(res C.fastdiff_patch_result, err *Error) (*PatchReport, error) {
	report := readReport(res.report)
	if err != nil {
		err.Report = report
		return report, err
	}
	return report, nil
}

// ParsePatch reads a patch of any number of files into its file sections
// and hunks without applying it: each of the report's Files gives the
// bytes of its section, patch[PatchStart:PatchEnd], for ApplyPatch to apply
// to that file's text. Hunks are HunkNotTried. recount is as
// ApplyOptions.Recount. A patch that cannot be read is ErrPatchMalformed,
// with the report.
func ParsePatch(patch []byte, recount bool) (*PatchReport, error) {
	var flags C.uint32_t
	if recount {
		flags = C.FD_APPLY_RECOUNT
	}
	patchPtr, patchLen := cBytes(patch)
	res := C.fastdiff_parse_patch(patchPtr, patchLen, flags)
	runtime.KeepAlive(patch)
	var err *Error
	if res.status != C.FD_OK {
		err = &Error{Op: "ParsePatch", Status: Status(res.status)}
	}
	return takeReport(res, err)
}

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
	// Recount recounts every hunk body instead of trusting the line counts
	// in its header, also those that agree (a body that disagrees is
	// recounted anyway unless Strict), and accepts bare @@ headers (such a
	// hunk must be found at exactly one place after the previous one).
	Recount bool
	// Strict reads and matches as fast-diff 0.1 did: header counts are
	// trusted (a body that disagrees is ErrPatchMalformed, a bare @@ too),
	// and lines compare exactly or ignoring line ends only. Without it,
	// such bodies are recounted and the matching ladder goes on to ignore
	// trailing whitespace, then indentation, then typographic punctuation.
	Strict bool
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
// hunks looked for anywhere, no fuzz, wrong header counts recounted, the
// whole matching ladder, forwards, all or nothing.
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
		{o.Strict, C.FD_APPLY_STRICT},
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
// returns the new text, of their type, and a report of what was done, hunk
// by hunk. opts nil means DefaultApplyOptions(). Patches written by GNU
// diff, git and difflib are read, with or without "\ No newline at end of
// file"; text around the diff (a mail, a commit message) is skipped. An
// empty patch gives the text back.
//
// All or nothing: when a hunk does not apply, no text is returned (nil or
// "", unless opts.Partial asked for the hunks that apply) and the error
// matches ErrPatchHunkFailed. On success a byte slice result is never nil
// ([]byte{} when empty), so that nil always means none. The report is
// returned with every patch error too, and is also the error's Report:
//   - ErrPatchMalformed: ErrorOffset, ErrorLine, ErrorExpected; no hunks.
//   - ErrPatchHunkFailed: every hunk, the failed ones with their reason
//     and closest candidate.
//   - ErrPatchAlreadyApplied: every hunk HunkAlreadyApplied.
//   - ErrPatchMultipleFiles: the file sections; apply each on its own.
//
// Other errors (ErrInvalidOptions, ErrInputTooLarge) come without a report.
func ApplyPatch[T Text](text, patch T, opts *ApplyOptions) (T, *PatchReport, error) {
	return applyPatch("ApplyPatch", text, patch, opts)
}

// ApplyPatchString is ApplyPatch for strings.
//
// Deprecated: use ApplyPatch, which takes strings too.
func ApplyPatchString(text, patch string, opts *ApplyOptions) (string, *PatchReport, error) {
	return applyPatch("ApplyPatchString", text, patch, opts)
}

// applyPatch is ApplyPatch named op.
func applyPatch[T Text](op string, text, patch T, opts *ApplyOptions) (T, *PatchReport, error) {
	var none T
	var use C.int
	var cOpts C.fastdiff_apply_options
	if opts != nil {
		var err *Error
		if cOpts, err = opts.toC(op); err != nil {
			return none, nil, err
		}
		use = 1
	}
	bytesType := isBytes[T]()
	textPtr, textLen := cBytes(bytesOf(text, bytesType))
	patchPtr, patchLen := cBytes(bytesOf(patch, bytesType))
	res := C.fastdiff_apply_patch(textPtr, textLen, patchPtr, patchLen, use, cOpts)
	runtime.KeepAlive(text)
	runtime.KeepAlive(patch)
	report, err := takeReport(op, res)
	out := take[T](res.buf, bytesType)
	if err == nil && len(out) == 0 {
		out = T([]byte{})
	}
	return out, report, err
}

// takeReport copies the result's report into Go memory and frees it; the
// error for its status, carrying the report, or nil.
func takeReport(op string, res C.fastdiff_patch_result) (*PatchReport, error) {
	report := readReport(res.report)
	if res.status == C.FD_OK {
		return report, nil
	}
	return report, &Error{Op: op, Status: Status(res.status), Report: report}
}

// ParsePatch reads a patch of any number of files into its file sections
// and hunks without applying it: each of the report's Files gives the
// bytes of its section, patch[PatchStart:PatchEnd], for ApplyPatch to apply
// to that file's text. Hunks are HunkNotTried. Hunks whose line counts
// disagree with their bodies, and bare @@ headers, are read as ApplyPatch
// reads them by default (recount, kept for compatibility, changes nothing
// here). A patch that cannot be read is ErrPatchMalformed, with the
// report.
func ParsePatch[T Text](patch T, recount bool) (*PatchReport, error) {
	var flags C.uint32_t
	if recount {
		flags = C.FD_APPLY_RECOUNT
	}
	patchPtr, patchLen := cBytes(bytesOf(patch, isBytes[T]()))
	res := C.fastdiff_parse_patch(patchPtr, patchLen, flags)
	runtime.KeepAlive(patch)
	return takeReport("ParsePatch", res)
}

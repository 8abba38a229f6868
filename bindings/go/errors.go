package fastdiff

// #include "shim.h"
import "C"

import "strings"

// Status is the result of a call into the library, fd_status in C. Its
// numbers are part of the ABI: never reused, only ever appended.
type Status uint32

const (
	// StatusOK: success. No error carries it.
	StatusOK Status = C.FD_OK
	// StatusNullArgument: NULL where a non-empty buffer was required.
	StatusNullArgument Status = C.FD_ERR_NULL_ARGUMENT
	// StatusInvalidOptions: options the library or this package refuses.
	StatusInvalidOptions Status = C.FD_ERR_INVALID_OPTIONS
	// StatusInputTooLarge: more than MaxLines lines to compare.
	StatusInputTooLarge Status = C.FD_ERR_INPUT_TOO_LARGE
	// StatusInternal: a bug in fast-diff, caught instead of crashing.
	StatusInternal Status = C.FD_ERR_INTERNAL
	// StatusPatchMalformed: the patch cannot be read.
	StatusPatchMalformed Status = C.FD_ERR_PATCH_MALFORMED
	// StatusPatchHunkFailed: at least one hunk does not apply.
	StatusPatchHunkFailed Status = C.FD_ERR_PATCH_HUNK_FAILED
	// StatusPatchAlreadyApplied: no hunk applies, but all apply in reverse.
	StatusPatchAlreadyApplied Status = C.FD_ERR_PATCH_ALREADY_APPLIED
	// StatusPatchMultipleFiles: the patch has sections for several files.
	StatusPatchMultipleFiles Status = C.FD_ERR_PATCH_MULTIPLE_FILES
	// StatusPatchAmbiguous: ApplyEdits applied nothing because a hunk,
	// block or replacement matches at several places.
	StatusPatchAmbiguous Status = C.FD_ERR_PATCH_AMBIGUOUS
)

// String is the library's description of the status (fd_status_message),
// also for numbers this package does not name.
func (s Status) String() string {
	return C.GoString(C.fd_status_message(C.fd_status(s)))
}

// Error is a failed call: which function, and the status it ended with.
// Match it with errors.Is against the sentinels (ErrInvalidOptions, ...),
// which compare by Status, or take it apart with errors.As.
type Error struct {
	// Op is the function that failed, such as "UnifiedDiff".
	Op string
	// Status is why.
	Status Status
	// Report is what the library found, for the patch statuses
	// (StatusPatchMalformed, StatusPatchHunkFailed, ...); nil otherwise.
	// For ApplyEdits it holds the summary and, for a malformed patch,
	// where; Edits has the rest.
	Report *PatchReport
	// Edits is, for ApplyEdits, every file the patch touches with its
	// outcome and hunks: every failure is there (Failures lists them).
	Edits *EditReport
	// detail says more when this package, not the library, found the
	// problem.
	detail string
}

// Sentinels for errors.Is, one per failing Status.
var (
	// ErrNullArgument: the library was given NULL for a non-empty buffer.
	// This package never passes NULL that way; it is here so that every
	// status has its sentinel.
	ErrNullArgument = &Error{Status: StatusNullArgument}
	// ErrInvalidOptions: an option is out of range, an unknown algorithm,
	// or a label containing CR or LF.
	ErrInvalidOptions = &Error{Status: StatusInvalidOptions}
	// ErrInputTooLarge: a text has more than MaxLines lines to compare.
	ErrInputTooLarge = &Error{Status: StatusInputTooLarge}
	// ErrInternal: a bug in fast-diff, reported instead of crashing.
	ErrInternal = &Error{Status: StatusInternal}
	// ErrPatchMalformed: the patch cannot be read; the report's
	// ErrorOffset, ErrorLine and ErrorExpected say where and why.
	ErrPatchMalformed = &Error{Status: StatusPatchMalformed}
	// ErrPatchHunkFailed: a hunk does not apply, so nothing was applied;
	// the report's Failed hunks say why and where the text comes closest.
	ErrPatchHunkFailed = &Error{Status: StatusPatchHunkFailed}
	// ErrPatchAlreadyApplied: the text already has the patch's changes.
	ErrPatchAlreadyApplied = &Error{Status: StatusPatchAlreadyApplied}
	// ErrPatchMultipleFiles: the patch changes several files; apply each
	// of the report's Files sections to its own text.
	ErrPatchMultipleFiles = &Error{Status: StatusPatchMultipleFiles}
	// ErrPatchAmbiguous: ApplyEdits applied nothing because some hunk,
	// block or replacement matches at several places (its Places), and
	// nothing else is wrong. It also matches ErrPatchHunkFailed.
	ErrPatchAmbiguous = &Error{Status: StatusPatchAmbiguous}
)

func (e *Error) Error() string {
	msg := "fastdiff: "
	if e.Op != "" {
		msg += e.Op + ": "
	}
	msg += e.Status.String()
	if e.detail != "" {
		msg += ": " + e.detail
	}
	if e.Report != nil && e.Report.Message != "" {
		// One line: the summary, then each hunk's line.
		msg += ": " + strings.ReplaceAll(e.Report.Message, "\n", "; ")
	}
	return msg
}

// Is reports whether target is an *Error with the same Status, so that
// errors.Is(err, ErrInvalidOptions) matches whatever call failed.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if ok && t.Status == StatusPatchHunkFailed && e.Status == StatusPatchAmbiguous {
		return true // an ambiguous hunk is a kind of hunk that does not apply
	}
	return ok && t.Status == e.Status
}

// Failures are, for ApplyEdits, every reason the patch was not applied,
// file by file; nil for other errors.
func (e *Error) Failures() []EditFailure {
	if e.Edits == nil {
		return nil
	}
	return e.Edits.Failures()
}

// statusError is the error for a status the library returned, nil for OK.
func statusError(op string, status C.fd_status) error {
	if status == C.FD_OK {
		return nil
	}
	return &Error{Op: op, Status: Status(status)}
}

// invalid is ErrInvalidOptions found on the Go side, before calling C.
func invalid(op, detail string) *Error {
	return &Error{Op: op, Status: StatusInvalidOptions, detail: detail}
}

package fastdiff

// #include "shim.h"
import "C"

import (
	"math"
	"runtime"
	"strconv"
	"unsafe"
)

// EditFormat is a format ApplyEdits reads, fd_edit_format in C.
type EditFormat uint32

const (
	// FormatAuto detects the format (options only).
	FormatAuto EditFormat = C.FD_EDIT_FORMAT_AUTO
	// FormatUnified: unified diffs of one or many files.
	FormatUnified EditFormat = C.FD_EDIT_FORMAT_UNIFIED
	// FormatEnvelope: OpenAI Codex's "*** Begin Patch" envelope.
	FormatEnvelope EditFormat = C.FD_EDIT_FORMAT_ENVELOPE
	// FormatSearchReplace: aider's SEARCH/REPLACE blocks.
	FormatSearchReplace EditFormat = C.FD_EDIT_FORMAT_SEARCH_REPLACE
	// FormatReplacements: a JSON list of {path, old_text, new_text}.
	FormatReplacements EditFormat = C.FD_EDIT_FORMAT_REPLACEMENTS
)

func (f EditFormat) String() string {
	return name(uint32(f), "EditFormat", "auto", "unified", "envelope", "search_replace", "replacements")
}

// EditOutcome is what happened to a file, fd_edit_outcome in C.
type EditOutcome uint32

const (
	// EditNotTried: read, not applied (ParseEdits).
	EditNotTried EditOutcome = C.FD_EDIT_NOT_TRIED
	// EditApplied: every hunk applies.
	EditApplied EditOutcome = C.FD_EDIT_APPLIED
	// EditHunksFailed: a hunk, block or replacement does not apply, or is
	// ambiguous.
	EditHunksFailed EditOutcome = C.FD_EDIT_HUNKS_FAILED
	// EditAlreadyApplied: every hunk is already in its applied form.
	EditAlreadyApplied EditOutcome = C.FD_EDIT_ALREADY_APPLIED
	// EditMissing: the patch changes, deletes or moves a file not given.
	EditMissing EditOutcome = C.FD_EDIT_MISSING
	// EditExists: the patch creates (or moves onto) a path that was given.
	EditExists EditOutcome = C.FD_EDIT_EXISTS
)

func (o EditOutcome) String() string {
	return name(uint32(o), "EditOutcome", "not tried", "applied", "hunks failed", "already applied", "missing", "exists")
}

// StripAuto as EditOptions.Strip uses the patch's names as written,
// without git's a/ and b/ prefixes and a leading ./ (or as written when
// only that form is given).
const StripAuto = -1

// EditOptions say how ApplyEdits reads a patch and finds its hunks,
// mirroring fd_edit_options. Every field is taken as written: start from
// DefaultEditOptions.
type EditOptions struct {
	// Format is the patch's format; FormatAuto detects it.
	Format EditFormat
	// Strict, Recount, Reverse, IgnoreWhitespace and StrictLineEndings
	// are as in ApplyOptions.
	Strict, Recount, Reverse, IgnoreWhitespace, StrictLineEndings bool
	// Fuzz and MaxOffset are for unified diffs, whose hunks state lines,
	// as in ApplyOptions.
	Fuzz, MaxOffset int
	// Strip is GNU patch's -p N: leading components taken off the
	// patch's names; StripAuto (the default) as described there.
	Strip int
}

// DefaultEditOptions are the options a nil *EditOptions means: the format
// detected, the whole matching ladder, hunks anywhere, names as written.
func DefaultEditOptions() EditOptions {
	return EditOptions{MaxOffset: AnyOffset, Strip: StripAuto}
}

func (o *EditOptions) toC(op string) (C.fastdiff_edit_options, *Error) {
	var none C.fastdiff_edit_options
	if o.Format > FormatReplacements {
		return none, invalid(op, "Format must be one of the EditFormat constants, not "+strconv.Itoa(int(o.Format)))
	}
	if o.Strip < StripAuto || int64(o.Strip) >= math.MaxUint32 {
		return none, invalid(op, "Strip must be StripAuto (-1) or between 0 and 4294967294, not "+strconv.Itoa(o.Strip))
	}
	apply := ApplyOptions{
		MaxOffset: o.MaxOffset, Fuzz: o.Fuzz, Recount: o.Recount, Strict: o.Strict, Reverse: o.Reverse,
		IgnoreWhitespace: o.IgnoreWhitespace, StrictLineEndings: o.StrictLineEndings,
	}
	a, err := apply.toC(op)
	if err != nil {
		return none, err
	}
	strip := C.uint32_t(C.FD_EDIT_STRIP_AUTO)
	if o.Strip != StripAuto {
		strip = C.uint32_t(o.Strip)
	}
	return C.fastdiff_edit_options{format: C.uint32_t(o.Format), flags: a.flags, fuzz: a.fuzz, strip: strip, max_offset: a.max_offset}, nil
}

// FileEditReport is one file a patch touches.
type FileEditReport struct {
	// Path is its path after the patch (the new one of a moved file).
	Path string
	// Source is the given file it was read from (another one for a moved
	// or copied file); "" for a file the patch creates.
	Source  string
	Change  FileChange
	Outcome EditOutcome
	// Hunks are its hunks, blocks or replacements; their PatchStart and
	// PatchEnd delimit them in the patch.
	Hunks []HunkReport
	// Message says what happened, a line per hunk that did not apply as
	// stated.
	Message string
}

// EditFailure is one reason a patch was not applied.
type EditFailure struct {
	// Path is the file.
	Path string
	// Outcome is EditMissing or EditExists for the file itself,
	// EditHunksFailed for a hunk.
	Outcome EditOutcome
	// Hunk is the hunk that does not apply (with its Reason,
	// LoosestMatchMode, CandidateLine and Message), or nil.
	Hunk    *HunkReport
	Message string
}

// EditReport is every file a patch touches and what was done to each.
type EditReport struct {
	Format EditFormat
	// Files are in the order the patch first names them.
	Files []FileEditReport
	// Sections are the patch's sections as read.
	Sections []PatchFile
	// Message is the outcome, then a line per file or hunk that failed or
	// did not apply as stated.
	Message string
	// For ErrPatchMalformed: where reading stopped, its line, and what was
	// expected there.
	ErrorOffset, ErrorLine int
	ErrorExpected          string
}

// Failures are every reason the patch was not applied, file by file.
func (r *EditReport) Failures() []EditFailure {
	var out []EditFailure
	for _, f := range r.Files {
		if f.Outcome == EditMissing || f.Outcome == EditExists {
			out = append(out, EditFailure{Path: f.Path, Outcome: f.Outcome, Message: f.Message})
		}
		for i := range f.Hunks {
			if h := &f.Hunks[i]; h.Outcome == HunkFailed {
				out = append(out, EditFailure{Path: f.Path, Outcome: EditHunksFailed, Hunk: h, Message: h.Message})
			}
		}
	}
	return out
}

// EditResult is what ApplyEdits did.
type EditResult[T Text] struct {
	// Files maps every path the patch touches that is there after it to
	// its new text (a moved file under its new path).
	Files map[string]T
	// Deleted are the paths the patch deletes or moves away.
	Deleted []string
	// Report has each file's report, hunk by hunk.
	Report *EditReport
}

// ApplyEdits applies patch to files, all or nothing, and returns every
// file the patch touches with its new text. patch is a unified diff of
// any number of files, a "*** Begin Patch" envelope, SEARCH/REPLACE
// blocks or a JSON list of replacements, read as models write them
// (heredocs, code fences, missing headers, bare @@, wrong counts). files
// maps each path the patch may touch to its current text; a path not in
// it is a file that does not exist; a/, b/ and ./ in the patch match the
// bare paths; one text under "" is the file of a one-file patch, whatever
// its name. opts nil means DefaultEditOptions().
//
// On failure nothing is applied and the error, an *Error matching
// ErrPatchMalformed, ErrPatchHunkFailed, ErrPatchAmbiguous (which also
// matches ErrPatchHunkFailed) or ErrPatchAlreadyApplied, carries the
// report in Edits, and Failures lists every failure.
func ApplyEdits[T Text](files map[string]T, patch T, opts *EditOptions) (*EditResult[T], error) {
	const op = "ApplyEdits"
	defaults := DefaultEditOptions()
	if opts == nil {
		opts = &defaults
	}
	cOpts, err := opts.toC(op)
	if err != nil {
		return nil, err
	}
	bytesType := isBytes[T]()
	var pinner runtime.Pinner
	defer pinner.Unpin()
	given := make([]C.fd_file_text, 0, len(files))
	pin := func(b []byte) (*C.uint8_t, C.size_t) {
		ptr, n := cBytes(b)
		if ptr != nil {
			pinner.Pin(ptr)
		}
		return ptr, n
	}
	for path, text := range files {
		var f C.fd_file_text
		f.path, f.path_len = pin(unsafe.Slice(unsafe.StringData(path), len(path)))
		f.text, f.text_len = pin(bytesOf(text, bytesType))
		given = append(given, f)
	}
	var array *C.fd_file_text
	if len(given) > 0 {
		array = &given[0]
	}
	patchPtr, patchLen := cBytes(bytesOf(patch, bytesType))
	res := C.fastdiff_apply_edits(array, C.size_t(len(given)), patchPtr, patchLen, cOpts)
	runtime.KeepAlive(files)
	runtime.KeepAlive(patch)
	runtime.KeepAlive(given)
	if res.result == nil {
		return nil, statusError(op, res.status)
	}
	defer C.fastdiff_edit_result_free(res.result)
	report := readEditReport(res.result)
	if res.status != C.FD_OK {
		return nil, &Error{Op: op, Status: Status(res.status), Report: editSummary(report), Edits: report}
	}
	result := &EditResult[T]{Files: map[string]T{}, Report: report}
	moved := map[string]bool{}
	for _, f := range unsafe.Slice(res.result.files, int(res.result.file_count)) {
		path := goPath(f.path, f.path_len)
		if f.change == C.FD_FILE_DELETED {
			result.Deleted = append(result.Deleted, path)
			continue
		}
		if f.change == C.FD_FILE_RENAMED && f.source != nil {
			moved[goPath(f.source, f.source_len)] = true
		}
		text := copyOf[T](unsafe.Slice((*byte)(unsafe.Pointer(f.text)), int(f.text_len)), bytesType)
		if bytesType && len(text) == 0 {
			text = T([]byte{})
		}
		result.Files[path] = text
	}
	for path := range moved {
		if _, there := result.Files[path]; !there {
			result.Deleted = append(result.Deleted, path)
		}
	}
	return result, nil
}

// ParseEdits reads patch as ApplyEdits does, without applying it: its
// format, its sections, and every file it touches (Path, and Source, the
// file it reads, "" for one it creates). A patch that cannot be read is
// ErrPatchMalformed, with Edits.
func ParseEdits[T Text](patch T, opts *EditOptions) (*EditReport, error) {
	const op = "ParseEdits"
	defaults := DefaultEditOptions()
	if opts == nil {
		opts = &defaults
	}
	cOpts, err := opts.toC(op)
	if err != nil {
		return nil, err
	}
	patchPtr, patchLen := cBytes(bytesOf(patch, isBytes[T]()))
	res := C.fastdiff_parse_edits(patchPtr, patchLen, cOpts)
	runtime.KeepAlive(patch)
	if res.result == nil {
		return nil, statusError(op, res.status)
	}
	defer C.fastdiff_edit_result_free(res.result)
	report := readEditReport(res.result)
	if res.status != C.FD_OK {
		return report, &Error{Op: op, Status: Status(res.status), Report: editSummary(report), Edits: report}
	}
	return report, nil
}

// editSummary is the PatchReport an edit error carries: the message, and
// for a malformed patch where.
func editSummary(r *EditReport) *PatchReport {
	return &PatchReport{Message: r.Message, ErrorOffset: r.ErrorOffset, ErrorLine: r.ErrorLine, ErrorExpected: r.ErrorExpected}
}

// readEditReport copies the C result into Go memory (not freeing it).
func readEditReport(r *C.fd_edit_result) *EditReport {
	out := &EditReport{Format: EditFormat(r.format), Message: C.GoString(r.message)}
	hunks := readHunkReports(r.hunks, r.hunk_details, r.hunk_count)
	out.Sections = readFiles(r.sections, r.section_count)
	if r.files != nil {
		for _, f := range unsafe.Slice(r.files, int(r.file_count)) {
			first, count := int(f.first_hunk), int(f.hunk_count)
			out.Files = append(out.Files, FileEditReport{
				Path:    goPath(f.path, f.path_len),
				Source:  goPath(f.source, f.source_len),
				Change:  FileChange(f.change),
				Outcome: EditOutcome(f.outcome),
				Hunks:   hunks[first : first+count],
				Message: C.GoString(f.message),
			})
		}
	}
	if r.error_expected != nil {
		out.ErrorOffset = int(r.error_offset)
		out.ErrorLine = int(r.error_line)
		out.ErrorExpected = C.GoString(r.error_expected)
	}
	return out
}

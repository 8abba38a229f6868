package fastdiff

// #include "shim.h"
import "C"

import (
	"strconv"
	"unsafe"
)

// HunkOutcome is what happened to a hunk, fd_hunk_outcome in C.
type HunkOutcome uint32

const (
	// HunkNotTried: read but not applied (a report from ParsePatch).
	HunkNotTried HunkOutcome = C.FD_HUNK_NOT_TRIED
	// HunkApplied: applied at Line (or, when other hunks failed, would
	// apply there).
	HunkApplied HunkOutcome = C.FD_HUNK_APPLIED
	// HunkFailed: does not apply; see Reason, CandidateLine and Message.
	HunkFailed HunkOutcome = C.FD_HUNK_FAILED
	// HunkAlreadyApplied: does not apply, but applies in reverse: its new
	// lines are already at Line.
	HunkAlreadyApplied HunkOutcome = C.FD_HUNK_ALREADY_APPLIED
)

func (o HunkOutcome) String() string {
	return name(uint32(o), "HunkOutcome", "not tried", "applied", "failed", "already applied")
}

// FailReason is why a hunk failed, fd_hunk_reason in C.
type FailReason uint32

const (
	// ReasonNone: the hunk did not fail.
	ReasonNone FailReason = C.FD_HUNK_REASON_NONE
	// ReasonMismatch: its context and removed lines are not in the text
	// where it may apply.
	ReasonMismatch FailReason = C.FD_HUNK_REASON_MISMATCH
	// ReasonAmbiguous: it states no line (a bare @@, an envelope hunk, a
	// search/replace block) and its lines are at more than one place:
	// Places lists them.
	ReasonAmbiguous FailReason = C.FD_HUNK_REASON_AMBIGUOUS
	// ReasonLimit: the search budget for the text was spent before it was
	// found (its lines, and those before it, are each at very many places).
	ReasonLimit FailReason = C.FD_HUNK_REASON_LIMIT
)

func (r FailReason) String() string {
	return name(uint32(r), "FailReason", "none", "mismatch", "ambiguous", "limit")
}

// MatchMode is how lines were compared where a hunk was found,
// fd_match_mode in C.
type MatchMode uint32

const (
	// MatchExact: byte for byte (also the value for hunks not found).
	MatchExact MatchMode = C.FD_MATCH_EXACT
	// MatchLineEndings: ignoring line ends (LF, CRLF, none); added lines
	// took the line ends of the lines matched.
	MatchLineEndings MatchMode = C.FD_MATCH_LINE_ENDINGS
	// MatchWhitespace: ignoring whitespace amounts and trailing whitespace
	// (ApplyOptions.IgnoreWhitespace).
	MatchWhitespace MatchMode = C.FD_MATCH_WHITESPACE
	// MatchTrailingWhitespace: ignoring whitespace at the end of lines.
	MatchTrailingWhitespace MatchMode = C.FD_MATCH_TRAILING_WHITESPACE
	// MatchTrimmed: ignoring whitespace at both ends of lines (indentation).
	MatchTrimmed MatchMode = C.FD_MATCH_TRIMMED
	// MatchPunctuation: as MatchTrimmed, with typographic dashes, quotes and
	// Unicode spaces read as ASCII.
	MatchPunctuation MatchMode = C.FD_MATCH_PUNCTUATION
)

func (m MatchMode) String() string {
	return name(uint32(m), "MatchMode", "exact", "line endings", "whitespace", "trailing whitespace", "trimmed", "punctuation")
}

// FileChange is what a file section does, fd_file_change in C.
type FileChange uint32

const (
	FileModified FileChange = C.FD_FILE_MODIFIED
	// FileCreated: the old side is /dev/null (or git's new file mode): the
	// text must be empty.
	FileCreated FileChange = C.FD_FILE_CREATED
	// FileDeleted: the new side is /dev/null (or git's deleted file mode):
	// the result is empty.
	FileDeleted FileChange = C.FD_FILE_DELETED
	FileRenamed FileChange = C.FD_FILE_RENAMED
	FileCopied  FileChange = C.FD_FILE_COPIED
)

func (c FileChange) String() string {
	return name(uint32(c), "FileChange", "modified", "created", "deleted", "renamed", "copied")
}

// name is names[n], or the type and number for a number without a name.
func name(n uint32, typ string, names ...string) string {
	if int(n) < len(names) {
		return names[n]
	}
	return typ + "(" + strconv.FormatUint(uint64(n), 10) + ")"
}

// HunkReport is one hunk of a patch: where and how it applied, or why it
// did not. Line numbers are 1-based; 0 means none.
type HunkReport struct {
	Outcome   HunkOutcome
	Reason    FailReason
	MatchMode MatchMode
	// Fuzz is the number of context lines ignored at each edge.
	Fuzz int
	// StatedLine is where the header says its old lines start; 0 for a
	// bare @@ header.
	StatedLine int
	// Line is, for an applied hunk, where its old lines were in the text;
	// for an already applied one, where its new lines are.
	Line int
	// NewLine is where an applied hunk's new lines start in the result.
	NewLine int
	// Offset is Line - StatedLine when both are known, else 0.
	Offset int
	// OldLines and NewLines count the hunk's lines on each side, as
	// applied (swapped when reversing).
	OldLines, NewLines int
	// For a failed hunk: where the text comes closest to its old lines (0
	// when no line matches anywhere), how many of them are equal there,
	// and the first line there that differs.
	CandidateLine, CandidateMatching, DifferenceLine int
	// PatchStart and PatchEnd delimit the hunk in the patch, from its @@
	// line: patch[PatchStart:PatchEnd], what to show someone fixing it.
	PatchStart, PatchEnd int
	// Message is one line of English: what happened, and for a failure
	// why, with the closest candidate.
	Message string
	// Recounted: its header's line counts disagreed with its body, which
	// was recounted.
	Recounted bool
	// Places are, for an ambiguous hunk, the lines where it matches: the
	// first PlaceCount of them (at most MaxPlaces); MorePlaces says there
	// are more. An array, so that a HunkReport stays comparable.
	Places     [MaxPlaces]int
	PlaceCount int
	MorePlaces bool
	// LoosestMatchMode is, for a failed hunk, the loosest rung of the
	// matching ladder tried.
	LoosestMatchMode MatchMode
}

// MaxPlaces is the most places of an ambiguous hunk a report lists.
const MaxPlaces = 10

// AmbiguousPlaces are the lines where an ambiguous hunk matches, as listed.
func (h HunkReport) AmbiguousPlaces() []int {
	return h.Places[:h.PlaceCount]
}

// PatchFile is one file section of a patch.
type PatchFile struct {
	// OldPath and NewPath are the names on the --- and +++ lines (or
	// git's), such as "a/src/x.c" or "/dev/null"; "" when the section has
	// none. They hold the bytes of the patch, which need not be UTF-8.
	OldPath, NewPath string
	// Path is the file's name: the new name unless the file is deleted,
	// without git's a/ and b/ prefixes, such as "src/x.c".
	Path   string
	Change FileChange
	// PatchStart and PatchEnd delimit the section in the patch:
	// patch[PatchStart:PatchEnd] is a single-file patch of its own, which
	// ApplyPatch applies to this file's text.
	PatchStart, PatchEnd int
	// Its hunks are Hunks[FirstHunk : FirstHunk+HunkCount] of the report.
	FirstHunk, HunkCount int
}

// PatchReport is what ApplyPatch did or ParsePatch read.
type PatchReport struct {
	// Hunks are every hunk, in patch order.
	Hunks []HunkReport
	// Files are the file sections.
	Files []PatchFile
	// Message is a summary in English: the outcome, then one line per hunk
	// that failed or did not apply exactly as stated.
	Message string
	// For ErrPatchMalformed: the byte offset in the patch where reading
	// stopped (its length if it ended early), its 1-based line, and what
	// was expected there. Otherwise 0, 0 and "".
	ErrorOffset, ErrorLine int
	ErrorExpected          string
}

// Failed are the hunks that do not apply.
func (r *PatchReport) Failed() []HunkReport {
	var failed []HunkReport
	for _, h := range r.Hunks {
		if h.Outcome == HunkFailed {
			failed = append(failed, h)
		}
	}
	return failed
}

// readReport copies the C report into Go memory and frees it. nil for a
// NULL report.
func readReport(report *C.fd_patch_report) *PatchReport {
	if report == nil {
		return nil
	}
	defer C.fastdiff_patch_report_free(report)
	out := &PatchReport{Message: C.GoString(report.message)}
	out.Hunks = readHunkReports(report.hunks, report.hunk_details, report.hunk_count)
	out.Files = readFiles(report.files, report.file_count)
	if report.error_expected != nil {
		out.ErrorOffset = int(report.error_offset)
		out.ErrorLine = int(report.error_line)
		out.ErrorExpected = C.GoString(report.error_expected)
	}
	return out
}

// readHunkReports copies count C hunk reports and their details (nil: none).
func readHunkReports(hunks *C.fd_hunk_report, details *C.fd_hunk_detail, count C.size_t) []HunkReport {
	var out []HunkReport
	if hunks != nil {
		var extra []C.fd_hunk_detail
		if details != nil {
			extra = unsafe.Slice(details, int(count))
		}
		for i, h := range unsafe.Slice(hunks, int(count)) {
			start := int(h.patch_offset)
			hunk := HunkReport{
				Outcome:           HunkOutcome(h.outcome),
				Reason:            FailReason(h.reason),
				MatchMode:         MatchMode(h.match_mode),
				Fuzz:              int(h.fuzz),
				StatedLine:        int(h.stated_line),
				Line:              int(h.line),
				NewLine:           int(h.new_line),
				Offset:            int(h.offset),
				OldLines:          int(h.old_lines),
				NewLines:          int(h.new_lines),
				CandidateLine:     int(h.candidate_line),
				CandidateMatching: int(h.candidate_matching),
				DifferenceLine:    int(h.difference_line),
				PatchStart:        start,
				PatchEnd:          start + int(h.patch_len),
				Message:           C.GoString(h.message),
			}
			if extra != nil {
				d := extra[i]
				hunk.Recounted = d.flags&C.FD_HUNK_RECOUNTED != 0
				hunk.MorePlaces = d.flags&C.FD_HUNK_MORE_PLACES != 0
				hunk.LoosestMatchMode = MatchMode(d.loosest_match_mode)
				if d.places != nil {
					for k, p := range unsafe.Slice(d.places, min(int(d.place_count), MaxPlaces)) {
						hunk.Places[k] = int(p)
						hunk.PlaceCount = k + 1
					}
				}
			}
			out = append(out, hunk)
		}
	}
	return out
}

// readFiles copies count C file sections.
func readFiles(files *C.fd_patch_file, count C.size_t) []PatchFile {
	var out []PatchFile
	if files != nil {
		for _, f := range unsafe.Slice(files, int(count)) {
			start := int(f.patch_offset)
			out = append(out, PatchFile{
				OldPath:    goPath(f.old_path, f.old_path_len),
				NewPath:    goPath(f.new_path, f.new_path_len),
				Path:       goPath(f.path, f.path_len),
				Change:     FileChange(f.change),
				PatchStart: start,
				PatchEnd:   start + int(f.patch_len),
				FirstHunk:  int(f.first_hunk),
				HunkCount:  int(f.hunk_count),
			})
		}
	}
	return out
}

// goPath copies a path of the report: bytes with a length, NULL for none.
func goPath(path *C.uint8_t, length C.size_t) string {
	if path == nil {
		return ""
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(path)), int(length)))
}

package fastdiff

// #include "shim.h"
import "C"

import (
	"strconv"
	"unsafe"
)

// LineKind is what a line of a hunk is, fd_line_kind in C.
type LineKind uint32

const (
	// LineContext: unchanged (or equal under the comparison modes); its
	// text is the old text's.
	LineContext LineKind = C.FD_LINE_CONTEXT
	// LineRemoved: only in the old text.
	LineRemoved LineKind = C.FD_LINE_REMOVED
	// LineAdded: only in the new text.
	LineAdded LineKind = C.FD_LINE_ADDED
)

func (k LineKind) String() string {
	return name(uint32(k), "LineKind", "context", "removed", "added")
}

// Line is a line of a hunk.
type Line[T Text] struct {
	Kind LineKind
	// OldLine and NewLine are its 1-based numbers in the old and new text;
	// 0 for none (an added line has no old number, a removed line no new
	// number).
	OldLine, NewLine int
	// NoNewline is true when the line is the last of its text and has no
	// LF ("\ No newline at end of file").
	NoNewline bool
	// Start and End delimit the line, LF included, in the input it comes
	// from: the old text for context and removed lines, the new text for
	// added lines.
	Start, End int
	// Text is that input[Start:End]: not a copy but a piece of the caller's
	// own input, sharing its memory (a byte slice piece has its capacity
	// cut, so appending to it copies).
	Text T
}

// Hunk is one @@ section of a diff.
type Hunk[T Text] struct {
	// The numbers of the header @@ -OldStart,OldCount +NewStart,NewCount @@:
	// 1-based first lines, except that an empty range names the line
	// before it (0 at the top of the text).
	OldStart, OldCount, NewStart, NewCount int
	// Lines are its lines, in the order of the unified diff.
	Lines []Line[T]
}

// Header is the hunk's header line as GNU diff writes it, without its LF,
// such as "@@ -1,3 +1,4 @@".
func (h *Hunk[T]) Header() string {
	return "@@ -" + hunkRange(h.OldStart, h.OldCount) + " +" + hunkRange(h.NewStart, h.NewCount) + " @@"
}

func hunkRange(start, count int) string {
	if count == 1 {
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "," + strconv.Itoa(count)
}

// DiffHunks returns the hunks of the diff UnifiedDiff would write with the
// same options, as data (none when the texts are identical). Line texts
// are pieces of old and new themselves, not copies. opts nil means
// DefaultOptions().
func DiffHunks[T Text](old, new T, opts *Options) ([]Hunk[T], error) {
	const op = "DiffHunks"
	in, err := lend(op, old, new, opts, optionsSize)
	if err != nil {
		return nil, err
	}
	res := C.fastdiff_diff_hunks(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel, in.oldLabelLen,
		in.newLabel, in.newLabelLen)
	if err := finish(op, res.status, old, new, opts); err != nil {
		return nil, err
	}
	defer C.fastdiff_hunks_free(res.hunks)
	return readHunks(res.hunks, old, new, in.bytesType), nil
}

// readHunks copies the C result into Go memory; texts are pieces of old
// and new.
func readHunks[T Text](res *C.fd_hunks, old, new T, bytesType bool) []Hunk[T] {
	if res.hunk_count == 0 {
		return nil
	}
	cHunks := unsafe.Slice(res.hunks, int(res.hunk_count))
	cLines := unsafe.Slice(res.lines, int(res.line_count))
	// One array for every line; each hunk has its part of it.
	lines := make([]Line[T], len(cLines))
	for i, l := range cLines {
		start, end := int(l.offset), int(l.offset+l.len)
		source := old
		if LineKind(l.kind) == LineAdded {
			source = new
		}
		lines[i] = Line[T]{
			Kind:      LineKind(l.kind),
			OldLine:   int(l.old_line),
			NewLine:   int(l.new_line),
			NoNewline: l.no_newline != 0,
			Start:     start,
			End:       end,
			Text:      piece(source, start, end, bytesType),
		}
	}
	hunks := make([]Hunk[T], len(cHunks))
	for i, h := range cHunks {
		first, last := int(h.first_line), int(h.first_line+h.line_count)
		hunks[i] = Hunk[T]{
			OldStart: int(h.old_start),
			OldCount: int(h.old_count),
			NewStart: int(h.new_start),
			NewCount: int(h.new_count),
			Lines:    lines[first:last:last],
		}
	}
	return hunks
}

package fastdiff

// #include "shim.h"
import "C"

import (
	"runtime"
	"strconv"
	"strings"
	"unsafe"
)

// MergeStyle is how Merge writes conflicts, fd_merge_style in C.
type MergeStyle uint32

const (
	// StyleMerge writes ours and theirs between <<<<<<<, ======= and
	// >>>>>>>, narrowed to the lines that differ (git's default).
	StyleMerge MergeStyle = C.FD_MERGE_STYLE_MERGE
	// StyleDiff3 also writes the base after |||||||; conflicts are not
	// narrowed.
	StyleDiff3 MergeStyle = C.FD_MERGE_STYLE_DIFF3
	// StyleZdiff3 is StyleDiff3 with the lines that begin or end both
	// sides alike moved out of the conflict.
	StyleZdiff3 MergeStyle = C.FD_MERGE_STYLE_ZDIFF3
)

// MergeFavor is how Merge resolves conflicts without markers,
// fd_merge_favor in C.
type MergeFavor uint32

const (
	// FavorNone marks conflicts (the default).
	FavorNone MergeFavor = C.FD_MERGE_FAVOR_NONE
	// FavorOurs takes our side of each conflict (git merge-file --ours).
	FavorOurs MergeFavor = C.FD_MERGE_FAVOR_OURS
	// FavorTheirs takes their side (--theirs).
	FavorTheirs MergeFavor = C.FD_MERGE_FAVOR_THEIRS
	// FavorUnion takes our side, then theirs (--union).
	FavorUnion MergeFavor = C.FD_MERGE_FAVOR_UNION
)

// MaxMarkerSize is the longest conflict markers Merge writes.
const MaxMarkerSize = C.FD_MERGE_MAX_MARKER_SIZE

// MergeOptions say how Merge writes or resolves conflicts, mirroring
// fd_merge_options. Every field is taken as written: start from
// DefaultMergeOptions.
type MergeOptions struct {
	Style MergeStyle
	Favor MergeFavor
	// Labels are the names after the <<<<<<<, ||||||| and >>>>>>> markers:
	// ours, base, theirs. An empty label writes the marker alone; none may
	// hold a line break.
	Labels [3]string
	// MarkerSize is the markers' length, 1 to MaxMarkerSize.
	MarkerSize int
	// Algorithm is the diff against the base; Myers runs as git's does.
	Algorithm Algorithm
}

// DefaultMergeOptions are the options that a nil *MergeOptions means:
// git merge-file -L ours -L base -L theirs.
func DefaultMergeOptions() MergeOptions {
	return MergeOptions{Style: StyleMerge, Labels: [3]string{"ours", "base", "theirs"}, MarkerSize: 7, Algorithm: Myers}
}

// RegionKind is what a region of a merged text is, fd_region_kind in C.
type RegionKind uint32

const (
	// RegionUnchanged lines neither side changed.
	RegionUnchanged RegionKind = C.FD_REGION_UNCHANGED
	// RegionOurs lines only ours changed, taken from ours.
	RegionOurs RegionKind = C.FD_REGION_OURS
	// RegionTheirs lines only theirs changed, taken from theirs.
	RegionTheirs RegionKind = C.FD_REGION_THEIRS
	// RegionBoth lines both sides changed alike, taken once.
	RegionBoth RegionKind = C.FD_REGION_BOTH
	// RegionConflict lines the sides changed differently, between markers.
	RegionConflict RegionKind = C.FD_REGION_CONFLICT
	// RegionResolved a conflict resolved by MergeOptions.Favor.
	RegionResolved RegionKind = C.FD_REGION_RESOLVED
)

// String is the kind's name, or its number if it has none.
func (k RegionKind) String() string {
	names := [...]string{"unchanged", "ours", "theirs", "both", "conflict", "resolved"}
	if int(k) < len(names) {
		return names[k]
	}
	return "RegionKind(" + strconv.FormatUint(uint64(k), 10) + ")"
}

// LineRange is a 0-based range of lines: Start up to, not including, End.
type LineRange struct {
	Start, End int
}

// Len is the number of lines in the range.
func (r LineRange) Len() int { return r.End - r.Start }

// MergeRegion is a stretch of the merged text and the lines of each input
// it comes from. The regions follow one another, tiling the result and
// each input. The texts are pieces of the inputs (and of the result) that
// the region covers; a conflict's Text includes its marker lines.
type MergeRegion[T Text] struct {
	Kind                           RegionKind
	Base, Ours, Theirs, Result     LineRange
	BaseText, OursText, TheirsText T
	Text                           T
}

// MergeResult is what Merge returns: the merged text, the number of
// conflicts it marks (0 with a favour), and its regions in order.
type MergeResult[T Text] struct {
	Text      T
	Conflicts int
	Regions   []MergeRegion[T]
}

func (o *MergeOptions) check(op string) *Error {
	if o.MarkerSize < 1 || o.MarkerSize > MaxMarkerSize {
		return invalid(op, "MarkerSize must be between 1 and "+strconv.Itoa(MaxMarkerSize)+", not "+strconv.Itoa(o.MarkerSize))
	}
	for _, label := range o.Labels {
		if strings.ContainsAny(label, "\r\n") {
			return invalid(op, "a label must not contain a line break: "+strconv.Quote(label))
		}
	}
	return nil
}

// Merge merges ours and theirs, two edits of base, byte for byte as git
// merge-file -p does: changes only one side made are taken, a change both
// made alike is taken once, and changes that overlap or touch are
// conflicts, marked in the text unless opts.Favor resolves them. A
// deletion against an edit is a conflict, never a silent choice. Markers
// follow the text's line endings. opts nil means DefaultMergeOptions().
//
// The texts may hold any bytes. The result's Text is of their type (never
// nil for a byte slice: []byte{} when empty); region texts are pieces of
// the inputs, not copies.
func Merge[T Text](base, ours, theirs T, opts *MergeOptions) (*MergeResult[T], error) {
	const op = "Merge"
	o := DefaultMergeOptions()
	if opts != nil {
		o = *opts
	}
	if err := o.check(op); err != nil {
		return nil, err
	}
	bytesType := isBytes[T]()
	basePtr, baseLen := cBytes(bytesOf(base, bytesType))
	oursPtr, oursLen := cBytes(bytesOf(ours, bytesType))
	theirsPtr, theirsLen := cBytes(bytesOf(theirs, bytesType))
	l0, n0 := cString(o.Labels[0])
	l1, n1 := cString(o.Labels[1])
	l2, n2 := cString(o.Labels[2])
	cOpts := C.fastdiff_merge_options{
		style:       C.uint32_t(o.Style),
		favor:       C.uint32_t(o.Favor),
		marker_size: C.uint32_t(o.MarkerSize),
		algorithm:   C.uint32_t(o.Algorithm),
	}
	res := C.fastdiff_merge(basePtr, baseLen, oursPtr, oursLen, theirsPtr, theirsLen, cOpts, l0, n0, l1, n1, l2, n2)
	runtime.KeepAlive(base)
	runtime.KeepAlive(ours)
	runtime.KeepAlive(theirs)
	runtime.KeepAlive(&o)
	if err := statusError(op, res.status); err != nil {
		return nil, err
	}
	defer C.fastdiff_merge_result_free(res.result)
	r := res.result
	text := copyOf[T](unsafe.Slice((*byte)(unsafe.Pointer(r.text)), int(r.text_len)), bytesType)
	if bytesType && len(text) == 0 {
		text = T([]byte{})
	}
	result := &MergeResult[T]{Text: text, Conflicts: int(r.conflicts)}
	if r.region_count > 0 {
		cRegions := unsafe.Slice(r.regions, int(r.region_count))
		result.Regions = make([]MergeRegion[T], len(cRegions))
		lines := func(start, count C.uint64_t) LineRange { return LineRange{int(start), int(start + count)} }
		slice := func(t T, offset, length C.size_t) T {
			return piece(t, int(offset), int(offset+length), bytesType)
		}
		for i, g := range cRegions {
			result.Regions[i] = MergeRegion[T]{
				Kind:       RegionKind(g.kind),
				Base:       lines(g.base_start, g.base_count),
				Ours:       lines(g.ours_start, g.ours_count),
				Theirs:     lines(g.theirs_start, g.theirs_count),
				Result:     lines(g.result_start, g.result_count),
				BaseText:   slice(base, g.base_offset, g.base_len),
				OursText:   slice(ours, g.ours_offset, g.ours_len),
				TheirsText: slice(theirs, g.theirs_offset, g.theirs_len),
				Text:       slice(result.Text, g.result_offset, g.result_len),
			}
		}
	}
	return result, nil
}

package fastdiff

// #include "shim.h"
import "C"

import "runtime"

// Stats are the counts of a diff, as its hunks show it, fd_stats in C.
type Stats struct {
	// LinesAdded and LinesRemoved count the + and - lines of the diff.
	LinesAdded, LinesRemoved int
	// Hunks counts its @@ sections, with the options' context lines.
	Hunks int
	// Identical is true when no hunk is shown: the texts are identical, or
	// equal under the comparison modes.
	Identical bool
	// Similarity is 2 * matched lines / (old lines + new lines), in [0, 1]:
	// the ratio Python's difflib.SequenceMatcher.ratio() gives over lines
	// (1 for two empty texts), from this diff's matching of the whole texts.
	Similarity float64
}

// DiffStats returns the counts of the diff UnifiedDiff would write with the
// same options, without writing it. opts nil means DefaultOptions().
func DiffStats[T Text](old, new T, opts *Options) (Stats, error) {
	in, err := lend("DiffStats", old, new, opts)
	if err != nil {
		return Stats{}, err
	}
	res := C.fastdiff_diff_stats(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel, in.oldLabelLen,
		in.newLabel, in.newLabelLen)
	runtime.KeepAlive(old)
	runtime.KeepAlive(new)
	runtime.KeepAlive(opts)
	if err := statusError("DiffStats", res.status); err != nil {
		return Stats{}, err
	}
	return Stats{
		LinesAdded:   int(res.stats.lines_added),
		LinesRemoved: int(res.stats.lines_removed),
		Hunks:        int(res.stats.hunks),
		Identical:    res.stats.identical != 0,
		Similarity:   float64(res.stats.similarity),
	}, nil
}

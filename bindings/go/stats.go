package fastdiff

// #include "shim.h"
import "C"

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
	const op = "DiffStats"
	in, err := lend(op, old, new, opts, optionsSize)
	if err != nil {
		return Stats{}, err
	}
	res := C.fastdiff_diff_stats(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel, in.oldLabelLen,
		in.newLabel, in.newLabelLen)
	if err := finish(op, res.status, old, new, opts); err != nil {
		return Stats{}, err
	}
	return readStats(res.stats), nil
}

// readStats is the library's counts as Stats.
func readStats(s C.fd_stats) Stats {
	return Stats{
		LinesAdded:   int(s.lines_added),
		LinesRemoved: int(s.lines_removed),
		Hunks:        int(s.hunks),
		Identical:    s.identical != 0,
		Similarity:   float64(s.similarity),
	}
}

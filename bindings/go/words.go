package fastdiff

// #include "shim.h"
import "C"

import "unsafe"

// Granularity is what an inline diff compares, fd_granularity in C. No
// token splits a UTF-8 sequence.
type Granularity uint32

const (
	// Words: runs of letters, digits, _ and non-ASCII bytes; runs of white
	// space; single punctuation bytes.
	Words Granularity = C.FD_GRANULARITY_WORDS
	// Chars: Unicode scalar values (whole UTF-8 sequences); an invalid
	// byte is a token of its own.
	Chars Granularity = C.FD_GRANULARITY_CHARS
	// Graphemes: extended grapheme clusters, what a reader sees as one
	// character (e and a combining accent are one).
	Graphemes Granularity = C.FD_GRANULARITY_GRAPHEMES
)

func (g Granularity) String() string {
	return name(uint32(g), "Granularity", "words", "chars", "graphemes")
}

// SpanKind is what a span of an inline diff is, fd_span_kind in C.
type SpanKind uint32

const (
	// SpanEqual: in both texts (context lines, and unchanged tokens inside
	// changes); its text is the old text's.
	SpanEqual SpanKind = C.FD_SPAN_EQUAL
	// SpanRemoved: only in the old text.
	SpanRemoved SpanKind = C.FD_SPAN_REMOVED
	// SpanAdded: only in the new text.
	SpanAdded SpanKind = C.FD_SPAN_ADDED
)

func (k SpanKind) String() string {
	return name(uint32(k), "SpanKind", "equal", "removed", "added")
}

// Span is a run of tokens of an inline diff.
type Span[T Text] struct {
	Kind SpanKind
	// Hunk is the hunk (0-based, in the order of DiffHunks) it belongs to.
	Hunk int
	// Start and End delimit the span in the input it comes from: the old
	// text for equal and removed spans, the new text for added spans. A
	// span may hold several lines.
	Start, End int
	// Text is that input[Start:End], a piece of the caller's input like
	// Line.Text.
	Text T
}

// WordDiffResult is the inline diff of every hunk of a diff.
type WordDiffResult[T Text] struct {
	// Spans are every hunk's spans, in order. A hunk's equal and removed
	// spans, joined, are its old lines; its equal and added spans are its
	// new lines (up to what the comparison modes ignore).
	Spans []Span[T]
	// Text is the same as git diff --word-diff=plain shows it: the unified
	// diff's headers and hunk headers, then each hunk's text with removed
	// runs as [-...-] and added runs as {+...+} (closed at each line end).
	// A copy, in Go memory; empty (nil or "") when there are no hunks.
	Text T
	// Coarsened is true when some changes are marked more coarsely than a
	// full search would mark them: the deadline passed, or the marks were
	// too dense to show one by one. The spans still rebuild both texts.
	Coarsened bool
}

// WordDiff returns which words, characters or grapheme clusters changed in
// each hunk of the diff UnifiedDiff would write with the same options. The
// options' Deadline bounds the token diffs too (past it they are coarser,
// still correct). A Granularity the library does not know is
// ErrInvalidOptions. opts nil means DefaultOptions().
func WordDiff[T Text](old, new T, granularity Granularity, opts *Options) (WordDiffResult[T], error) {
	const op = "WordDiff"
	in, err := lend(op, old, new, opts, optionsSize)
	if err != nil {
		return WordDiffResult[T]{}, err
	}
	res := C.fastdiff_word_diff(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel, in.oldLabelLen,
		in.newLabel, in.newLabelLen, C.uint32_t(granularity))
	if err := finish(op, res.status, old, new, opts); err != nil {
		return WordDiffResult[T]{}, err
	}
	defer C.fastdiff_word_diff_free(res.result)
	return readWordDiff(res.result, old, new, in.bytesType), nil
}

// readWordDiff copies the C result into Go memory; span texts are pieces
// of old and new.
func readWordDiff[T Text](res *C.fd_word_diff_result, old, new T, bytesType bool) WordDiffResult[T] {
	var out WordDiffResult[T]
	if res.span_count > 0 {
		out.Spans = make([]Span[T], res.span_count)
		for i, s := range unsafe.Slice(res.spans, int(res.span_count)) {
			start, end := int(s.offset), int(s.offset+s.len)
			source := old
			if SpanKind(s.kind) == SpanAdded {
				source = new
			}
			out.Spans[i] = Span[T]{
				Kind:  SpanKind(s.kind),
				Hunk:  int(s.hunk),
				Start: start,
				End:   end,
				Text:  piece(source, start, end, bytesType),
			}
		}
	}
	out.Coarsened = res.coarsened != 0
	if res.text_len > 0 {
		out.Text = copyOf[T](unsafe.Slice((*byte)(unsafe.Pointer(res.text)), int(res.text_len)), bytesType)
	}
	return out
}

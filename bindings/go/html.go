package fastdiff

// #include "shim.h"
import "C"

import "runtime"

// HTMLLayout is how an HTML page lays out the lines, fd_html_layout in C.
type HTMLLayout uint32

const (
	// SideBySide: the old text on the left, the new on the right (the
	// default).
	SideBySide HTMLLayout = C.FD_HTML_SIDE_BY_SIDE
	// LineByLine: one column, as a unified diff reads.
	LineByLine HTMLLayout = C.FD_HTML_LINE_BY_LINE
)

func (l HTMLLayout) String() string {
	return name(uint32(l), "HTMLLayout", "side-by-side", "line-by-line")
}

// HTMLOptions are the options of an HTML page, fd_html_options in C. The
// zero value (or nil) is the default page: side by side, words marked,
// titled after the labels.
type HTMLOptions struct {
	Layout HTMLLayout
	// Title heads the page (any bytes, shown as text); empty names the
	// two sides.
	Title string
	// Granularity is what the marks inside changed lines mark.
	Granularity Granularity
}

// HTMLDiff returns the diff UnifiedDiff would compute with the same options
// as one self-contained HTML page (UTF-8, needing nothing from elsewhere):
// line numbers, the changed words of changed lines marked with <del> and
// <ins>, unchanged lines folded, light and dark colours. Every byte of the
// inputs is shown as text. The labels name the two sides; the Deadline
// bounds the word marks too. A Layout or Granularity the library does not
// know is ErrInvalidOptions. opts nil means DefaultOptions(), html nil the
// default page.
func HTMLDiff[T Text](old, new T, opts *Options, html *HTMLOptions) (string, error) {
	const op = "HTMLDiff"
	in, err := lend(op, old, new, opts, optionsSize)
	if err != nil {
		return "", err
	}
	var page HTMLOptions
	if html != nil {
		page = *html
	}
	title, titleLen := cString(page.Title)
	res := C.fastdiff_html_diff(in.old, in.oldLen, in.new, in.newLen, in.use, in.opts, in.oldLabel, in.oldLabelLen,
		in.newLabel, in.newLabelLen, C.uint32_t(page.Layout), title, titleLen, C.uint32_t(page.Granularity))
	runtime.KeepAlive(page.Title)
	err = finish(op, res.status, old, new, opts)
	return take[string](res.buf, false), err
}

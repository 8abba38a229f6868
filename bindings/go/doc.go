// Package fastdiff is the Go binding of fast-diff: line diffs of arbitrary
// bytes in the unified format of GNU diff -u, computed by the fast-diff
// engine through its C API (include/fast_diff.h) with cgo, and applying
// such diffs (ApplyPatch), with a report of what was done hunk by hunk.
// The same diff is also available as data: its counts (DiffStats, or
// UnifiedDiffStats for the diff and its counts at once), its hunks and
// lines with their numbers (DiffHunks), and which words, characters or
// grapheme clusters changed (WordDiff).
//
// Every function takes its texts as byte slices or as strings, both of the
// same type (Text), and returns texts of that type: UnifiedDiff of two
// strings is a string, of two []byte a []byte. The pieces of the input it
// returns (line and span texts) share the input's memory.
//
// Input is bytes: lines end at LF only, and nothing is decoded, normalised
// or replaced, so NUL bytes, invalid UTF-8, CRLF, a lone CR and a missing
// final newline all come out as they went in. Every diff applies with GNU
// patch and git apply to give back the new text exactly.
//
// # Building and linking
//
// The package links the library that `make go` (or `make lib`) builds in the
// repository's target/release directory. By default it links
// libfast_diff.a statically, so a program built with it needs no shared
// library at run time. With the build tag fastdiff_dynamic it links
// libfast_diff.so instead, with an rpath to that directory; a program
// deployed elsewhere then finds the library through LD_LIBRARY_PATH or the
// system's library path.
//
// The go command does not notice when a C library it links changes (see
// go help cache): after rebuilding the Rust library, rebuild programs with
// go build -a, and run tests with -count=1, as the repository's Makefile
// does. The link flags are for Linux.
//
// # Memory
//
// Inputs are handed to C without copying and kept alive for the call; the
// result (and a patch report) is copied into Go memory and the library's
// buffer (and report) released before the function returns, on every path.
// The line and span texts of DiffHunks and WordDiff are not copies: they
// are pieces of the caller's input (Line.Text is old[Start:End] or
// new[Start:End]), so they change if the caller changes a byte slice.
// Every function may be called from any number of goroutines at once.
package fastdiff

package fastdiff

import "unsafe"

// Text is what DiffStats, DiffHunks and WordDiff read: a byte slice or a
// string, which may hold any bytes. The pieces of the input they return
// (line and span texts) have the input's type and share its memory.
type Text interface {
	[]byte | string
}

// isBytes reports whether T is []byte (else it is string).
func isBytes[T Text]() bool {
	var zero T
	_, ok := any(zero).([]byte)
	return ok
}

// bytesOf is t as a byte slice, without copying: a string is only ever
// read through it (by C).
func bytesOf[T Text](t T, bytesType bool) []byte {
	if bytesType {
		return *(*[]byte)(unsafe.Pointer(&t))
	}
	s := *(*string)(unsafe.Pointer(&t))
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// piece is t[start:end], without copying. A byte slice piece has no room
// to grow, so appending to it copies instead of writing over the rest of
// the caller's input.
func piece[T Text](t T, start, end int, bytesType bool) T {
	p := t[start:end]
	if bytesType {
		b := (*[]byte)(unsafe.Pointer(&p))
		*b = (*b)[:len(*b):len(*b)]
	}
	return p
}

// copyOf is a copy of b, which may be C memory, in Go memory as a T; the
// zero T when b is empty.
func copyOf[T Text](b []byte, bytesType bool) T {
	var out T
	if len(b) == 0 {
		return out
	}
	if bytesType {
		c := make([]byte, len(b))
		copy(c, b)
		*(*[]byte)(unsafe.Pointer(&out)) = c
	} else {
		*(*string)(unsafe.Pointer(&out)) = string(b)
	}
	return out
}

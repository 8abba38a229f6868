package fastdiff

// #include "shim.h"
import "C"

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

// texts are a call's two inputs as C buffers, lent without copying (the
// caller keeps the inputs alive until C returns), and its options.
type texts struct {
	old, new       *C.uint8_t
	oldLen, newLen C.size_t
	bytesType      bool
	callOptions
}

// lend prepares a call of op on old and new with opts (nil: the defaults).
func lend[T Text](op string, old, new T, opts *Options) (texts, error) {
	c, err := opts.call(op, optionsSize)
	if err != nil {
		return texts{}, err
	}
	t := texts{bytesType: isBytes[T](), callOptions: c}
	t.old, t.oldLen = cBytes(bytesOf(old, t.bytesType))
	t.new, t.newLen = cBytes(bytesOf(new, t.bytesType))
	return t, nil
}

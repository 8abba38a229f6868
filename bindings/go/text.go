package fastdiff

// #include "shim.h"
import "C"

import (
	"reflect"
	"runtime"
	"unsafe"
)

// Text is what every function of the package reads and writes: a byte
// slice or a string, which may hold any bytes, or a type defined on
// either (json.RawMessage, a named string). A function returns text of
// the type it was given, and the pieces of the input it returns (line and
// span texts) share the input's memory.
type Text interface {
	~[]byte | ~string
}

// isBytes reports whether T is a byte slice type (else it is a string type).
func isBytes[T Text]() bool {
	return reflect.TypeFor[T]().Kind() == reflect.Slice
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
// zero T (nil, "") when b is empty. A byte slice copy has no spare
// capacity.
func copyOf[T Text](b []byte, bytesType bool) T {
	if len(b) == 0 {
		var none T
		return none
	}
	if !bytesType {
		// Converting to a string type copies.
		return T(b)
	}
	c := make([]byte, len(b))
	copy(c, b)
	return T(c)
}

// texts are a call's two inputs as C buffers, lent without copying (the
// caller keeps the inputs alive until C returns: finish), and its options.
type texts struct {
	old, new       *C.uint8_t
	oldLen, newLen C.size_t
	bytesType      bool
	callOptions
}

// lend prepares a call of op on old and new with opts (nil: the defaults)
// converted to an fd_options of structSize bytes.
func lend[T Text](op string, old, new T, opts *Options, structSize uint32) (texts, error) {
	c, err := opts.call(op, structSize)
	if err != nil {
		return texts{}, err
	}
	t := texts{bytesType: isBytes[T](), callOptions: c}
	t.old, t.oldLen = cBytes(bytesOf(old, t.bytesType))
	t.new, t.newLen = cBytes(bytesOf(new, t.bytesType))
	return t, nil
}

// finish ends a call of op on what lend prepared: it keeps the inputs and
// options alive until here, after C has returned, and is the status as an
// error.
func finish[T Text](op string, status C.fd_status, old, new T, opts *Options) error {
	runtime.KeepAlive(old)
	runtime.KeepAlive(new)
	runtime.KeepAlive(opts)
	return statusError(op, status)
}

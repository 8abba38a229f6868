//go:build !fastdiff_dynamic

package fastdiff_test

const linkedDynamically = false

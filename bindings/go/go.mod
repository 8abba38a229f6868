// The Go binding of fast-diff. The module path has no dot in its first
// element on purpose: no proxy or VCS host can serve it, so it always
// resolves to a checkout of this repository (a replace directive or a
// go.work file) where `make go` has built the library that cgo links.
module fast-diff/fastdiff

go 1.24

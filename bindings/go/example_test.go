package fastdiff_test

import (
	"errors"
	"fmt"
	"os"

	"fast-diff/fastdiff"
)

func ExampleUnifiedDiff() {
	opts := fastdiff.DefaultOptions()
	opts.OldLabel, opts.NewLabel = "a/greeting.txt", "b/greeting.txt"
	diff, err := fastdiff.UnifiedDiff([]byte("hello\nworld\n"), []byte("hello\nGo\n"), &opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	os.Stdout.Write(diff)
	// Output:
	// --- a/greeting.txt
	// +++ b/greeting.txt
	// @@ -1,2 +1,2 @@
	//  hello
	// -world
	// +Go
}

func ExampleUnifiedDiffString() {
	diff, _ := fastdiff.UnifiedDiffString("a\nb", "a\nc", nil)
	fmt.Print(diff)
	// Output:
	// --- original
	// +++ modified
	// @@ -1,2 +1,2 @@
	//  a
	// -b
	// \ No newline at end of file
	// +c
	// \ No newline at end of file
}

func ExampleError() {
	opts := fastdiff.DefaultOptions()
	opts.NewLabel = "two\nlines"
	_, err := fastdiff.UnifiedDiff([]byte("a\n"), []byte("b\n"), &opts)
	var fdErr *fastdiff.Error
	if errors.As(err, &fdErr) {
		fmt.Println(fdErr.Status == fastdiff.StatusInvalidOptions, errors.Is(err, fastdiff.ErrInvalidOptions))
	}
	fmt.Println(err)
	// Output:
	// true true
	// fastdiff: UnifiedDiff: invalid options (struct_size, flags, algorithm or label)
}

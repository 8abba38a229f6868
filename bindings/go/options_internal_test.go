package fastdiff

import (
	"math"
	"testing"
	"time"
)

func TestDeadlineIsRoundedUpToWholeMilliseconds(t *testing.T) {
	for _, c := range []struct {
		deadline time.Duration
		ms       uint64
	}{
		{0, 0},
		{time.Nanosecond, 1},
		{time.Millisecond, 1},
		{time.Millisecond + 1, 2},
		{1500 * time.Microsecond, 2},
		{time.Minute, 60_000},
		{math.MaxInt64, uint64(math.MaxInt64/int64(time.Millisecond)) + 1},
	} {
		o := DefaultOptions()
		o.Deadline = c.deadline
		got, err := o.toC("test", optionsSize)
		if err != nil || uint64(got.deadline_ms) != c.ms {
			t.Errorf("%v: got %d ms, %v; want %d ms", c.deadline, got.deadline_ms, err, c.ms)
		}
	}
}

func TestOptionsAreCopiedAsGiven(t *testing.T) {
	o := Options{ContextLines: 7, Algorithm: Patience, Deadline: 5 * time.Millisecond}
	got, err := o.toC("test", optionsV1Size)
	if err != nil || uint32(got.struct_size) != optionsV1Size || got.context_lines != 7 || got.algorithm != 2 || got.deadline_ms != 5 {
		t.Fatalf("%+v, %v", got, err)
	}
}

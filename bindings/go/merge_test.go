package fastdiff

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	mergeBase   = "keep\nchange me\nkeep too\n"
	mergeOurs   = "keep\nours\nkeep too\n"
	mergeTheirs = "keep\ntheirs\nkeep too\n"
)

func TestMergeMarksAndCountsConflicts(t *testing.T) {
	m, err := Merge(mergeBase, mergeOurs, mergeTheirs, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "keep\n<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\nkeep too\n"
	if m.Text != want || m.Conflicts != 1 {
		t.Fatalf("got %q, %d conflicts", m.Text, m.Conflicts)
	}
	var kinds []string
	var joined strings.Builder
	for _, r := range m.Regions {
		kinds = append(kinds, r.Kind.String())
		joined.WriteString(r.Text)
	}
	if strings.Join(kinds, ",") != "unchanged,conflict,unchanged" || joined.String() != m.Text {
		t.Fatalf("regions %v", kinds)
	}
	c := m.Regions[1]
	if c.BaseText != "change me\n" || c.OursText != "ours\n" || c.TheirsText != "theirs\n" || c.Result != (LineRange{1, 6}) {
		t.Fatalf("conflict region %+v", c)
	}
}

func TestMergeOptions(t *testing.T) {
	o := DefaultMergeOptions()
	o.Style, o.MarkerSize, o.Labels = StyleDiff3, 3, [3]string{"HEAD", "", "topic"}
	m, err := Merge([]byte(mergeBase), []byte(mergeOurs), []byte(mergeTheirs), &o)
	if err != nil {
		t.Fatal(err)
	}
	if want := "keep\n<<< HEAD\nours\n|||\nchange me\n===\ntheirs\n>>> topic\nkeep too\n"; string(m.Text) != want {
		t.Fatalf("got %q", m.Text)
	}
	o = DefaultMergeOptions()
	o.Favor = FavorUnion
	m2, err := Merge(mergeBase, mergeOurs, mergeTheirs, &o)
	if err != nil || m2.Text != "keep\nours\ntheirs\nkeep too\n" || m2.Conflicts != 0 || m2.Regions[1].Kind != RegionResolved {
		t.Fatalf("union: %+v %v", m2, err)
	}
	empty, err := Merge([]byte{}, nil, []byte(""), nil)
	if err != nil || empty.Text == nil || len(empty.Text) != 0 || empty.Regions != nil {
		t.Fatalf("empty: %+v %v", empty, err)
	}
	for _, bad := range []MergeOptions{
		{Labels: [3]string{"a", "b", "c"}, MarkerSize: 0},
		{Labels: [3]string{"a\nb", "b", "c"}, MarkerSize: 7},
		{Labels: [3]string{"a", "b", "c"}, MarkerSize: 7, Style: 9},
	} {
		if _, err := Merge(mergeBase, mergeOurs, mergeTheirs, &bad); !errors.Is(err, ErrInvalidOptions) {
			t.Fatalf("%+v: %v", bad, err)
		}
	}
}

func TestMergeIsGitMergeFile(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	var base strings.Builder
	for i := 0; i < 30; i++ {
		base.WriteString("line " + string(rune('a'+i%26)) + "\n")
	}
	ours := strings.Replace(base.String(), "line c\n", "three\n", 1)
	ours = strings.Replace(ours, "line u\n", "ours u\n", 1)
	theirs := strings.Replace(base.String(), "line u\n", "theirs u\n", 1)
	for name, text := range map[string]string{"ours": ours, "base": base.String(), "theirs": theirs} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for style, flag := range map[MergeStyle]string{StyleMerge: "", StyleDiff3: "--diff3", StyleZdiff3: "--zdiff3"} {
		args := []string{"merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs"}
		if flag != "" {
			args = append(args, flag)
		}
		cmd := exec.Command("git", append(args, "ours", "base", "theirs")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		want, err := cmd.Output()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		o := DefaultMergeOptions()
		o.Style = style
		m, err := Merge(base.String(), ours, theirs, &o)
		if err != nil || m.Text != string(want) || m.Conflicts != cmd.ProcessState.ExitCode() {
			t.Fatalf("%v: %q (%d) against git's %q (%d)", style, m.Text, m.Conflicts, want, cmd.ProcessState.ExitCode())
		}
	}
}

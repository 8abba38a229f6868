package fastdiff

import (
	"errors"
	"strings"
	"testing"
)

func TestHTMLDiff(t *testing.T) {
	page, err := HTMLDiff("keep\nthe quick fox\n", "keep\nthe slow fox\n<img src=x onerror=alert(1)>\n",
		&Options{ContextLines: 3, OldLabel: "a/f.txt", NewLabel: "b/f.txt"}, &HTMLOptions{Layout: LineByLine, Title: "<b>t</b>"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "the <del>quick</del> fox", "the <ins>slow</ins> fox",
		"&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;t&lt;/b&gt;", `class="diff lbl"`, "a/f.txt"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "<img") {
		t.Error("markup in the input became markup")
	}
	bytesPage, err := HTMLDiff([]byte("a\n"), []byte("b\xff\n"), nil, nil)
	if err != nil || !strings.Contains(bytesPage, `class="diff sbs"`) || !strings.Contains(bytesPage, `\xFF`) {
		t.Errorf("bytes and the defaults: %v", err)
	}
	if _, err := HTMLDiff("a", "b", nil, &HTMLOptions{Layout: 7}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("an unknown layout: %v", err)
	}
}

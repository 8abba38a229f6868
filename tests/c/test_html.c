/*
 * Tests of the HTML pages through the public header: fd_html_diff and
 * fd_html_diff_files, their options, statuses and ownership. Built and run
 * like test_fast_diff.c (warnings as errors, ASan + UBSan + LSan).
 */
#include "fast_diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const uint8_t *u(bytes b) { return (const uint8_t *)b.ptr; }

/* Whether the page holds `needle`. */
static int holds(const fd_buf *page, const char *needle) {
  size_t n = strlen(needle);
  size_t i;
  if (page->len < n) return 0;
  for (i = 0; i + n <= page->len; i++) {
    if (memcmp(page->ptr + i, needle, n) == 0) return 1;
  }
  return 0;
}

static void test_one_file(void) {
  bytes old_text = B("keep\nthe quick fox\n</script>\n");
  bytes new_text = B("keep\nthe slow fox\n<img src=x onerror=alert(1)>\xff\n");
  fd_options options;
  fd_html_options html;
  fd_buf page = {NULL, 0};
  fd_options_init(&options);
  fd_html_options_init(&html);
  CHECK(html.struct_size == sizeof html && html.layout == FD_HTML_SIDE_BY_SIDE);
  options.old_label = (const uint8_t *)"a/notes.txt";
  options.old_label_len = strlen("a/notes.txt");
  html.layout = FD_HTML_LINE_BY_LINE;
  html.title = (const uint8_t *)"<b>Review</b>";
  html.title_len = strlen("<b>Review</b>");
  CHECK(fd_html_diff(u(old_text), old_text.len, u(new_text), new_text.len, &options, &html, &page) == FD_OK);
  CHECK(page.ptr != NULL && holds(&page, "<!DOCTYPE html>"));
  CHECK(holds(&page, "the <del>quick</del> fox") && holds(&page, "the <ins>slow</ins> fox"));
  /* Markup in the texts is text (the marks may split it, never its escapes). */
  CHECK(holds(&page, "&lt;") && holds(&page, "onerror=alert(1)") && !holds(&page, "<img") && !holds(&page, "</script"));
  CHECK(holds(&page, "\\xFF") && holds(&page, "&lt;b&gt;Review&lt;/b&gt;") && holds(&page, "a/notes.txt"));
  CHECK(holds(&page, "class=\"diff lbl\"") && !holds(&page, "<script"));
  fd_free(&page);

  /* NULL options are the defaults: side by side. */
  CHECK(fd_html_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, NULL, &page) == FD_OK);
  CHECK(holds(&page, "class=\"diff sbs\"") && holds(&page, "original \xe2\x86\x92 modified"));
  fd_free(&page);

  /* Statuses, `*out` untouched. */
  page.ptr = (uint8_t *)&old_text;
  page.len = 7;
  html.layout = 9;
  CHECK(fd_html_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &html, &page) ==
        FD_ERR_INVALID_OPTIONS);
  fd_html_options_init(&html);
  html.title_len = 3; /* NULL with a length */
  CHECK(fd_html_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &html, &page) ==
        FD_ERR_NULL_ARGUMENT);
  fd_html_options_init(&html);
  html.struct_size = 4;
  CHECK(fd_html_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &html, &page) ==
        FD_ERR_INVALID_OPTIONS);
  CHECK(fd_html_diff(NULL, 3, u(new_text), new_text.len, NULL, NULL, &page) == FD_ERR_NULL_ARGUMENT);
  CHECK(page.ptr == (uint8_t *)&old_text && page.len == 7);
  CHECK(fd_html_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, NULL, NULL) ==
        FD_ERR_NULL_ARGUMENT);
}

static void test_files(void) {
  fd_html_file files[2];
  fd_buf page = {NULL, 0};
  memset(files, 0, sizeof files);
  files[0].old_name = (const uint8_t *)"a/one.c";
  files[0].old_name_len = 7;
  files[0].new_name = (const uint8_t *)"b/one.c";
  files[0].new_name_len = 7;
  files[0].old_text = (const uint8_t *)"x\ny\n";
  files[0].old_len = 4;
  files[0].new_text = (const uint8_t *)"x\nz\nw\n";
  files[0].new_len = 6;
  files[1].old_name = (const uint8_t *)"a/two.c";
  files[1].old_name_len = 7;
  files[1].new_name = (const uint8_t *)"b/two.c";
  files[1].new_name_len = 7;
  CHECK(fd_html_diff_files(files, 2, NULL, NULL, &page) == FD_OK);
  CHECK(holds(&page, "<nav class=\"files\">") && holds(&page, "href=\"#file-2\""));
  CHECK(holds(&page, "+2</span><span class=\"r\">\xe2\x88\x92" "1</span>"));
  CHECK(holds(&page, "No differences."));
  fd_free(&page);
  CHECK(fd_html_diff_files(NULL, 0, NULL, NULL, &page) == FD_OK);
  CHECK(page.len > 0 && !holds(&page, "<section"));
  fd_free(&page);
  CHECK(fd_html_diff_files(NULL, 1, NULL, NULL, &page) == FD_ERR_NULL_ARGUMENT);
  files[1].old_len = 3; /* NULL with a length */
  CHECK(fd_html_diff_files(files, 2, NULL, NULL, &page) == FD_ERR_NULL_ARGUMENT);
  CHECK(page.ptr == NULL);
}

int main(void) {
  test_one_file();
  test_files();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("HTML C API tests passed (fast-diff %s)\n", fd_version());
  return 0;
}

/*
 * Tests of the structured results through the public header: fd_diff_stats,
 * fd_diff_hunks and fd_word_diff, their statuses, ownership and the byte
 * ranges they give into the caller's inputs. Built and run like
 * test_fast_diff.c (warnings as errors, ASan + UBSan + LSan).
 */
#include "fast_diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const uint8_t *u(bytes b) { return (const uint8_t *)b.ptr; }

static int same_bytes(const uint8_t *p, size_t len, const char *expected) {
  return len == strlen(expected) && memcmp(p, expected, len) == 0;
}

static void test_stats(void) {
  bytes old_text = B("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n");
  bytes new_text = B("a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn\n");
  fd_stats stats;
  memset(&stats, 0xEE, sizeof stats);
  stats.struct_size = sizeof stats;
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &stats) == FD_OK);
  CHECK(stats.struct_size == sizeof stats);
  CHECK(stats.identical == 0);
  CHECK(stats.lines_added == 3 && stats.lines_removed == 2);
  CHECK(stats.hunks == 2); /* 9 unchanged lines apart: more than 2 * 3 */
  /* 11 matched lines of 13 + 14. */
  CHECK(stats.similarity > 22.0 / 27 - 1e-9 && stats.similarity < 22.0 / 27 + 1e-9);

  fd_options options;
  fd_options_init(&options);
  options.context_lines = 5; /* now the changes share a hunk */
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, &options, &stats) == FD_OK);
  CHECK(stats.hunks == 1);

  /* Identical texts, and texts equal under a mode. */
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(old_text), old_text.len, NULL, &stats) == FD_OK);
  CHECK(stats.identical == 1 && stats.hunks == 0 && stats.lines_added == 0 && stats.similarity == 1.0);
  options.flags = FD_FLAG_IGNORE_CASE;
  CHECK(fd_diff_stats((const uint8_t *)"A\n", 2, (const uint8_t *)"a\n", 2, &options, &stats) == FD_OK);
  CHECK(stats.identical == 1);
  CHECK(fd_diff_stats(NULL, 0, NULL, 0, NULL, &stats) == FD_OK);
  CHECK(stats.identical == 1 && stats.similarity == 1.0);

  /* Statuses: out NULL, a too small struct_size, a NULL input, bad options;
     `*out` untouched on failure. */
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, NULL) == FD_ERR_NULL_ARGUMENT);
  memset(&stats, 0xEE, sizeof stats);
  stats.struct_size = 8;
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &stats) == FD_ERR_INVALID_OPTIONS);
  CHECK(stats.struct_size == 8 && stats.identical == 0xEEEEEEEEu);
  stats.struct_size = sizeof stats;
  CHECK(fd_diff_stats(NULL, 3, u(new_text), new_text.len, NULL, &stats) == FD_ERR_NULL_ARGUMENT);
  CHECK(stats.identical == 0xEEEEEEEEu);
  options.flags = 1u << 30;
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, &options, &stats) ==
        FD_ERR_INVALID_OPTIONS);
  CHECK(fd_diff_stats(u(old_text), SIZE_MAX, u(new_text), new_text.len, NULL, &stats) == FD_ERR_INPUT_TOO_LARGE);

  /* A caller built with a larger fd_stats: the library writes its own part. */
  struct {
    fd_stats known;
    uint64_t future;
  } bigger;
  memset(&bigger, 0x5A, sizeof bigger);
  bigger.known.struct_size = sizeof bigger;
  CHECK(fd_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &bigger.known) == FD_OK);
  CHECK(bigger.known.hunks == 2 && bigger.future == 0x5A5A5A5A5A5A5A5Aull);
  CHECK(bigger.known.struct_size == sizeof bigger); /* the caller's size stays the caller's */
}

static void test_unified_diff_stats(void) {
  bytes old_text = B("a\nb\nc\n"), new_text = B("a\nB\nc\nd\n");
  fd_buf out = {NULL, 0};
  fd_stats stats;
  stats.struct_size = sizeof stats;
  CHECK(fd_unified_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &out, &stats) == FD_OK);
  /* The same diff as fd_unified_diff, and the same counts as fd_diff_stats. */
  CHECK(same_bytes(out.ptr, out.len, "--- original\n+++ modified\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n"));
  CHECK(stats.hunks == 1 && stats.lines_added == 2 && stats.lines_removed == 1 && stats.identical == 0);
  CHECK(stats.similarity > 4.0 / 7 - 1e-9 && stats.similarity < 4.0 / 7 + 1e-9);
  fd_free(&out);
  CHECK(fd_unified_diff_stats(u(old_text), old_text.len, u(old_text), old_text.len, NULL, &out, &stats) == FD_OK);
  CHECK(out.ptr == NULL && out.len == 0 && stats.identical == 1);

  /* Both out-params are required; failures leave them untouched. */
  CHECK(fd_unified_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, NULL, &stats) ==
        FD_ERR_NULL_ARGUMENT);
  CHECK(fd_unified_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &out, NULL) ==
        FD_ERR_NULL_ARGUMENT);
  uint8_t sentinel = 0;
  out.ptr = &sentinel;
  out.len = 7;
  stats.struct_size = 4;
  CHECK(fd_unified_diff_stats(u(old_text), old_text.len, u(new_text), new_text.len, NULL, &out, &stats) ==
        FD_ERR_INVALID_OPTIONS);
  stats.struct_size = sizeof stats;
  stats.hunks = 99;
  CHECK(fd_unified_diff_stats(NULL, 1, u(new_text), new_text.len, NULL, &out, &stats) == FD_ERR_NULL_ARGUMENT);
  CHECK(out.ptr == &sentinel && out.len == 7 && stats.hunks == 99);
}

static void test_hunks(void) {
  bytes old_text = B("one\ntwo\nthree\nfour\nlast"), new_text = B("zero\none\nTWO\nthree\nfour\nlast");
  fd_hunks *hunks = NULL;
  fd_options options;
  fd_options_init(&options);
  options.context_lines = 1;
  CHECK(fd_diff_hunks(u(old_text), old_text.len, u(new_text), new_text.len, &options, &hunks) == FD_OK);
  CHECK(hunks != NULL);
  if (hunks == NULL) return;
  /* @@ -1,3 +1,4 @@: +zero, one, -two, +TWO, three */
  CHECK(hunks->hunk_count == 1);
  CHECK(hunks->hunks[0].old_start == 1 && hunks->hunks[0].old_count == 3);
  CHECK(hunks->hunks[0].new_start == 1 && hunks->hunks[0].new_count == 4);
  CHECK(hunks->hunks[0].first_line == 0 && hunks->hunks[0].line_count == 5);
  CHECK(hunks->line_count == 5);
  const fd_diff_line *l = hunks->lines;
  CHECK(l[0].kind == FD_LINE_ADDED && l[0].old_line == 0 && l[0].new_line == 1);
  CHECK(same_bytes(u(new_text) + l[0].offset, l[0].len, "zero\n"));
  CHECK(l[1].kind == FD_LINE_CONTEXT && l[1].old_line == 1 && l[1].new_line == 2);
  CHECK(same_bytes(u(old_text) + l[1].offset, l[1].len, "one\n"));
  CHECK(l[2].kind == FD_LINE_REMOVED && l[2].old_line == 2 && l[2].new_line == 0);
  CHECK(same_bytes(u(old_text) + l[2].offset, l[2].len, "two\n"));
  CHECK(l[3].kind == FD_LINE_ADDED && l[3].new_line == 3);
  CHECK(same_bytes(u(new_text) + l[3].offset, l[3].len, "TWO\n"));
  CHECK(l[4].kind == FD_LINE_CONTEXT && l[4].no_newline == 0);
  fd_hunks_free(hunks);

  /* The last line without its newline is marked; an empty range names the
     line before it. */
  CHECK(fd_diff_hunks(u(old_text), old_text.len, (const uint8_t *)"one\ntwo\nthree\nfour\nlast\n", 24, &options,
                      &hunks) == FD_OK);
  CHECK(hunks != NULL && hunks->hunk_count == 1 && hunks->line_count == 3);
  if (hunks != NULL && hunks->line_count == 3) {
    CHECK(hunks->lines[1].kind == FD_LINE_REMOVED && hunks->lines[1].no_newline == 1);
    CHECK(hunks->lines[2].kind == FD_LINE_ADDED && hunks->lines[2].no_newline == 0);
  }
  fd_hunks_free(hunks);
  options.context_lines = 0;
  CHECK(fd_diff_hunks((const uint8_t *)"a\nb\n", 4, (const uint8_t *)"a\nx\nb\n", 6, &options, &hunks) == FD_OK);
  CHECK(hunks != NULL && hunks->hunk_count == 1);
  if (hunks != NULL && hunks->hunk_count == 1) CHECK(hunks->hunks[0].old_start == 1 && hunks->hunks[0].old_count == 0);
  fd_hunks_free(hunks);

  /* No hunks: FD_OK with empty arrays. */
  CHECK(fd_diff_hunks(u(old_text), old_text.len, u(old_text), old_text.len, NULL, &hunks) == FD_OK);
  CHECK(hunks != NULL && hunks->hunk_count == 0 && hunks->hunks == NULL && hunks->lines == NULL);
  fd_hunks_free(hunks);
  fd_hunks_free(NULL);

  /* Failures leave `*out` untouched. */
  fd_hunks *sentinel = (fd_hunks *)&options;
  hunks = sentinel;
  CHECK(fd_diff_hunks(NULL, 1, u(new_text), new_text.len, NULL, &hunks) == FD_ERR_NULL_ARGUMENT);
  CHECK(hunks == sentinel);
  options.algorithm = 77;
  CHECK(fd_diff_hunks(u(old_text), old_text.len, u(new_text), new_text.len, &options, &hunks) ==
        FD_ERR_INVALID_OPTIONS);
  CHECK(hunks == sentinel);
  CHECK(fd_diff_hunks(u(old_text), old_text.len, u(new_text), new_text.len, NULL, NULL) == FD_ERR_NULL_ARGUMENT);
}

/* Concatenates the spans of `kind` and FD_SPAN_EQUAL. */
static int side_equals(const fd_word_diff_result *r, uint32_t kind, bytes old_text, bytes new_text,
                       const char *expected) {
  size_t at = 0, want = strlen(expected);
  for (size_t i = 0; i < r->span_count; i++) {
    const fd_word_span *s = &r->spans[i];
    if (s->kind != FD_SPAN_EQUAL && s->kind != kind) continue;
    const char *text = s->kind == FD_SPAN_ADDED ? new_text.ptr : old_text.ptr;
    if (at + s->len > want || memcmp(expected + at, text + s->offset, s->len) != 0) return 0;
    at += s->len;
  }
  return at == want;
}

static void test_word_diff(void) {
  bytes old_text = B("keep\nthe quick brown fox\nend\n"), new_text = B("keep\nthe slow brown cat\nend\n");
  fd_word_diff_result *r = NULL;
  CHECK(fd_word_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, FD_GRANULARITY_WORDS, &r) == FD_OK);
  CHECK(r != NULL);
  if (r == NULL) return;
  CHECK(side_equals(r, FD_SPAN_REMOVED, old_text, new_text, "keep\nthe quick brown fox\nend\n"));
  CHECK(side_equals(r, FD_SPAN_ADDED, old_text, new_text, "keep\nthe slow brown cat\nend\n"));
  CHECK(same_bytes(r->text, r->text_len,
                   "--- original\n+++ modified\n@@ -1,3 +1,3 @@\nkeep\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\nend\n"));
  fd_word_diff_free(r);

  /* Characters, on UTF-8: a whole scalar changes, never half of one. */
  CHECK(fd_word_diff((const uint8_t *)"caf\xc3\xa9\n", 6, (const uint8_t *)"cafe\n", 5, NULL, FD_GRANULARITY_CHARS,
                     &r) == FD_OK);
  CHECK(r != NULL && same_bytes(r->text, r->text_len, "--- original\n+++ modified\n@@ -1 +1 @@\ncaf[-\xc3\xa9-]{+e+}\n"));
  fd_word_diff_free(r);
  /* Grapheme clusters: e + combining accent is one token. */
  CHECK(fd_word_diff((const uint8_t *)"e\xcc\x81\n", 4, (const uint8_t *)"e\n", 2, NULL, FD_GRANULARITY_GRAPHEMES,
                     &r) == FD_OK);
  CHECK(r != NULL && same_bytes(r->text, r->text_len, "--- original\n+++ modified\n@@ -1 +1 @@\n[-e\xcc\x81-]{+e+}\n"));
  fd_word_diff_free(r);

  /* Identical: no spans, no text. */
  CHECK(fd_word_diff(u(old_text), old_text.len, u(old_text), old_text.len, NULL, FD_GRANULARITY_WORDS, &r) == FD_OK);
  CHECK(r != NULL && r->span_count == 0 && r->spans == NULL && r->text == NULL && r->text_len == 0);
  fd_word_diff_free(r);
  fd_word_diff_free(NULL);

  /* Statuses, `*out` untouched. */
  fd_word_diff_result *sentinel = (fd_word_diff_result *)&old_text;
  r = sentinel;
  CHECK(fd_word_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, 3, &r) == FD_ERR_INVALID_OPTIONS);
  CHECK(fd_word_diff(u(old_text), old_text.len, NULL, 2, NULL, 0, &r) == FD_ERR_NULL_ARGUMENT);
  CHECK(r == sentinel);
  CHECK(fd_word_diff(u(old_text), old_text.len, u(new_text), new_text.len, NULL, 0, NULL) == FD_ERR_NULL_ARGUMENT);
}

int main(void) {
  test_stats();
  test_unified_diff_stats();
  test_hunks();
  test_word_diff();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("structured C API tests passed (fast-diff %s)\n", fd_version());
  return 0;
}

/*
 * Tests of the patch C API through the public header only: fd_apply_patch,
 * fd_parse_patch and their report, every status they return, every option,
 * and the ownership rules. Built with -Wall -Wextra -Werror -pedantic and run
 * under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer, so a
 * report or buffer that is not freed exactly once fails the run.
 */
#include "fast_diff.h"
#include "check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same(const uint8_t *ptr, size_t len, bytes expected) {
  return len == expected.len && (len == 0 || memcmp(ptr, expected.ptr, len) == 0);
}

/* One call's results. `out` starts as a sentinel so that "untouched" can be
   checked; `written` says whether the library replaced it. */
typedef struct {
  fd_status status;
  fd_buf out;
  int written;
  fd_patch_report *report;
} result;

static uint8_t sentinel;

static result apply(bytes text, bytes patch, const fd_apply_options *options) {
  result r;
  r.out.ptr = &sentinel;
  r.out.len = 12345;
  r.report = NULL;
  r.status = fd_apply_patch((const uint8_t *)text.ptr, text.len, (const uint8_t *)patch.ptr, patch.len, options,
                            &r.out, &r.report);
  r.written = !(r.out.ptr == &sentinel && r.out.len == 12345);
  return r;
}

static void done(result *r) {
  if (r->written) fd_free(&r->out);
  fd_patch_report_free(r->report);
  r->report = NULL;
}

/* Applies and checks the status and, on FD_OK, the new text. */
static void expect_apply(bytes text, bytes patch, const fd_apply_options *options, fd_status status, bytes expected,
                         int line) {
  result r = apply(text, patch, options);
  int ok = r.status == status && (status != FD_OK || (r.written && same(r.out.ptr, r.out.len, expected)));
  if (!ok) {
    fprintf(stderr, "%s:%d: status %u (%s), expected %u; report: %s\n", __FILE__, line, (unsigned)r.status,
            fd_status_message(r.status), (unsigned)status, r.report ? r.report->message : "(none)");
    if (r.written) fprintf(stderr, "got %zu bytes: %.*s\n", r.out.len, (int)r.out.len, (const char *)r.out.ptr);
    failures++;
  }
  done(&r);
}

#define EXPECT_TEXT(t, p, o, expected) expect_apply(t, p, o, FD_OK, expected, __LINE__)
#define EXPECT_STATUS(t, p, o, s) expect_apply(t, p, o, s, B(""), __LINE__)

static const char NUMBERED[] = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\n";

static void test_messages_and_init(void) {
  fd_status statuses[] = {FD_OK, FD_ERR_NULL_ARGUMENT, FD_ERR_INVALID_OPTIONS, FD_ERR_INPUT_TOO_LARGE,
                          FD_ERR_INTERNAL, FD_ERR_PATCH_MALFORMED, FD_ERR_PATCH_HUNK_FAILED,
                          FD_ERR_PATCH_ALREADY_APPLIED, FD_ERR_PATCH_MULTIPLE_FILES};
  const char *unknown = fd_status_message((fd_status)9);
  CHECK(FD_ERR_PATCH_MALFORMED == 5 && FD_ERR_PATCH_HUNK_FAILED == 6 && FD_ERR_PATCH_ALREADY_APPLIED == 7 &&
        FD_ERR_PATCH_MULTIPLE_FILES == 8);
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
    CHECK(strcmp(fd_status_message(statuses[i]), unknown) != 0);
    for (size_t j = 0; j < i; j++) CHECK(strcmp(fd_status_message(statuses[i]), fd_status_message(statuses[j])) != 0);
  }

  fd_apply_options options;
  memset(&options, 0xAB, sizeof options);
  fd_apply_options_init(&options);
  CHECK(options.struct_size == sizeof(fd_apply_options));
  CHECK(options.flags == 0);
  CHECK(options.max_offset == FD_APPLY_ANY_OFFSET && FD_APPLY_ANY_OFFSET == UINT64_MAX);
  CHECK(options.fuzz == 0);
  fd_apply_options_init(NULL);
}

static void test_ok_and_report(void) {
  /* Two hunks; the second 2 lines off (a line was added above it). */
  const char *text = "line 1\nline 2\nline 3\nline 4\nextra\nextra\nline 5\nline 6\nline 7\nline 8\nline 9\n";
  const char *patch =
      "diff --git a/dir/f.txt b/dir/f.txt\nindex 1..2 100644\n--- a/dir/f.txt\n+++ b/dir/f.txt\n"
      "@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n"
      "@@ -6,3 +6,4 @@\n line 6\n line 7\n+seven and a half\n line 8\n";
  result r = apply(span(text, strlen(text)), span(patch, strlen(patch)), NULL);
  CHECK(r.status == FD_OK && r.written);
  const char *expected =
      "line 1\ntwo\nline 3\nline 4\nextra\nextra\nline 5\nline 6\nline 7\nseven and a half\nline 8\nline 9\n";
  CHECK(same(r.out.ptr, r.out.len, span(expected, strlen(expected))));
  fd_patch_report *report = r.report;
  CHECK(report != NULL);
  if (report) {
    CHECK(report->hunk_count == 2 && report->file_count == 1);
    CHECK(report->error_offset == 0 && report->error_line == 0 && report->error_expected == NULL);
    CHECK(strstr(report->message, "applied 2 of 2 hunks") == report->message);
    CHECK(strstr(report->message, "offset +2 lines") != NULL);
    const fd_hunk_report *h = report->hunks;
    CHECK(h[0].outcome == FD_HUNK_APPLIED && h[0].reason == FD_HUNK_REASON_NONE && h[0].match_mode == FD_MATCH_EXACT);
    CHECK(h[0].stated_line == 1 && h[0].line == 1 && h[0].new_line == 1 && h[0].offset == 0 && h[0].fuzz == 0);
    CHECK(h[0].old_lines == 3 && h[0].new_lines == 3);
    CHECK(h[1].outcome == FD_HUNK_APPLIED && h[1].stated_line == 6 && h[1].line == 8 && h[1].offset == 2);
    CHECK(h[1].new_line == 8 && h[1].old_lines == 3 && h[1].new_lines == 4);
    const char *second = "@@ -6,3 +6,4 @@\n line 6\n line 7\n+seven and a half\n line 8\n";
    CHECK(h[1].patch_len == strlen(second) && memcmp(patch + h[1].patch_offset, second, strlen(second)) == 0);
    CHECK(strstr(h[1].message, "applied at line 8 (offset +2 lines)") != NULL);
    const fd_patch_file *f = report->files;
    CHECK(f->change == FD_FILE_MODIFIED && f->first_hunk == 0 && f->hunk_count == 2);
    CHECK(f->path_len == strlen("dir/f.txt") && strcmp((const char *)f->path, "dir/f.txt") == 0);
    CHECK(strcmp((const char *)f->old_path, "a/dir/f.txt") == 0 && strcmp((const char *)f->new_path, "b/dir/f.txt") == 0);
    CHECK(f->patch_offset == 0 && f->patch_len == strlen(patch));
  }
  done(&r);

  /* The report is optional. */
  fd_buf out = {NULL, 0};
  CHECK(fd_apply_patch((const uint8_t *)"a\n", 2, (const uint8_t *)"--- a\n+++ b\n@@ -1 +1 @@\n-a\n+b\n", 29, NULL, &out,
                       NULL) == FD_OK);
  CHECK(same(out.ptr, out.len, B("b\n")));
  fd_free(&out);

  /* An empty patch is the diff of identical texts; an empty result is {NULL, 0}. */
  EXPECT_TEXT(B("x\n"), span(NULL, 0), NULL, B("x\n"));
  r = apply(B("x\n"), B("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n"), NULL);
  CHECK(r.status == FD_OK && r.written && r.out.ptr == NULL && r.out.len == 0);
  done(&r);
}

static void test_malformed(void) {
  const char *patch = "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n+d\n";
  fd_apply_options strict;
  fd_apply_options_init(&strict);
  strict.flags = FD_APPLY_STRICT; /* read as fast-diff 0.1 did: counts trusted */
  result r = apply(B("a\nb\n"), span(patch, strlen(patch)), &strict);
  CHECK(r.status == FD_ERR_PATCH_MALFORMED && !r.written && r.report != NULL);
  if (r.report) {
    CHECK(r.report->error_offset == (size_t)(strstr(patch, "+d") - patch));
    CHECK(r.report->error_line == 7);
    CHECK(r.report->error_expected != NULL && strstr(r.report->error_expected, "end of the hunk") != NULL);
    CHECK(strstr(r.report->message, "malformed patch at line 7") != NULL);
    CHECK(r.report->hunk_count == 0 && r.report->hunks == NULL);
  }
  done(&r);
  /* Recounting accepts it: by default, and with FD_APPLY_RECOUNT even when strict. */
  fd_apply_options options;
  fd_apply_options_init(&options);
  options.flags = FD_APPLY_RECOUNT | FD_APPLY_STRICT;
  EXPECT_TEXT(B("a\nb\n"), span(patch, strlen(patch)), &options, B("a\nc\nd\n"));
  EXPECT_TEXT(B("a\nb\n"), span(patch, strlen(patch)), NULL, B("a\nc\nd\n"));
  /* Garbage, a bare @@ when strict, a binary patch, a hunk without lines. */
  EXPECT_STATUS(B("a\n"), B("no diff here\n"), NULL, FD_ERR_PATCH_MALFORMED);
  EXPECT_STATUS(B("a\n"), B("@@\n-a\n+b\n"), &strict, FD_ERR_PATCH_MALFORMED);
  EXPECT_TEXT(B("a\n"), B("@@\n-a\n+b\n"), &options, B("b\n"));
  EXPECT_TEXT(B("a\n"), B("@@\n-a\n+b\n"), NULL, B("b\n"));
  EXPECT_STATUS(B("a\n"), B("diff --git a/x b/x\nBinary files a/x and b/x differ\n"), NULL, FD_ERR_PATCH_MALFORMED);
  EXPECT_STATUS(B("a\n"), B("--- a\n+++ b\n@@ -1,0 +1,0 @@\n"), NULL, FD_ERR_PATCH_MALFORMED);
}

static void test_hunk_failed_and_partial(void) {
  const char *patch =
      "--- a\n+++ b\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n";
  const char *text = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8 changed\nline 9\nline 10\n";
  result r = apply(span(text, strlen(text)), span(patch, strlen(patch)), NULL);
  CHECK(r.status == FD_ERR_PATCH_HUNK_FAILED && !r.written && r.report != NULL);
  if (r.report && r.report->hunk_count == 2) {
    const fd_hunk_report *h = r.report->hunks;
    CHECK(h[0].outcome == FD_HUNK_APPLIED);
    CHECK(h[1].outcome == FD_HUNK_FAILED && h[1].reason == FD_HUNK_REASON_MISMATCH && h[1].line == 0);
    CHECK(h[1].candidate_line == 7 && h[1].candidate_matching == 2 && h[1].difference_line == 8);
    CHECK(strstr(h[1].message, "the hunk has \"line 8\", the text has \"line 8 changed\"") != NULL);
    CHECK(strstr(r.report->message, "1 of 2 hunks do not apply") == r.report->message);
  }
  done(&r);

  fd_apply_options options;
  fd_apply_options_init(&options);
  options.flags = FD_APPLY_PARTIAL;
  r = apply(span(text, strlen(text)), span(patch, strlen(patch)), &options);
  const char *partial = "line 1\ntwo\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8 changed\nline 9\nline 10\n";
  CHECK(r.status == FD_ERR_PATCH_HUNK_FAILED && r.written && same(r.out.ptr, r.out.len, span(partial, strlen(partial))));
  done(&r);

  /* A bare hunk whose lines are at two places is ambiguous. */
  options.flags = FD_APPLY_RECOUNT;
  r = apply(B("}\nx\n}\n"), B("@@\n }\n+y\n"), &options);
  CHECK(r.status == FD_ERR_PATCH_HUNK_FAILED && r.report && r.report->hunks[0].reason == FD_HUNK_REASON_AMBIGUOUS);
  done(&r);
}

static void test_already_applied_and_reverse(void) {
  bytes old_text = B("a\nb\nc\n"), new_text = B("a\nB\nc\n");
  bytes patch = B("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  result r = apply(new_text, patch, NULL);
  CHECK(r.status == FD_ERR_PATCH_ALREADY_APPLIED && !r.written && r.report != NULL);
  if (r.report) CHECK(r.report->hunk_count == 1 && r.report->hunks[0].outcome == FD_HUNK_ALREADY_APPLIED &&
                      r.report->hunks[0].line == 1);
  done(&r);
  fd_apply_options options;
  fd_apply_options_init(&options);
  options.flags = FD_APPLY_REVERSE;
  EXPECT_TEXT(new_text, patch, &options, old_text);
  EXPECT_STATUS(old_text, patch, &options, FD_ERR_PATCH_ALREADY_APPLIED);
}

static void test_multiple_files_and_parse(void) {
  const char *patch =
      "Subject: two files\n\n"
      "diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-1\n+one\n"
      "diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hi\n";
  result r = apply(B("1\n"), span(patch, strlen(patch)), NULL);
  CHECK(r.status == FD_ERR_PATCH_MULTIPLE_FILES && !r.written && r.report && r.report->file_count == 2);
  done(&r);

  fd_patch_report *report = NULL;
  CHECK(fd_parse_patch((const uint8_t *)patch, strlen(patch), NULL, &report) == FD_OK && report != NULL);
  if (report && report->file_count == 2 && report->hunk_count == 2) {
    const fd_patch_file *f = report->files;
    CHECK(strcmp((const char *)f[0].path, "x.txt") == 0 && f[0].change == FD_FILE_MODIFIED);
    CHECK(strcmp((const char *)f[1].path, "new.txt") == 0 && f[1].change == FD_FILE_CREATED);
    CHECK(strcmp((const char *)f[1].old_path, "/dev/null") == 0);
    CHECK(f[1].first_hunk == 1 && f[1].hunk_count == 1);
    CHECK(report->hunks[0].outcome == FD_HUNK_NOT_TRIED && report->hunks[1].stated_line == 1);
    /* Each section is a patch of its own. */
    EXPECT_TEXT(B("1\n"), span(patch + f[0].patch_offset, f[0].patch_len), NULL, B("one\n"));
    EXPECT_TEXT(B(""), span(patch + f[1].patch_offset, f[1].patch_len), NULL, B("hi\n"));
    EXPECT_STATUS(B("not empty\n"), span(patch + f[1].patch_offset, f[1].patch_len), NULL, FD_ERR_PATCH_HUNK_FAILED);
  } else {
    CHECK(0);
  }
  fd_patch_report_free(report);

  report = NULL;
  {
    fd_apply_options strict;
    fd_apply_options_init(&strict);
    strict.flags = FD_APPLY_STRICT;
    CHECK(fd_parse_patch((const uint8_t *)"@@ x\n", 5, &strict, &report) == FD_ERR_PATCH_MALFORMED && report != NULL);
    if (report) CHECK(report->error_offset == 0 && report->error_line == 1 && report->error_expected != NULL);
    fd_patch_report_free(report);
    /* Read leniently, the bare @@ is a hunk without lines. */
    report = NULL;
    CHECK(fd_parse_patch((const uint8_t *)"@@ x\n", 5, NULL, &report) == FD_ERR_PATCH_MALFORMED && report != NULL);
    if (report) CHECK(report->error_offset == 5 && report->error_line == 2);
    fd_patch_report_free(report);
  }
  CHECK(fd_parse_patch((const uint8_t *)"", 0, NULL, NULL) == FD_ERR_NULL_ARGUMENT);
}

static void test_every_option(void) {
  fd_apply_options options;
  bytes text = span(NUMBERED, strlen(NUMBERED));
  /* Drifted by 3 lines: found anywhere by default, within max_offset only. */
  const char *shifted = "x\ny\nz\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\n";
  bytes patch = B("--- a\n+++ b\n@@ -4,3 +4,3 @@\n line 4\n-line 5\n+five\n line 6\n");
  const char *fixed = "x\ny\nz\nline 1\nline 2\nline 3\nline 4\nfive\nline 6\nline 7\nline 8\nline 9\nline 10\n";
  EXPECT_TEXT(span(shifted, strlen(shifted)), patch, NULL, span(fixed, strlen(fixed)));
  fd_apply_options_init(&options);
  options.max_offset = 3;
  EXPECT_TEXT(span(shifted, strlen(shifted)), patch, &options, span(fixed, strlen(fixed)));
  options.max_offset = 2;
  EXPECT_STATUS(span(shifted, strlen(shifted)), patch, &options, FD_ERR_PATCH_HUNK_FAILED);

  /* Fuzz: an edge context line that differs. */
  bytes fuzzy = B("--- a\n+++ b\n@@ -3,5 +3,5 @@\n line three\n line 4\n-line 5\n+five\n line 6\n line 7\n");
  EXPECT_STATUS(text, fuzzy, NULL, FD_ERR_PATCH_HUNK_FAILED);
  fd_apply_options_init(&options);
  options.fuzz = 1;
  result r = apply(text, fuzzy, &options);
  CHECK(r.status == FD_OK && r.report && r.report->hunks[0].fuzz == 1);
  CHECK(r.written && r.out.len > 0 && strstr((const char *)r.out.ptr, "line 3\nline 4\nfive\n") != NULL);
  done(&r);

  /* CRLF text, LF patch: tolerated and adapted unless FD_APPLY_STRICT_EOL. */
  bytes crlf = B("a\r\nb\r\nc\r\n"), lf_patch = B("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  r = apply(crlf, lf_patch, NULL);
  CHECK(r.status == FD_OK && same(r.out.ptr, r.out.len, B("a\r\nB\r\nc\r\n")));
  CHECK(r.report && r.report->hunks[0].match_mode == FD_MATCH_LINE_ENDINGS);
  done(&r);
  fd_apply_options_init(&options);
  options.flags = FD_APPLY_STRICT_EOL;
  EXPECT_STATUS(crlf, lf_patch, &options, FD_ERR_PATCH_HUNK_FAILED);

  /* Whitespace differences only with FD_APPLY_IGNORE_WHITESPACE. */
  bytes ws_text = B("if x:\n\treturn  1\nend\n"), ws_patch = B("--- a\n+++ b\n@@ -1,3 +1,3 @@\n if x:\n-    return 1\n+    return 2\n end\n");
  EXPECT_STATUS(ws_text, ws_patch, NULL, FD_ERR_PATCH_HUNK_FAILED); /* "return  1" has two spaces */
  options.flags = FD_APPLY_IGNORE_WHITESPACE;
  r = apply(ws_text, ws_patch, &options);
  CHECK(r.status == FD_OK && same(r.out.ptr, r.out.len, B("if x:\n    return 2\nend\n")));
  CHECK(r.report && r.report->hunks[0].match_mode == FD_MATCH_WHITESPACE);
  done(&r);

  /* Every flag together is valid; an unknown bit is not. */
  options.flags = FD_APPLY_RECOUNT | FD_APPLY_REVERSE | FD_APPLY_IGNORE_WHITESPACE | FD_APPLY_STRICT_EOL | FD_APPLY_PARTIAL |
                  FD_APPLY_STRICT;
  EXPECT_TEXT(B("a\nB\nc\n"), lf_patch, &options, B("a\nb\nc\n"));
  options.flags = 1u << 6;
  EXPECT_STATUS(B("a\n"), lf_patch, &options, FD_ERR_INVALID_OPTIONS);
}

static void test_arguments(void) {
  fd_apply_options options;
  fd_apply_options_init(&options);
  bytes patch = B("--- a\n+++ b\n@@ -1 +1 @@\n-a\n+b\n");
  /* NULL where bytes were promised, and NULL out-params. */
  EXPECT_STATUS(span(NULL, 1), patch, NULL, FD_ERR_NULL_ARGUMENT);
  EXPECT_STATUS(B("a\n"), span(NULL, 1), NULL, FD_ERR_NULL_ARGUMENT);
  fd_patch_report *report = NULL;
  CHECK(fd_apply_patch((const uint8_t *)"a\n", 2, (const uint8_t *)patch.ptr, patch.len, NULL, NULL, &report) ==
        FD_ERR_NULL_ARGUMENT);
  CHECK(report == NULL);
  /* Impossible lengths. */
  EXPECT_STATUS(span("a", SIZE_MAX), patch, NULL, FD_ERR_INPUT_TOO_LARGE);
  EXPECT_STATUS(B("a\n"), span("a", (size_t)PTRDIFF_MAX + 1), NULL, FD_ERR_INPUT_TOO_LARGE);
  /* struct_size too small; a bigger, future struct reads its known prefix. */
  options.struct_size = 4;
  EXPECT_STATUS(B("a\n"), patch, &options, FD_ERR_INVALID_OPTIONS);
  struct {
    fd_apply_options known;
    uint64_t future[4];
  } bigger;
  fd_apply_options_init(&bigger.known);
  bigger.known.struct_size = sizeof bigger;
  bigger.known.flags = FD_APPLY_REVERSE;
  memset(bigger.future, 0x5A, sizeof bigger.future);
  EXPECT_TEXT(B("b\n"), patch, &bigger.known, B("a\n"));
  /* Nothing is written for these statuses: not even the report. */
  result r = apply(B("a\n"), patch, &options);
  CHECK(r.status == FD_ERR_INVALID_OPTIONS && !r.written && r.report == NULL);
  fd_patch_report_free(NULL);
}

static void test_round_trip_with_awkward_bytes(void) {
  const bytes pairs[][2] = {
      {B("a\0b\nx\n"), B("a\0c\nx\n")},
      {B("\xff\xfe\n"), B("\xc3\x28\n")},
      {B("a\r\nb\r\n"), B("a\r\nc\r\n")},
      {B("a\nb"), B("a\nb\n")},
      {B("x\ny"), B("x\nz")},
      {B(""), B("new\n")},
      {B("gone\n"), B("")},
  };
  fd_apply_options reverse;
  fd_apply_options_init(&reverse);
  reverse.flags = FD_APPLY_REVERSE;
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    fd_buf diff = {NULL, 0};
    CHECK(fd_unified_diff((const uint8_t *)pairs[i][0].ptr, pairs[i][0].len, (const uint8_t *)pairs[i][1].ptr,
                          pairs[i][1].len, NULL, &diff) == FD_OK);
    bytes patch = span((const char *)diff.ptr, diff.len);
    EXPECT_TEXT(pairs[i][0], patch, NULL, pairs[i][1]);
    EXPECT_TEXT(pairs[i][1], patch, &reverse, pairs[i][0]);
    fd_free(&diff);
  }
}

#define THREADS 8
#define ROUNDS 100

static void *apply_many(void *arg) {
  (void)arg;
  intptr_t bad = 0;
  const char *patch = "--- a\n+++ b\n@@ -2,3 +2,3 @@\n line 2\n-line 3\n+three\n line 4\n";
  for (int i = 0; i < ROUNDS; i++) {
    result r = apply(span(NUMBERED, strlen(NUMBERED)), span(patch, strlen(patch)), NULL);
    if (r.status != FD_OK || r.out.len != strlen(NUMBERED) - 1 || r.report->hunks[0].line != 2) bad++;
    done(&r);
  }
  return (void *)bad;
}

static void test_threads(void) {
  pthread_t threads[THREADS];
  for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, apply_many, NULL) == 0);
  for (int i = 0; i < THREADS; i++) {
    void *bad = NULL;
    CHECK(pthread_join(threads[i], &bad) == 0);
    CHECK(bad == NULL);
  }
}

int main(void) {
  test_messages_and_init();
  test_ok_and_report();
  test_malformed();
  test_hunk_failed_and_partial();
  test_already_applied_and_reverse();
  test_multiple_files_and_parse();
  test_every_option();
  test_arguments();
  test_round_trip_with_awkward_bytes();
  test_threads();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("patch C API tests passed (fast-diff %s)\n", fd_version());
  return 0;
}

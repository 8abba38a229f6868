/*
 * Tests of the C API through the public header only: every function, every
 * status, every option, and the ownership rules. Built with -Wall -Wextra
 * -Werror -pedantic and run under AddressSanitizer, UndefinedBehaviorSanitizer
 * and LeakSanitizer, so a missing or double fd_free fails the run.
 */
#include "fast_diff.h"
#include "check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fd_status diff(bytes old_text, bytes new_text, const fd_options *options, fd_buf *out) {
  return fd_unified_diff((const uint8_t *)old_text.ptr, old_text.len, (const uint8_t *)new_text.ptr,
                         new_text.len, options, out);
}

static int buf_equals(const fd_buf *buf, bytes expected) {
  return buf->len == expected.len && (expected.len == 0 || memcmp(buf->ptr, expected.ptr, expected.len) == 0);
}

/* Diffs with `options` and checks the output is exactly `expected`. */
static void expect_diff(bytes old_text, bytes new_text, const fd_options *options, bytes expected, int line) {
  fd_buf out = {NULL, 0};
  fd_status status = diff(old_text, new_text, options, &out);
  if (status != FD_OK || !buf_equals(&out, expected)) {
    fprintf(stderr, "%s:%d: diff status %u (%s), got %zu bytes:\n%.*s\n", __FILE__, line, (unsigned)status,
            fd_status_message(status), out.len, (int)out.len, out.ptr ? (const char *)out.ptr : "");
    failures++;
  }
  fd_free(&out);
}

#define EXPECT_DIFF(o, n, opts, expected) expect_diff(o, n, opts, expected, __LINE__)

/* Checks that a call fails with `expected` and leaves `out` untouched. */
static void expect_status(bytes old_text, bytes new_text, const fd_options *options, fd_status expected, int line) {
  uint8_t sentinel = 0;
  fd_buf out = {&sentinel, 12345};
  fd_status status = diff(old_text, new_text, options, &out);
  if (status != expected || out.ptr != &sentinel || out.len != 12345) {
    fprintf(stderr, "%s:%d: expected status %u, got %u\n", __FILE__, line, (unsigned)expected, (unsigned)status);
    failures++;
  }
}

#define EXPECT_STATUS(o, n, opts, expected) expect_status(o, n, opts, expected, __LINE__)

static void test_version_and_messages(void) {
  const char *version = fd_version();
  unsigned major, minor, patch;
  CHECK(version != NULL);
  CHECK(sscanf(version, "%u.%u.%u", &major, &minor, &patch) == 3);

  fd_status known[] = {FD_OK, FD_ERR_NULL_ARGUMENT, FD_ERR_INVALID_OPTIONS, FD_ERR_INPUT_TOO_LARGE, FD_ERR_INTERNAL};
  const char *unknown = fd_status_message((fd_status)9999);
  CHECK(unknown != NULL && strlen(unknown) > 0);
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
    const char *message = fd_status_message(known[i]);
    CHECK(message != NULL && strlen(message) > 0);
    CHECK(strcmp(message, unknown) != 0);
    for (size_t j = 0; j < i; j++) CHECK(strcmp(message, fd_status_message(known[j])) != 0);
  }
  CHECK(fd_status_message((fd_status)UINT32_MAX) != NULL);
}

static void test_options_init(void) {
  fd_options options;
  memset(&options, 0xAB, sizeof options);
  fd_options_init(&options);
  CHECK(options.struct_size == sizeof(fd_options));
  CHECK(options.context_lines == 3);
  CHECK(options.old_label == NULL && options.old_label_len == 0);
  CHECK(options.new_label == NULL && options.new_label_len == 0);
  CHECK(options.algorithm == FD_ALGORITHM_MYERS);
  CHECK(options.flags == 0);
  CHECK(options.deadline_ms == 0);
  fd_options_init(NULL); /* ignored, no crash */
}

static void test_basic_output(void) {
  EXPECT_DIFF(B("a\nb\n"), B("a\nc\n"), NULL, B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"));

  /* Identical inputs: FD_OK with an empty buffer. */
  fd_buf out = {NULL, 0};
  CHECK(diff(B("same\n"), B("same\n"), NULL, &out) == FD_OK);
  CHECK(out.ptr == NULL && out.len == 0);
  CHECK(diff(span(NULL, 0), span(NULL, 0), NULL, &out) == FD_OK);
  CHECK(out.ptr == NULL && out.len == 0);

  /* (NULL, 0) is an empty text; GNU's ranges for empty and one-line sides. */
  EXPECT_DIFF(span(NULL, 0), B("a\n"), NULL, B("--- original\n+++ modified\n@@ -0,0 +1 @@\n+a\n"));
  EXPECT_DIFF(B("a\nb\n"), span(NULL, 0), NULL, B("--- original\n+++ modified\n@@ -1,2 +0,0 @@\n-a\n-b\n"));
  EXPECT_DIFF(B("x\n"), B("x\ny\n"), NULL, B("--- original\n+++ modified\n@@ -1 +1,2 @@\n x\n+y\n"));
}

static void test_bytes_pass_through(void) {
  /* Embedded NULs. */
  EXPECT_DIFF(B("a\0b\nx\n"), B("a\0c\nx\n"), NULL,
              B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n-a\0b\n+a\0c\n x\n"));
  /* Invalid UTF-8 stays as it is (no U+FFFD). */
  EXPECT_DIFF(B("\xff\xfe\n"), B("\xc3\x28\n"), NULL, B("--- original\n+++ modified\n@@ -1 +1 @@\n-\xff\xfe\n+\xc3\x28\n"));
  /* CRLF lines keep their CR; a lone CR does not end a line. */
  EXPECT_DIFF(B("a\r\nb\r\n"), B("a\r\nc\r\n"), NULL,
              B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"));
  EXPECT_DIFF(B("a\rb\n"), B("a\rc\n"), NULL, B("--- original\n+++ modified\n@@ -1 +1 @@\n-a\rb\n+a\rc\n"));
  /* Missing final newlines. */
  EXPECT_DIFF(B("a\nb"), B("a\nb\n"), NULL,
              B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"));
  EXPECT_DIFF(B("a\nb"), B("a\nc"), NULL,
              B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
                "\\ No newline at end of file\n"));
  EXPECT_DIFF(B("x\nz"), B("y\nz"), NULL,
              B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n-x\n+y\n z\n\\ No newline at end of file\n"));
}

static void test_every_option(void) {
  fd_options options;
  const char *old_text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const char *new_text = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  bytes o = {old_text, strlen(old_text)}, n = {new_text, strlen(new_text)};

  fd_options_init(&options);
  options.context_lines = 0;
  EXPECT_DIFF(o, n, &options, B("--- original\n+++ modified\n@@ -5 +5 @@\n-5\n+five\n"));
  options.context_lines = 1;
  EXPECT_DIFF(o, n, &options, B("--- original\n+++ modified\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n"));
  options.context_lines = 100;
  EXPECT_DIFF(o, n, &options,
              B("--- original\n+++ modified\n@@ -1,9 +1,9 @@\n 1\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n"));

  /* Labels, including non-ASCII bytes and an empty label. */
  fd_options_init(&options);
  options.old_label = (const uint8_t *)"a/caf\xc3\xa9.txt";
  options.old_label_len = strlen("a/caf\xc3\xa9.txt");
  options.new_label = (const uint8_t *)"";
  options.new_label_len = 0;
  EXPECT_DIFF(B("a\n"), B("b\n"), &options, B("--- a/caf\xc3\xa9.txt\n+++ \n@@ -1 +1 @@\n-a\n+b\n"));
  options.new_label = (const uint8_t *)"b/x\ny";
  options.new_label_len = 5;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);
  options.new_label = (const uint8_t *)"b/x\r";
  options.new_label_len = 4;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);

  /* Every algorithm gives the same simple diff; an unknown one is invalid. */
  fd_algorithm algorithms[] = {FD_ALGORITHM_MYERS, FD_ALGORITHM_HISTOGRAM, FD_ALGORITHM_PATIENCE};
  for (size_t i = 0; i < 3; i++) {
    fd_options_init(&options);
    options.algorithm = algorithms[i];
    EXPECT_DIFF(B("a\nb\n"), B("a\nc\n"), &options, B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"));
  }
  options.algorithm = 3;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);

  /* Comparison modes: lines equal under a mode match, and the diff shows
     real lines (context from the old text). Unknown bits are invalid. */
  fd_options_init(&options);
  options.flags = FD_FLAG_IGNORE_SPACE_CHANGE;
  EXPECT_DIFF(B("a  b\nc\n"), B("a b\nd\n"), &options, B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a  b\n-c\n+d\n"));
  EXPECT_DIFF(B("a b \n"), B("a  b\n"), &options, B(""));
  options.flags = FD_FLAG_IGNORE_ALL_SPACE;
  EXPECT_DIFF(B("ab\n"), B(" a b\t\n"), &options, B(""));
  options.flags = FD_FLAG_IGNORE_CASE;
  EXPECT_DIFF(B("Hello\n"), B("hELLO\n"), &options, B(""));
  options.flags = FD_FLAG_STRIP_TRAILING_CR;
  EXPECT_DIFF(B("a\r\nb\n"), B("a\nc\n"), &options, B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\r\n-b\n+c\n"));
  options.flags = FD_FLAG_IGNORE_BLANK_LINES;
  EXPECT_DIFF(B("a\n\nb\n"), B("a\nb\n\n"), &options, B(""));
  /* As in GNU diff, a line of spaces is blank only with -b or -w too. */
  EXPECT_DIFF(B("a\nb\n"), B("a\nb\n \n"), &options, B("--- original\n+++ modified\n@@ -1,2 +1,3 @@\n a\n b\n+ \n"));
  options.flags = FD_FLAG_IGNORE_BLANK_LINES | FD_FLAG_IGNORE_SPACE_CHANGE;
  EXPECT_DIFF(B("a\n\nb\n"), B("a\nb\n \n"), &options, B(""));
  options.flags = FD_FLAG_IGNORE_BLANK_LINES;
  EXPECT_DIFF(B("a\n\nb\nc\n"), B("a\nb\nC\n"), &options,
              B("--- original\n+++ modified\n@@ -1,4 +1,3 @@\n a\n-\n b\n-c\n+C\n"));
  options.flags = FD_FLAG_IGNORE_CASE | FD_FLAG_IGNORE_ALL_SPACE;
  EXPECT_DIFF(B("A B\nx\n"), B("ab\ny\n"), &options, B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n A B\n-x\n+y\n"));
  options.flags = 1u << 5;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);
  options.flags = 0x80000000u;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);

  /* A deadline never changes the result's correctness; a generous one on a
     small input changes nothing at all. */
  fd_options_init(&options);
  options.deadline_ms = 60000;
  EXPECT_DIFF(B("a\nb\n"), B("a\nc\n"), &options, B("--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"));
}

/* The expected diff of two texts that share no line: everything replaced. */
static size_t count_prefixed_lines(const fd_buf *out, char prefix) {
  size_t count = 0;
  for (size_t i = 0; i < out->len; i++)
    if ((i == 0 || out->ptr[i - 1] == '\n') && out->ptr[i] == prefix) count++;
  return count;
}

static void test_deadline_on_a_hard_input(void) {
  /* Two unrelated sequences of three short lines: the shape that makes diff
     engines slow. With a 1 ms deadline the call still returns FD_OK quickly
     with a valid diff: every old line removed or kept, every new line added
     or kept, in equal numbers of kept lines. */
  size_t lines = 100000, n_old = 0, n_new = 0;
  const char *tokens[] = {"}\n", "\n", "return;\n"};
  char *old_text = malloc(lines * 8), *new_text = malloc(lines * 8);
  unsigned state = 12345;
  CHECK(old_text && new_text);
  if (!old_text || !new_text) return;
  for (size_t i = 0; i < lines; i++) {
    state = state * 1103515245u + 12345u;
    const char *t = tokens[(state >> 16) % 3];
    memcpy(old_text + n_old, t, strlen(t));
    n_old += strlen(t);
    state = state * 1103515245u + 12345u;
    t = tokens[(state >> 16) % 3];
    memcpy(new_text + n_new, t, strlen(t));
    n_new += strlen(t);
  }
  fd_options options;
  fd_options_init(&options);
  options.deadline_ms = 1;
  fd_buf out = {NULL, 0};
  CHECK(diff(span(old_text, n_old), span(new_text, n_new), &options, &out) == FD_OK);
  size_t removed = count_prefixed_lines(&out, '-') - 1, added = count_prefixed_lines(&out, '+') - 1;
  CHECK(out.len > 0);
  CHECK(removed <= lines && added <= lines);
  CHECK(lines - removed == lines - added); /* both texts have `lines` lines */
  fd_free(&out);
  free(old_text);
  free(new_text);
}

static void test_arguments_and_sizes(void) {
  fd_options options;
  fd_options_init(&options);
  fd_buf out = {NULL, 0};

  /* NULL where bytes were promised, and a NULL out-param. */
  EXPECT_STATUS(span(NULL, 1), B("a\n"), NULL, FD_ERR_NULL_ARGUMENT);
  /* NULL with a length is the caller's mistake whatever the length. */
  EXPECT_STATUS(span(NULL, SIZE_MAX), B("a\n"), NULL, FD_ERR_NULL_ARGUMENT);
  EXPECT_STATUS(B("a\n"), span(NULL, 3), &options, FD_ERR_NULL_ARGUMENT);
  CHECK(fd_unified_diff((const uint8_t *)"a", 1, (const uint8_t *)"b", 1, NULL, NULL) == FD_ERR_NULL_ARGUMENT);

  /* A length no buffer can have. Nothing is read. */
  EXPECT_STATUS(span("a", SIZE_MAX), B("a\n"), NULL, FD_ERR_INPUT_TOO_LARGE);
  EXPECT_STATUS(B("a\n"), span("a", (size_t)PTRDIFF_MAX + 1), NULL, FD_ERR_INPUT_TOO_LARGE);

  /* A label is a buffer too: NULL with a length is a NULL argument. */
  options.old_label = NULL;
  options.old_label_len = 5;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_NULL_ARGUMENT);
  options.old_label_len = 0;
  options.new_label_len = 1;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_NULL_ARGUMENT);
  fd_options_init(&options);

  /* struct_size: too small for the first version is invalid. */
  options.struct_size = 0;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);
  options.struct_size = sizeof(fd_options) - 1;
  EXPECT_STATUS(B("a\n"), B("b\n"), &options, FD_ERR_INVALID_OPTIONS);

  /* A caller built against a newer, larger fd_options: the library reads
     its own fields and ignores what follows. */
  struct {
    fd_options known;
    uint64_t future[4];
  } bigger;
  fd_options_init(&bigger.known);
  bigger.known.struct_size = sizeof bigger;
  bigger.known.context_lines = 0;
  memset(bigger.future, 0x5A, sizeof bigger.future);
  EXPECT_DIFF(B("a\nb\n"), B("a\nc\n"), &bigger.known, B("--- original\n+++ modified\n@@ -2 +2 @@\n-b\n+c\n"));

  /* fd_free: NULL-safe, idempotent, fine on a zeroed buffer. */
  CHECK(diff(B("a\n"), B("b\n"), NULL, &out) == FD_OK);
  CHECK(out.ptr != NULL && out.len > 0);
  fd_free(&out);
  CHECK(out.ptr == NULL && out.len == 0);
  fd_free(&out);
  fd_free(NULL);
}

/* Many threads diffing at once get the single-threaded results. */
#define THREADS 8
#define ROUNDS 200

static void *diff_many(void *arg) {
  const fd_buf *expected = arg;
  intptr_t bad = 0;
  for (int i = 0; i < ROUNDS; i++) {
    fd_buf out = {NULL, 0};
    const char *old_text = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";
    const char *new_text = "one\n2\nthree\nfour\nfive\nsix\nseven\neight\n";
    if (fd_unified_diff((const uint8_t *)old_text, strlen(old_text), (const uint8_t *)new_text, strlen(new_text),
                        NULL, &out) != FD_OK ||
        out.len != expected->len || memcmp(out.ptr, expected->ptr, out.len) != 0)
      bad++;
    fd_free(&out);
  }
  return (void *)bad;
}

static void test_threads(void) {
  const char *old_text = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";
  const char *new_text = "one\n2\nthree\nfour\nfive\nsix\nseven\neight\n";
  fd_buf expected = {NULL, 0};
  CHECK(fd_unified_diff((const uint8_t *)old_text, strlen(old_text), (const uint8_t *)new_text, strlen(new_text), NULL,
                        &expected) == FD_OK);
  pthread_t threads[THREADS];
  for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, diff_many, &expected) == 0);
  for (int i = 0; i < THREADS; i++) {
    void *bad = NULL;
    CHECK(pthread_join(threads[i], &bad) == 0);
    CHECK(bad == NULL);
  }
  fd_free(&expected);
}

int main(void) {
  test_version_and_messages();
  test_options_init();
  test_basic_output();
  test_bytes_pass_through();
  test_every_option();
  test_deadline_on_a_hard_input();
  test_arguments_and_sizes();
  test_threads();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("C API tests passed (fast-diff %s)\n", fd_version());
  return 0;
}

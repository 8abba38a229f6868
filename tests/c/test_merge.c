/*
 * Tests of the three-way merge through the public header: fd_merge and
 * fd_merge_regions, their options, statuses and ownership, CRLF markers,
 * NULs, and calls from several threads at once. Built and run like
 * test_fast_diff.c (warnings as errors, ASan + UBSan + LSan).
 */
#include "fast_diff.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const uint8_t *u(bytes b) { return (const uint8_t *)b.ptr; }

static int same(fd_buf buf, bytes expected) {
  return buf.len == expected.len && (buf.len == 0 || memcmp(buf.ptr, expected.ptr, buf.len) == 0);
}

static const bytes BASE = {"keep\nchange me\nkeep too\n", 24};
static const bytes OURS = {"keep\nours\nkeep too\n", 19};
static const bytes THEIRS = {"keep\ntheirs\nkeep too\n", 21};

static fd_status merge(bytes base, bytes ours, bytes theirs, const fd_merge_options *options, fd_buf *out,
                       size_t *conflicts) {
  return fd_merge(u(base), base.len, u(ours), ours.len, u(theirs), theirs.len, options, out, conflicts);
}

static void test_styles_and_labels(void) {
  fd_buf out;
  size_t conflicts = 99;
  CHECK(merge(BASE, OURS, THEIRS, NULL, &out, &conflicts) == FD_OK);
  CHECK(conflicts == 1);
  CHECK(same(out, B("keep\n<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\nkeep too\n")));
  fd_free(&out);

  fd_merge_options options;
  fd_merge_options_init(&options);
  CHECK(options.struct_size == sizeof options && options.marker_size == 7);
  options.style = FD_MERGE_STYLE_DIFF3;
  options.marker_size = 3;
  options.ours_label = (const uint8_t *)"HEAD";
  options.ours_label_len = 4;
  options.base_label = (const uint8_t *)"";
  options.base_label_len = 0;
  CHECK(merge(BASE, OURS, THEIRS, &options, &out, &conflicts) == FD_OK);
  CHECK(same(out, B("keep\n<<< HEAD\nours\n|||\nchange me\n===\ntheirs\n>>> theirs\nkeep too\n")));
  fd_free(&out);

  /* Favours resolve the conflict: no markers, no conflicts. */
  options.favor = FD_MERGE_FAVOR_UNION;
  CHECK(merge(BASE, OURS, THEIRS, &options, &out, &conflicts) == FD_OK);
  CHECK(conflicts == 0 && same(out, B("keep\nours\ntheirs\nkeep too\n")));
  fd_free(&out);

  /* Separate changes merge cleanly; identical inputs give themselves. */
  CHECK(merge(B("a\nb\nc\nd\n"), B("A\nb\nc\nd\n"), B("a\nb\nc\nD\n"), NULL, &out, &conflicts) == FD_OK);
  CHECK(conflicts == 0 && same(out, B("A\nb\nc\nD\n")));
  fd_free(&out);
  CHECK(merge(B(""), B(""), B(""), NULL, &out, &conflicts) == FD_OK);
  CHECK(conflicts == 0 && out.ptr == NULL && out.len == 0);
  CHECK(fd_merge(NULL, 0, NULL, 0, NULL, 0, NULL, &out, &conflicts) == FD_OK && out.len == 0);
}

static void test_bytes_and_line_endings(void) {
  fd_buf out;
  size_t conflicts;
  CHECK(merge(B("a\r\nb\r\nc\r\n"), B("a\r\nB\r\nc\r\n"), B("a\r\nbb\r\nc\r\n"), NULL, &out, &conflicts) == FD_OK);
  CHECK(same(out, B("a\r\n<<<<<<< ours\r\nB\r\n=======\r\nbb\r\n>>>>>>> theirs\r\nc\r\n")));
  fd_free(&out);
  /* NULs and invalid UTF-8 are lines like any other. */
  CHECK(merge(B("\0\n\xff\nmid\nx"), B("\0\n\xfe\nmid\nx"), B("\0\n\xff\nmid\ny"), NULL, &out, &conflicts) == FD_OK);
  CHECK(conflicts == 0 && same(out, B("\0\n\xfe\nmid\ny")));
  fd_free(&out);
}

static void test_statuses(void) {
  fd_buf out = {(uint8_t *)0x1, 12345};
  size_t conflicts = 77;
  CHECK(merge(BASE, OURS, THEIRS, NULL, NULL, &conflicts) == FD_ERR_NULL_ARGUMENT);
  CHECK(merge(BASE, OURS, THEIRS, NULL, &out, NULL) == FD_ERR_NULL_ARGUMENT);
  CHECK(fd_merge(NULL, 1, u(OURS), OURS.len, u(THEIRS), THEIRS.len, NULL, &out, &conflicts) == FD_ERR_NULL_ARGUMENT);
  fd_merge_options options;
  fd_merge_options_init(&options);
  options.style = 7;
  CHECK(merge(BASE, OURS, THEIRS, &options, &out, &conflicts) == FD_ERR_INVALID_OPTIONS);
  fd_merge_options_init(&options);
  options.marker_size = FD_MERGE_MAX_MARKER_SIZE + 1;
  CHECK(merge(BASE, OURS, THEIRS, &options, &out, &conflicts) == FD_ERR_INVALID_OPTIONS);
  fd_merge_options_init(&options);
  options.theirs_label = (const uint8_t *)"two\nlines";
  options.theirs_label_len = 9;
  CHECK(merge(BASE, OURS, THEIRS, &options, &out, &conflicts) == FD_ERR_INVALID_OPTIONS);
  fd_merge_options_init(&options);
  options.struct_size = 4;
  CHECK(merge(BASE, OURS, THEIRS, &options, &out, &conflicts) == FD_ERR_INVALID_OPTIONS);
  /* Nothing was written by any failed call. */
  CHECK(out.ptr == (uint8_t *)0x1 && out.len == 12345 && conflicts == 77);
}

static void test_regions(void) {
  fd_merge_result *result = NULL;
  bytes base = B("1\n2\n3\n4\n5\n");
  bytes ours = B("one\n2\n3\nfour\n5\n");
  bytes theirs = B("1\n2\n3\nvier\n5\nsix\n");
  CHECK(fd_merge_regions(u(base), base.len, u(ours), ours.len, u(theirs), theirs.len, NULL, &result) == FD_OK);
  CHECK(result->conflicts == 1);
  const char *expected_text = "one\n2\n3\n<<<<<<< ours\nfour\n=======\nvier\n>>>>>>> theirs\n5\nsix\n";
  CHECK(result->text_len == strlen(expected_text) && memcmp(result->text, expected_text, result->text_len) == 0);
  /* ours (one), unchanged (2, 3), conflict (4), unchanged (5), theirs (six) */
  static const uint32_t kinds[] = {FD_REGION_OURS, FD_REGION_UNCHANGED, FD_REGION_CONFLICT, FD_REGION_UNCHANGED,
                                   FD_REGION_THEIRS};
  CHECK(result->region_count == 5);
  size_t result_at = 0, base_at = 0;
  for (size_t i = 0; i < result->region_count && i < 5; i++) {
    const fd_merge_region *r = &result->regions[i];
    CHECK(r->kind == kinds[i]);
    /* The regions tile the texts, by lines and by bytes. */
    CHECK(r->result_offset == result_at && r->base_start == base_at);
    result_at += r->result_len;
    base_at += r->base_count;
  }
  CHECK(result_at == result->text_len && base_at == 5);
  const fd_merge_region *conflict = &result->regions[2];
  CHECK(conflict->base_start == 3 && conflict->base_count == 1);
  CHECK(conflict->ours_len == 5 && memcmp(ours.ptr + conflict->ours_offset, "four\n", 5) == 0);
  CHECK(conflict->theirs_len == 5 && memcmp(theirs.ptr + conflict->theirs_offset, "vier\n", 5) == 0);
  CHECK(conflict->result_start == 3 && conflict->result_count == 5);
  fd_merge_result_free(result);
  fd_merge_result_free(NULL);

  result = (fd_merge_result *)0x1;
  CHECK(fd_merge_regions(NULL, 2, NULL, 0, NULL, 0, NULL, &result) == FD_ERR_NULL_ARGUMENT);
  CHECK(result == (fd_merge_result *)0x1);
  CHECK(fd_merge_regions(NULL, 0, NULL, 0, NULL, 0, NULL, NULL) == FD_ERR_NULL_ARGUMENT);
}

#define THREADS 8

static void *merge_many(void *arg) {
  (void)arg;
  for (int i = 0; i < 200; i++) {
    fd_buf out;
    size_t conflicts;
    if (merge(BASE, OURS, THEIRS, NULL, &out, &conflicts) != FD_OK || conflicts != 1) return (void *)1;
    fd_free(&out);
  }
  return NULL;
}

static void test_threads(void) {
  pthread_t threads[THREADS];
  for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, merge_many, NULL) == 0);
  for (int i = 0; i < THREADS; i++) {
    void *bad = (void *)1;
    CHECK(pthread_join(threads[i], &bad) == 0);
    CHECK(bad == NULL);
  }
}

int main(void) {
  test_styles_and_labels();
  test_bytes_and_line_endings();
  test_statuses();
  test_regions();
  test_threads();
  if (failures) {
    fprintf(stderr, "test_merge: %d checks failed\n", failures);
    return 1;
  }
  printf("test_merge: all checks passed\n");
  return 0;
}

/*
 * Tests of fd_unified_diff_many through the public header: every pair's
 * diff is the one fd_unified_diff writes, whatever the number of threads;
 * a failing pair fails alone; a failing call writes nothing; no thread is
 * left running after the call; and several callers may batch at once.
 * Built and run under the sanitizers like the other C tests.
 */
#include "fast_diff.h"
#include "check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAIRS 300

/* Texts of every size up to a few KB, some identical, some without a final
   newline, one with NUL and CRLF. */
static char *texts[PAIRS][2];

static char *make_text(unsigned seed, int side) {
  size_t lines = 1 + seed % 97, cap = lines * 24 + 16, len = 0;
  char *text = malloc(cap);
  for (size_t i = 0; i < lines; i++) {
    unsigned value = (unsigned)i * 7 + seed;
    if (side == 1 && seed % 5 != 0 && i % (3 + seed % 11) == 1) value += 1000; /* a changed line */
    len += (size_t)snprintf(text + len, cap - len, "line %u\n", value);
  }
  if (seed % 13 == 0) len--; /* no final newline */
  if (seed % 17 == 0) memcpy(text, "a\0b\r\n", 5);
  text[len] = '\0';
  return text;
}

static size_t text_len(unsigned i, int side) {
  /* make_text keeps NULs only in the first five bytes */
  size_t len = strlen(texts[i][side] + 5) + 5;
  return len;
}

static fd_pair pair_of(unsigned i) {
  fd_pair pair;
  memset(&pair, 0, sizeof pair);
  pair.old_text = (const uint8_t *)texts[i][0];
  pair.old_len = text_len(i, 0);
  pair.new_text = (const uint8_t *)texts[i][1];
  pair.new_len = text_len(i, 1);
  return pair;
}

static fd_pair pairs[PAIRS];
static fd_buf expected[PAIRS];

static int starts_with(const fd_buf *buf, bytes prefix) {
  return buf->len >= prefix.len && memcmp(buf->ptr, prefix.ptr, prefix.len) == 0;
}

static int same(const fd_buf *a, const fd_buf *b) {
  return a->len == b->len && (a->len == 0 || memcmp(a->ptr, b->ptr, a->len) == 0);
}

/* The process's thread count, from /proc (Linux). */
static int thread_count(void) {
  FILE *status = fopen("/proc/self/status", "r");
  char line[256];
  int count = -1;
  if (status == NULL) return -1;
  while (fgets(line, sizeof line, status) != NULL)
    if (sscanf(line, "Threads: %d", &count) == 1) break;
  fclose(status);
  return count;
}

/* Every pair, with `threads` threads: each output is fd_unified_diff's. */
static int batch_matches(uint32_t threads, const fd_options *options) {
  fd_buf outs[PAIRS];
  fd_status statuses[PAIRS];
  int ok = 1;
  memset(outs, 0, sizeof outs);
  if (fd_unified_diff_many(pairs, PAIRS, options, threads, outs, statuses) != FD_OK) return 0;
  for (unsigned i = 0; i < PAIRS; i++) {
    if (statuses[i] != FD_OK || !same(&outs[i], &expected[i])) ok = 0;
    fd_free(&outs[i]);
  }
  return ok;
}

static void test_outputs_match_single_calls(void) {
  uint32_t counts[] = {0, 1, 2, 3, 7, 64, 100000};
  for (unsigned i = 0; i < PAIRS; i++) {
    CHECK(fd_unified_diff(pairs[i].old_text, pairs[i].old_len, pairs[i].new_text, pairs[i].new_len, NULL,
                          &expected[i]) == FD_OK);
  }
  for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) CHECK(batch_matches(counts[k], NULL));
}

static void test_options_and_labels(void) {
  fd_options options;
  fd_pair two[2];
  fd_buf outs[2] = {{NULL, 0}, {NULL, 0}}, single = {NULL, 0};
  fd_status statuses[2];
  fd_options_init(&options);
  options.context_lines = 0;
  options.algorithm = FD_ALGORITHM_HISTOGRAM;
  options.old_label = (const uint8_t *)"a/all";
  options.old_label_len = 5;
  two[0] = pair_of(1);
  two[1] = pair_of(2);
  two[1].old_label = (const uint8_t *)"a/own\t2024-01-01";
  two[1].old_label_len = strlen("a/own\t2024-01-01");
  two[1].new_label = (const uint8_t *)""; /* an empty label, not the default */
  two[1].new_label_len = 0;
  CHECK(fd_unified_diff_many(two, 2, &options, 2, outs, statuses) == FD_OK);
  CHECK(statuses[0] == FD_OK && statuses[1] == FD_OK);
  CHECK(fd_unified_diff(two[0].old_text, two[0].old_len, two[0].new_text, two[0].new_len, &options, &single) == FD_OK);
  CHECK(same(&outs[0], &single));
  CHECK(starts_with(&outs[0], B("--- a/all\n+++ modified\n@@")));
  fd_free(&single);
  options.old_label = two[1].old_label;
  options.old_label_len = two[1].old_label_len;
  options.new_label = two[1].new_label;
  options.new_label_len = 0;
  CHECK(fd_unified_diff(two[1].old_text, two[1].old_len, two[1].new_text, two[1].new_len, &options, &single) == FD_OK);
  CHECK(same(&outs[1], &single));
  CHECK(starts_with(&outs[1], B("--- a/own\t2024-01-01\n+++ \n@@")));
  fd_free(&single);
  fd_free(&outs[0]);
  fd_free(&outs[1]);
}

/* A bad pair fails with its own status; the others are diffed. */
static void test_a_failing_pair_fails_alone(void) {
  fd_pair some[4];
  fd_buf outs[4];
  fd_status statuses[4];
  uint8_t sentinel = 0;
  for (int i = 0; i < 4; i++) {
    some[i] = pair_of((unsigned)i + 1);
    outs[i].ptr = &sentinel;
    outs[i].len = 12345;
  }
  some[1].new_text = NULL; /* NULL with a length */
  some[2].old_label = (const uint8_t *)"bad\nlabel";
  some[2].old_label_len = 9;
  CHECK(fd_unified_diff_many(some, 4, NULL, 0, outs, statuses) == FD_OK);
  CHECK(statuses[0] == FD_OK && statuses[3] == FD_OK);
  CHECK(statuses[1] == FD_ERR_NULL_ARGUMENT);
  CHECK(statuses[2] == FD_ERR_INVALID_OPTIONS);
  CHECK(same(&outs[0], &expected[1]) && same(&outs[3], &expected[4]));
  /* Failed pairs' outputs are untouched. */
  CHECK(outs[1].ptr == &sentinel && outs[1].len == 12345);
  CHECK(outs[2].ptr == &sentinel && outs[2].len == 12345);
  fd_free(&outs[0]);
  fd_free(&outs[3]);
}

/* A call that fails writes nothing. */
static void test_a_failing_call_writes_nothing(void) {
  fd_options options;
  fd_buf outs[2] = {{NULL, 7}, {NULL, 7}};
  fd_status statuses[2] = {(fd_status)99, (fd_status)99};
  fd_options_init(&options);
  options.flags = 1u << 30;
  CHECK(fd_unified_diff_many(pairs, 2, &options, 1, outs, statuses) == FD_ERR_INVALID_OPTIONS);
  options.flags = 0;
  options.struct_size = 4;
  CHECK(fd_unified_diff_many(pairs, 2, &options, 1, outs, statuses) == FD_ERR_INVALID_OPTIONS);
  CHECK(fd_unified_diff_many(NULL, 2, NULL, 1, outs, statuses) == FD_ERR_NULL_ARGUMENT);
  CHECK(fd_unified_diff_many(pairs, 2, NULL, 1, NULL, statuses) == FD_ERR_NULL_ARGUMENT);
  CHECK(fd_unified_diff_many(pairs, 2, NULL, 1, outs, NULL) == FD_ERR_NULL_ARGUMENT);
  CHECK(fd_unified_diff_many(pairs, SIZE_MAX, NULL, 1, outs, statuses) == FD_ERR_INPUT_TOO_LARGE);
  CHECK(outs[0].len == 7 && outs[1].len == 7 && statuses[0] == (fd_status)99 && statuses[1] == (fd_status)99);
  /* No pairs: nothing to do, nothing needed. */
  CHECK(fd_unified_diff_many(NULL, 0, NULL, 4, NULL, NULL) == FD_OK);
}

/* The pool lives only as long as the call. */
static void test_no_thread_outlives_the_call(void) {
  int before = thread_count();
  CHECK(before > 0);
  CHECK(batch_matches(8, NULL));
  CHECK(thread_count() == before);
}

/* Several callers, each with its own pool, at once. */
static void *batch_in_thread(void *threads) {
  int ok = 1;
  for (int round = 0; round < 3; round++) ok &= batch_matches(*(uint32_t *)threads, NULL);
  return ok ? NULL : (void *)1;
}

static void test_concurrent_callers(void) {
  enum { CALLERS = 4 };
  pthread_t callers[CALLERS];
  uint32_t threads[CALLERS] = {1, 2, 3, 0};
  for (int i = 0; i < CALLERS; i++) CHECK(pthread_create(&callers[i], NULL, batch_in_thread, &threads[i]) == 0);
  for (int i = 0; i < CALLERS; i++) {
    void *bad = (void *)1;
    CHECK(pthread_join(callers[i], &bad) == 0);
    CHECK(bad == NULL);
  }
}

int main(void) {
  for (unsigned i = 0; i < PAIRS; i++) {
    texts[i][0] = make_text(i, 0);
    texts[i][1] = make_text(i, 1);
    pairs[i] = pair_of(i);
  }
  test_outputs_match_single_calls();
  test_options_and_labels();
  test_a_failing_pair_fails_alone();
  test_a_failing_call_writes_nothing();
  test_no_thread_outlives_the_call();
  test_concurrent_callers();
  for (unsigned i = 0; i < PAIRS; i++) {
    fd_free(&expected[i]);
    free(texts[i][0]);
    free(texts[i][1]);
  }
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_batch: all checks passed\n");
  return 0;
}

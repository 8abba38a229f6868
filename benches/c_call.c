/*
 * The C timing program: fd_unified_diff called from C, through the header
 * and the shared library. Prints each repeat's mean nanoseconds per call,
 * one a line; python_overhead.py and run.py read them.
 *
 *   c_call OLD NEW NUMBER REPEATS        one pair, NUMBER calls per repeat
 *   c_call --pairs FILE NUMBER REPEATS   every pair of a small_pairs.bin
 *                                        file (fixtures.py) per "call"
 *
 * With FAST_DIFF_BENCH_OUTPUT=PATH, the diff of the untimed first call is
 * written to PATH (for --pairs, each diff after its u32 little-endian
 * length), for run.py to compare with the other contenders'.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c99 */
#include "fast_diff.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  const unsigned char *old_text, *new_text;
  size_t old_len, new_len;
} pair;

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *data = size >= 0 ? malloc(size > 0 ? (size_t)size : 1) : NULL;
  *len = data ? fread(data, 1, (size_t)size, f) : 0;
  fclose(f);
  return data;
}

/* Splits small_pairs.bin: (u32 LE length, bytes) old, then new, repeated. */
static pair *split_pairs(const unsigned char *data, size_t len, size_t *count) {
  size_t capacity = 1024, n = 0, at = 0;
  pair *pairs = malloc(capacity * sizeof *pairs);
  while (pairs && at < len) {
    const unsigned char *text[2];
    size_t size[2];
    for (int side = 0; side < 2; side++) {
      if (len - at < 4) goto malformed;
      size[side] = (size_t)data[at] | (size_t)data[at + 1] << 8 | (size_t)data[at + 2] << 16 | (size_t)data[at + 3] << 24;
      at += 4;
      if (len - at < size[side]) goto malformed;
      text[side] = data + at;
      at += size[side];
    }
    if (n == capacity) {
      pair *grown = realloc(pairs, 2 * capacity * sizeof *pairs);
      if (!grown) goto malformed;
      pairs = grown;
      capacity *= 2;
    }
    pairs[n++] = (pair){text[0], text[1], size[0], size[1]};
  }
  *count = n;
  return pairs;
malformed:
  free(pairs);
  return NULL;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* Diffs every pair; when `sink` is given, writes the diffs there (framed
 * when `framed`). */
static int diff_all(const pair *pairs, size_t count, FILE *sink, int framed) {
  for (size_t i = 0; i < count; i++) {
    fd_buf out = {NULL, 0};
    if (fd_unified_diff(pairs[i].old_text, pairs[i].old_len, pairs[i].new_text, pairs[i].new_len, NULL, &out) != FD_OK)
      return -1;
    if (sink) {
      unsigned char len[4] = {(unsigned char)out.len, (unsigned char)(out.len >> 8), (unsigned char)(out.len >> 16),
                              (unsigned char)(out.len >> 24)};
      if ((framed && fwrite(len, 1, 4, sink) != 4) || fwrite(out.ptr, 1, out.len, sink) != out.len) {
        fd_free(&out);
        return -1;
      }
    }
    fd_free(&out);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s OLD NEW NUMBER REPEATS\n       %s --pairs FILE NUMBER REPEATS\n", argv[0], argv[0]);
    return 2;
  }
  long number = atol(argv[3]), repeats = atol(argv[4]);
  unsigned char *first = NULL, *second = NULL;
  size_t first_len = 0, second_len = 0, count = 1;
  pair single, *pairs = &single;
  if (strcmp(argv[1], "--pairs") == 0) {
    first = read_file(argv[2], &first_len);
    pairs = first ? split_pairs(first, first_len, &count) : NULL;
  } else {
    first = read_file(argv[1], &first_len);
    second = read_file(argv[2], &second_len);
    single = (pair){first, second, first_len, second_len};
    if (!first || !second) pairs = NULL;
  }
  if (!pairs || number <= 0 || repeats <= 0) {
    fprintf(stderr, "c_call: cannot read the inputs, or NUMBER/REPEATS not positive\n");
    return 2;
  }
  /* One untimed call first: the first call of a process pays for page
   * faults and the allocator's growth, which a long-lived program pays once. */
  const char *output = getenv("FAST_DIFF_BENCH_OUTPUT");
  FILE *sink = output ? fopen(output, "wb") : NULL;
  if (output && !sink) {
    fprintf(stderr, "c_call: cannot write %s\n", output);
    return 2;
  }
  if (diff_all(pairs, count, sink, pairs != &single) != 0 || (sink && fclose(sink) != 0)) return 1;
  for (long r = 0; r < repeats; r++) {
    double start = now_ns();
    for (long i = 0; i < number; i++)
      if (diff_all(pairs, count, NULL, 0) != 0) return 1;
    printf("%.1f\n", (now_ns() - start) / (double)number);
  }
  if (pairs != &single) free(pairs);
  free(first);
  free(second);
  return 0;
}

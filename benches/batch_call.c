/*
 * The batch call against a loop of single calls, in C: batch_call PAIRS.bin ROUNDS CORES
 * reads pairs in small_pairs.bin's format (u32 little-endian length, old
 * bytes, u32 length, new bytes, repeated) and times, round by round in a
 * rotating order, a loop of fd_unified_diff over every pair and
 * fd_unified_diff_many over all of them with 1, 2 and CORES threads (every
 * output kept until all are made, then freed, inside the timing). Prints one JSON
 * object: each contender's time per round in nanoseconds, and the total
 * size of the diffs (the same for every contender, or the program fails).
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include "fast_diff.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { CONTENDERS = 4 };

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static uint8_t *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  uint8_t *data;
  long size;
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    perror(path);
    exit(2);
  }
  data = malloc((size_t)size + 1);
  if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) {
    perror(path);
    exit(2);
  }
  fclose(f);
  *len = (size_t)size;
  return data;
}

static uint32_t u32_at(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One contender's run over every pair: the total size of the diffs. */
static size_t run(int contender, const fd_pair *pairs, size_t n, uint32_t cores, fd_buf *outs, fd_status *statuses) {
  size_t total = 0;
  if (contender == 0) {
    /* Like the batch, the loop keeps every diff until all are made: a
       caller asks for many diffs to use them together. */
    for (size_t i = 0; i < n; i++) {
      if (fd_unified_diff(pairs[i].old_text, pairs[i].old_len, pairs[i].new_text, pairs[i].new_len, NULL, &outs[i]) !=
          FD_OK)
        exit(3);
    }
    for (size_t i = 0; i < n; i++) {
      total += outs[i].len;
      fd_free(&outs[i]);
    }
    return total;
  }
  uint32_t threads = contender == 1 ? 1 : contender == 2 ? 2 : cores;
  if (fd_unified_diff_many(pairs, n, NULL, threads, outs, statuses) != FD_OK) exit(3);
  for (size_t i = 0; i < n; i++) {
    if (statuses[i] != FD_OK) exit(3);
    total += outs[i].len;
    fd_free(&outs[i]);
  }
  return total;
}

int main(int argc, char **argv) {
  static const char *names[CONTENDERS] = {"loop", "many 1", "many 2", "many cores"};
  size_t len, n = 0, cap = 1024, expected = 0;
  uint8_t *data;
  fd_pair *pairs;
  int rounds;
  uint32_t cores;
  double *times[CONTENDERS];
  if (argc != 4) {
    fprintf(stderr, "usage: batch_call PAIRS.bin ROUNDS CORES\n");
    return 2;
  }
  data = read_file(argv[1], &len);
  rounds = atoi(argv[2]);
  cores = (uint32_t)atoi(argv[3]);
  pairs = calloc(cap, sizeof *pairs);
  for (size_t at = 0; at + 8 <= len;) {
    uint32_t old_len = u32_at(data + at), new_len;
    if (n == cap) pairs = realloc(pairs, (cap *= 2) * sizeof *pairs);
    memset(&pairs[n], 0, sizeof pairs[n]);
    pairs[n].old_text = data + at + 4;
    pairs[n].old_len = old_len;
    at += 4 + old_len;
    new_len = u32_at(data + at);
    pairs[n].new_text = data + at + 4;
    pairs[n].new_len = new_len;
    at += 4 + new_len;
    n++;
  }
  fd_buf *outs = calloc(n, sizeof *outs);
  fd_status *statuses = calloc(n, sizeof *statuses);
  for (int c = 0; c < CONTENDERS; c++) times[c] = calloc((size_t)rounds, sizeof(double));
  for (int c = 0; c < CONTENDERS; c++) run(c, pairs, n, cores, outs, statuses); /* warm up */
  for (int r = 0; r < rounds; r++) {
    for (int k = 0; k < CONTENDERS; k++) {
      int c = (r + k) % CONTENDERS;
      double start = now_ns();
      size_t total = run(c, pairs, n, cores, outs, statuses);
      times[c][r] = now_ns() - start;
      if (expected == 0) expected = total;
      if (total != expected) {
        fprintf(stderr, "%s wrote %zu bytes of diffs, not %zu\n", names[c], total, expected);
        return 3;
      }
    }
  }
  printf("{\"pairs\": %zu, \"diff_bytes\": %zu", n, expected);
  for (int c = 0; c < CONTENDERS; c++) {
    printf(", \"%s\": [", names[c]);
    for (int r = 0; r < rounds; r++) printf("%s%.0f", r ? ", " : "", times[c][r]);
    printf("]");
    free(times[c]);
  }
  printf("}\n");
  free(outs);
  free(statuses);
  free(pairs);
  free(data);
  return 0;
}

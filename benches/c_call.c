/*
 * Times the raw C call, for the Python binding's overhead benchmark
 * (python_overhead.py): fd_unified_diff on two files, `number` calls per
 * repeat, and prints each repeat's mean nanoseconds per call, one a line.
 * Usage: c_call OLD NEW NUMBER REPEATS
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c99 */
#include "fast_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *data = malloc(size > 0 ? (size_t)size : 1);
  *len = data ? fread(data, 1, (size_t)size, f) : 0;
  fclose(f);
  return data;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s OLD NEW NUMBER REPEATS\n", argv[0]);
    return 2;
  }
  size_t old_len, new_len;
  unsigned char *old_text = read_file(argv[1], &old_len), *new_text = read_file(argv[2], &new_len);
  long number = atol(argv[3]), repeats = atol(argv[4]);
  if (!old_text || !new_text || number <= 0 || repeats <= 0) {
    fprintf(stderr, "c_call: cannot read the inputs\n");
    return 2;
  }
  for (long r = 0; r < repeats; r++) {
    double start = now_ns();
    for (long i = 0; i < number; i++) {
      fd_buf out = {NULL, 0};
      if (fd_unified_diff(old_text, old_len, new_text, new_len, NULL, &out) != FD_OK) return 1;
      fd_free(&out);
    }
    printf("%.1f\n", (now_ns() - start) / (double)number);
  }
  free(old_text);
  free(new_text);
  return 0;
}

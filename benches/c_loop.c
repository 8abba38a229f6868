/*
 * The C baseline of python_overhead.py, loaded into the Python process
 * (ctypes) so that C and Python are timed in the same process, warmed the
 * same way, round by round: NUMBER calls of fd_unified_diff and fd_free
 * from a C loop. The functions called are the binding's own (their
 * addresses come from its cffi module), so both sides run the same code.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c99 */
#include "fast_diff.h"

#include <time.h>

typedef fd_status (*diff_function)(const uint8_t *, size_t, const uint8_t *, size_t, const fd_options *, fd_buf *);
typedef void (*free_function)(fd_buf *);

/* Mean nanoseconds per call over NUMBER calls, or -1 when a call fails. */
double c_loop_ns(diff_function diff, free_function release, const uint8_t *old_text, size_t old_len,
                 const uint8_t *new_text, size_t new_len, long number) {
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (long i = 0; i < number; i++) {
    fd_buf out = {NULL, 0};
    if (diff(old_text, old_len, new_text, new_len, NULL, &out) != FD_OK) return -1;
    release(&out);
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  return ((double)(end.tv_sec - start.tv_sec) * 1e9 + (double)(end.tv_nsec - start.tv_nsec)) / (double)number;
}

/*
 * A thin C layer between cgo and the fast-diff C API.
 *
 * cgo forbids Go memory that is passed to C from holding Go pointers, and a
 * Go-allocated fd_options holding Go label pointers would break that rule.
 * So Go passes every option as a plain argument and the fd_options is built
 * here, on the C stack. Results come back by value so that no Go variable
 * escapes to the heap just to receive them.
 */
#ifndef FASTDIFF_GO_SHIM_H
#define FASTDIFF_GO_SHIM_H

#include "fast_diff.h"

typedef struct fastdiff_result {
  fd_buf buf;
  fd_status status;
} fastdiff_result;

/* The options of one call, all plain values. Labels are always set (an
   empty label is a valid, empty label, never the default). */
typedef struct fastdiff_options {
  uint32_t struct_size;
  uint32_t context_lines;
  uint32_t algorithm;
  uint32_t flags;
  uint64_t deadline_ms;
} fastdiff_options;

/* fd_unified_diff. With use_options 0 the library's defaults apply and the
   remaining option arguments are ignored. */
fastdiff_result fastdiff_unified_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                      size_t new_len, int use_options, fastdiff_options options,
                                      const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                      size_t new_label_len);

/* fd_free on a buffer received by value. */
void fastdiff_free(fd_buf buf);

#endif /* FASTDIFF_GO_SHIM_H */

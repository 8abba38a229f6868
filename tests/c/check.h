/*
 * What the C test programs share: a CHECK that counts failures instead of
 * stopping at the first, and byte strings with an explicit length, so that
 * NULs are part of them.
 */
#ifndef FAST_DIFF_CHECK_H
#define FAST_DIFF_CHECK_H

#include <stddef.h>
#include <stdio.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

typedef struct {
  const char *ptr;
  size_t len;
} bytes;

static bytes span(const char *ptr, size_t len) {
  bytes b;
  b.ptr = ptr;
  b.len = len;
  return b;
}

#define B(literal) span(literal, sizeof(literal) - 1)

#endif /* FAST_DIFF_CHECK_H */

/*
 * The conformance vectors (tests/vectors/, format in its README.md) through
 * the C API: every case's options go into a real fd_options, and the output
 * must be the expected file byte for byte, or the call must fail with the
 * expected status. Built and run like test_fast_diff.c: -Wall -Wextra
 * -Werror -pedantic, under ASan, UBSan and LeakSanitizer.
 *
 * Usage: test_vectors DIR
 */
#define _POSIX_C_SOURCE 200809L

#include "fast_diff.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
  uint8_t *ptr;
  size_t len;
} bytes;

/* Reads DIR/CASE/FILE whole. Returns 1 when read, 0 when it does not exist,
   -1 on any other failure (reported). */
static int read_file(const char *dir, const char *name, const char *file, bytes *out) {
  char path[4096];
  out->ptr = NULL;
  out->len = 0;
  if ((size_t)snprintf(path, sizeof path, "%s/%s/%s", dir, name, file) >= sizeof path) {
    fprintf(stderr, "%s/%s: path too long\n", name, file);
    return -1;
  }
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    if (errno == ENOENT) return 0;
    perror(path);
    return -1;
  }
  size_t cap = 4096;
  out->ptr = malloc(cap);
  for (;;) {
    if (out->ptr == NULL) break;
    out->len += fread(out->ptr + out->len, 1, cap - out->len, f);
    if (out->len < cap) break;
    uint8_t *grown = realloc(out->ptr, cap * 2);
    if (grown == NULL) {
      free(out->ptr);
      out->ptr = NULL;
      break;
    }
    out->ptr = grown;
    cap *= 2;
  }
  int failed = out->ptr == NULL || ferror(f);
  fclose(f);
  if (failed) {
    fprintf(stderr, "%s: cannot read\n", path);
    free(out->ptr);
    out->ptr = NULL;
    return -1;
  }
  return 1;
}

/* A decimal number that fits in `max`, and nothing else. */
static int parse_number(const char *text, uint64_t max, uint64_t *out) {
  if (*text < '0' || *text > '9') return 0;
  uint64_t value = 0;
  for (; *text >= '0' && *text <= '9'; text++) {
    unsigned digit = (unsigned)(*text - '0');
    if (value > (max - digit) / 10) return 0;
    value = value * 10 + digit;
  }
  *out = value;
  return *text == '\0';
}

static const struct {
  const char *name;
  fd_status status;
} statuses[] = {
    {"FD_OK", FD_OK},
    {"FD_ERR_NULL_ARGUMENT", FD_ERR_NULL_ARGUMENT},
    {"FD_ERR_INVALID_OPTIONS", FD_ERR_INVALID_OPTIONS},
    {"FD_ERR_INPUT_TOO_LARGE", FD_ERR_INPUT_TOO_LARGE},
    {"FD_ERR_INTERNAL", FD_ERR_INTERNAL},
};

static const char *status_name(fd_status status) {
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
    if (statuses[i].status == status) return statuses[i].name;
  return "(unknown)";
}

/* Applies the `options` file to `options`; reports and returns 0 when it is
   malformed. `v1` is set for struct_size=v1. */
static int parse_options(const char *name, bytes text, fd_options *options, int *v1) {
  enum { CONTEXT = 1, ALGORITHM = 2, DEADLINE = 4, STRUCT_SIZE = 8, FLAGS = 16 };
  unsigned seen = 0;
  size_t at = 0;
  while (at < text.len) {
    char line[256];
    const uint8_t *end = memchr(text.ptr + at, '\n', text.len - at);
    size_t len = end ? (size_t)(end - (text.ptr + at)) : text.len - at;
    if (end == NULL || len >= sizeof line || memchr(text.ptr + at, '\0', len) != NULL) {
      fprintf(stderr, "%s/options: malformed line\n", name);
      return 0;
    }
    memcpy(line, text.ptr + at, len);
    line[len] = '\0';
    at += len + 1;
    char *value = strchr(line, '=');
    if (value == NULL) {
      fprintf(stderr, "%s/options: not key=value: %s\n", name, line);
      return 0;
    }
    *value++ = '\0';
    unsigned key;
    uint64_t number = 0;
    int ok;
    if (strcmp(line, "context_lines") == 0) {
      key = CONTEXT;
      ok = parse_number(value, UINT32_MAX, &number);
      options->context_lines = (uint32_t)number;
    } else if (strcmp(line, "deadline_ms") == 0) {
      key = DEADLINE;
      ok = parse_number(value, UINT64_MAX, &number);
      options->deadline_ms = number;
    } else if (strcmp(line, "flags") == 0) {
      key = FLAGS;
      ok = parse_number(value, UINT32_MAX, &number);
      options->flags = (uint32_t)number;
    } else if (strcmp(line, "algorithm") == 0) {
      key = ALGORITHM;
      ok = 1;
      if (strcmp(value, "myers") == 0)
        options->algorithm = FD_ALGORITHM_MYERS;
      else if (strcmp(value, "histogram") == 0)
        options->algorithm = FD_ALGORITHM_HISTOGRAM;
      else if (strcmp(value, "patience") == 0)
        options->algorithm = FD_ALGORITHM_PATIENCE;
      else
        ok = 0;
    } else if (strcmp(line, "struct_size") == 0) {
      key = STRUCT_SIZE;
      ok = strcmp(value, "full") == 0 || strcmp(value, "v1") == 0;
      *v1 = strcmp(value, "v1") == 0;
    } else {
      fprintf(stderr, "%s/options: unknown key %s\n", name, line);
      return 0;
    }
    if (!ok || (seen & key)) {
      fprintf(stderr, "%s/options: bad or repeated %s=%s\n", name, line, value);
      return 0;
    }
    seen |= key;
  }
  if (seen != (CONTEXT | ALGORITHM | DEADLINE | STRUCT_SIZE | FLAGS)) {
    fprintf(stderr, "%s/options: a key is missing\n", name);
    return 0;
  }
  return 1;
}

/* Runs one case; returns 1 when it passes. */
static int run_case(const char *dir, const char *name) {
  bytes old_text, new_text, options_text, old_label, new_label, expected, error;
  int have_old = read_file(dir, name, "old", &old_text), have_new = read_file(dir, name, "new", &new_text);
  int have_options = read_file(dir, name, "options", &options_text);
  int have_old_label = read_file(dir, name, "old_label", &old_label);
  int have_new_label = read_file(dir, name, "new_label", &new_label);
  int have_expected = read_file(dir, name, "expected", &expected), have_error = read_file(dir, name, "error", &error);
  int passed = 0;

  fd_options options;
  int v1 = 0;
  fd_options_init(&options);
  if (have_old != 1 || have_new != 1 || have_options != 1 || have_old_label < 0 || have_new_label < 0 ||
      have_expected < 0 || have_error < 0 || have_expected + have_error != 1) {
    fprintf(stderr, "%s: needs old, new, options and exactly one of expected and error\n", name);
    goto done;
  }
  if (!parse_options(name, options_text, &options, &v1)) goto done;
  /* An empty label file is an empty label: the pointer must not be NULL. */
  static const uint8_t empty[1] = {0};
  if (have_old_label) {
    options.old_label = old_label.ptr ? old_label.ptr : empty;
    options.old_label_len = old_label.len;
  }
  if (have_new_label) {
    options.new_label = new_label.ptr ? new_label.ptr : empty;
    options.new_label_len = new_label.len;
  }
  if (v1) {
    /* A caller compiled against the first fd_options: whatever follows it
       in memory is not the library's to read. */
    size_t v1_size = offsetof(fd_options, deadline_ms) + sizeof(uint64_t);
    memset((uint8_t *)&options + v1_size, 0xA5, sizeof options - v1_size);
    options.struct_size = (uint32_t)v1_size;
  }

  fd_buf out = {NULL, 0};
  fd_status status = fd_unified_diff(old_text.ptr, old_text.len, new_text.ptr, new_text.len, &options, &out);
  if (have_expected) {
    if (status != FD_OK) {
      fprintf(stderr, "%s: %s (%s)\n", name, status_name(status), fd_status_message(status));
    } else if (out.len != expected.len || (out.len != 0 && memcmp(out.ptr, expected.ptr, out.len) != 0)) {
      size_t at = 0;
      while (at < out.len && at < expected.len && out.ptr[at] == expected.ptr[at]) at++;
      fprintf(stderr, "%s: %zu bytes where %zu are expected, first difference at byte %zu\n", name, out.len,
              expected.len, at);
    } else if ((out.len == 0) != (out.ptr == NULL)) {
      fprintf(stderr, "%s: an empty result must be {NULL, 0}\n", name);
    } else {
      passed = 1;
    }
  } else {
    const char *want = status_name(status);
    size_t want_len = strlen(want);
    if (status == FD_OK || error.len != want_len + 1 || memcmp(error.ptr, want, want_len) != 0 ||
        error.ptr[want_len] != '\n') {
      fprintf(stderr, "%s: status %s where the error file says %.*s\n", name, want, (int)error.len,
              (const char *)error.ptr);
    } else if (out.ptr != NULL || out.len != 0) {
      fprintf(stderr, "%s: a failed call wrote its out-param\n", name);
    } else {
      passed = 1;
    }
  }
  fd_free(&out);

done:
  free(old_text.ptr);
  free(new_text.ptr);
  free(options_text.ptr);
  free(old_label.ptr);
  free(new_label.ptr);
  free(expected.ptr);
  free(error.ptr);
  return passed;
}

static int is_case(const struct dirent *entry) { return entry->d_name[0] != '.'; }

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  struct dirent **entries;
  int count = scandir(argv[1], &entries, is_case, alphasort);
  if (count < 0) {
    perror(argv[1]);
    return 2;
  }
  int passed = 0, failed = 0;
  for (int i = 0; i < count; i++) {
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", argv[1], entries[i]->d_name);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (run_case(argv[1], entries[i]->d_name))
        passed++;
      else
        failed++;
    }
    free(entries[i]);
  }
  free(entries);
  printf("vectors: %d passed, %d failed\n", passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}

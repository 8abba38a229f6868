/*
 * fast-diff as a whole process, for comparing with `diff -u` and `git diff
 * --no-index` on equal terms (process start, reading the files, writing the
 * diff): fd_file_diff OLD NEW writes the unified diff to standard output.
 * Exit status as diff's: 0 identical, 1 different, 2 trouble. Linked
 * statically, as a command built on the library would be.
 */
#define _POSIX_C_SOURCE 200809L
#include "fast_diff.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Maps a file read-only, as GNU diff and git read theirs without copying;
 * an empty file is (NULL, 0), which the C API takes as empty input. */
static int map_file(const char *path, const unsigned char **data, size_t *len) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  *len = (size_t)st.st_size;
  *data = NULL;
  if (*len > 0) {
    void *mapped = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      close(fd);
      return -1;
    }
    *data = mapped;
  }
  close(fd);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s OLD NEW\n", argv[0]);
    return 2;
  }
  size_t old_len = 0, new_len = 0;
  const unsigned char *old_text, *new_text;
  for (int i = 1; i <= 2; i++) {
    if (map_file(argv[i], i == 1 ? &old_text : &new_text, i == 1 ? &old_len : &new_len) != 0) {
      fprintf(stderr, "fd_file_diff: cannot read %s\n", argv[i]);
      return 2;
    }
  }
  fd_options options;
  fd_options_init(&options);
  options.old_label = (const uint8_t *)argv[1];
  options.old_label_len = strlen(argv[1]);
  options.new_label = (const uint8_t *)argv[2];
  options.new_label_len = strlen(argv[2]);
  fd_buf diff = {NULL, 0};
  fd_status status = fd_unified_diff(old_text, old_len, new_text, new_len, &options, &diff);
  if (status != FD_OK) {
    fprintf(stderr, "fd_file_diff: %s\n", fd_status_message(status));
    return 2;
  }
  int different = diff.len > 0;
  int write_failed = fwrite(diff.ptr, 1, diff.len, stdout) != diff.len || fflush(stdout) != 0;
  fd_free(&diff);
  return write_failed ? 2 : different;
}

/* A C program built against an installed fast-diff, by pkg-config or CMake:
 * it says which version it was compiled against (the header's macros) and
 * which library it loaded (fd_version()), and diffs two lines. */
#include "fast_diff.h"

#include <stdio.h>
#include <string.h>

#define STRINGIFY(x) #x
#define NUMBER(x) STRINGIFY(x)

int main(void) {
  const char *loaded = fd_version();
  printf("compiled against %s (%s.%s.%s), loaded %s\n", FD_VERSION_STRING, NUMBER(FD_VERSION_MAJOR),
         NUMBER(FD_VERSION_MINOR), NUMBER(FD_VERSION_PATCH), loaded);
  fd_buf diff = {NULL, 0};
  fd_status status = fd_unified_diff((const uint8_t *)"a\nb\n", 4, (const uint8_t *)"a\nc\n", 4, NULL, &diff);
  if (status != FD_OK) {
    fprintf(stderr, "fd_unified_diff: %s\n", fd_status_message(status));
    return 1;
  }
  fwrite(diff.ptr, 1, diff.len, stdout);
  fd_free(&diff);
  return strcmp(loaded, FD_VERSION_STRING) == 0 ? 0 : 2;
}

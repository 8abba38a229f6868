#include "shim.h"

/* A non-NULL pointer for an empty label: NULL would mean "the default". */
static const uint8_t empty_label[1] = {0};

fastdiff_result fastdiff_unified_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                      size_t new_len, int use_options, fastdiff_options options,
                                      const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                      size_t new_label_len) {
  fastdiff_result result = {{NULL, 0}, FD_OK};
  fd_options c_options;
  /* fd_options_init first, so that fields a newer header adds get their
     defaults rather than stack garbage. */
  fd_options_init(&c_options);
  c_options.struct_size = options.struct_size;
  c_options.context_lines = options.context_lines;
  c_options.algorithm = options.algorithm;
  c_options.deadline_ms = options.deadline_ms;
  c_options.flags = options.flags;
  c_options.old_label = old_label != NULL ? old_label : empty_label;
  c_options.old_label_len = old_label_len;
  c_options.new_label = new_label != NULL ? new_label : empty_label;
  c_options.new_label_len = new_label_len;
  result.status = fd_unified_diff(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL, &result.buf);
  return result;
}

void fastdiff_free(fd_buf buf) { fd_free(&buf); }

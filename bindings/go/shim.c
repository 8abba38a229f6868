#include "shim.h"

#include <string.h>

/* A non-NULL pointer for an empty label: NULL would mean "the default". */
static const uint8_t empty_label[1] = {0};

/* The fd_options of a call: fd_options_init first, so that fields a newer
   header adds get their defaults rather than stack garbage. */
static fd_options diff_options(fastdiff_options options, const uint8_t *old_label, size_t old_label_len,
                               const uint8_t *new_label, size_t new_label_len) {
  fd_options c_options;
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
  return c_options;
}

fastdiff_result fastdiff_unified_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                      size_t new_len, int use_options, fastdiff_options options,
                                      const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                      size_t new_label_len) {
  fastdiff_result result = {{NULL, 0}, FD_OK};
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  result.status = fd_unified_diff(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL, &result.buf);
  return result;
}

fastdiff_stats_result fastdiff_diff_stats(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                          size_t new_len, int use_options, fastdiff_options options,
                                          const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                          size_t new_label_len) {
  fastdiff_stats_result result;
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  memset(&result, 0, sizeof result);
  result.stats.struct_size = sizeof result.stats;
  result.status =
      fd_diff_stats(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL, &result.stats);
  return result;
}

fastdiff_unified_diff_stats_result fastdiff_unified_diff_stats(const uint8_t *old_text, size_t old_len,
                                                               const uint8_t *new_text, size_t new_len,
                                                               int use_options, fastdiff_options options,
                                                               const uint8_t *old_label, size_t old_label_len,
                                                               const uint8_t *new_label, size_t new_label_len) {
  fastdiff_unified_diff_stats_result result;
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  memset(&result, 0, sizeof result);
  result.stats.struct_size = sizeof result.stats;
  result.status = fd_unified_diff_stats(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL,
                                        &result.buf, &result.stats);
  return result;
}

fastdiff_hunks_result fastdiff_diff_hunks(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                          size_t new_len, int use_options, fastdiff_options options,
                                          const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                          size_t new_label_len) {
  fastdiff_hunks_result result = {NULL, FD_OK};
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  result.status = fd_diff_hunks(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL, &result.hunks);
  return result;
}

void fastdiff_hunks_free(fd_hunks *hunks) { fd_hunks_free(hunks); }

fastdiff_word_diff_result fastdiff_word_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                             size_t new_len, int use_options, fastdiff_options options,
                                             const uint8_t *old_label, size_t old_label_len,
                                             const uint8_t *new_label, size_t new_label_len, uint32_t granularity) {
  fastdiff_word_diff_result result = {NULL, FD_OK};
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  result.status = fd_word_diff(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL, granularity,
                               &result.result);
  return result;
}

void fastdiff_word_diff_free(fd_word_diff_result *result) { fd_word_diff_free(result); }

fd_status fastdiff_unified_diff_many(const fd_pair *pairs, size_t n, int use_options, fastdiff_options options,
                                     const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                     size_t new_label_len, uint32_t threads, fd_buf *outs, fd_status *statuses) {
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  return fd_unified_diff_many(pairs, n, use_options ? &c_options : NULL, threads, outs, statuses);
}

void fastdiff_free(fd_buf buf) { fd_free(&buf); }

/* fd_apply_options_init first, so that fields a newer header adds get
   their defaults. */
static fd_apply_options apply_options(fastdiff_apply_options options) {
  fd_apply_options c_options;
  fd_apply_options_init(&c_options);
  c_options.flags = options.flags;
  c_options.fuzz = options.fuzz;
  c_options.max_offset = options.max_offset;
  return c_options;
}

fastdiff_patch_result fastdiff_apply_patch(const uint8_t *text, size_t text_len, const uint8_t *patch,
                                           size_t patch_len, int use_options, fastdiff_apply_options options) {
  fastdiff_patch_result result = {{NULL, 0}, FD_OK, NULL};
  fd_apply_options c_options = apply_options(options);
  result.status = fd_apply_patch(text, text_len, patch, patch_len, use_options ? &c_options : NULL, &result.buf,
                                 &result.report);
  return result;
}

fastdiff_patch_result fastdiff_parse_patch(const uint8_t *patch, size_t patch_len, uint32_t flags) {
  fastdiff_patch_result result = {{NULL, 0}, FD_OK, NULL};
  fastdiff_apply_options options = {flags, 0, FD_APPLY_ANY_OFFSET};
  fd_apply_options c_options = apply_options(options);
  result.status = fd_parse_patch(patch, patch_len, &c_options, &result.report);
  return result;
}

void fastdiff_patch_report_free(fd_patch_report *report) { fd_patch_report_free(report); }

/* fd_edit_options_init first, so that fields a newer header adds get
   their defaults. */
static fd_edit_options edit_options(fastdiff_edit_options options) {
  fd_edit_options c_options;
  fd_edit_options_init(&c_options);
  c_options.format = options.format;
  c_options.flags = options.flags;
  c_options.fuzz = options.fuzz;
  c_options.strip = options.strip;
  c_options.max_offset = options.max_offset;
  return c_options;
}

fastdiff_edit_result fastdiff_apply_edits(const fd_file_text *files, size_t n, const uint8_t *patch,
                                          size_t patch_len, fastdiff_edit_options options) {
  fastdiff_edit_result result = {NULL, FD_OK};
  fd_edit_options c_options = edit_options(options);
  result.status = fd_apply_edits(files, n, patch, patch_len, &c_options, &result.result);
  return result;
}

fastdiff_edit_result fastdiff_parse_edits(const uint8_t *patch, size_t patch_len, fastdiff_edit_options options) {
  fastdiff_edit_result result = {NULL, FD_OK};
  fd_edit_options c_options = edit_options(options);
  result.status = fd_parse_edits(patch, patch_len, &c_options, &result.result);
  return result;
}

void fastdiff_edit_result_free(fd_edit_result *result) { fd_edit_result_free(result); }

fastdiff_result fastdiff_html_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text, size_t new_len,
                                   int use_options, fastdiff_options options, const uint8_t *old_label,
                                   size_t old_label_len, const uint8_t *new_label, size_t new_label_len,
                                   uint32_t layout, const uint8_t *title, size_t title_len, uint32_t granularity) {
  fastdiff_result result = {{NULL, 0}, FD_OK};
  fd_options c_options = diff_options(options, old_label, old_label_len, new_label, new_label_len);
  fd_html_options html;
  fd_html_options_init(&html);
  html.layout = layout;
  html.title = title;
  html.title_len = title_len;
  html.granularity = granularity;
  result.status = fd_html_diff(old_text, old_len, new_text, new_len, use_options ? &c_options : NULL, &html,
                               &result.buf);
  return result;
}

/* A label the merge takes as given: an empty one must not be NULL, which
   would mean the default. */
static const uint8_t *merge_label(const uint8_t *label, size_t len) {
  return label != NULL || len != 0 ? label : (const uint8_t *)"";
}

fastdiff_merge_result fastdiff_merge(const uint8_t *base, size_t base_len, const uint8_t *ours, size_t ours_len,
                                     const uint8_t *theirs, size_t theirs_len, fastdiff_merge_options options,
                                     const uint8_t *ours_label, size_t ours_label_len, const uint8_t *base_label,
                                     size_t base_label_len, const uint8_t *theirs_label, size_t theirs_label_len) {
  fd_merge_options o;
  fd_merge_options_init(&o);
  o.style = options.style;
  o.favor = options.favor;
  o.marker_size = options.marker_size;
  o.algorithm = options.algorithm;
  o.ours_label = merge_label(ours_label, ours_label_len);
  o.ours_label_len = ours_label_len;
  o.base_label = merge_label(base_label, base_label_len);
  o.base_label_len = base_label_len;
  o.theirs_label = merge_label(theirs_label, theirs_label_len);
  o.theirs_label_len = theirs_label_len;
  fastdiff_merge_result result = {NULL, FD_OK};
  result.status = fd_merge_regions(base, base_len, ours, ours_len, theirs, theirs_len, &o, &result.result);
  return result;
}

void fastdiff_merge_result_free(fd_merge_result *result) { fd_merge_result_free(result); }

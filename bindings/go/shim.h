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

/* The structured results of a diff (fd_diff_stats, fd_unified_diff_stats,
   fd_diff_hunks, fd_word_diff), with the same options arguments as
   fastdiff_unified_diff. Hunks and word diffs are C memory that Go reads
   and then frees. */
typedef struct fastdiff_stats_result {
  fd_stats stats;
  fd_status status;
} fastdiff_stats_result;

fastdiff_stats_result fastdiff_diff_stats(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                          size_t new_len, int use_options, fastdiff_options options,
                                          const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                          size_t new_label_len);

/* fd_unified_diff_stats: the diff and its counts in one call. */
typedef struct fastdiff_unified_diff_stats_result {
  fd_buf buf;
  fd_stats stats;
  fd_status status;
} fastdiff_unified_diff_stats_result;

fastdiff_unified_diff_stats_result fastdiff_unified_diff_stats(const uint8_t *old_text, size_t old_len,
                                                               const uint8_t *new_text, size_t new_len,
                                                               int use_options, fastdiff_options options,
                                                               const uint8_t *old_label, size_t old_label_len,
                                                               const uint8_t *new_label, size_t new_label_len);

typedef struct fastdiff_hunks_result {
  fd_hunks *hunks;
  fd_status status;
} fastdiff_hunks_result;

fastdiff_hunks_result fastdiff_diff_hunks(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                          size_t new_len, int use_options, fastdiff_options options,
                                          const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                          size_t new_label_len);

void fastdiff_hunks_free(fd_hunks *hunks);

typedef struct fastdiff_word_diff_result {
  fd_word_diff_result *result;
  fd_status status;
} fastdiff_word_diff_result;

fastdiff_word_diff_result fastdiff_word_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text,
                                             size_t new_len, int use_options, fastdiff_options options,
                                             const uint8_t *old_label, size_t old_label_len,
                                             const uint8_t *new_label, size_t new_label_len, uint32_t granularity);

void fastdiff_word_diff_free(fd_word_diff_result *result);

/* fd_html_diff, with the options arguments of fastdiff_unified_diff and
   the page's as plain values: an fd_html_options is built here. */
fastdiff_result fastdiff_html_diff(const uint8_t *old_text, size_t old_len, const uint8_t *new_text, size_t new_len,
                                   int use_options, fastdiff_options options, const uint8_t *old_label,
                                   size_t old_label_len, const uint8_t *new_label, size_t new_label_len,
                                   uint32_t layout, const uint8_t *title, size_t title_len, uint32_t granularity);

/* fd_free on a buffer received by value. */
void fastdiff_free(fd_buf buf);

/* What fd_apply_patch and fd_parse_patch hand back: the new text (empty
   for fd_parse_patch), the status, and the report or NULL. The report is C
   memory that Go reads and then frees with fastdiff_patch_report_free. */
typedef struct fastdiff_patch_result {
  fd_buf buf;
  fd_status status;
  fd_patch_report *report;
} fastdiff_patch_result;

/* The options of one fd_apply_patch call, plain values as in
   fd_apply_options (which is completed by fd_apply_options_init). */
typedef struct fastdiff_apply_options {
  uint32_t flags;
  uint32_t fuzz;
  uint64_t max_offset;
} fastdiff_apply_options;

/* fd_apply_patch. With use_options 0 the library's defaults apply. */
fastdiff_patch_result fastdiff_apply_patch(const uint8_t *text, size_t text_len, const uint8_t *patch,
                                           size_t patch_len, int use_options, fastdiff_apply_options options);

/* fd_parse_patch; flags are FD_APPLY_* bits (only FD_APPLY_RECOUNT matters). */
fastdiff_patch_result fastdiff_parse_patch(const uint8_t *patch, size_t patch_len, uint32_t flags);

/* fd_patch_report_free. */
void fastdiff_patch_report_free(fd_patch_report *report);

/* The options of one fd_apply_edits call, plain values as in
   fd_edit_options (completed by fd_edit_options_init). */
typedef struct fastdiff_edit_options {
  uint32_t format;
  uint32_t flags;
  uint32_t fuzz;
  uint32_t strip;
  uint64_t max_offset;
} fastdiff_edit_options;

typedef struct fastdiff_edit_result {
  fd_edit_result *result;
  fd_status status;
} fastdiff_edit_result;

/* fd_apply_edits; files is Go memory whose pointers Go has pinned. */
fastdiff_edit_result fastdiff_apply_edits(const fd_file_text *files, size_t n, const uint8_t *patch,
                                          size_t patch_len, fastdiff_edit_options options);

/* fd_parse_edits. */
fastdiff_edit_result fastdiff_parse_edits(const uint8_t *patch, size_t patch_len, fastdiff_edit_options options);

/* fd_edit_result_free. */
void fastdiff_edit_result_free(fd_edit_result *result);

/* fd_merge_regions. Labels are always set: (NULL, 0) is an empty label,
   never the default. */
typedef struct fastdiff_merge_options {
  uint32_t style;
  uint32_t favor;
  uint32_t marker_size;
  uint32_t algorithm;
} fastdiff_merge_options;

typedef struct fastdiff_merge_result {
  fd_merge_result *result;
  fd_status status;
} fastdiff_merge_result;

fastdiff_merge_result fastdiff_merge(const uint8_t *base, size_t base_len, const uint8_t *ours, size_t ours_len,
                                     const uint8_t *theirs, size_t theirs_len, fastdiff_merge_options options,
                                     const uint8_t *ours_label, size_t ours_label_len, const uint8_t *base_label,
                                     size_t base_label_len, const uint8_t *theirs_label, size_t theirs_label_len);

void fastdiff_merge_result_free(fd_merge_result *result);

/* fd_unified_diff_many, with the options as in fastdiff_unified_diff. The
   pairs, outputs and statuses are Go memory (the pairs' pointers pinned by
   Go); C keeps none of them after the call. */
fd_status fastdiff_unified_diff_many(const fd_pair *pairs, size_t n, int use_options, fastdiff_options options,
                                     const uint8_t *old_label, size_t old_label_len, const uint8_t *new_label,
                                     size_t new_label_len, uint32_t threads, fd_buf *outs, fd_status *statuses);

#endif /* FASTDIFF_GO_SHIM_H */

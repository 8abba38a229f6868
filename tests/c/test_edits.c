/*
 * Tests of fd_apply_edits and fd_parse_edits through the public header only:
 * every format, every status, the result's files, hunks and details, the
 * options, and the ownership rules, under the sanitizers (a result not freed
 * exactly once fails the run). Also the details fd_apply_patch now reports.
 */
#include "fast_diff.h"
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static fd_file_text file_text(const char *path, bytes text) {
  fd_file_text f;
  f.path = (const uint8_t *)path;
  f.path_len = strlen(path);
  f.text = (const uint8_t *)text.ptr;
  f.text_len = text.len;
  return f;
}

static fd_status edit(const fd_file_text *files, size_t n, bytes patch, const fd_edit_options *options,
                      fd_edit_result **out) {
  *out = NULL;
  return fd_apply_edits(files, n, (const uint8_t *)patch.ptr, patch.len, options, out);
}

static const fd_edited_file *find(const fd_edit_result *r, const char *path) {
  size_t i;
  for (i = 0; i < r->file_count; i++) {
    if (r->files[i].path_len == strlen(path) && memcmp(r->files[i].path, path, r->files[i].path_len) == 0) {
      return &r->files[i];
    }
  }
  return NULL;
}

static int text_is(const fd_edited_file *f, bytes expected) {
  return f != NULL && f->text_len == expected.len && (expected.len == 0 || memcmp(f->text, expected.ptr, expected.len) == 0);
}

static void envelope_of_three_files(void) {
  fd_file_text files[2];
  fd_edit_result *r;
  const fd_edited_file *f;
  fd_status status;
  files[0] = file_text("a.py", B("def f():\n    return 1\n"));
  files[1] = file_text("old.txt", B("bye\n"));
  status = edit(files, 2,
                B("apply_patch <<'EOF'\n*** Begin Patch\n*** Update File: a.py\n*** Move to: b.py\n@@ def f():\n-    "
                  "return 1\n+    return 2\n*** Delete File: old.txt\n*** Add File: new.txt\n+hi\n*** End Patch\nEOF\n"),
                NULL, &r);
  CHECK(status == FD_OK && r != NULL);
  if (r == NULL) return;
  CHECK(r->format == FD_EDIT_FORMAT_ENVELOPE && r->file_count == 3 && r->section_count == 3);
  f = find(r, "b.py");
  CHECK(text_is(f, B("def f():\n    return 2\n")));
  CHECK(f && f->change == FD_FILE_RENAMED && f->source_len == 4 && memcmp(f->source, "a.py", 4) == 0);
  CHECK(f && f->outcome == FD_EDIT_APPLIED && f->hunk_count == 1);
  CHECK(f && r->hunks[f->first_hunk].outcome == FD_HUNK_APPLIED && r->hunks[f->first_hunk].line == 2);
  f = find(r, "old.txt");
  CHECK(f && f->change == FD_FILE_DELETED && f->text == NULL);
  f = find(r, "new.txt");
  CHECK(text_is(f, B("hi\n")) && f->source == NULL && f->change == FD_FILE_CREATED);
  CHECK(r->message != NULL && strstr(r->message, "applied the patch") != NULL);
  fd_edit_result_free(r);
}

static void failures_are_all_listed_and_nothing_is_applied(void) {
  fd_file_text files[1];
  fd_edit_result *r;
  fd_status status;
  const fd_edited_file *f;
  files[0] = file_text("a.txt", B("one\ntwo\n"));
  status = edit(files, 1,
                B("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+1\n--- a/missing.txt\n+++ b/missing.txt\n@@ -1 +1 @@\n-x\n+y\n"),
                NULL, &r);
  CHECK(status == FD_ERR_PATCH_HUNK_FAILED && r != NULL);
  if (r == NULL) return;
  f = find(r, "a.txt");
  CHECK(f && f->outcome == FD_EDIT_APPLIED && f->text == NULL);
  f = find(r, "missing.txt");
  CHECK(f && f->outcome == FD_EDIT_MISSING);
  CHECK(strstr(r->message, "missing.txt") != NULL);
  fd_edit_result_free(r);
}

static void ambiguous_blocks_name_their_places(void) {
  fd_file_text files[1];
  fd_edit_result *r;
  fd_status status;
  files[0] = file_text("x.c", B("int a = 0;\nint b = 0;\nint a = 0;\n"));
  status = edit(files, 1, B("x.c\n<<<<<<< SEARCH\nint a = 0;\n=======\nint a = 1;\n>>>>>>> REPLACE\n"), NULL, &r);
  CHECK(status == FD_ERR_PATCH_AMBIGUOUS && r != NULL && r->hunk_count == 1);
  if (r == NULL || r->hunk_count != 1) return;
  CHECK(r->hunks[0].reason == FD_HUNK_REASON_AMBIGUOUS);
  CHECK(r->hunk_details[0].place_count == 2 && r->hunk_details[0].places[0] == 1 && r->hunk_details[0].places[1] == 3);
  CHECK((r->hunk_details[0].flags & FD_HUNK_MORE_PLACES) == 0);
  fd_edit_result_free(r);
}

static void malformed_already_applied_and_the_options(void) {
  fd_file_text files[1];
  fd_edit_result *r;
  fd_edit_options options;
  fd_status status;
  files[0] = file_text("a.txt", B("1\n"));
  status = edit(files, 1, B("*** Begin Patch\n*** Update File: a.txt\n?\n"), NULL, &r);
  CHECK(status == FD_ERR_PATCH_MALFORMED && r != NULL);
  CHECK(r && r->error_line == 3 && r->error_expected != NULL && r->format == FD_EDIT_FORMAT_ENVELOPE);
  fd_edit_result_free(r);

  status = edit(files, 1, B("[{\"path\": \"a.txt\", \"old_text\": \"0\\n\", \"new_text\": \"1\\n\"}]"), NULL, &r);
  CHECK(status == FD_ERR_PATCH_ALREADY_APPLIED && r != NULL);
  CHECK(r && r->format == FD_EDIT_FORMAT_REPLACEMENTS && r->hunks[0].outcome == FD_HUNK_ALREADY_APPLIED);
  fd_edit_result_free(r);

  fd_edit_options_init(&options);
  CHECK(options.format == FD_EDIT_FORMAT_AUTO && options.strip == FD_EDIT_STRIP_AUTO && options.flags == 0);
  options.format = 99;
  CHECK(edit(files, 1, B("x"), &options, &r) == FD_ERR_INVALID_OPTIONS && r == NULL);
  fd_edit_options_init(&options);
  options.flags = FD_APPLY_PARTIAL;
  CHECK(edit(files, 1, B("x"), &options, &r) == FD_ERR_INVALID_OPTIONS && r == NULL);
  fd_edit_options_init(&options);
  options.flags = FD_APPLY_REVERSE;
  options.format = FD_EDIT_FORMAT_UNIFIED;
  files[0] = file_text("a.txt", B("2\n"));
  CHECK(edit(files, 1, B("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-1\n+2\n"), &options, &r) == FD_OK);
  CHECK(r && text_is(find(r, "a.txt"), B("1\n")));
  fd_edit_result_free(r);
  options.strip = 0; /* the names keep their a/ and b/: no such file */
  CHECK(edit(files, 1, B("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-1\n+2\n"), &options, &r) == FD_ERR_PATCH_HUNK_FAILED);
  fd_edit_result_free(r);

  CHECK(fd_apply_edits(NULL, 1, (const uint8_t *)"x", 1, NULL, &r) == FD_ERR_NULL_ARGUMENT);
  CHECK(fd_apply_edits(NULL, 0, (const uint8_t *)"x", 1, NULL, NULL) == FD_ERR_NULL_ARGUMENT);
  CHECK(fd_parse_edits((const uint8_t *)"x", 1, NULL, NULL) == FD_ERR_NULL_ARGUMENT);
  fd_edit_result_free(NULL);
}

static void reading_without_applying(void) {
  fd_edit_result *r = NULL;
  const char *patch = "a.py\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\nb.py\n<<<<<<< SEARCH\n=======\nz\n>>>>>>> REPLACE\n";
  CHECK(fd_parse_edits((const uint8_t *)patch, strlen(patch), NULL, &r) == FD_OK && r != NULL);
  if (r == NULL) return;
  CHECK(r->format == FD_EDIT_FORMAT_SEARCH_REPLACE && r->file_count == 2 && r->hunk_count == 2);
  CHECK(r->hunks[0].outcome == FD_HUNK_NOT_TRIED && r->files[0].outcome == FD_EDIT_NOT_TRIED);
  fd_edit_result_free(r);
}

static void apply_patch_reports_recounting(void) {
  const char *text = "a\nb\nc\n";
  const char *patch = "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n+B2\n c\n";
  fd_buf out = {NULL, 0};
  fd_patch_report *report = NULL;
  fd_apply_options options;
  CHECK(fd_apply_patch((const uint8_t *)text, strlen(text), (const uint8_t *)patch, strlen(patch), NULL, &out,
                       &report) == FD_OK);
  CHECK(out.len == 9 && memcmp(out.ptr, "a\nB\nB2\nc\n", 9) == 0);
  CHECK(report && report->hunk_details != NULL && (report->hunk_details[0].flags & FD_HUNK_RECOUNTED) != 0);
  fd_free(&out);
  fd_patch_report_free(report);
  fd_apply_options_init(&options);
  options.flags = FD_APPLY_STRICT;
  report = NULL;
  CHECK(fd_apply_patch((const uint8_t *)text, strlen(text), (const uint8_t *)patch, strlen(patch), &options, &out,
                       &report) == FD_ERR_PATCH_MALFORMED);
  fd_patch_report_free(report);
}

int main(void) {
  envelope_of_three_files();
  failures_are_all_listed_and_nothing_is_applied();
  ambiguous_blocks_name_their_places();
  malformed_already_applied_and_the_options();
  reading_without_applying();
  apply_patch_reports_recounting();
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("test_edits: all checks passed\n");
  return 0;
}

// A C++ wrapper over the C API: an RAII owner of fd_buf, so the diff is
// released exactly once whatever path leaves the scope, and exceptions for
// failures. Linked statically against libfast_diff.a.
#include "fast_diff.h"

#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace fast_diff {

// Owns the bytes of an fd_buf; move-only.
class Buffer {
 public:
  Buffer() noexcept : buf_{nullptr, 0} {}
  explicit Buffer(fd_buf buf) noexcept : buf_(buf) {}
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;
  Buffer(Buffer &&other) noexcept : buf_(std::exchange(other.buf_, fd_buf{nullptr, 0})) {}
  Buffer &operator=(Buffer &&other) noexcept {
    if (this != &other) {
      fd_free(&buf_);
      buf_ = std::exchange(other.buf_, fd_buf{nullptr, 0});
    }
    return *this;
  }
  ~Buffer() { fd_free(&buf_); }

  std::string_view view() const noexcept {
    return buf_.len ? std::string_view(reinterpret_cast<const char *>(buf_.ptr), buf_.len) : std::string_view();
  }
  bool empty() const noexcept { return buf_.len == 0; }

 private:
  fd_buf buf_;
};

class Error : public std::runtime_error {
 public:
  explicit Error(fd_status status) : std::runtime_error(fd_status_message(status)), status_(status) {}
  fd_status status() const noexcept { return status_; }

 private:
  fd_status status_;
};

struct Options {
  unsigned context_lines = 3;
  std::string_view old_label = "original";
  std::string_view new_label = "modified";
  fd_algorithm algorithm = FD_ALGORITHM_MYERS;
};

inline Buffer unified_diff(std::string_view old_text, std::string_view new_text, const Options &o = {}) {
  fd_options options;
  fd_options_init(&options);
  options.context_lines = o.context_lines;
  options.old_label = reinterpret_cast<const uint8_t *>(o.old_label.data());
  options.old_label_len = o.old_label.size();
  options.new_label = reinterpret_cast<const uint8_t *>(o.new_label.data());
  options.new_label_len = o.new_label.size();
  options.algorithm = o.algorithm;
  fd_buf out{nullptr, 0};
  fd_status status = fd_unified_diff(reinterpret_cast<const uint8_t *>(old_text.data()), old_text.size(),
                                     reinterpret_cast<const uint8_t *>(new_text.data()), new_text.size(), &options, &out);
  if (status != FD_OK) throw Error(status);
  return Buffer(out);
}

}  // namespace fast_diff

int main() {
  using namespace std::string_view_literals;
  int failures = 0;

  fast_diff::Buffer diff = fast_diff::unified_diff("a\nb\n", "a\nc\n");
  if (diff.view() != "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n") failures++;

  // Moving transfers ownership: only the destination frees.
  fast_diff::Buffer moved = std::move(diff);
  if (!diff.empty() || moved.empty()) failures++;
  moved = fast_diff::unified_diff("x\0y\n"sv, "x\0z\n"sv, {0, "a/f", "b/f", FD_ALGORITHM_HISTOGRAM});
  if (moved.view() != "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\0y\n+x\0z\n"sv) failures++;

  if (!fast_diff::unified_diff("same\n", "same\n").empty()) failures++;

  try {
    fast_diff::unified_diff("a\n", "b\n", {3, "bad\nlabel", "b", FD_ALGORITHM_MYERS});
    failures++;
  } catch (const fast_diff::Error &e) {
    if (e.status() != FD_ERR_INVALID_OPTIONS) failures++;
  }

  if (failures) {
    std::fprintf(stderr, "C++ example: %d failure(s)\n", failures);
    return 1;
  }
  std::fwrite(moved.view().data(), 1, moved.view().size(), stdout);
  std::printf("C++ example passed (fast-diff %s, linked statically)\n", fd_version());
  return 0;
}

// Arena: a bump allocator for one document's nodes, attributes and strings.
//
// Every object a parse creates lives here and dies together at reset(); nothing is freed one by one.
// reset() keeps the largest block so a reused parser stops allocating once it has seen its largest
// document. Not thread-safe: one arena per parser/extractor, one parser per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pith::detail {

class Arena {
 public:
  explicit Arena(size_t first_block_bytes = 64 * 1024) : next_block_bytes_(first_block_bytes) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Returns `bytes` of storage aligned to `align` (a power of two, at most alignof(max_align_t)).
  void* allocate(size_t bytes, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t{align} - 1);
    if (p + bytes > reinterpret_cast<uintptr_t>(limit_)) return allocate_slow(bytes, align);
    cursor_ = reinterpret_cast<char*>(p + bytes);
    used_ += bytes;
    return reinterpret_cast<void*>(p);
  }

  // Constructs a T in the arena. T must be trivially destructible: the arena never runs destructors.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  template <typename T>
  T* make_array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    T* p = static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
    for (size_t i = 0; i < n; ++i) new (p + i) T();
    return p;
  }

  // Copies `s` into the arena; the view stays valid until reset().
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // The concatenation of `head` and `tail`, copying only when it must: adjacent views join as they are,
  // an empty head returns `tail` itself, and a head that is the most recent allocation grows in place
  // (a text node growing run by run). Both inputs must outlive the result, as the result may view them.
  std::string_view concat(std::string_view head, std::string_view tail);

  // Frees everything allocated so far; keeps the largest block for the next document.
  void reset();

  // Bytes handed out since the last reset (for limits and statistics).
  size_t bytes_used() const { return used_; }
  // Bytes held from the system, including the kept block.
  size_t bytes_reserved() const { return reserved_; }

 private:
  void* allocate_slow(size_t bytes, size_t align);

  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };
  std::vector<Block> blocks_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  size_t next_block_bytes_;
  size_t used_ = 0;
  size_t reserved_ = 0;
};

}  // namespace pith::detail

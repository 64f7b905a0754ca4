// Arena block management: blocks grow geometrically (up to 4 MiB each, larger only for one oversized
// request) so a document of N bytes costs O(log N) system allocations. Tested by tests/base/arena_test.cc.
#include "base/arena.h"

#include <algorithm>

namespace pith::detail {

namespace {
constexpr size_t kMaxBlockBytes = 4 * 1024 * 1024;
}

void* Arena::allocate_slow(size_t bytes, size_t align) {
  size_t block_bytes = std::max(next_block_bytes_, bytes + align);
  next_block_bytes_ = std::min(next_block_bytes_ * 2, kMaxBlockBytes);
  blocks_.push_back(Block{std::make_unique<char[]>(block_bytes), block_bytes});
  reserved_ += block_bytes;
  cursor_ = blocks_.back().data.get();
  limit_ = cursor_ + block_bytes;
  return allocate(bytes, align);
}

std::string_view Arena::concat(std::string_view head, std::string_view tail) {
  if (tail.empty()) return head;
  if (head.empty()) return tail;
  // Adjacent runs of the same buffer (text split by the tokenizer) join without a copy.
  if (head.data() + head.size() == tail.data()) return {head.data(), head.size() + tail.size()};
  if (head.data() + head.size() == cursor_ && static_cast<size_t>(limit_ - cursor_) >= tail.size()) {
    std::memcpy(cursor_, tail.data(), tail.size());
    cursor_ += tail.size();
    used_ += tail.size();
    return {head.data(), head.size() + tail.size()};
  }
  char* p = static_cast<char*>(allocate(head.size() + tail.size(), 1));
  std::memcpy(p, head.data(), head.size());
  std::memcpy(p + head.size(), tail.data(), tail.size());
  return {p, head.size() + tail.size()};
}

void Arena::reset() {
  if (!blocks_.empty()) {
    auto largest = std::max_element(blocks_.begin(), blocks_.end(),
                                    [](const Block& a, const Block& b) { return a.size < b.size; });
    Block keep = std::move(*largest);
    blocks_.clear();
    reserved_ = keep.size;
    blocks_.push_back(std::move(keep));
    cursor_ = blocks_.back().data.get();
    limit_ = cursor_ + blocks_.back().size;
  }
  used_ = 0;
}

}  // namespace pith::detail

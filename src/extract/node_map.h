// NodeMap: a map from tree nodes to small values for the page analysis, which inserts one entry per
// element of every page it walks. Open addressing with linear probing in one reused array: no allocation
// per entry (std::unordered_map allocated a node for each), and clear() is O(1) by generation stamps, so
// the array is kept from page to page. Insert keeps the first value (like emplace). Covered by
// tests/extract/node_map_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pith/dom.h"

namespace pith::detail {

template <typename V>
class NodeMap {
 public:
  // Inserts `value` under `key` unless `key` is present; whether it was inserted.
  bool emplace(const Node* key, V value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t i = slot_of(key);
    if (slots_[i].generation == generation_) return false;
    slots_[i] = Slot{key, value, generation_};
    ++size_;
    return true;
  }
  const V* find(const Node* key) const {
    if (size_ == 0) return nullptr;
    const Slot& s = slots_[slot_of(key)];
    return s.generation == generation_ ? &s.value : nullptr;
  }
  bool contains(const Node* key) const { return find(key) != nullptr; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    size_ = 0;
    if (++generation_ == 0) {  // stamps wrapped: forget them all once
      for (Slot& s : slots_) s.generation = 0;
      generation_ = 1;
    }
  }

 private:
  struct Slot {
    const Node* key = nullptr;
    V value{};
    uint32_t generation = 0;  // live when equal to generation_
  };
  static size_t hash(const Node* key) {
    uint64_t x = reinterpret_cast<uintptr_t>(key);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    return static_cast<size_t>(x ^ (x >> 32));
  }
  // The slot holding `key`, or the empty (stale) slot where it would go. The table is never full.
  size_t slot_of(const Node* key) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.generation != generation_ || s.key == key) return i;
    }
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    uint32_t live = generation_;
    generation_ = 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.generation == live) emplace(s.key, s.value);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  uint32_t generation_ = 1;
};

}  // namespace pith::detail

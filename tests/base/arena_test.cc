#include "base/arena.h"

#include <gtest/gtest.h>

#include <string>

namespace pith::detail {
namespace {

TEST(Arena, CopyOutlivesSource) {
  Arena arena(16);
  std::string source = "hello world, longer than one block";
  std::string_view copy = arena.copy(source);
  source.assign(source.size(), 'x');
  EXPECT_EQ(copy, "hello world, longer than one block");
}

TEST(Arena, AllocationsAreAligned) {
  Arena arena(64);
  for (int i = 0; i < 100; ++i) {
    arena.allocate(1, 1);
    void* p = arena.allocate(8, 8);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 8, 0u);
  }
}

TEST(Arena, ConcatJoinsAdjacentViewsWithoutCopy) {
  Arena arena;
  std::string_view input = "abcdef";
  std::string_view joined = arena.concat(input.substr(0, 3), input.substr(3));
  EXPECT_EQ(joined, "abcdef");
  EXPECT_EQ(joined.data(), input.data());
  EXPECT_EQ(arena.bytes_used(), 0u);
}

TEST(Arena, ConcatGrowsTheLastAllocationInPlace) {
  Arena arena;
  std::string_view a = arena.concat("ab", "cd");  // copies: not adjacent
  EXPECT_EQ(a, "abcd");
  std::string_view b = arena.concat(a, "ef");
  EXPECT_EQ(b, "abcdef");
  EXPECT_EQ(b.data(), a.data());
}

TEST(Arena, ResetKeepsOneBlockAndReusesIt) {
  Arena arena(1024);
  for (int i = 0; i < 1000; ++i) arena.allocate(1000);
  size_t before = arena.bytes_reserved();
  arena.reset();
  EXPECT_EQ(arena.bytes_used(), 0u);
  EXPECT_LT(arena.bytes_reserved(), before);
  size_t kept = arena.bytes_reserved();
  arena.allocate(100);
  EXPECT_EQ(arena.bytes_reserved(), kept);
}

}  // namespace
}  // namespace pith::detail

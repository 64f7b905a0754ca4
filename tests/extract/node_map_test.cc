// NodeMap against std::unordered_map on the same operations: inserts that keep the first value, lookups
// of present and absent nodes, growth past several table sizes, and clear() between "pages" (generation
// stamps).
#include <gtest/gtest.h>

#include <random>
#include <unordered_map>
#include <vector>

#include "extract/node_map.h"

namespace pith::detail {
namespace {

TEST(NodeMap, BehavesLikeAnUnorderedMap) {
  std::vector<Node> nodes(20000);
  std::mt19937 rng(5);
  NodeMap<uint32_t> map;
  for (int page = 0; page < 6; ++page) {
    std::unordered_map<const Node*, uint32_t> want;
    size_t count = page % 2 ? 19000 : 300 * static_cast<size_t>(page + 1);
    std::uniform_int_distribution<size_t> pick(0, count - 1);
    for (size_t k = 0; k < count; ++k) {
      const Node* n = &nodes[pick(rng)];
      uint32_t v = static_cast<uint32_t>(k);
      ASSERT_EQ(map.emplace(n, v), want.emplace(n, v).second);
    }
    ASSERT_EQ(map.size(), want.size());
    for (const Node& node : nodes) {
      auto it = want.find(&node);
      const uint32_t* got = map.find(&node);
      ASSERT_EQ(got != nullptr, it != want.end());
      if (got) {
        ASSERT_EQ(*got, it->second);
      }
    }
    map.clear();
    ASSERT_TRUE(map.empty());
    ASSERT_EQ(map.find(&nodes[0]), nullptr);
  }
}

TEST(NodeMap, ClearForgetsEverything) {
  std::vector<Node> nodes(3);
  NodeMap<const char*> map;
  // Stale entries of earlier generations never come back, and the table keeps working.
  for (int i = 0; i < 5000; ++i) {
    EXPECT_TRUE(map.emplace(&nodes[i % 3], "rule"));
    EXPECT_FALSE(map.emplace(&nodes[i % 3], "other"));
    EXPECT_STREQ(*map.find(&nodes[i % 3]), "rule");
    EXPECT_EQ(map.find(&nodes[(i + 1) % 3]), nullptr);
    map.clear();
  }
}

}  // namespace
}  // namespace pith::detail

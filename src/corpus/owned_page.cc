// OwnedPage: one pass sums the lengths of every view a Page holds, one allocation of that size, a
// second pass copies each view and points the copy's view at it. Guarantees: every field the step and
// the line builders read compares equal to the original (covered by tests/warc/owned_page_test.cc), and
// nothing in the copy points outside its own block.
#include "corpus/owned_page.h"

#include <cstring>

namespace pith::corpus::detail {
namespace {

size_t length_of(const std::vector<WarcHeader>& headers) {
  size_t n = 0;
  for (const WarcHeader& h : headers) n += h.name.size() + h.value.size();
  return n;
}

size_t length_of(const WarcRecord& r) {
  return r.version.size() + length_of(r.headers) + r.record_id.size() + r.date.size() + r.target_uri.size() +
         r.content_type.size() + r.identified_payload_type.size();
}

size_t length_of(const HttpResponse& h) {
  return h.version.size() + h.reason.size() + length_of(h.headers) + h.body.size();
}

// Appends views to a block sized beforehand; each copy is a view into the block.
class Copier {
 public:
  explicit Copier(char* block) : next_(block) {}
  std::string_view copy(std::string_view v) {
    if (v.empty()) return {};
    std::memcpy(next_, v.data(), v.size());
    std::string_view out(next_, v.size());
    next_ += v.size();
    return out;
  }
  void copy(const std::vector<WarcHeader>& from, std::vector<WarcHeader>& to) {
    to.clear();
    to.reserve(from.size());
    for (const WarcHeader& h : from) {
      std::string_view name = copy(h.name);
      to.push_back({name, copy(h.value)});
    }
  }

 private:
  char* next_;
};

}  // namespace

void OwnedPage::assign(const Page& page) {
  release();
  const WarcRecord& r = *page.record;
  size_ = length_of(r) + (page.http ? length_of(*page.http) : 0);
  storage_.reset(size_ ? new char[size_] : nullptr);
  Copier c(storage_.get());

  record_.type = r.type;
  record_.version = c.copy(r.version);
  c.copy(r.headers, record_.headers);
  record_.record_id = c.copy(r.record_id);
  record_.date = c.copy(r.date);
  record_.target_uri = c.copy(r.target_uri);
  record_.content_type = c.copy(r.content_type);
  record_.identified_payload_type = c.copy(r.identified_payload_type);
  record_.block = {};
  record_.declared_length = r.declared_length;
  record_.offset = r.offset;
  record_.cut = r.cut;
  record_.truncated = r.truncated;
  record_.quirks = r.quirks;

  has_http_ = page.http != nullptr;
  if (!has_http_) return;
  const HttpResponse& h = *page.http;
  http_.version = c.copy(h.version);
  http_.status = h.status;
  http_.reason = c.copy(h.reason);
  c.copy(h.headers, http_.headers);
  http_.mime_type = h.mime_type;
  http_.charset = h.charset;
  http_.raw_body = {};
  http_.body = c.copy(h.body);
  http_.lf_only_lines = h.lf_only_lines;
  http_.body_cut = h.body_cut;
}

void OwnedPage::release() {
  storage_.reset();
  size_ = 0;
  record_ = WarcRecord{};
  http_ = HttpResponse{};
  has_http_ = false;
}

}  // namespace pith::corpus::detail

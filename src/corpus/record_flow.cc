// Record flow: a bounded window of records in flight, indexed by read sequence number (a ring of
// window_records slots). The driver thread reads each record into a slot: a skipped record arrives
// finished (its reject line built), a passed page as an owned copy queued for the step. Workers take
// queued pages, run their own step and mark the slot finished. The driver writes slots strictly in
// sequence, so the bytes written do not depend on the thread count or on which thread ran which step;
// an end-of-input slot closes and publishes that input's part. Admission waits while the window holds
// window_records records or window_bytes bytes (copies not yet processed plus lines not yet written;
// one record is admitted alone whatever its size), which bounds memory whatever the speed of the
// steps; while waiting, the driver runs queued steps itself, so N threads keep N cores busy.
// Covered by tests/warc/pipeline_test.cc (1, 2 and 4 threads byte-identical, accounting, kill + rerun)
// and run under ASan+UBSan in build-warc-san.
#include "corpus/record_flow.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "corpus/owned_page.h"

namespace pith::corpus::detail {
namespace {

struct Item {
  uint64_t seq = 0;
  size_t input = 0;
  bool end_of_input = false;
  bool done = false;      // nothing left to run; guarded by Flow::mu_ once admitted
  size_t weight = 0;      // bytes counted against the window
  OwnedPage page;         // a passed page's copy, released once its step has run
  PageSkip verdict = PageSkip::kNone;
  bool has_record = false;
  std::string line;       // the corpus record's JSON line, when the step made one
  std::string reject;     // the reject JSON line, when the record was skipped
  InputOutcome outcome;   // end_of_input only: the reader's counts and error
};

std::string basename_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

class Flow {
 public:
  Flow(const std::vector<PartPaths>& paths, const PipelineOptions& options, const std::string& added,
       const PageToRecordFactory& factory, Progress& progress,
       const std::function<void(size_t, const InputOutcome&)>& on_input_done)
      : paths_(paths), options_(options), factory_(factory), progress_(progress), on_input_done_(on_input_done),
        workers_(static_cast<size_t>(options.threads > 1 ? options.threads - 1 : 0)),
        window_records_(workers_ == 0 ? 1 : options.window_records ? options.window_records : 16 * (workers_ + 1)),
        window_bytes_(options.window_bytes), ring_(window_records_), driver_step_(factory()) {
    for (const std::string& input : options.inputs) names_.push_back(basename_of(input));
    contexts_.reserve(names_.size());
    for (const std::string& name : names_) contexts_.push_back({options.source, added, name});
  }

  void run(const std::vector<size_t>& todo) {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < workers_; ++t) threads.emplace_back([this] { work(); });
    for (size_t input : todo) read_input(input);
    {
      std::unique_lock<std::mutex> lock(mu_);
      while (!(write_finished(lock), next_write_ == next_seq_))
        if (!help(lock)) driver_cv_.wait(lock);
      closing_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : threads) t.join();
  }

 private:
  void read_input(size_t input) {
    PageSelectorOptions selector_options = options_.selector;
    selector_options.reader.strict = options_.strict;
    const std::string& path = options_.inputs[input];
    auto end = std::make_unique<Item>();
    end->input = input;
    end->end_of_input = end->done = true;
    InputOutcome& outcome = end->outcome;
    auto reader = WarcReader::open(path, selector_options.reader, &outcome.error);
    if (!reader) {
      outcome.ok = false;
      admit(std::move(end));
      return;
    }
    PageSelector selector(std::move(reader), selector_options);
    Page page;
    uint64_t bytes_seen = 0;
    while (selector.next(page)) {
      auto item = std::make_unique<Item>();
      item->input = input;
      if (page.skip != SkipReason::kNone) {
        append_reject(item->reject, *page.record, to_string(page.skip), contexts_[input]);
        item->done = true;
        item->weight = item->reject.size();
      } else {
        item->page.assign(page);
        item->weight = item->page.bytes();
      }
      progress_.records.fetch_add(1, std::memory_order_relaxed);
      uint64_t now = selector.stats().compressed_bytes;
      progress_.compressed_bytes.fetch_add(now - bytes_seen, std::memory_order_relaxed);
      bytes_seen = now;
      admit(std::move(item));
    }
    outcome.counts.warc = selector.stats();
    if (!selector.io_error().empty()) {
      outcome.ok = false;
      outcome.error = path + ": " + std::string(selector.io_error());
    } else if (options_.strict && outcome.counts.warc.strict_errors) {
      outcome.ok = false;
      outcome.error = path + ": " + std::string(selector.last_strict_error());
    }
    admit(std::move(end));
  }

  bool has_room(size_t weight) const {
    uint64_t in_flight = next_seq_ - next_write_;
    return in_flight < window_records_ && (in_flight == 0 || bytes_in_flight_ + weight <= window_bytes_);
  }

  void admit(std::unique_ptr<Item> item) {
    std::unique_lock<std::mutex> lock(mu_);
    while (!(write_finished(lock), has_room(item->weight)))
      if (!help(lock)) driver_cv_.wait(lock);
    item->seq = next_seq_++;
    bytes_in_flight_ += item->weight;
    Item* raw = item.get();
    ring_[raw->seq % window_records_] = std::move(item);
    if (!raw->done) {
      queue_.push_back(raw);
      lock.unlock();
      work_cv_.notify_one();
    }
  }

  // Writes the finished slots at the head of the window, in sequence (lock held on entry and exit).
  void write_finished(std::unique_lock<std::mutex>& lock) {
    for (;;) {
      std::unique_ptr<Item>& head = ring_[next_write_ % window_records_];
      if (next_write_ == next_seq_ || !head->done) return;
      std::unique_ptr<Item> item = std::move(head);
      ++next_write_;
      bytes_in_flight_ -= item->weight;
      lock.unlock();
      write(*item);
      item.reset();
      lock.lock();
    }
  }

  // The driver runs the oldest queued step itself; false when none is queued (lock held on entry and exit).
  bool help(std::unique_lock<std::mutex>& lock) {
    if (queue_.empty()) return false;
    run_oldest(lock, driver_step_, driver_record_);
    return true;
  }

  // Takes the oldest queued item and runs `step` on it with the lock released (held on entry and exit).
  Item* run_oldest(std::unique_lock<std::mutex>& lock, PageToRecord& step, PageRecord& record) {
    Item* item = queue_.front();
    queue_.pop_front();
    lock.unlock();
    run_step(*item, step, record);
    lock.lock();
    finish(*item);
    return item;
  }

  void work() {
    PageToRecord step = factory_();
    PageRecord record;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;
      Item* item = run_oldest(lock, step, record);
      if (item->seq == next_write_) driver_cv_.notify_one();  // the driver only ever waits for the head
    }
  }

  void run_step(Item& item, PageToRecord& step, PageRecord& record) {
    record.clear();
    const WarcRecord& warc = item.page.record();
    PageInput in{item.page.body(), item.page.transport_charset(), warc.target_uri, &warc, item.page.http()};
    item.verdict = step(in, record);
    if (item.verdict == PageSkip::kNone) {
      append_record(item.line, warc, item.page.http(), record, contexts_[item.input]);
      item.has_record = true;
    } else {
      append_reject(item.reject, warc, to_string(item.verdict), contexts_[item.input]);
    }
    item.page.release();
  }

  // Lock held: the slot now weighs its lines instead of its page copy.
  void finish(Item& item) {
    size_t weight = item.line.size() + item.reject.size();
    bytes_in_flight_ = bytes_in_flight_ - item.weight + weight;
    item.weight = weight;
    item.done = true;
  }

  // Driver only, in sequence: the input's part is opened at its first line and published at its end.
  void write(Item& item) {
    if (item.input != out_input_) {
      out_input_ = item.input;
      out_counts_ = InputCounts{};
      out_error_.clear();
    }
    if (item.end_of_input) return publish(item);
    if (item.has_record) ++out_counts_.written;
    else if (item.verdict != PageSkip::kNone) ++out_counts_.page_skips[static_cast<size_t>(item.verdict)];
    if (!out_error_.empty()) return;
    if (!writer_.is_open() && !writer_.open(paths_[item.input], compression_for(options_.output), &out_error_)) {
      if (out_error_.empty()) out_error_ = "cannot open " + paths_[item.input].part;
      return;
    }
    if (!writer_.add(item.line, item.reject)) out_error_ = "cannot write " + paths_[item.input].part;
  }

  void publish(Item& end) {
    InputOutcome& outcome = end.outcome;
    outcome.counts.written = out_counts_.written;
    outcome.counts.page_skips = out_counts_.page_skips;
    if (outcome.ok && !out_error_.empty()) {
      outcome.ok = false;
      outcome.error = options_.inputs[end.input] + ": " + out_error_;
    }
    std::string error;
    if (outcome.ok && !writer_.is_open() && !writer_.open(paths_[end.input], compression_for(options_.output), &error)) {
      outcome.ok = false;
      outcome.error = options_.inputs[end.input] + ": " + error;
    }
    if (outcome.ok && !writer_.publish(outcome.counts, &error)) {
      outcome.ok = false;
      outcome.error = options_.inputs[end.input] + ": " + error;
    }
    if (!outcome.ok) writer_.abandon();
    out_input_ = SIZE_MAX;
    progress_.inputs_finished.fetch_add(1);
    on_input_done_(end.input, outcome);
  }

  const std::vector<PartPaths>& paths_;
  const PipelineOptions& options_;
  const PageToRecordFactory& factory_;
  Progress& progress_;
  const std::function<void(size_t, const InputOutcome&)>& on_input_done_;
  const size_t workers_;
  const size_t window_records_;
  const size_t window_bytes_;
  std::vector<std::string> names_;
  std::vector<LineContext> contexts_;

  std::mutex mu_;
  std::condition_variable work_cv_;    // workers: a page is queued, or closing
  std::condition_variable driver_cv_;  // driver: the head of the window is finished
  std::vector<std::unique_ptr<Item>> ring_;  // slot seq % window_records_ holds record seq
  std::deque<Item*> queue_;                  // admitted pages waiting for a step, oldest first
  uint64_t next_seq_ = 0;                    // sequence number of the next record admitted
  uint64_t next_write_ = 0;                  // sequence number of the next record written
  size_t bytes_in_flight_ = 0;
  bool closing_ = false;

  // Driver only.
  PageToRecord driver_step_;
  PageRecord driver_record_;
  PartWriter writer_;
  size_t out_input_ = SIZE_MAX;
  InputCounts out_counts_;
  std::string out_error_;
};

}  // namespace

void run_record_flow(const std::vector<size_t>& todo, const std::vector<PartPaths>& paths,
                     const PipelineOptions& options, const std::string& added, const PageToRecordFactory& factory,
                     Progress& progress, const std::function<void(size_t input, const InputOutcome&)>& on_input_done) {
  Flow(paths, options, added, factory, progress, on_input_done).run(todo);
}

}  // namespace pith::corpus::detail

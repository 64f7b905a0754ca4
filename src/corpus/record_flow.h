// Record-level parallelism (internal to the pipeline): the records of the inputs, read in order by the
// calling thread, run through the page -> record step on N threads, and are written back in read order.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "corpus/part_writer.h"
#include "corpus/pipeline.h"

namespace pith::corpus::detail {

// What became of one input.
struct InputOutcome {
  InputCounts counts;
  bool ok = true;
  std::string error;
};

// Processes the inputs `todo` (indices into options.inputs) one after another into their parts `paths`.
// The calling thread (the driver) reads and selects records, copies each passed page (OwnedPage) into the
// window, writes finished records in window order and, whenever the window is full, runs the step on
// the oldest waiting page itself; options.threads - 1 workers run the step on the others. With one
// thread the window holds one record: read, step, write in turn. `on_input_done` is called by the driver,
// in input order, once an input's part is published (or abandoned on failure).
void run_record_flow(const std::vector<size_t>& todo, const std::vector<PartPaths>& paths,
                     const PipelineOptions& options, const std::string& added, const PageToRecordFactory& factory,
                     Progress& progress, const std::function<void(size_t input, const InputOutcome&)>& on_input_done);

}  // namespace pith::corpus::detail

// The real page -> record step: pith's Extractor (include/pith/extract.h) behind the PageToRecord
// interface of page_record.h. One Extractor per worker (the factory is called once per worker thread).
#pragma once

#include "corpus/page_record.h"
#include "pith/extract.h"

namespace pith::corpus {

// `base` gives the extraction options (format is ignored: records carry plain text); the URL and the
// transport charset are set per page.
PageToRecordFactory extractor_step(const Options& base);

}  // namespace pith::corpus

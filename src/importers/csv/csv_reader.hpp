// SPDX-License-Identifier: MIT
// The CSV ContactReader with explicit limits, so tests can make the bounds small.
#pragma once

#include "csv_tokenizer.hpp"

#include <contact_audit/importers/reader.hpp>

#include <filesystem>
#include <istream>
#include <memory>

namespace contact_audit::importers::csv {

// As importers::make_csv_reader, with `limits` instead of the defaults.
std::unique_ptr<ContactReader> make_reader(std::unique_ptr<std::istream> input,
                                           std::filesystem::path file,
                                           const ReadOptions& options,
                                           const CsvLimits& limits);

} // namespace contact_audit::importers::csv

// SPDX-License-Identifier: MIT
// The import pipeline: read contacts from files and normalise their phone numbers.
#pragma once

#include <contact_audit/contact/contact.hpp>
#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/importers/reader.hpp>
#include <contact_audit/phone/shared_cache.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace contact_audit::importers {

struct InputFile
{
  std::filesystem::path path;
  ReadOptions options;
};

struct PipelineOptions
{
  std::string region = "DE"; // Default region for numbers without country code.
  unsigned threads = 0;      // Normalisation threads; 0: one per core.
  std::size_t batch_size = 512;
  // When set, numbers are normalised on the calling thread through this cache,
  // shared with imports running in parallel on other threads (`threads` is then
  // ignored): a batch of many address books parses each distinct number once.
  phone::SharedNumberCache* shared_cache = nullptr;
};

// Totals over all files; they add up per file as in ReaderStats.
struct ImportSummary
{
  std::size_t files = 0;
  std::size_t contacts_read = 0;
  std::size_t contacts_rejected = 0;
  std::size_t properties_dropped = 0;
  std::size_t phones = 0;
  std::size_t phones_valid = 0;
  std::size_t phones_ambiguous = 0;
  std::size_t phones_invalid = 0;
  std::size_t phones_service = 0;
  std::size_t phones_unparsable = 0;
  std::vector<ReaderStats> per_file;
};

// Reads every file in order, normalises each phone number with libphonenumber
// (on a pool of threads; each distinct raw number once per thread) and hands
// each contact to `on_contact` in file order, on the calling thread.
// Diagnostics (reader and phone) reach `sink` in the same deterministic order,
// each before the contact it concerns. Throws InputError when a file cannot be
// opened or its format is not recognised, before anything of that file is delivered.
ImportSummary run_import(const std::vector<InputFile>& files,
                         const PipelineOptions& options,
                         const std::function<void(contact::Contact&&)>& on_contact,
                         DiagnosticSink& sink);

} // namespace contact_audit::importers

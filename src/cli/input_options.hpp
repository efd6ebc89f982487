// SPDX-License-Identifier: MIT
// The options shared by every command that reads address books (import, classify, audit).
#pragma once

#include <contact_audit/core/diagnostic.hpp>
#include <contact_audit/importers/pipeline.hpp>

#include <boost/program_options.hpp>

#include <string>
#include <vector>

namespace contact_audit::cli {

struct InputOptions
{
  std::vector<std::string> files;
  std::string region = "DE";
  std::string account;
  std::string encoding;
  std::string csv_mapping;
  unsigned threads = 0;
};

// Adds FILE..., --region, --account, --encoding, --csv-mapping and --threads.
void add_input_options(boost::program_options::options_description& options, InputOptions& input);

// Check every file before anything is read, so the user fixes all of them in
// one go: throws InputError listing each file that is missing, unreadable or of
// an unknown format. A file given as ACCOUNT=PATH takes that account label.
std::vector<importers::InputFile> resolve_input_files(const InputOptions& input);

importers::PipelineOptions pipeline_options(const InputOptions& input);

// Prints each diagnostic at once as "file:line: message" on stderr.
class StderrSink final : public DiagnosticSink
{
public:
  void report(Diagnostic diagnostic) override;
  std::size_t errors() const { return m_errors; }

private:
  std::size_t m_errors = 0;
};

} // namespace contact_audit::cli

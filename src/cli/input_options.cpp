// SPDX-License-Identifier: MIT
// Input options shared by the commands that read address books.
#include "input_options.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/importers/reader.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

void add_input_options(po::options_description& options, InputOptions& input)
{
  options.add_options()("file",
                        po::value(&input.files)->multitoken(),
                        "Address book files (vCard or CSV); ACCOUNT=FILE gives one file its own "
                        "account label.")(
      "region",
      po::value(&input.region)->default_value("DE"),
      "Region for numbers written without country code (ISO 3166, e.g. DE, AT, CH).")(
      "account",
      po::value(&input.account),
      "Account label of the files: managed, unmanaged, work or personal.")(
      "encoding",
      po::value(&input.encoding),
      "Force the file encoding (e.g. UTF-8, UTF-16LE, windows-1252, ISO-8859-15) instead of "
      "detecting it.")("csv-mapping",
                       po::value(&input.csv_mapping),
                       "TOML file mapping CSV columns to contact fields (docs/csv-mapping.md).")(
      "threads",
      po::value(&input.threads)->default_value(0),
      "Threads for phone normalisation; 0 uses every core.");
}

std::vector<importers::InputFile> resolve_input_files(const InputOptions& input)
{
  if (input.files.empty()) {
    throw InputError("No input file was given; name at least one vCard or CSV file.");
  }
  if (!phone::is_known_region(input.region)) {
    throw InputError("The region \"" + input.region +
                     "\" is not known; use an ISO 3166 code such as DE, AT or CH.");
  }
  std::vector<importers::InputFile> files;
  std::string problems;
  for (const auto& argument : input.files) {
    importers::InputFile file;
    file.options.account = input.account;
    file.options.encoding = input.encoding;
    file.options.csv_mapping = input.csv_mapping;
    const auto equals = argument.find('=');
    if (equals != std::string::npos && !std::filesystem::exists(argument)) {
      file.options.account = argument.substr(0, equals);
      file.path = argument.substr(equals + 1);
    } else {
      file.path = argument;
    }
    try {
      importers::detect_format(file.path);
    } catch (const InputError& error) {
      problems += problems.empty() ? "" : "\n";
      problems += error.what();
      continue;
    }
    files.push_back(std::move(file));
  }
  if (!problems.empty()) {
    throw InputError(problems);
  }
  return files;
}

importers::PipelineOptions pipeline_options(const InputOptions& input)
{
  importers::PipelineOptions options;
  options.region = input.region;
  options.threads = input.threads;
  return options;
}

void StderrSink::report(Diagnostic diagnostic)
{
  if (diagnostic.severity == Severity::error) {
    ++m_errors;
  }
  std::cerr << format(diagnostic) << '\n';
}

} // namespace contact_audit::cli

// SPDX-License-Identifier: MIT
// Writing an audit result to the report files a command was asked for (format from the extension).
#pragma once

#include <contact_audit/audit/result.hpp>

#include <boost/program_options.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace contact_audit::cli {

struct ReportRequest
{
  std::vector<std::string> reports; // --report FILE (html, htm, pdf, json, csv), repeatable.
  std::string json;                 // --json FILE
  std::string csv;                  // --csv FILE
  std::string language;             // --lang de|en; empty: from the locale.
  std::string template_dir;         // --template DIR
  std::string company;              // --company NAME
  bool reveal = false;              // --reveal
};

// Adds --report, --json, --csv, --lang, --template, --company and --reveal.
void add_report_options(boost::program_options::options_description& options,
                        ReportRequest& request);

// Check the request before any work is done: throws InputError for an unknown
// extension, language or a missing template directory.
void check_report_request(const ReportRequest& request);

// Write every requested report atomically (mode 0600) and name each on stderr.
// Throws InputError or IoError from the writers.
void write_reports(const audit::AuditResult& result, const ReportRequest& request);

// The report language: --lang, else the locale's (de or en).
std::string report_language(const ReportRequest& request);

} // namespace contact_audit::cli

// SPDX-License-Identifier: MIT
// Report files of a command: one writer per extension.
#include "report_output.hpp"

#include <contact_audit/core/error.hpp>
#include <contact_audit/core/text.hpp>
#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/data_formats.hpp>
#include <contact_audit/report/html.hpp>
#include <contact_audit/report/pdf.hpp>

#include <iostream>

namespace contact_audit::cli {

namespace po = boost::program_options;

namespace {

std::string kind_of(const std::filesystem::path& path)
{
  const auto extension = to_lower_ascii(path.extension().string());
  if (extension == ".html" || extension == ".htm") {
    return "html";
  }
  if (extension == ".pdf" || extension == ".json" || extension == ".csv") {
    return extension.substr(1);
  }
  throw InputError("The report file \"" + path.string() +
                   "\" has an unknown extension; use .html, .pdf, .json or .csv.");
}

std::vector<std::filesystem::path> all_reports(const ReportRequest& request)
{
  std::vector<std::filesystem::path> paths(request.reports.begin(), request.reports.end());
  if (!request.json.empty()) {
    paths.emplace_back(request.json);
  }
  if (!request.csv.empty()) {
    paths.emplace_back(request.csv);
  }
  return paths;
}

void write_report(const audit::AuditResult& result,
                  const report::ReportOptions& options,
                  bool reveal,
                  const std::filesystem::path& path)
{
  const auto kind = kind_of(path);
  if (kind == "html") {
    report::write_html_report(result, options, path);
  } else if (kind == "pdf") {
    report::write_pdf_report(result, options, path);
  } else if (kind == "json") {
    report::write_json_report(result, reveal, path);
  } else {
    report::write_csv_report(result, reveal, path);
  }
}

} // namespace

void add_report_options(po::options_description& options, ReportRequest& request)
{
  options.add_options()("report",
                        po::value(&request.reports)->composing(),
                        "Write a report; the format follows the extension (.html, .pdf, .json, "
                        ".csv). Repeatable.")(
      "json", po::value(&request.json), "Write the result as JSON (docs/audit-json.md).")(
      "csv", po::value(&request.csv), "Write the findings as CSV.")(
      "lang",
      po::value(&request.language),
      "Report language: de or en (default: from the locale).")(
      "template",
      po::value(&request.template_dir),
      "Directory with the company's own HTML template files.")(
      "company", po::value(&request.company), "Company name shown in the reports.")(
      "reveal",
      po::bool_switch(&request.reveal),
      "Show full phone numbers instead of masked ones.");
}

std::string report_language(const ReportRequest& request)
{
  return request.language.empty() ? report::default_language() : request.language;
}

void check_report_request(const ReportRequest& request)
{
  report::check_language(report_language(request));
  for (const auto& path : all_reports(request)) {
    kind_of(path);
  }
  if (!request.template_dir.empty() && !std::filesystem::is_directory(request.template_dir)) {
    throw InputError("The template directory \"" + request.template_dir + "\" does not exist.");
  }
}

void write_reports(const audit::AuditResult& result, const ReportRequest& request)
{
  report::ReportOptions options;
  options.language = report_language(request);
  options.reveal = request.reveal;
  options.template_dir = request.template_dir;
  options.company = request.company;
  for (const auto& path : all_reports(request)) {
    try {
      write_report(result, options, request.reveal, path);
    } catch (const IoError& error) {
      // The writers go through AtomicFile, so a failed write (a full disk, say) leaves the
      // file that was there before; say so, and name the report.
      throw IoError(std::string(error.what()) + " The report " + path.string() +
                    " was not written; an earlier file at that path is unchanged.");
    }
    std::cerr << "contact-audit: wrote " << path.string() << '\n';
  }
}

} // namespace contact_audit::cli

// SPDX-License-Identifier: MIT
// report_sample: writes the test sample audit as HTML and PDF, German and English, for a human to
// look at.
#include "test_report_support.hpp"

#include <contact_audit/report/html.hpp>
#include <contact_audit/report/pdf.hpp>

#include <chrono>
#include <ctime>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
  if (argc < 2) {
    std::cerr << "usage: report_sample OUT_DIR [EXTRA_FINDINGS [html|pdf]]\n";
    return 2;
  }
  const std::filesystem::path out = argv[1];
  const std::size_t extra = argc > 2 ? std::stoul(argv[2]) : 0;
  const std::string only = argc > 3 ? argv[3] : "";
  std::filesystem::create_directories(out);
  const auto result = contact_audit::test::sample_audit(extra);
  for (const char* language : {"de", "en"}) {
    contact_audit::report::ReportOptions options;
    options.language = language;
    const std::string stem = std::string("sample-") + language;
    // Wall-clock time, and the process's CPU time (meaningful on a busy machine too).
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    if (only != "pdf") {
      contact_audit::report::write_html_report(result, options, out / (stem + ".html"));
    }
    const auto html = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    const double html_cpu = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    start = std::chrono::steady_clock::now();
    cpu = std::clock();
    if (only != "html") {
      contact_audit::report::write_pdf_report(result, options, out / (stem + ".pdf"));
    }
    const auto pdf = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    const double pdf_cpu = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::cout << stem << ": " << result.findings.size() << " findings, HTML " << html.count()
              << " s (CPU " << html_cpu << " s), PDF " << pdf.count() << " s (CPU " << pdf_cpu
              << " s)\n";
  }
  return 0;
}

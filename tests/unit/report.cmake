# SPDX-License-Identifier: MIT
# Report tests: catalogue and formatting, HTML (escaping, templates), PDF (read back with poppler).
contact_audit_unit_test(unit_report
  SOURCES test_report_support.cpp test_report_catalog.cpp test_report_html.cpp test_report_pdf.cpp
          test_report_consent_letter.cpp test_report_json.cpp
  LIBS contact_audit::report)

# The HTML report in a real headless Chromium: an end-to-end test (label e2e). It fails,
# rather than skips, when chromium is missing: scripts/setup.sh installs it.
add_executable(e2e_report_html ${PROJECT_SOURCE_DIR}/tests/unit/main.cpp
  test_report_support.cpp test_report_chromium.cpp)
target_include_directories(e2e_report_html PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit)
target_link_libraries(e2e_report_html PRIVATE contact_audit::report doctest::doctest
  contact_audit_warnings)
target_compile_definitions(e2e_report_html PRIVATE
  CONTACT_AUDIT_REPORT_ARTEFACTS="${CMAKE_CURRENT_BINARY_DIR}/report-artefacts")
doctest_discover_tests(e2e_report_html ADD_LABELS 1 PROPERTIES LABELS e2e)

# Writes the sample reports (de/en, HTML/PDF) to a folder for a human to look at; not a test.
add_executable(report_sample test_report_support.cpp report_sample_main.cpp)
target_include_directories(report_sample PRIVATE ${PROJECT_SOURCE_DIR}/tests/unit)
target_link_libraries(report_sample PRIVATE contact_audit::report contact_audit_warnings)

# SPDX-License-Identifier: MIT
# Batch tests: the run folder's file writing (the whole run is tested end to end in tests/e2e).
contact_audit_unit_test(unit_batch
  SOURCES test_batch_output_dir.cpp test_report_support.cpp
  LIBS contact_audit::batch contact_audit::report)

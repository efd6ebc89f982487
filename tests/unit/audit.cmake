# SPDX-License-Identifier: MIT
# Audit internals: the order of findings.
contact_audit_unit_test(unit_audit
  SOURCES test_audit_findings.cpp
  LIBS contact_audit::audit)

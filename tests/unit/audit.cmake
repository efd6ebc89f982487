# SPDX-License-Identifier: MIT
# Audit internals: the order of findings, the consent request plan (findings grouped into people).
contact_audit_unit_test(unit_audit
  SOURCES test_audit_findings.cpp test_audit_request_plan.cpp
  LIBS contact_audit::audit)

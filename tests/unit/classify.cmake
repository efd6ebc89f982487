contact_audit_unit_test(unit_classify
  SOURCES test_classify_rule_set.cpp test_classify_classifier.cpp test_classify_overrides.cpp
          test_classify_shipped_rules.cpp test_classify_labelled_set.cpp
  LIBS contact_audit::classify contact_audit::importers)
target_compile_definitions(unit_classify PRIVATE
  CONTACT_AUDIT_RULES_DIR="${PROJECT_SOURCE_DIR}/rules")

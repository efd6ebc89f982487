# The CSV reader: quirks, column profiles, mapping files, and the public corpus in testdata/csv/corpus.
contact_audit_unit_test(unit_csv
  SOURCES test_importers_csv_reader.cpp test_importers_csv_profiles.cpp
          test_importers_csv_mapping.cpp test_importers_csv_corpus.cpp
  LIBS contact_audit::importers Poco::JSON Poco::Foundation)

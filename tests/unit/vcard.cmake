# SPDX-License-Identifier: MIT
contact_audit_unit_test(unit_vcard
  SOURCES test_importers_vcard_reader.cpp test_importers_vcard_values.cpp
          test_importers_vcard_corpus.cpp test_importers_card_text.cpp test_contact_vcard.cpp
  LIBS contact_audit::importers Poco::JSON)

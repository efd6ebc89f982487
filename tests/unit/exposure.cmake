# SPDX-License-Identifier: MIT
# Unit tests of the exposure module: device profiles, expose(), what-if, messenger models.
contact_audit_unit_test(unit_exposure
  SOURCES
    test_exposure_book_files.cpp
    test_exposure_device_profile.cpp
    test_exposure_exposure.cpp
    test_exposure_messenger_model.cpp
    test_exposure_what_if.cpp
  LIBS contact_audit::exposure)
target_compile_definitions(unit_exposure PRIVATE
  CONTACT_AUDIT_RULES="${PROJECT_SOURCE_DIR}/rules")

# SPDX-License-Identifier: MIT
# Find libphonenumber (Debian ships headers and libraries but no CMake config).
# Provides the imported target PhoneNumber::PhoneNumber.

find_path(PhoneNumber_INCLUDE_DIR NAMES phonenumbers/phonenumberutil.h)
find_library(PhoneNumber_LIBRARY NAMES phonenumber)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber REQUIRED_VARS PhoneNumber_LIBRARY PhoneNumber_INCLUDE_DIR)

if(PhoneNumber_FOUND AND NOT TARGET PhoneNumber::PhoneNumber)
  # The public headers include ICU (unicode/*) and protobuf-generated types; code that
  # copies a PhoneNumber message needs protobuf's typeinfo (UBSan's vptr check does).
  find_package(ICU REQUIRED COMPONENTS uc i18n)
  find_package(Protobuf REQUIRED)
  add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
  set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    IMPORTED_LOCATION "${PhoneNumber_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PhoneNumber_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "ICU::uc;ICU::i18n;protobuf::libprotobuf")
endif()
mark_as_advanced(PhoneNumber_INCLUDE_DIR PhoneNumber_LIBRARY)

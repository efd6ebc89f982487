# SPDX-License-Identifier: MIT
# Compiler warnings for the project's own targets (linked PRIVATE, never exported).
add_library(contact_audit_warnings INTERFACE)
target_compile_options(contact_audit_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  $<$<BOOL:${CONTACT_AUDIT_WERROR}>:-Werror>)
target_compile_definitions(contact_audit_warnings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

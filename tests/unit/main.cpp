// SPDX-License-Identifier: MIT
// doctest's main for every unit-test binary.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

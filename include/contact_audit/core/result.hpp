// SPDX-License-Identifier: MIT
// Result<T>: the return type where failure is an ordinary outcome.
#pragma once

#include <contact_audit/core/diagnostic.hpp>

#include <tl/expected.hpp>

namespace contact_audit {

template <typename T> using Result = tl::expected<T, Diagnostic>;

using tl::make_unexpected;

} // namespace contact_audit

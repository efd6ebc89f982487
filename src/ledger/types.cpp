// SPDX-License-Identifier: MIT
// Names of the ledger enums as they are serialised in SQL, JSON and on the command line.
#include <contact_audit/ledger/review_store.hpp>
#include <contact_audit/ledger/types.hpp>

#include <array>

namespace contact_audit::ledger {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names, std::string_view text)
{
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, Enum value)
{
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view("?");
}

constexpr std::array<std::string_view, 11> k_actions{"requested",
                                                     "deferred",
                                                     "given",
                                                     "renewed",
                                                     "refused",
                                                     "withdrawn",
                                                     "revoked",
                                                     "expired",
                                                     "invalidated",
                                                     "voided",
                                                     "erased"};
// W3C DPV 2.x consent status concepts (dpv/modules/consent_status.csv).
constexpr std::array<std::string_view, 11> k_dpv_concepts{"dpv:ConsentRequested",
                                                          "dpv:ConsentRequestDeferred",
                                                          "dpv:ConsentGiven",
                                                          "dpv:RenewedConsentGiven",
                                                          "dpv:ConsentRefused",
                                                          "dpv:ConsentWithdrawn",
                                                          "dpv:ConsentRevoked",
                                                          "dpv:ConsentExpired",
                                                          "dpv:ConsentInvalidated",
                                                          "dpv:ConsentUnknown",
                                                          "dpv:ConsentUnknown"};
constexpr std::array<std::string_view, 5> k_methods{
    "paper", "web_form", "email", "verbal", "other"};
constexpr std::array<std::string_view, 5> k_relationships{
    "customer", "supplier", "partner", "colleague", "other"};
constexpr std::array<std::string_view, 2> k_expressed_by{"subject", "representative"};
constexpr std::array<std::string_view, 8> k_statuses{
    "valid", "missing", "pending", "refused", "withdrawn", "revoked", "expired", "invalidated"};
constexpr std::array<std::string_view, 2> k_key_kinds{"e164", "uid"};
constexpr std::array<std::string_view, 2> k_decisions{"business", "private"};

} // namespace

std::string_view to_string(Action action)
{
  return name_of(k_actions, action);
}
std::optional<Action> parse_action(std::string_view text)
{
  return parse_enum<Action>(k_actions, text);
}
std::string_view dpv_concept(Action action)
{
  return name_of(k_dpv_concepts, action);
}

std::string_view to_string(Method method)
{
  return name_of(k_methods, method);
}
std::optional<Method> parse_method(std::string_view text)
{
  return parse_enum<Method>(k_methods, text);
}

std::string_view to_string(Relationship relationship)
{
  return name_of(k_relationships, relationship);
}
std::optional<Relationship> parse_relationship(std::string_view text)
{
  return parse_enum<Relationship>(k_relationships, text);
}

std::string_view to_string(ExpressedBy expressed_by)
{
  return name_of(k_expressed_by, expressed_by);
}
std::optional<ExpressedBy> parse_expressed_by(std::string_view text)
{
  return parse_enum<ExpressedBy>(k_expressed_by, text);
}

std::string_view to_string(ConsentStatus status)
{
  return name_of(k_statuses, status);
}
std::optional<ConsentStatus> parse_consent_status(std::string_view text)
{
  return parse_enum<ConsentStatus>(k_statuses, text);
}

std::string_view to_string(ReviewKeyKind kind)
{
  return name_of(k_key_kinds, kind);
}
std::optional<ReviewKeyKind> parse_review_key_kind(std::string_view text)
{
  return parse_enum<ReviewKeyKind>(k_key_kinds, text);
}

std::string_view to_string(ReviewDecision decision)
{
  return name_of(k_decisions, decision);
}
std::optional<ReviewDecision> parse_review_decision(std::string_view text)
{
  return parse_enum<ReviewDecision>(k_decisions, text);
}

} // namespace contact_audit::ledger

// SPDX-License-Identifier: MIT
// Table, JSON and CSV output of classified contacts, written as they arrive.
#include "classify_output.hpp"

#include <contact_audit/contact/json.hpp>
#include <contact_audit/core/csv_writer.hpp>
#include <contact_audit/core/error.hpp>

#include <iomanip>

namespace contact_audit::cli {
namespace {

using classify::Classification;
using classify::Language;

std::size_t index(Classification classification)
{
  return static_cast<std::size_t>(classification);
}

// A JSON string literal: quotes, backslashes and control characters escaped; UTF-8 kept.
std::string json_string(std::string_view text)
{
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      constexpr std::string_view hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      out += hex[static_cast<unsigned char>(c) & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// "business", "unknown → business", "private (review)": the class as a reader needs it.
std::string shown_class(const classify::Verdict& verdict, Language language)
{
  std::string text(display_name(verdict.classification, language));
  if (verdict.classification == Classification::unknown &&
      verdict.treated_as != Classification::unknown) {
    text += " \xE2\x86\x92 " + std::string(display_name(verdict.treated_as, language));
  }
  if (verdict.overridden) {
    text += language == Language::de ? " (Prüfung)" : " (review)";
  }
  return text;
}

std::string numbers(const contact::Contact& contact, bool reveal, std::string_view separator)
{
  std::string text;
  for (const auto& phone : contact.phones) {
    const auto shown = contact::shown_e164(phone, reveal);
    text += text.empty() ? "" : separator;
    text += shown.empty() ? contact::shown_raw(phone, reveal) : shown;
  }
  return text;
}

// Cut on a UTF-8 character boundary so the table never shows half a character.
std::string cut(std::string_view text, std::size_t width)
{
  if (text.size() <= width) {
    return std::string(text);
  }
  std::size_t end = width - 1;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return std::string(text.substr(0, end)) + "~";
}

// Pad to `width` display columns, counting UTF-8 characters rather than bytes.
std::string pad(std::string text, std::size_t width)
{
  std::size_t columns = 0;
  for (const char c : text) {
    columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return columns < width ? text + std::string(width - columns, ' ') : text + ' ';
}

class TableOutput final : public ClassifyOutput
{
public:
  TableOutput(std::ostream& out, const ClassifyOutputOptions& options)
      : m_out(out), m_options(options)
  {
  }

  void begin(const classify::RuleSet& rules) override
  {
    m_policy = &rules.policy();
    const bool de = m_options.language == Language::de;
    m_out << pad("NAME", 30) << pad(de ? "ORGANISATION" : "ORGANISATION", 24)
          << pad(de ? "NUMMERN" : "NUMBERS", 22) << pad(de ? "PUNKTE" : "SCORE", 7)
          << (de ? "KLASSE" : "CLASS") << '\n';
  }

  void write(const contact::Contact& contact, const classify::Verdict& verdict) override
  {
    std::string shown_numbers =
        contact.phones.empty() ? "-" : numbers(contact, m_options.reveal, "");
    if (contact.phones.size() > 1) {
      const auto first = contact::shown_e164(contact.phones.front(), m_options.reveal);
      shown_numbers =
          (first.empty() ? contact::shown_raw(contact.phones.front(), m_options.reveal) : first) +
          " (+" + std::to_string(contact.phones.size() - 1) + ")";
    }
    m_out << pad(cut(contact::best_name(contact), 29), 30)
          << pad(cut(contact.organisation.empty() ? "-" : contact.organisation, 23), 24)
          << pad(cut(shown_numbers, 21), 22) << pad(std::to_string(verdict.score), 7)
          << shown_class(verdict, m_options.language) << '\n';
    if (m_options.explain) {
      for (const auto& line : classify::explain(verdict, m_options.language, m_options.reveal)) {
        m_out << "    " << line << '\n';
      }
    }
  }

  void end(const ClassifySummary& summary, const importers::ImportSummary& /*import*/) override
  {
    m_out << '\n' << summary_sentence(summary, *m_policy, m_options.language) << '\n';
    m_out.flush();
  }

private:
  std::ostream& m_out;
  ClassifyOutputOptions m_options;
  const classify::Policy* m_policy = nullptr;
};

class JsonOutput final : public ClassifyOutput
{
public:
  JsonOutput(std::ostream& out, const ClassifyOutputOptions& options)
      : m_out(out), m_options(options)
  {
  }

  void begin(const classify::RuleSet& rules) override
  {
    const auto& policy = rules.policy();
    m_out << "{\"rules\":{\"sha256\":" << json_string(rules.sha256()) << ",\"files\":[";
    for (std::size_t i = 0; i < rules.files().size(); ++i) {
      m_out << (i == 0 ? "" : ",") << "{\"path\":" << json_string(rules.files()[i].path.string())
            << ",\"sha256\":" << json_string(rules.files()[i].sha256) << "}";
    }
    m_out << "],\"policy\":{\"business_min_score\":" << policy.business_min_score
          << ",\"private_max_score\":" << policy.private_max_score
          << ",\"unknown_as\":" << json_string(to_string(policy.unknown_as)) << "}},\n"
          << "\"contacts\":[\n";
  }

  void write(const contact::Contact& contact, const classify::Verdict& verdict) override
  {
    const auto language = m_options.language;
    m_out << (m_first ? "" : ",\n")
          << "{\"contact\":" << contact::to_json(contact, {m_options.reveal, 0})
          << ",\"class\":" << json_string(to_string(verdict.classification))
          << ",\"treated_as\":" << json_string(to_string(verdict.treated_as))
          << ",\"score\":" << verdict.score
          << ",\"reviewed\":" << (verdict.overridden ? "true" : "false")
          << ",\"conflict\":" << (verdict.conflict ? "true" : "false") << ",\"reviews\":[";
    for (std::size_t i = 0; i < verdict.overrides.size(); ++i) {
      const auto& entry = *verdict.overrides[i];
      m_out << (i == 0 ? "" : ",") << "{\"key_kind\":" << json_string(to_string(entry.key_kind))
            << ",\"decision\":" << json_string(to_string(entry.decision))
            << ",\"by\":" << json_string(entry.by) << ",\"at\":" << json_string(entry.at)
            << ",\"evidence\":" << json_string(classify::explain(entry, language, m_options.reveal))
            << "}";
    }
    m_out << "],\"rules\":[";
    for (std::size_t i = 0; i < verdict.fired.size(); ++i) {
      const auto& fired = verdict.fired[i];
      m_out << (i == 0 ? "" : ",") << "{\"id\":" << json_string(fired.rule->id)
            << ",\"weight\":" << fired.rule->weight
            << ",\"evidence\":" << json_string(classify::explain(fired, language, m_options.reveal))
            << "}";
    }
    m_out << "]}";
    m_first = false;
  }

  void end(const ClassifySummary& summary, const importers::ImportSummary& import) override
  {
    m_out << "\n],\n\"summary\":{\"contacts\":" << summary.contacts;
    for (const auto c :
         {Classification::business, Classification::private_, Classification::unknown}) {
      m_out << ",\"" << to_string(c) << "\":" << summary.by_class[index(c)];
    }
    for (const auto c :
         {Classification::business, Classification::private_, Classification::unknown}) {
      m_out << ",\"treated_as_" << to_string(c) << "\":" << summary.treated_as[index(c)];
    }
    m_out << ",\"reviewed\":" << summary.reviewed << ",\"conflicts\":" << summary.conflicts
          << ",\"files\":" << import.files << ",\"contacts_rejected\":" << import.contacts_rejected
          << "}}\n";
    m_out.flush();
  }

private:
  std::ostream& m_out;
  ClassifyOutputOptions m_options;
  bool m_first = true;
};

class CsvOutput final : public ClassifyOutput
{
public:
  CsvOutput(std::ostream& out, std::ostream& summary_out, const ClassifyOutputOptions& options)
      : m_out(out), m_summary_out(summary_out), m_options(options)
  {
  }

  void begin(const classify::RuleSet& rules) override
  {
    m_policy = &rules.policy();
    std::vector<std::string> header{"file",
                                    "line",
                                    "record",
                                    "uid",
                                    "name",
                                    "organisation",
                                    "numbers",
                                    "class",
                                    "treated_as",
                                    "score",
                                    "reviewed",
                                    "rules"};
    if (m_options.explain) {
      header.emplace_back("reasons");
    }
    write_csv_row(m_out, header);
  }

  void write(const contact::Contact& contact, const classify::Verdict& verdict) override
  {
    std::string rules;
    for (const auto& fired : verdict.fired) {
      rules += (rules.empty() ? "" : " ") + fired.rule->id + "(" +
               (fired.rule->weight > 0 ? "+" : "") + std::to_string(fired.rule->weight) + ")";
    }
    std::vector<std::string> row{contact.source.file.string(),
                                 std::to_string(contact.source.line),
                                 std::to_string(contact.source.record),
                                 contact.uid,
                                 contact::best_name(contact),
                                 contact.organisation,
                                 numbers(contact, m_options.reveal, " "),
                                 std::string(to_string(verdict.classification)),
                                 std::string(to_string(verdict.treated_as)),
                                 std::to_string(verdict.score),
                                 verdict.overridden ? "yes" : "no",
                                 rules};
    if (m_options.explain) {
      std::string reasons;
      for (const auto& line : classify::explain(verdict, m_options.language, m_options.reveal)) {
        reasons += (reasons.empty() ? "" : " | ") + line;
      }
      row.push_back(std::move(reasons));
    }
    write_csv_row(m_out, row);
  }

  void end(const ClassifySummary& summary, const importers::ImportSummary& /*import*/) override
  {
    m_out.flush();
    m_summary_out << summary_sentence(summary, *m_policy, m_options.language) << '\n';
  }

private:
  std::ostream& m_out;
  std::ostream& m_summary_out;
  ClassifyOutputOptions m_options;
  const classify::Policy* m_policy = nullptr;
};

} // namespace

void ClassifySummary::add(const classify::Verdict& verdict)
{
  ++contacts;
  ++by_class[index(verdict.classification)];
  ++treated_as[index(verdict.treated_as)];
  reviewed += verdict.overridden ? 1 : 0;
  conflicts += verdict.conflict ? 1 : 0;
}

std::string
summary_sentence(const ClassifySummary& summary, const classify::Policy& policy, Language language)
{
  const auto count = [&](Classification c) { return std::to_string(summary.by_class[index(c)]); };
  const bool de = language == Language::de;
  const bool one = summary.contacts == 1;
  std::string text =
      de ? std::to_string(summary.contacts) + (one ? " Kontakt" : " Kontakte") + " eingeordnet: "
         : "Classified " + std::to_string(summary.contacts) + (one ? " contact: " : " contacts: ");
  text += count(Classification::business) + " " +
          std::string(display_name(Classification::business, language)) + ", " +
          count(Classification::private_) + " " +
          std::string(display_name(Classification::private_, language)) + ", " +
          count(Classification::unknown) + " " +
          std::string(display_name(Classification::unknown, language));
  text += de ? " (behandelt als " : " (treated as ";
  text += std::string(display_name(policy.unknown_as, language)) + ")";
  if (summary.reviewed > 0) {
    text += de ? "; " + std::to_string(summary.reviewed) + " nach Prüfentscheidung"
               : "; " + std::to_string(summary.reviewed) + " by reviewed decision";
  }
  return text + ".";
}

std::unique_ptr<ClassifyOutput> make_classify_output(std::string_view format,
                                                     std::ostream& out,
                                                     std::ostream& summary_out,
                                                     const ClassifyOutputOptions& options)
{
  if (format == "table") {
    return std::make_unique<TableOutput>(out, options);
  }
  if (format == "json") {
    return std::make_unique<JsonOutput>(out, options);
  }
  if (format == "csv") {
    return std::make_unique<CsvOutput>(out, summary_out, options);
  }
  throw InputError("The format \"" + std::string(format) +
                   "\" is not known; use table, json or csv.");
}

} // namespace contact_audit::cli

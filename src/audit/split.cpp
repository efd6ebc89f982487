// SPDX-License-Identifier: MIT
// run_split: the audit's decision for every contact, written as keep/move/managed vCard files.
#include "split_summary.hpp"

#include <contact_audit/audit/split.hpp>
#include <contact_audit/contact/vcard.hpp>
#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/exposure/book_files.hpp>
#include <contact_audit/exposure/device_profile.hpp>
#include <contact_audit/importers/card_text.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <array>
#include <map>
#include <set>
#include <sys/stat.h>

namespace contact_audit::audit {
namespace {

class DiscardingSink final : public DiagnosticSink
{
public:
  void report(Diagnostic /*diagnostic*/) override {}
};

// One input file as the audit reads it.
struct SplitInput
{
  std::filesystem::path path;
  importers::ReadOptions options;
  bool vcard = false;
  std::set<std::size_t> card_lines;                // BEGIN:VCARD lines of its cards.
  std::map<std::size_t, SplitTarget> destinations; // Card line -> where the contact goes.
};

// The files run_audit reads: the ones given, else those the profile's books name.
// The profile's warnings reach the caller once, from run_audit itself.
std::vector<SplitInput> split_inputs(const AuditOptions& options,
                                     const exposure::DeviceProfile& profile)
{
  std::vector<SplitInput> inputs;
  if (options.inputs.empty()) {
    DiscardingSink discard;
    for (const auto& book_file : exposure::book_files(profile, discard)) {
      inputs.push_back({book_file.path, {}, false, {}, {}});
    }
  }
  for (const auto& input : options.inputs) {
    SplitInput split_input{input.path, {}, false, {}, {}};
    split_input.options.encoding = input.encoding;
    inputs.push_back(std::move(split_input));
  }
  std::set<std::string> seen;
  for (auto& input : inputs) {
    if (!seen.insert(input.path.lexically_normal().string()).second) {
      throw InputError(input.path.string() +
                       ": The file is given twice; give each address book once so that each "
                       "contact is written once.");
    }
  }
  return inputs;
}

// Where the cards of each vCard file start, so a contact finds its original text.
void find_cards(std::vector<SplitInput>& inputs)
{
  for (auto& input : inputs) {
    // A file the readers cannot open fails in run_audit with the usual message.
    std::error_code error;
    if (!std::filesystem::is_regular_file(input.path, error)) {
      continue;
    }
    input.vcard = importers::detect_format(input.path) == importers::Format::vcard;
    if (!input.vcard) {
      continue;
    }
    importers::CardTextReader cards(input.path, input.options);
    while (const auto card = cards.next()) {
      input.card_lines.insert(card->line);
    }
  }
}

void create_output_dir(const std::filesystem::path& dir)
{
  std::error_code error;
  if (std::filesystem::is_directory(dir, error)) {
    return;
  }
  std::filesystem::create_directories(dir, error);
  if (error) {
    throw IoError(dir.string() + ": The output folder cannot be created: " + error.message() + ".");
  }
  // The files hold personal data: the folder is the owner's alone.
  if (::chmod(dir.c_str(), S_IRWXU) != 0) {
    throw IoError(dir.string() + ": The output folder's permissions cannot be set to 0700.");
  }
}

bool lacks_valid_consent(const NumberRecord& number)
{
  return number.consent_state != "valid" && number.consent_state != "not_needed";
}

SplitEntry entry_for(const ContactDecision& decision)
{
  const auto& contact = decision.contact;
  return SplitEntry{contact::best_name(contact),
                    contact.source.file.string(),
                    contact.source.line,
                    contact.source.account,
                    decision.classification,
                    decision.exposure,
                    {},
                    decision.exposure,
                    decision.exposure_reason,
                    {},
                    {}};
}

SplitEntry move_entry(const ContactDecision& decision)
{
  SplitEntry entry = entry_for(decision);
  entry.reason_code = "consent_missing";
  if (decision.finding != nullptr) {
    entry.remediation = decision.finding->remediation;
    entry.remediation_text = decision.finding->remediation_text;
  }
  std::string numbers;
  for (const auto& number : decision.numbers) {
    if (!lacks_valid_consent(number)) {
      continue;
    }
    entry.numbers.push_back(number);
    numbers += numbers.empty() ? "" : ", ";
    numbers += phone::mask(number.e164.empty() ? number.raw : number.e164) + " (" +
               number.consent_state + ")";
  }
  const bool business = decision.classification == "business";
  entry.reason.en = std::string(business ? "Business" : "Unknown, treated as business,") +
                    " contact that the messenger uploads; no valid consent for " + numbers + ". " +
                    decision.exposure_reason.en;
  entry.reason.de = std::string(business ? "Geschäftlicher Kontakt"
                                         : "Unklarer, als geschäftlich behandelter Kontakt") +
                    ", den der Messenger hochlädt; keine gültige Einwilligung für " + numbers +
                    ". " + decision.exposure_reason.de;
  return entry;
}

SplitTarget target_of(const ContactDecision& decision)
{
  if (decision.exposure != "bulk_upload") {
    return SplitTarget::managed;
  }
  return decision.lacks_consent ? SplitTarget::move : SplitTarget::keep;
}

// The output files, committed together at the end.
class SplitWriter
{
public:
  SplitWriter(const std::filesystem::path& dir, const std::string& device_id, SplitResult& result)
      : m_result(result)
  {
    const auto name = [&](std::string_view part) {
      return dir / (device_id + "." + std::string(part));
    };
    result.keep_file = name("keep.vcf");
    result.move_file = name("move.vcf");
    result.managed_file = name("managed.vcf");
    result.unreadable_file = name("unreadable.vcf");
    result.summary_file = name("summary.json");
    m_files[0] = std::make_unique<AtomicFile>(result.keep_file);
    m_files[1] = std::make_unique<AtomicFile>(result.move_file);
    m_files[2] = std::make_unique<AtomicFile>(result.managed_file);
    m_files[3] = std::make_unique<AtomicFile>(result.unreadable_file);
  }

  void write(SplitTarget target, std::string_view card)
  {
    m_files[static_cast<std::size_t>(target)]->write(card);
  }

  void commit(std::string_view summary_json)
  {
    AtomicFile summary(m_result.summary_file);
    summary.write(summary_json);
    for (auto& file : m_files) {
      file->commit();
    }
    summary.commit();
  }

private:
  SplitResult& m_result;
  std::array<std::unique_ptr<AtomicFile>, 4> m_files;
};

void count(SplitCounts& counts, SplitTarget target)
{
  switch (target) {
  case SplitTarget::keep:
    ++counts.keep;
    break;
  case SplitTarget::move:
    ++counts.move;
    break;
  case SplitTarget::managed:
    ++counts.managed;
    break;
  case SplitTarget::unreadable:
    ++counts.unreadable_cards;
    break;
  }
}

// Sends each contact where the audit's decision says: a vCard contact's card is
// noted for the copy pass, any other contact is written from the model at once.
class Dispatcher
{
public:
  Dispatcher(std::vector<SplitInput>& inputs, SplitWriter& writer, SplitResult& result)
      : m_writer(writer), m_result(result)
  {
    for (auto& input : inputs) {
      m_by_path.emplace(input.path.string(), &input);
    }
  }

  void on_contact(const ContactDecision& decision)
  {
    const SplitTarget target = target_of(decision);
    count(m_result.counts, target);
    if (target == SplitTarget::move) {
      m_result.moved.push_back(move_entry(decision));
    } else if (target == SplitTarget::managed) {
      m_result.managed.push_back(entry_for(decision));
    }
    const auto& source = decision.contact.source;
    const auto input = m_by_path.find(source.file.string());
    if (input != m_by_path.end() && input->second->card_lines.count(source.line) != 0) {
      input->second->destinations.emplace(source.line, target);
      return;
    }
    ++m_result.counts.written_from_model;
    m_writer.write(target, contact::to_vcard(decision.contact));
  }

private:
  SplitWriter& m_writer;
  SplitResult& m_result;
  std::map<std::string, SplitInput*> m_by_path;
};

// Copies every card of the vCard files to the file its contact was sent to; a
// card without a contact was rejected by the reader and goes to `unreadable`.
void copy_cards(const std::vector<SplitInput>& inputs, SplitWriter& writer, SplitCounts& counts)
{
  for (const auto& input : inputs) {
    if (!input.vcard) {
      continue;
    }
    importers::CardTextReader cards(input.path, input.options);
    while (const auto card = cards.next()) {
      const auto destination = input.destinations.find(card->line);
      if (destination == input.destinations.end()) {
        count(counts, SplitTarget::unreadable);
        writer.write(SplitTarget::unreadable, card->text);
        continue;
      }
      ++counts.copied_verbatim;
      writer.write(destination->second, card->text);
    }
    counts.stray_lines += cards.stray_lines();
  }
}

} // namespace

std::string_view to_string(SplitTarget target)
{
  static constexpr std::array<std::string_view, 4> k_names{"keep", "move", "managed", "unreadable"};
  return k_names[static_cast<std::size_t>(target)];
}

SplitResult run_split(const SplitOptions& options, DiagnosticSink& sink)
{
  // The profile names the files (device id) and, without FILE arguments, the inputs.
  const auto profile = exposure::load_device_profile(options.audit.device_profile);
  auto inputs = split_inputs(options.audit, profile);
  find_cards(inputs);
  create_output_dir(options.out_dir);

  SplitResult result;
  SplitWriter writer(options.out_dir, profile.id, result);
  Dispatcher dispatcher(inputs, writer, result);
  AuditOptions audit_options = options.audit;
  audit_options.on_contact = [&](const ContactDecision& decision) {
    dispatcher.on_contact(decision);
  };
  const AuditResult audit = run_audit(audit_options, sink);
  copy_cards(inputs, writer, result.counts);

  result.manifest = audit.manifest;
  result.audit_findings = audit.totals.non_compliant_contacts;
  result.counts.contacts_read = audit.totals.contacts_read;
  result.counts.contacts_rejected = audit.totals.contacts_rejected;
  check_counts(result);
  writer.commit(split_summary_json(result, options.reveal));
  return result;
}

} // namespace contact_audit::audit

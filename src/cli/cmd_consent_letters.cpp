// SPDX-License-Identifier: MIT
// `contact-audit consent request --from AUDIT.json --out DIR`: request letters, `requested`
// events and a mail-merge list for everyone an audit found without consent.
#include "consent_common.hpp"
#include "exit_codes.hpp"

#include <contact_audit/audit/request_plan.hpp>
#include <contact_audit/core/atomic_file.hpp>
#include <contact_audit/core/csv_writer.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/ledger/consent.hpp>
#include <contact_audit/ledger/consent_request.hpp>
#include <contact_audit/ledger/time.hpp>
#include <contact_audit/report/catalog.hpp>
#include <contact_audit/report/consent_letter.hpp>
#include <contact_audit/report/data_formats.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace contact_audit::cli {
namespace {

namespace po = boost::program_options;

struct LetterOptions
{
  std::vector<std::string> from;
  std::string out;
  std::string language = "de";
  std::string company;
  std::string contact;
  std::string dpo;
  std::string template_dir;
  std::string notice_version;
};

constexpr std::string_view k_usage = "consent request --from AUDIT.json [--from AUDIT2.json] --out "
                                     "DIR --contact TEXT [--lang de|en]";
constexpr std::string_view k_summary =
    "Writes one consent request letter (PDF and plain text) per person an audit found without "
    "valid consent, deduplicated across audits by e-mail, or by number and name; records a "
    "`requested` event for each (once: re-running adds none) and writes requests.csv and "
    "requests.json for mail merge. The audits must be written with --reveal. Without --from, "
    "'consent request NUMBER|SUBJECT' records a single request (see its --help).";

po::options_description letter_options(LetterOptions& letters, LedgerOptions& ledger)
{
  po::options_description options("Options");
  add_ledger_options(options, ledger, true, false);
  options.add_options()("from",
                        po::value(&letters.from)->composing(),
                        "Audit result (JSON written with --reveal), or a folder of them such as "
                        "a batch run's devices/ (with [output] reveal_numbers = true); "
                        "repeatable.")(
      "out", po::value(&letters.out), "Folder for the letters and lists (created 0700).")(
      "lang", po::value(&letters.language)->default_value("de"), "Letter language: de or en.")(
      "company",
      po::value(&letters.company),
      "The controller's name (default: the audit's --company).")(
      "contact",
      po::value(&letters.contact),
      "Postal address and e-mail for answers and withdrawals (required: GDPR Art. 13(1)(a)).")(
      "dpo", po::value(&letters.dpo), "Contact of the data protection officer (Art. 13(1)(b)).")(
      "template",
      po::value(&letters.template_dir),
      "Folder with a company's consent-request.<lang>.txt.mustache.")(
      "notice-version",
      po::value(&letters.notice_version),
      "Notice version to ask for (default: the latest accepted one).");
  return options;
}

// A folder stands for the *.json files in it, in name order: the `devices`
// folder of a batch run written with [output] reveal_numbers = true.
std::vector<std::string> expand_folders(const std::vector<std::string>& paths)
{
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        found.push_back(entry.path().string());
      }
    }
    if (error || found.empty()) {
      throw InputError(path + ": The folder holds no audit results (*.json); nothing was written.");
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::vector<audit::AuditResult> read_audits(const std::vector<std::string>& paths)
{
  std::vector<audit::AuditResult> audits;
  for (const auto& path : expand_folders(paths)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw InputError(path + ": The audit result cannot be opened; nothing was written.");
    }
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    auto result = report::audit_from_json(text, path);
    for (const auto& finding : result.findings) {
      for (const auto& number : finding.numbers) {
        if (number.e164.find('*') != std::string::npos) {
          throw InputError(path + ": The audit lists masked numbers, but letters need the full "
                                  "numbers; run the audit again with --reveal, or the batch "
                                  "with [output] reveal_numbers = true (and keep those files "
                                  "safe). Nothing was written.");
        }
      }
    }
    if (!audits.empty() && result.manifest.purpose != audits.front().manifest.purpose) {
      throw InputError(path + ": The audit is for purpose \"" + result.manifest.purpose +
                       "\", the first one for \"" + audits.front().manifest.purpose +
                       "\"; ask for one purpose at a time. Nothing was written.");
    }
    audits.push_back(std::move(result));
  }
  return audits;
}

std::string joined(const std::vector<std::string>& values, std::string_view separator)
{
  std::string text;
  for (const auto& value : values) {
    text += (text.empty() ? "" : std::string(separator)) + value;
  }
  return text;
}

report::ConsentLetter make_letter(const LetterOptions& letters,
                                  const std::string& messenger,
                                  const ledger::Notice& notice,
                                  const audit::RequestGroup& group,
                                  const ledger::ConsentRequest& request,
                                  ledger::Timestamp now)
{
  report::ConsentLetter letter;
  letter.language = letters.language;
  letter.form_id = request.form_id;
  letter.date = ledger::format_date(now);
  letter.name = group.candidate.details.name;
  letter.organisation = group.organisation;
  letter.numbers = request.numbers;
  letter.emails = group.candidate.details.emails;
  letter.controller = letters.company;
  letter.controller_contact = letters.contact;
  letter.dpo = letters.dpo;
  letter.messenger = messenger;
  letter.purpose = notice.purpose;
  letter.notice_title = notice.title;
  letter.notice_version = notice.version;
  letter.notice_language = notice.language;
  letter.notice_sha256 = notice.text_sha256;
  letter.notice_text = notice.text;
  letter.recipient = notice.recipient;
  letter.data_transmitted = notice.data_transmitted;
  letter.legal_basis = notice.legal_basis;
  letter.third_country_transfer = notice.third_country_transfer;
  letter.retention = notice.retention;
  letter.withdrawal = notice.withdrawal;
  letter.reconfirm_after_months = notice.reconfirm_after_months;
  return letter;
}

// One line of the mail-merge list.
struct ListEntry
{
  const report::ConsentLetter* letter = nullptr;
  const ledger::ConsentRequest* request = nullptr;
  std::string status; // "new" or "pending"
  int age_days = 0;
};

void write_lists(const std::filesystem::path& out,
                 const std::vector<ListEntry>& entries,
                 const std::string& subject_note)
{
  std::ostringstream csv;
  write_csv_row(csv,
                {"form_id",
                 "status",
                 "requested_at",
                 "request_age_days",
                 "name",
                 "organisation",
                 "emails",
                 "numbers",
                 "language",
                 "notice_version",
                 "notice_sha256",
                 "letter_pdf",
                 "letter_txt",
                 "subject_id"});
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& entry : entries) {
    const auto& letter = *entry.letter;
    const std::string requested = ledger::format_date(entry.request->requested_at);
    write_csv_row(csv,
                  {letter.form_id,
                   entry.status,
                   requested,
                   std::to_string(entry.age_days),
                   letter.name,
                   letter.organisation,
                   joined(letter.emails, "; "),
                   joined(letter.numbers, "; "),
                   letter.language,
                   letter.notice_version,
                   letter.notice_sha256,
                   letter.form_id + ".pdf",
                   letter.form_id + ".txt",
                   entry.request->subject_id});
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("form_id", letter.form_id);
    object->set("status", entry.status);
    object->set("requested_at", requested);
    object->set("request_age_days", entry.age_days);
    object->set("name", letter.name);
    object->set("organisation", letter.organisation);
    Poco::JSON::Array::Ptr emails = new Poco::JSON::Array;
    for (const auto& email : letter.emails) {
      emails->add(email);
    }
    object->set("emails", emails);
    Poco::JSON::Array::Ptr numbers = new Poco::JSON::Array;
    for (const auto& number : letter.numbers) {
      numbers->add(number);
    }
    object->set("numbers", numbers);
    object->set("language", letter.language);
    object->set("notice_version", letter.notice_version);
    object->set("notice_sha256", letter.notice_sha256);
    object->set("letter_pdf", letter.form_id + ".pdf");
    object->set("letter_txt", letter.form_id + ".txt");
    object->set("subject_id", entry.request->subject_id);
    array->add(object);
  }
  Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
  document.set("schema", "contact-audit/consent-requests/1");
  document.set("note", subject_note);
  document.set("requests", array);
  std::ostringstream json;
  document.stringify(json, 2);
  write_file_atomically(out / "requests.csv", csv.str());
  write_file_atomically(out / "requests.json", json.str() + "\n");
}

void prepare_folder(const std::filesystem::path& out)
{
  std::error_code error;
  if (std::filesystem::exists(out, error) && !std::filesystem::is_directory(out, error)) {
    throw InputError(out.string() + ": --out must name a folder; nothing was written.");
  }
  if (!std::filesystem::exists(out, error)) {
    std::filesystem::create_directories(out, error);
    if (error) {
      throw IoError(out.string() + ": The folder cannot be created (" + error.message() + ").");
    }
    // The letters hold names and phone numbers: owner only.
    std::filesystem::permissions(out, std::filesystem::perms::owner_all, error);
  }
}

const ledger::Notice& choose_notice(const ledger::Catalogue& catalogue,
                                    const LetterOptions& letters,
                                    const std::string& purpose)
{
  const ledger::Notice* notice =
      letters.notice_version.empty()
          ? ledger::latest_notice(catalogue, purpose, letters.language)
          : catalogue.find(purpose, letters.notice_version, letters.language);
  if (notice == nullptr || notice->language != letters.language) {
    throw InputError("The notice catalogue has no accepted notice" +
                     (letters.notice_version.empty() ? "" : " version " + letters.notice_version) +
                     " of purpose " + purpose + " in language " + letters.language +
                     "; nothing was written.");
  }
  return *notice;
}

// What the letters are made from, once the inputs are read and checked.
struct LetterJob
{
  LetterOptions letters;
  std::string messenger;
  const ledger::Notice* notice = nullptr;
  std::string template_text;
  std::filesystem::path template_source;
  std::filesystem::path out;
  ledger::Timestamp now{};
};

// Write the PDF and text letter of each request that asks about a number, and
// the lists; returns how many people were left out because they have decided.
std::size_t write_letters(const LetterJob& job,
                          const audit::RequestPlan& plan,
                          const std::vector<ledger::ConsentRequest>& requests)
{
  std::vector<report::ConsentLetter> written;
  written.reserve(requests.size()); // ListEntry points into it: no reallocation.
  std::vector<ListEntry> entries;
  std::size_t recorded = 0;
  std::size_t decided = 0;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& request = requests[i];
    if (request.numbers.empty()) {
      ++decided;
      continue;
    }
    written.push_back(
        make_letter(job.letters, job.messenger, *job.notice, plan.groups[i], request, job.now));
    const auto& letter = written.back();
    const std::string rendered =
        report::render_letter(letter, job.template_text, job.template_source);
    write_file_atomically(job.out / (letter.form_id + ".txt"), report::letter_plain_text(rendered));
    report::write_letter_pdf(rendered, letter, job.out / (letter.form_id + ".pdf"));
    recorded += request.recorded_now ? 1 : 0;
    const auto age = std::chrono::floor<std::chrono::days>(job.now - request.requested_at).count();
    entries.push_back(
        {&letter, &request, request.recorded_now ? "new" : "pending", static_cast<int>(age)});
  }
  write_lists(job.out,
              entries,
              "Personal data: names, numbers and e-mails of the people asked for consent.");
  std::cout << "Wrote " << entries.size() << " consent request letter(s) (PDF and text) to "
            << job.out.string() << ": " << recorded << " request(s) recorded now, "
            << entries.size() - recorded << " already pending.\n";
  return decided;
}

void check_options(const LetterOptions& letters)
{
  report::check_language(letters.language);
  if (letters.out.empty()) {
    throw InputError("Name the folder for the letters with --out DIR.");
  }
  if (letters.contact.empty()) {
    throw InputError(
        "Name the address and e-mail people answer and withdraw to with --contact; "
        "a consent request must say how to reach the controller (GDPR Art. 13(1)(a)).");
  }
}

int run_consent_letters(const Arguments& arguments)
{
  LetterJob job;
  LedgerOptions ledger;
  const auto options = letter_options(job.letters, ledger);
  const auto variables = parse_arguments(arguments, options, {});
  if (variables.count("help") != 0U) {
    print_help(std::cout, k_usage, k_summary, options);
    return k_exit_ok;
  }
  check_options(job.letters);
  const auto audits = read_audits(job.letters.from);
  if (job.letters.company.empty()) {
    job.letters.company = audits.front().manifest.company;
  }
  if (job.letters.company.empty()) {
    throw InputError("Name the controller with --company; the audit does not name one.");
  }
  const std::string purpose = audits.front().manifest.purpose;
  job.messenger = audits.front().manifest.messenger_name;
  job.template_text = report::load_letter_template(
      job.letters.template_dir, job.letters.language, &job.template_source);
  job.now = ledger::now_utc();
  job.out = job.letters.out;
  const auto plan = audit::plan_consent_requests(audits, job.now);

  auto store = open_ledger(ledger, false);
  const auto catalogue = ledger::stored_catalogue(*store);
  job.notice = &choose_notice(catalogue, job.letters, purpose);
  // Check the template and the folder before anything is recorded.
  if (!plan.groups.empty()) {
    (void)report::render_letter(make_letter(job.letters,
                                            job.messenger,
                                            *job.notice,
                                            plan.groups.front(),
                                            ledger::ConsentRequest{},
                                            job.now),
                                job.template_text,
                                job.template_source);
  }
  prepare_folder(job.out);

  std::vector<ledger::RequestCandidate> candidates;
  for (const auto& group : plan.groups) {
    candidates.push_back(group.candidate);
  }
  ledger::RequestOptions request_options;
  request_options.purpose = purpose;
  request_options.notice = job.notice;
  request_options.now = job.now;
  request_options.context = ledger::WriteContext{
      actor(ledger), masked_command_line("consent request", arguments), {}, {}};
  const auto requests = ledger::record_consent_requests(*store, candidates, request_options);
  const std::size_t decided = write_letters(job, plan, requests);
  if (decided + plan.findings_decided > 0) {
    std::cout << "Not asked again: " << decided
              << " person(s) whose numbers the ledger now shows decided (valid, refused, "
                 "withdrawn or revoked) and "
              << plan.findings_decided
              << " finding(s) with only refused, withdrawn or revoked numbers.\n";
  }
  return k_exit_ok;
}

} // namespace

int run_consent_request(std::string_view verb, const Arguments& arguments)
{
  const bool letters = std::any_of(arguments.begin(), arguments.end(), [](const std::string& a) {
    return a == "--from" || a.starts_with("--from=");
  });
  if (letters) {
    return run_consent_letters(arguments);
  }
  const int code = run_consent_record(verb, arguments);
  if (std::find(arguments.begin(), arguments.end(), "--help") != arguments.end() ||
      std::find(arguments.begin(), arguments.end(), "-h") != arguments.end()) {
    std::cout << "\nLetter mode: contact-audit " << k_usage
              << "\n  writes request letters for every person an audit found without consent; "
                 "run 'contact-audit consent request --from AUDIT.json --help' for its options.\n";
  }
  return code;
}

} // namespace contact_audit::cli

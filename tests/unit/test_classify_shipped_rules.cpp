// SPDX-License-Identifier: MIT
// The shipped rules in rules/classify: they load, the company example extends them, typical
// contacts.
#include <contact_audit/classify/classifier.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace contact_audit;
using namespace contact_audit::classify;
using contact::Contact;

namespace {

const fs::path k_shipped = fs::path(CONTACT_AUDIT_RULES_DIR) / "classify";

const RuleSet& shipped()
{
  static const RuleSet rules = load_rule_dir(k_shipped);
  return rules;
}

contact::Phone
make_phone(std::string e164, phone::NumberType type, std::vector<std::string> types = {})
{
  contact::Phone result;
  result.raw = e164;
  result.types = std::move(types);
  result.number.e164 = std::move(e164);
  result.number.type = type;
  result.number.status = phone::NumberStatus::valid;
  return result;
}

std::vector<std::string> fired_ids(const Verdict& verdict)
{
  std::vector<std::string> ids;
  for (const auto& fired : verdict.fired) {
    ids.push_back(fired.rule->id);
  }
  return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_SUITE("classify::shipped rules")
{
  TEST_CASE("the shipped rule set loads and has the documented rules and weights")
  {
    const auto& rules = shipped();
    std::vector<std::pair<std::string, int>> weights;
    for (const auto& rule : rules.rules()) {
      weights.emplace_back(rule.id, rule.weight);
      CHECK_FALSE(rule.description_de.empty());
      CHECK_FALSE(rule.description_en.empty());
    }
    const std::vector<std::pair<std::string, int>> expected{
        {"org.present", 4},
        {"title.present", 2},
        {"tel.work-typed", 2},
        {"email.work-typed", 2},
        {"adr.work-typed", 2},
        {"tel.home-typed", -1},
        {"email.home-typed", -1},
        {"adr.home-typed", -1},
        {"email.company-domain", 6},
        {"email.customer-domain", 6},
        {"email.freemail", -1},
        {"email.other-domain", 2},
        {"tel.company-range", 6},
        {"tel.service-number", 3},
        {"tel.mobile-only", -1},
        {"category.business-word", 4},
        {"category.private-word", -6},
        {"name.business-word", 3},
        {"name.private-word", -3},
        {"account.managed", 5},
        {"account.personal", -1},
    };
    CHECK(weights == expected);
    CHECK(rules.policy().business_min_score == 2);
    CHECK(rules.policy().private_max_score == -2);
    CHECK(rules.policy().unknown_as == Classification::business);
    CHECK(rules.files().size() == 4); // company.example.toml is skipped.
    CHECK(rules.list("freemail_domains").size() > 150);
    CHECK(rules.sha256().size() == 64);
  }

  TEST_CASE("the company example loads with the shipped files and adds to them")
  {
    const auto dir = fs::temp_directory_path() / ("ca-company-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(k_shipped)) {
      const auto name = entry.path().filename().string();
      fs::copy_file(entry.path(),
                    dir / (name == "company.example.toml" ? "company.toml" : name),
                    fs::copy_options::overwrite_existing);
    }
    const auto rules = load_rule_dir(dir);
    fs::remove_all(dir);
    CHECK(rules.files().size() == 5);
    CHECK(rules.find_rule("email.freemail")->weight == 0);
    REQUIRE(rules.find_rule("company.key-account") != nullptr);
    CHECK(rules.list("company_domains") ==
          std::vector<std::string>{"acme-group.example", "acme.example"});

    Contact colleague;
    colleague.display_name = "Jana Mueller";
    colleague.emails.push_back({"j.mueller@vertrieb.acme.example", {}, "", false});
    colleague.phones.push_back(make_phone("+4930123456789", phone::NumberType::fixed_line));
    colleague.categories = {"A-Kunden"};
    const auto verdict = Classifier(rules).classify(colleague);
    // company.toml sorts before signals.toml, so its rules come first.
    CHECK(fired_ids(verdict) == Ids{"company.key-account",
                                    "email.company-domain",
                                    "tel.company-range",
                                    "category.business-word"});
    CHECK(verdict.score == 22);
    CHECK(explain(verdict.fired[1], Language::en) ==
          "rule email.company-domain (+6): j***@vertrieb.acme.example is a company domain");
  }

  TEST_CASE("a field value of 100 KB is classified without overflowing the stack")
  {
    // The title's ignore_pattern used to recurse once per character in std::regex.
    Contact contact;
    for (int i = 0; i < 33'000; ++i) {
      contact.title += "dr ";
    }
    contact.organisation = "Leitner GmbH";
    const Classifier classifier(shipped());
    // Patterns see the first 512 bytes: academic titles only, so the title does not count.
    CHECK(fired_ids(classifier.classify(contact)) == Ids{"org.present"});
    contact.title = "Leiter Einkauf " + std::string(100'000, 'x');
    CHECK(fired_ids(classifier.classify(contact)) == Ids{"org.present", "title.present"});
  }

  TEST_CASE("typical contacts under the shipped rules")
  {
    const Classifier classifier(shipped());
    SUBCASE("a business card from Outlook: organisation, title, work number and address")
    {
      Contact contact;
      contact.display_name = "Christian Baumann";
      contact.organisation = "Metaways Infosystems GmbH";
      contact.title = "Vertrieb";
      contact.phones.push_back(
          make_phone("+4940643213155", phone::NumberType::fixed_line, {"work"}));
      contact.emails.push_back({"c.baumann@metaways.de", {}, "", false});
      contact.addresses.push_back({{"work"}, ""});
      const auto verdict = classifier.classify(contact);
      CHECK(fired_ids(verdict) == Ids{"org.present",
                                      "title.present",
                                      "tel.work-typed",
                                      "adr.work-typed",
                                      "email.other-domain"});
      CHECK(verdict.classification == Classification::business);
    }
    SUBCASE("a craftsman with a freemail address and an organisation is business")
    {
      Contact contact;
      contact.display_name = "Klaus Weiß";
      contact.organisation = "Elektro Weiß";
      contact.phones.push_back(make_phone("+4915112345678", phone::NumberType::mobile, {"cell"}));
      contact.emails.push_back({"elektro-weiss@t-online.de", {}, "", false});
      const auto verdict = classifier.classify(contact);
      CHECK(fired_ids(verdict) == Ids{"org.present", "email.freemail"});
      CHECK(verdict.score == 3);
      CHECK(verdict.classification == Classification::business);
    }
    SUBCASE("a friend with a freemail address and a mobile number is private")
    {
      Contact contact;
      contact.display_name = "Lena Hartmann";
      contact.phones.push_back(make_phone("+4917612345678", phone::NumberType::mobile, {"cell"}));
      contact.emails.push_back({"lena.hartmann@gmx.de", {"home"}, "", false});
      CHECK(classifier.classify(contact).classification == Classification::private_);
    }
    SUBCASE("a bare mobile number with a name is unknown, and treated as business")
    {
      Contact contact;
      contact.display_name = "Jonas";
      contact.phones.push_back(make_phone("+4915212345678", phone::NumberType::mobile, {"cell"}));
      const auto verdict = classifier.classify(contact);
      CHECK(fired_ids(verdict) == Ids{"tel.mobile-only"});
      CHECK(verdict.classification == Classification::unknown);
      CHECK(verdict.treated_as == Classification::business);
    }
    SUBCASE("Mama is private; Google's system groups are ignored")
    {
      Contact contact;
      contact.display_name = "Mama";
      contact.phones.push_back(make_phone("+4915112345678", phone::NumberType::mobile));
      contact.categories = {"* myContacts", "* starred"};
      const auto verdict = classifier.classify(contact);
      CHECK(fired_ids(verdict) == Ids{"tel.mobile-only", "name.private-word"});
      CHECK(verdict.classification == Classification::private_);
    }
    SUBCASE("a hotline on a toll-free number is business")
    {
      Contact contact;
      contact.display_name = "Telekom Hotline";
      contact.phones.push_back(make_phone("+498003301000", phone::NumberType::toll_free));
      CHECK(fired_ids(classifier.classify(contact)) ==
            Ids{"tel.service-number", "name.business-word"});
    }
  }
}

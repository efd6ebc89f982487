// SPDX-License-Identifier: MIT
// The classifier: each matcher, the thresholds, the unknown policy and the explanation texts.
#include <contact_audit/classify/classifier.hpp>

#include <doctest/doctest.h>

using namespace contact_audit;
using namespace contact_audit::classify;
using contact::Contact;

namespace {

std::string rule(std::string_view id,
                 std::string_view match,
                 int weight,
                 std::string_view parameters,
                 std::string_view description = "{value}")
{
  return "[[rule]]\nid = \"" + std::string(id) + "\"\nmatch = \"" + std::string(match) +
         "\"\nweight = " + std::to_string(weight) +
         "\ndescription_de = \"de: " + std::string(description) + "\"\ndescription_en = \"" +
         std::string(description) + "\"\n" + std::string(parameters) + "\n";
}

RuleSet rules_from(const std::string& text)
{
  std::vector<RuleProblem> problems;
  auto rules = parse_rule_sources({{"test.toml", text}}, problems);
  for (const auto& problem : problems) {
    FAIL_CHECK(format(problem));
  }
  REQUIRE(rules.has_value());
  return std::move(*rules);
}

contact::Phone make_phone(std::string e164,
                          phone::NumberType type = phone::NumberType::fixed_line,
                          std::vector<std::string> types = {})
{
  contact::Phone result;
  result.raw = e164;
  result.types = std::move(types);
  result.number.e164 = std::move(e164);
  result.number.type = type;
  result.number.status = phone::NumberStatus::valid;
  return result;
}

contact::Email make_email(std::string address, std::vector<std::string> types = {})
{
  contact::Email result;
  result.address = std::move(address);
  result.types = std::move(types);
  return result;
}

// The rule ids that fired, in order.
std::vector<std::string> fired_ids(const Verdict& verdict)
{
  std::vector<std::string> ids;
  for (const auto& fired : verdict.fired) {
    ids.push_back(fired.rule->id);
  }
  return ids;
}

// The one value a single-rule set fired on, or "(none)".
std::string fired_value(const RuleSet& rules, const Contact& contact)
{
  const auto verdict = Classifier(rules).classify(contact);
  return verdict.fired.empty() ? "(none)" : verdict.fired.front().value;
}

} // namespace

TEST_SUITE("classify::Classifier")
{
  TEST_CASE("field: fires on a non-empty field unless the value is ignored")
  {
    const auto rules = rules_from(rule("org.present",
                                       "field",
                                       4,
                                       "fields = [\"organisation\", \"department\"]\n"
                                       "ignore = [\"privat\", \"-\"]"));
    Contact contact;
    CHECK(fired_value(rules, contact) == "(none)");
    contact.organisation = "  ";
    CHECK(fired_value(rules, contact) == "(none)");
    contact.organisation = "PRIVAT";
    CHECK(fired_value(rules, contact) == "(none)");
    contact.department = "Einkauf";
    CHECK(fired_value(rules, contact) == "Einkauf");
    contact.organisation = " Acme GmbH ";
    CHECK(fired_value(rules, contact) == "Acme GmbH");
  }

  TEST_CASE("field: ignore_pattern drops values, pattern requires a match")
  {
    const auto rules = rules_from(
        rule("title.present",
             "field",
             2,
             "fields = [\"title\"]\n"
             R"(ignore_pattern = "^((dr|prof|dipl|ing)[-. ]*)+$")") +
        rule("title.sales", "field", 1, "fields = [\"title\"]\npattern = \"vertrieb|sales\""));
    Contact contact;
    for (const char* title : {"Dr.", "Prof. Dr.", "Dipl.-Ing.", "dr"}) {
      CAPTURE(title);
      contact.title = title;
      CHECK(fired_ids(Classifier(rules).classify(contact)).empty());
    }
    contact.title = "Dipl.-Ing. Projektleiter";
    CHECK(fired_ids(Classifier(rules).classify(contact)) ==
          std::vector<std::string>{"title.present"});
    contact.title = "Leiterin Vertrieb";
    CHECK(fired_ids(Classifier(rules).classify(contact)) ==
          std::vector<std::string>{"title.present", "title.sales"});
  }

  TEST_CASE("typed: phone, e-mail and address entries with the listed type words")
  {
    const auto rules =
        rules_from(rule("tel.work-typed", "typed", 2, "on = \"phone\"\ntypes = [\"work\"]") +
                   rule("email.work-typed", "typed", 2, "on = \"email\"\ntypes = [\"work\"]") +
                   rule("adr.home-typed", "typed", -1, "on = \"address\"\ntypes = [\"home\"]"));
    Contact contact;
    contact.phones.push_back(make_phone("+4915112345678", phone::NumberType::mobile, {"cell"}));
    contact.phones.push_back(
        make_phone("+49301234567", phone::NumberType::fixed_line, {"work", "voice"}));
    contact.emails.push_back(make_email("a@b.de", {"home"}));
    contact.emails.push_back(make_email("x@acme.de", {"work"}));
    contact.addresses.push_back({{"home"}, ""});
    const auto verdict = Classifier(rules).classify(contact);
    REQUIRE(verdict.fired.size() == 3);
    CHECK(verdict.fired[0].value == "+49301234567");
    CHECK(verdict.fired[0].value_is_number);
    CHECK(verdict.fired[1].value == "x@acme.de");
    CHECK_FALSE(verdict.fired[1].value_is_number);
    CHECK(verdict.fired[2].value == "home");
    CHECK(verdict.score == 3);
  }

  TEST_CASE("typed: a phone without E.164 shows its raw text")
  {
    const auto rules =
        rules_from(rule("tel.work-typed", "typed", 2, "on = \"phone\"\ntypes = [\"work\"]"));
    Contact contact;
    auto unparsable = make_phone("", phone::NumberType::unknown, {"work"});
    unparsable.raw = "Zentrale";
    contact.phones.push_back(unparsable);
    CHECK(fired_value(rules, contact) == "Zentrale");
  }

  TEST_CASE("email-domain: exact domains, subdomains, wildcards and letter case")
  {
    const auto rules = rules_from(
        "[lists]\ncompany_domains = [\"acme.de\"]\nfreemail_domains = [\"gmx.de\", "
        "\"hotmail.*\"]\n" +
        rule("email.company-domain", "email-domain", 6, "lists = [\"company_domains\"]") +
        rule("email.freemail", "email-domain", -2, "lists = [\"freemail_domains\"]"));
    const auto classify_address = [&](std::string address) {
      Contact contact;
      contact.emails.push_back(make_email(std::move(address)));
      return fired_ids(Classifier(rules).classify(contact));
    };
    using Ids = std::vector<std::string>;
    CHECK(classify_address("J.Mueller@ACME.de") == Ids{"email.company-domain"});
    CHECK(classify_address("j.mueller@vertrieb.acme.de") == Ids{"email.company-domain"});
    CHECK(classify_address("j.mueller@acme.de.") == Ids{"email.company-domain"});
    CHECK(classify_address("j.mueller@notacme.de").empty());
    CHECK(classify_address("x@gmx.de") == Ids{"email.freemail"});
    CHECK(classify_address("x@hotmail.de") == Ids{"email.freemail"});
    CHECK(classify_address("x@hotmail.co.uk") == Ids{"email.freemail"});
    CHECK(classify_address("x@hotmail.acme.co.uk").empty());
    CHECK(classify_address("x@mail.hotmail").empty());
    CHECK(classify_address("no address").empty());
  }

  TEST_CASE("email-domain with negate: fires for a domain in none of the lists")
  {
    const auto rules = rules_from("[lists]\nfreemail_domains = [\"gmx.de\"]\n" +
                                  rule("email.other-domain",
                                       "email-domain",
                                       2,
                                       "lists = [\"freemail_domains\"]\nnegate = true"));
    Contact contact;
    contact.emails.push_back(make_email("x@gmx.de"));
    contact.emails.push_back(make_email("broken"));
    contact.emails.push_back(make_email("x@localhost"));
    CHECK(fired_value(rules, contact) == "(none)");
    contact.emails.push_back(make_email("x@stadtwerke.de"));
    CHECK(fired_value(rules, contact) == "x@stadtwerke.de");
  }

  TEST_CASE("phone-prefix: a number inside one of the company's ranges")
  {
    const auto rules =
        rules_from("[lists]\nranges = [\"+4930123456\", \"+4989\"]\n" +
                   rule("tel.company-range", "phone-prefix", 6, "lists = [\"ranges\"]"));
    Contact contact;
    contact.phones.push_back(make_phone("+4930123457"));
    contact.phones.push_back(make_phone(""));
    CHECK(fired_value(rules, contact) == "(none)");
    contact.phones.push_back(make_phone("+493012345612"));
    CHECK(fired_value(rules, contact) == "+493012345612");
    contact.phones.front() = make_phone("+498912345");
    CHECK(fired_value(rules, contact) == "+498912345");
  }

  TEST_CASE("number-type: toll free, shared cost and premium numbers")
  {
    const auto rules = rules_from(rule("tel.service-number",
                                       "number-type",
                                       3,
                                       "number_types = [\"toll_free\", \"shared_cost\", "
                                       "\"premium_rate\"]"));
    Contact contact;
    contact.phones.push_back(make_phone("+4915112345678", phone::NumberType::mobile));
    CHECK(fired_value(rules, contact) == "(none)");
    contact.phones.push_back(make_phone("+498001234567", phone::NumberType::toll_free));
    CHECK(fired_value(rules, contact) == "+498001234567");
  }

  TEST_CASE("phones-only: only mobile numbers and nothing else")
  {
    const auto rules =
        rules_from(rule("tel.mobile-only", "phones-only", -1, "number_types = [\"mobile\"]"));
    Contact contact;
    contact.display_name = "Lena";
    CHECK(fired_value(rules, contact) == "(none)");
    contact.phones.push_back(make_phone("+4915112345678", phone::NumberType::mobile));
    contact.phones.push_back(make_phone("+4917612345678", phone::NumberType::mobile));
    contact.categories = {"Freunde"};
    CHECK(fired_value(rules, contact) == "+4915112345678");
    SUBCASE("a landline stops it")
    {
      contact.phones.push_back(make_phone("+49301234567"));
      CHECK(fired_value(rules, contact) == "(none)");
    }
    SUBCASE("an e-mail address stops it")
    {
      contact.emails.push_back(make_email("lena@gmx.de"));
      CHECK(fired_value(rules, contact) == "(none)");
    }
    SUBCASE("an organisation stops it")
    {
      contact.organisation = "Acme";
      CHECK(fired_value(rules, contact) == "(none)");
    }
    SUBCASE("an unparsable number stops it")
    {
      contact.phones.push_back(make_phone("", phone::NumberType::unknown));
      CHECK(fired_value(rules, contact) == "(none)");
    }
  }

  TEST_CASE("category-words: whole categories and words in them, system labels skipped")
  {
    const auto rules = rules_from(
        "[lists]\nbusiness = [\"kunden\", \"coworkers\", \"geschäftlich\", \"mycontacts\"]\n"
        "system_labels = [\"mycontacts\"]\n" +
        rule("category.business-word",
             "category-words",
             4,
             "lists = [\"business\"]\nskip = [\"system_labels\"]"));
    const auto value_for = [&](std::vector<std::string> categories) {
      Contact contact;
      contact.categories = std::move(categories);
      return fired_value(rules, contact);
    };
    CHECK(value_for({"* myContacts", "Freunde"}) == "(none)");
    CHECK(value_for({"myContacts"}) == "(none)");
    CHECK(value_for({"* starred", "* coworkers"}) == "* coworkers");
    CHECK(value_for({"Kunden 2024"}) == "Kunden 2024");
    CHECK(value_for({"GESCHÄFTLICH"}) == "GESCHÄFTLICH");
    CHECK(value_for({"Kundenservice"}) == "(none)");
  }

  TEST_CASE("name-words: legal forms and family words in the name fields")
  {
    const auto rules =
        rules_from("[lists]\nbusiness = [\"gmbh\", \"e.V.\", \"praxis\", \"sanitär\"]\n"
                   "private = [\"mama\", \"oma\"]\n" +
                   rule("name.business-word",
                        "name-words",
                        3,
                        "lists = [\"business\"]\nfields = [\"display_name\", \"family\"]") +
                   rule("name.private-word",
                        "name-words",
                        -3,
                        "lists = [\"private\"]\nfields = [\"display_name\", \"given\"]"));
    const auto ids_for = [&](std::string display, std::string given = {}, std::string family = {}) {
      Contact contact;
      contact.display_name = std::move(display);
      contact.name.given = std::move(given);
      contact.name.family = std::move(family);
      return fired_ids(Classifier(rules).classify(contact));
    };
    using Ids = std::vector<std::string>;
    CHECK(ids_for("Hoffmann GmbH & Co. KG") == Ids{"name.business-word"});
    CHECK(ids_for("TSV Nordheim e.V.") == Ids{"name.business-word"});
    CHECK(ids_for("SANITÄR Weiß") == Ids{"name.business-word"});
    CHECK(ids_for("", "", "Praxis Dr. Klein") == Ids{"name.business-word"});
    CHECK(ids_for("Mama") == Ids{"name.private-word"});
    CHECK(ids_for("", "Oma", "Müller") == Ids{"name.private-word"});
    CHECK(ids_for("Omar Said").empty());
    CHECK(ids_for("Gmbhaus").empty());
  }

  TEST_CASE("account: the account label of the source, any letter case")
  {
    const auto rules =
        rules_from(rule("account.managed", "account", 3, "accounts = [\"managed\", \"work\"]") +
                   rule("account.personal", "account", -1, "accounts = [\"personal\"]"));
    Contact contact;
    CHECK(fired_value(rules, contact) == "(none)");
    contact.source.account = "Work";
    CHECK(fired_ids(Classifier(rules).classify(contact)) ==
          std::vector<std::string>{"account.managed"});
    contact.source.account = "personal";
    CHECK(fired_ids(Classifier(rules).classify(contact)) ==
          std::vector<std::string>{"account.personal"});
    contact.source.account = "unmanaged";
    CHECK(fired_ids(Classifier(rules).classify(contact)).empty());
  }

  TEST_CASE("a rule with weight 0 never fires")
  {
    const auto rules = rules_from(rule("org.present", "field", 4, "fields = [\"organisation\"]") +
                                  "[weights]\n\"org.present\" = 0\n");
    Contact contact;
    contact.organisation = "Acme";
    const auto verdict = Classifier(rules).classify(contact);
    CHECK(verdict.fired.empty());
    CHECK(verdict.score == 0);
  }
}

TEST_SUITE("classify::Classifier")
{
  TEST_CASE("one list as name words and as category words fires both rules")
  {
    const auto rules = rules_from(
        "[lists]\nfamily = [\"mama\", \"familie\"]\n" +
        rule("name.family", "name-words", -3, "lists = [\"family\"]\nfields = [\"display_name\"]") +
        rule("category.family", "category-words", -4, "lists = [\"family\"]"));
    Contact contact;
    contact.display_name = "Mama";
    contact.categories = {"Familie & Freunde"};
    const auto verdict = Classifier(rules).classify(contact);
    CHECK(fired_ids(verdict) == std::vector<std::string>{"name.family", "category.family"});
    CHECK(verdict.score == -7);
    CHECK(verdict.classification == Classification::private_);
  }
}

TEST_SUITE("classify::thresholds")
{
  const std::string k_scoring =
      rule("org.present", "field", 2, "fields = [\"organisation\"]") +
      rule("title.present", "field", 1, "fields = [\"title\"]") +
      rule("account.personal", "account", -1, "accounts = [\"personal\"]") +
      rule("name.private-word",
           "name-words",
           -1,
           "lists = [\"private\"]\nfields = [\"display_name\"]") +
      "[lists]\nprivate = [\"mama\"]\n";

  TEST_CASE("the score is compared with business_min_score and private_max_score")
  {
    const auto rules = rules_from(k_scoring);
    const Classifier classifier(rules);
    Contact contact;
    struct Case
    {
      std::string organisation, title, account, display;
      int score;
      Classification expected;
    };
    for (const auto& c : std::vector<Case>{
             {"Acme", "", "", "", 2, Classification::business},
             {"Acme", "CEO", "personal", "Mama", 1, Classification::unknown},
             {"", "CEO", "", "", 1, Classification::unknown},
             {"", "", "", "", 0, Classification::unknown},
             {"", "", "personal", "", -1, Classification::unknown},
             {"", "", "personal", "Mama", -2, Classification::private_},
         }) {
      contact.organisation = c.organisation;
      contact.title = c.title;
      contact.source.account = c.account;
      contact.display_name = c.display;
      const auto verdict = classifier.classify(contact);
      CAPTURE(c.score);
      CHECK(verdict.score == c.score);
      CHECK(verdict.classification == c.expected);
    }
  }

  TEST_CASE("unknown is treated as the policy says, business and private stay")
  {
    for (const auto& row : std::vector<std::pair<std::string, Classification>>{
             {"", Classification::business},
             {"unknown_as = \"business\"", Classification::business},
             {"unknown_as = \"private\"", Classification::private_},
             {"unknown_as = \"unknown\"", Classification::unknown}}) {
      // Named references, not a structured binding: CAPTURE makes a lambda, and
      // clang before 16 cannot capture a structured binding.
      const std::string& setting = row.first;
      const Classification expected = row.second;
      CAPTURE(setting);
      const auto rules = rules_from(k_scoring + "[policy]\n" + setting + "\n");
      Contact contact;
      auto verdict = Classifier(rules).classify(contact);
      CHECK(verdict.classification == Classification::unknown);
      CHECK(verdict.treated_as == expected);
      contact.organisation = "Acme";
      verdict = Classifier(rules).classify(contact);
      CHECK(verdict.treated_as == Classification::business);
    }
  }

  TEST_CASE("reusing a verdict gives the same result as a fresh one")
  {
    const auto rules = rules_from(k_scoring);
    const Classifier classifier(rules);
    Contact business;
    business.organisation = "Acme";
    business.title = "CEO";
    Contact empty;
    Verdict verdict;
    classifier.classify(business, verdict);
    CHECK(verdict.fired.size() == 2);
    classifier.classify(empty, verdict);
    CHECK(verdict.fired.empty());
    CHECK(verdict.score == 0);
    classifier.classify(business, verdict);
    CHECK(fired_ids(verdict) == fired_ids(classifier.classify(business)));
  }
}

TEST_SUITE("classify::explain")
{
  TEST_CASE("a fired rule is explained with id, signed weight and the description")
  {
    const auto rules = rules_from("[lists]\ncompany_domains = [\"acme.de\"]\n" +
                                  rule("email.company-domain",
                                       "email-domain",
                                       5,
                                       "lists = [\"company_domains\"]",
                                       "{value} is a company domain"));
    Contact contact;
    contact.emails.push_back(make_email("j.mueller@acme.de"));
    const auto verdict = Classifier(rules).classify(contact);
    REQUIRE(verdict.fired.size() == 1);
    CHECK(verdict.fired[0].value_is_email);
    CHECK(explain(verdict.fired[0], Language::en) ==
          "rule email.company-domain (+5): j***@acme.de is a company domain");
    CHECK(explain(verdict.fired[0], Language::de) ==
          "Regel email.company-domain (+5): de: j***@acme.de is a company domain");
    CHECK(explain(verdict.fired[0], Language::en, true) ==
          "rule email.company-domain (+5): j.mueller@acme.de is a company domain");
  }

  TEST_CASE("numbers in explanations are masked unless revealed")
  {
    const auto rules = rules_from(rule("tel.home-typed",
                                       "typed",
                                       -1,
                                       "on = \"phone\"\ntypes = [\"home\"]",
                                       "home number {value}"));
    Contact contact;
    contact.phones.push_back(make_phone("+4915112345678", phone::NumberType::mobile, {"home"}));
    const auto verdict = Classifier(rules).classify(contact);
    CHECK(explain(verdict, Language::en) ==
          std::vector<std::string>{"rule tel.home-typed (-1): home number +49151*****678"});
    CHECK(explain(verdict, Language::en, true) ==
          std::vector<std::string>{"rule tel.home-typed (-1): home number +4915112345678"});
  }

  TEST_CASE("classification names are serialised and displayed")
  {
    CHECK(to_string(Classification::private_) == "private");
    CHECK(parse_classification("private") == Classification::private_);
    CHECK(parse_classification("Private") == std::nullopt);
    CHECK(display_name(Classification::business, Language::de) == "geschäftlich");
    CHECK(display_name(Classification::unknown, Language::en) == "unknown");
    CHECK(parse_language("de") == Language::de);
    CHECK(to_string(Language::en) == "en");
  }
}

// SPDX-License-Identifier: MIT
// Loading rule files: merging lists and weights, the rule-set hash, and every problem reported at
// once.
#include <contact_audit/classify/rule_set.hpp>
#include <contact_audit/core/error.hpp>
#include <contact_audit/core/hash.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace contact_audit;
using namespace contact_audit::classify;

namespace {

constexpr std::string_view k_minimal_rule = R"(
[[rule]]
id = "org.present"
match = "field"
fields = ["organisation"]
weight = 4
description_de = "Organisation: {value}"
description_en = "organisation: {value}"
)";

// One problem per line, so that a failing check prints them all.
std::string joined(const std::vector<std::string>& lines)
{
  std::string text;
  for (const auto& line : lines) {
    text += line + "\n";
  }
  return text;
}

std::vector<std::string> problems_of(const std::vector<RuleSource>& sources)
{
  std::vector<RuleProblem> problems;
  const auto rules = parse_rule_sources(sources, problems);
  CHECK_FALSE(rules.has_value());
  std::vector<std::string> lines;
  for (const auto& problem : problems) {
    lines.push_back(format(problem));
  }
  return lines;
}

RuleSet parse_ok(const std::vector<RuleSource>& sources)
{
  std::vector<RuleProblem> problems;
  auto rules = parse_rule_sources(sources, problems);
  for (const auto& problem : problems) {
    FAIL_CHECK(format(problem));
  }
  REQUIRE(rules.has_value());
  return std::move(*rules);
}

struct TempRuleDir
{
  TempRuleDir()
  {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("ca-rules-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(path);
  }
  ~TempRuleDir() { fs::remove_all(path); }
  void write(const std::string& name, std::string_view content) const
  {
    std::ofstream(path / name, std::ios::binary) << content;
  }
  fs::path path;
};

} // namespace

TEST_SUITE("classify::RuleSet")
{
  TEST_CASE("a minimal rule set loads with the default policy")
  {
    const auto rules = parse_ok({{"a.toml", std::string(k_minimal_rule)}});
    REQUIRE(rules.rules().size() == 1);
    const auto& rule = rules.rules()[0];
    CHECK(rule.id == "org.present");
    CHECK(rule.match == "field");
    CHECK(rule.weight == 4);
    CHECK(rule.file == "a.toml");
    CHECK(rule.line == 2);
    CHECK(rule.description(Language::de) == "Organisation: {value}");
    CHECK(rules.policy().business_min_score == 2);
    CHECK(rules.policy().private_max_score == -2);
    CHECK(rules.policy().unknown_as == Classification::business);
    CHECK(rules.find_rule("org.present") == &rule);
    CHECK(rules.find_rule("nope.nope") == nullptr);
  }

  TEST_CASE("lists of the same name are merged across files, folded, sorted and unique")
  {
    const std::string shipped = R"(
[lists]
freemail_domains = ["gmx.de", "WEB.de"]
[[rule]]
id = "email.freemail"
match = "email-domain"
lists = ["freemail_domains"]
weight = -2
description_de = "x"
description_en = "x"
)";
    const std::string company = R"(
[lists]
freemail_domains = ["web.de", "example-isp.example"]
)";
    const auto rules = parse_ok({{"freemail.toml", shipped}, {"company.toml", company}});
    CHECK(rules.list("freemail_domains") ==
          std::vector<std::string>{"example-isp.example", "gmx.de", "web.de"});
    CHECK(rules.list("no_such_list").empty());
  }

  TEST_CASE("[weights] in another file changes a rule's weight, 0 switches it off")
  {
    const auto rules = parse_ok(
        {{"a.toml", std::string(k_minimal_rule)}, {"b.toml", "[weights]\n\"org.present\" = 0\n"}});
    CHECK(rules.find_rule("org.present")->weight == 0);
  }

  TEST_CASE("the policy is read and checked")
  {
    const auto rules = parse_ok({{"a.toml", std::string(k_minimal_rule)},
                                 {"policy.toml",
                                  "[policy]\nbusiness_min_score = 3\nprivate_max_score = -3\n"
                                  "unknown_as = \"unknown\"\n"}});
    CHECK(rules.policy().business_min_score == 3);
    CHECK(rules.policy().private_max_score == -3);
    CHECK(rules.policy().unknown_as == Classification::unknown);
    CHECK(class_for_score(3, rules.policy()) == Classification::business);
    CHECK(class_for_score(2, rules.policy()) == Classification::unknown);
    CHECK(class_for_score(-2, rules.policy()) == Classification::unknown);
    CHECK(class_for_score(-3, rules.policy()) == Classification::private_);
  }

  TEST_CASE("the rule-set hash covers names, sizes and bytes of the files in order")
  {
    const RuleSource a{"dir/a.toml", std::string(k_minimal_rule)};
    const RuleSource b{"dir/b.toml", "# comment\n"};
    const auto rules = parse_ok({a, b});
    CHECK(rules.sha256() == sha256_hex("a.toml\n" + std::to_string(a.content.size()) + "\n" +
                                       a.content + "b.toml\n10\n# comment\n"));
    REQUIRE(rules.files().size() == 2);
    CHECK(rules.files()[1].sha256 == sha256_hex("# comment\n"));
    SUBCASE("the same files elsewhere give the same hash")
    {
      CHECK(parse_ok({{"/other/a.toml", a.content}, {"/other/b.toml", b.content}}).sha256() ==
            rules.sha256());
    }
    SUBCASE("one changed byte changes it")
    {
      CHECK(parse_ok({a, {"dir/b.toml", "# Comment\n"}}).sha256() != rules.sha256());
    }
  }

  TEST_CASE("every problem of every file is reported at once with file, line and column")
  {
    const std::string broken = R"([lists]
freemail_domains = ["gmx", 5]
unused_words = []

[[rule]]
id = "org.present"
match = "field"
fields = ["organisation", "company"]
weight = "4"
description_de = ""
description_en = "x"
colour = "blue"

[[rule]]
id = "Email Freemail"
match = "email-domain"
lists = ["freemail_domain"]
weight = -2
description_de = "x"

[[rule]]
id = "title.present"
match = "field"
fields = ["title"]
pattern = "(dr"
weight = 2
description_de = "x"
description_en = "x"

[[rule]]
id = "category.x"
match = "category"
weight = 1

[weights]
"no.such-rule" = 1
email.freemail = 1

[policy]
unknown_as = "maybe"
threshold = 1
)";
    const std::string second = R"([[rule]]
id = "org.present"
match = "typed"
on = "tel"
types = ["business"]
weight = 2000
description_de = "x"
description_en = "x"

[policy]
unknown_as = "private"
)";
    const auto problems = problems_of({{"rules/one.toml", broken}, {"rules/two.toml", second}});
    const std::vector<std::string> expected{
        R"(rules/one.toml:2:28: The entries of "freemail_domains" must be strings, not an integer.)",
        R"(rules/one.toml:8:27: Unknown field "company" in "fields"; use one of: organisation, department, title, role, display_name, given, family, additional, prefix, suffix.)",
        R"(rules/one.toml:9:10: "weight" must be an integer, not a string.)",
        R"(rules/one.toml:10:18: "description_de" must not be empty.)",
        R"(rules/one.toml:12:1: Unknown key "colour" in a "field" rule; its keys are: id, match, weight, description_de, description_en, fields, ignore, pattern, ignore_pattern.)",
        R"(rules/one.toml:14:1: The rule "Email Freemail" has no "description_en".)",
        R"(rules/one.toml:15:6: The rule id "Email Freemail" is not valid; use lower-case words joined by dots and hyphens, e.g. "org.present".)",
        R"(rules/one.toml:25:11: The regular expression "(dr" in "pattern" is not valid: Mismatched '(' and ')' in regular expression.)",
        R"(rules/one.toml:30:1: The rule "category.x" has no "description_de".)",
        R"(rules/one.toml:30:1: The rule "category.x" has no "description_en".)",
        R"(rules/one.toml:32:9: Unknown match "category"; use one of: field, typed, email-domain, phone-prefix, number-type, phones-only, category-words, name-words, account.)",
        R"(rules/one.toml:37:1: "email" in [weights] is a table; quote rule ids that contain dots, e.g. "email.freemail" = -1.)",
        R"(rules/one.toml:40:14: "unknown_as" must be business, private or unknown, not "maybe".)",
        R"(rules/one.toml:41:1: Unknown key "threshold" in [policy]; use business_min_score, private_max_score or unknown_as.)",
        R"(rules/two.toml:4:6: "on" must be phone, email or address, not "tel".)",
        R"(rules/two.toml:5:10: Unknown type "business" in "types"; use one of: work, home, cell, fax, pager, voice, main, text, video, textphone, car, isdn, other.)",
        R"(rules/two.toml:6:10: "weight" must be between -1000 and 1000, not 2000.)",
        R"(rules/two.toml:2:6: The rule id "org.present" is already used at one.toml:6:6; rule ids must be unique.)",
        R"(rules/one.toml:17:10: The list "freemail_domain" is not defined in any rule file; define it under [lists].)",
        R"(rules/one.toml:3:1: The list "unused_words" is not used by any rule; check its name or remove it.)",
        R"(rules/one.toml:36:1: [weights] names the rule "no.such-rule", which no rule file defines.)",
    };
    CHECK(joined(problems) == joined(expected));
  }

  TEST_CASE("a TOML syntax error names the position and the other files are still checked")
  {
    const auto problems = problems_of(
        {{"a.toml", "[[rule]]\nid = \"x.y\nweight = 1\n"}, {"b.toml", "[weights]\n\"a.b\" = 1\n"}});
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].rfind("a.toml:2:", 0) == 0);
    CHECK(problems[0].find("The file is not valid TOML: ") != std::string::npos);
    CHECK(problems[1] ==
          "a.toml: No file of the rule set defines a [[rule]]; nothing could be classified.");
    CHECK(problems[2] ==
          R"(b.toml:2:1: [weights] names the rule "a.b", which no rule file defines.)");
  }

  TEST_CASE("list entries are checked for how the list is used")
  {
    const std::string text = R"([lists]
domains = ["acme.de", "hotmail.*", "acme", "a b.de", "x@acme.de", "*.acme.de", ".acme.de"]
ranges = ["+4930123456", "030123", "+49 30", "+0123", "+4"]
names = ["gmbh", "e.V.", "gelbe seiten"]

[[rule]]
id = "email.x"
match = "email-domain"
lists = ["domains"]
weight = 1
description_de = "x"
description_en = "x"

[[rule]]
id = "tel.x"
match = "phone-prefix"
lists = ["ranges"]
weight = 1
description_de = "x"
description_en = "x"

[[rule]]
id = "name.x"
match = "name-words"
lists = ["names"]
fields = ["display_name"]
weight = 1
description_de = "x"
description_en = "x"
)";
    const auto problems = problems_of({{"l.toml", text}});
    const std::string domain_hint =
        R"( is not a domain; write it as "example.de", or "name.*" for every top-level domain.)";
    const std::string prefix_hint =
        R"( is not an E.164 prefix; write "+" and 2 to 15 digits, e.g. "+4930123456".)";
    const std::vector<std::string> expected{
        R"(l.toml:2:36: "acme" in list "domains")" + domain_hint,
        R"(l.toml:2:44: "a b.de" in list "domains")" + domain_hint,
        R"(l.toml:2:54: "x@acme.de" in list "domains")" + domain_hint,
        R"(l.toml:2:67: "*.acme.de" in list "domains")" + domain_hint,
        R"(l.toml:2:80: ".acme.de" in list "domains")" + domain_hint,
        R"(l.toml:4:26: "gelbe seiten" in list "names" is not one word; a name-words rule compares single words.)",
        R"(l.toml:3:26: "030123" in list "ranges")" + prefix_hint,
        R"(l.toml:3:36: "+49 30" in list "ranges")" + prefix_hint,
        R"(l.toml:3:46: "+0123" in list "ranges")" + prefix_hint,
        R"(l.toml:3:55: "+4" in list "ranges")" + prefix_hint,
    };
    CHECK(joined(problems) == joined(expected));
  }

  TEST_CASE("a policy value set in two files and inverted thresholds are problems")
  {
    const auto problems = problems_of(
        {{"a.toml", std::string(k_minimal_rule) + "\n[policy]\nbusiness_min_score = -5\n"},
         {"b.toml", "[policy]\nbusiness_min_score = 1\n"}});
    const std::vector<std::string> expected{
        R"(b.toml:2:1: "business_min_score" is already set at a.toml:11:22; set each policy value in one file only.)",
        R"(a.toml:11:22: business_min_score (-5) must be greater than private_max_score (-2).)",
    };
    CHECK(joined(problems) == joined(expected));
  }

  TEST_CASE("unknown top-level keys and a [rule] that is not an array of tables are problems")
  {
    const auto problems = problems_of({{"a.toml", "rules = 1\n[rule]\nid = \"a.b\"\n"}});
    const std::vector<std::string> expected{
        R"(a.toml:1:1: Unknown key "rules"; a rule file has only [policy], [lists], [weights] and [[rule]].)",
        R"(a.toml:2:1: "rule" must be an array of tables, written [[rule]], not a table.)",
        R"(a.toml: No file of the rule set defines a [[rule]]; nothing could be classified.)",
    };
    CHECK(joined(problems) == joined(expected));
  }
}

TEST_SUITE("classify::RuleSet limits")
{
  TEST_CASE("a rule set can use at most 32 name-word lists, the 33rd is reported")
  {
    std::string text = "[lists]\n";
    std::string names;
    for (int i = 0; i < 33; ++i) {
      text += "w" + std::to_string(100 + i) + " = [\"x\"]\n";
      names += (i == 0 ? "\"w" : ", \"w") + std::to_string(100 + i) + "\"";
    }
    text += "[[rule]]\nid = \"name.x\"\nmatch = \"name-words\"\nfields = [\"given\"]\n"
            "weight = 1\ndescription_de = \"x\"\ndescription_en = \"x\"\nlists = [" +
            names + "]\n";
    const auto problems = problems_of({{"many.toml", text}});
    const std::vector<std::string> expected{
        R"(many.toml:34:1: The list "w132" is one list too many of its kind; a rule set can use at most 32 such lists.)"};
    CHECK(joined(problems) == joined(expected));
  }

  TEST_CASE("one list can serve a name rule and a category rule")
  {
    const std::string text = R"([lists]
family = ["Mama", "Familie"]
[[rule]]
id = "name.family"
match = "name-words"
lists = ["family"]
fields = ["display_name"]
weight = -3
description_de = "x"
description_en = "x"
[[rule]]
id = "category.family"
match = "category-words"
lists = ["family"]
weight = -4
description_de = "x"
description_en = "x"
)";
    const auto rules = parse_ok({{"f.toml", text}});
    CHECK(rules.list("family") == std::vector<std::string>{"familie", "mama"});
  }
}

TEST_SUITE("classify::load_rule_dir")
{
  TEST_CASE("loads *.toml in sorted order and skips *.example.toml and other files")
  {
    const TempRuleDir dir;
    dir.write("b.toml", "[weights]\n\"org.present\" = 7\n");
    dir.write("a.toml", k_minimal_rule);
    dir.write("company.example.toml", "this is not even TOML");
    dir.write("README.md", "not a rule file");
    const auto rules = load_rule_dir(dir.path);
    REQUIRE(rules.files().size() == 2);
    CHECK(rules.files()[0].path.filename() == "a.toml");
    CHECK(rules.files()[1].path.filename() == "b.toml");
    CHECK(rules.find_rule("org.present")->weight == 7);
  }

  TEST_CASE("problems become one InputError that lists them all")
  {
    const TempRuleDir dir;
    dir.write("a.toml", std::string(k_minimal_rule) + "colour = 1\n");
    dir.write("b.toml", "[policy]\nunknown_as = 1\n");
    const std::string expected =
        "The rule files in \"" + dir.path.string() +
        "\" have 2 problems; nothing was classified:\n  " + (dir.path / "a.toml").string() +
        ":9:1: Unknown key \"colour\" in a \"field\" rule; its keys are: id, match, weight, "
        "description_de, description_en, fields, ignore, pattern, ignore_pattern.\n  " +
        (dir.path / "b.toml").string() + ":2:14: \"unknown_as\" must be a string, not an integer.";
    CHECK_THROWS_WITH_AS(load_rule_dir(dir.path), expected.c_str(), InputError);
  }

  TEST_CASE("a missing or empty directory is an InputError")
  {
    const TempRuleDir dir;
    CHECK_THROWS_WITH_AS(
        load_rule_dir(dir.path / "nope"),
        ("The rule directory \"" + (dir.path / "nope").string() +
         "\" does not exist or is not a directory; name the directory that holds the "
         "classifier's *.toml files with --rules DIR.")
            .c_str(),
        InputError);
    CHECK_THROWS_WITH_AS(load_rule_dir(dir.path),
                         ("The rule directory \"" + dir.path.string() +
                          "\" holds no *.toml rule file; name the directory that holds the "
                          "classifier's rule files with --rules DIR.")
                             .c_str(),
                         InputError);
  }

  TEST_CASE("$CONTACT_AUDIT_RULES names the rules root")
  {
    ::setenv("CONTACT_AUDIT_RULES", "/opt/rules", 1);
    CHECK(default_rules_dir() == "/opt/rules");
    ::unsetenv("CONTACT_AUDIT_RULES");
    CHECK(default_rules_dir().filename() == "rules");
  }

  TEST_CASE("--rules may name the rules root or the classify folder itself")
  {
    const auto root = default_rules_dir();
    CHECK(classify_rules_dir(root) == root / "classify");
    CHECK(classify_rules_dir(root / "classify") == root / "classify");
  }
}

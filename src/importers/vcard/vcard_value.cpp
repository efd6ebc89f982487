// SPDX-License-Identifier: MIT
// vCard parameter parsing and value decoding without regular expressions or per-call allocations.
#include "vcard_value.hpp"

#include <contact_audit/core/text.hpp>

namespace contact_audit::importers::vcard {
namespace {

std::string_view unquote(std::string_view text)
{
  text = trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

int hex_value(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

int base64_value(char c)
{
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+') {
    return 62;
  }
  if (c == '/') {
    return 63;
  }
  return -1;
}

TransferEncoding encoding_of(std::string_view word)
{
  if (iequals_ascii(word, "QUOTED-PRINTABLE")) {
    return TransferEncoding::quoted_printable;
  }
  // RFC 2426 §5 uses "b"; vCard 2.1 "BASE64".
  if (iequals_ascii(word, "BASE64") || iequals_ascii(word, "B")) {
    return TransferEncoding::base64;
  }
  if (iequals_ascii(word, "8BIT") || iequals_ascii(word, "7BIT")) {
    return TransferEncoding::none;
  }
  return TransferEncoding::unknown;
}

void add_type_words(std::string_view value, Params& params)
{
  // TYPE="work,voice" and TYPE=work,voice mean the same; so does a quoted item in a list.
  const std::string_view list = unquote(value);
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    end = end == std::string_view::npos ? list.size() : end;
    const std::string_view word = unquote(list.substr(start, end - start));
    start = end + 1;
    if (word.empty()) {
      continue;
    }
    std::string& type = params.types.emplace_back(word);
    decode_caret(type);
    params.pref = params.pref || iequals_ascii(type, "pref");
  }
}

void apply_param(std::string_view name, std::string_view value, Params& params)
{
  if (name.size() == 4 && iequals_ascii(name, "TYPE")) {
    add_type_words(value, params);
  } else if (iequals_ascii(name, "ENCODING")) {
    params.encoding_name.assign(unquote(value));
    params.encoding = encoding_of(params.encoding_name);
  } else if (iequals_ascii(name, "CHARSET")) {
    params.charset.assign(unquote(value));
  } else if (iequals_ascii(name, "PREF")) {
    // RFC 6350 §5.3: 1 is the most preferred of 1..100.
    params.pref = params.pref || unquote(value) == "1";
  } else if (iequals_ascii(name, "VALUE")) {
    params.value_uri = iequals_ascii(unquote(value), "uri");
  }
}

void apply_bare_param(std::string_view word, Params& params)
{
  // vCard 2.1 §2.1.2: a parameter may be written as its value alone; ENCODING values
  // are told apart by name and everything else is a type (as KDE's parser does).
  const TransferEncoding encoding = encoding_of(word);
  if (encoding != TransferEncoding::unknown && !iequals_ascii(word, "B")) {
    params.encoding_name.assign(word);
    params.encoding = encoding;
    return;
  }
  add_type_words(word, params);
}

} // namespace

void decode_caret(std::string& value)
{
  if (value.find('^') == std::string::npos) {
    return;
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '^' && i + 1 < value.size()) {
      const char next = value[i + 1];
      if (next == 'n' || next == 'N') {
        c = '\n';
        ++i;
      } else if (next == '\'') {
        c = '"';
        ++i;
      } else if (next == '^') {
        ++i;
      }
    }
    value[out++] = c;
  }
  value.resize(out);
}

void parse_params(std::string_view text, Params& params)
{
  params.types.clear();
  params.charset.clear();
  params.encoding_name.clear();
  params.encoding = TransferEncoding::none;
  params.pref = false;
  params.value_uri = false;
  if (text.empty()) {
    return;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    // Split at ';' outside double quotes (RFC 6350 §3.3 param-value may be quoted).
    std::size_t end = start;
    bool quoted = false;
    while (end < text.size() && (quoted || text[end] != ';')) {
      quoted = text[end] == '"' ? !quoted : quoted;
      ++end;
    }
    const std::string_view param = trim(text.substr(start, end - start));
    const std::size_t equals = param.find('=');
    if (equals == std::string_view::npos) {
      if (!param.empty()) {
        apply_bare_param(param, params);
      }
    } else {
      apply_param(trim(param.substr(0, equals)), param.substr(equals + 1), params);
    }
    start = end + 1;
  }
}

bool decode_quoted_printable(std::string_view in, std::string& out)
{
  out.clear();
  out.reserve(in.size());
  bool valid = true;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '=') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 1 == in.size()) {
      break; // A soft break with nothing after it: the '=' carries no text.
    }
    const int high = hex_value(in[i + 1]);
    const int low = i + 2 < in.size() ? hex_value(in[i + 2]) : -1;
    if (high < 0 || low < 0) {
      out.push_back('=');
      valid = false;
      continue;
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return valid;
}

bool decode_base64(std::string_view in, std::string& out)
{
  out.clear();
  unsigned int buffer = 0;
  int bits = 0;
  for (const char c : in) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      continue;
    }
    if (c == '=') {
      break;
    }
    const int value = base64_value(c);
    if (value < 0) {
      return false;
    }
    buffer = (buffer << 6U) | static_cast<unsigned int>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> static_cast<unsigned int>(bits)) & 0xFFU));
    }
  }
  return true;
}

std::string_view unescape_text(std::string_view in, Version version, std::string& out)
{
  if (version == Version::v21 || in.find('\\') == std::string_view::npos) {
    return in;
  }
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\' || i + 1 == in.size()) {
      out.push_back(in[i]);
      continue;
    }
    const char next = in[i + 1];
    if (next == 'n' || next == 'N') {
      out.push_back('\n');
    } else if (next == ',' || next == ';' || next == '\\' || next == ':') {
      out.push_back(next);
    } else {
      out.push_back('\\');
      out.push_back(next);
    }
    ++i;
  }
  return out;
}

void split_structured(std::string_view in,
                      Version version,
                      char separator,
                      std::vector<std::string>& parts)
{
  parts.clear();
  std::string* part = &parts.emplace_back();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == separator) {
      part = &parts.emplace_back();
      continue;
    }
    if (c != '\\' || i + 1 == in.size()) {
      part->push_back(c);
      continue;
    }
    const char next = in[i + 1];
    if (next == ',' || next == ';' || next == '\\' || next == ':') {
      part->push_back(next);
    } else if (version != Version::v21 && (next == 'n' || next == 'N')) {
      part->push_back('\n');
    } else {
      part->push_back('\\');
      part->push_back(next);
    }
    ++i;
  }
}

} // namespace contact_audit::importers::vcard

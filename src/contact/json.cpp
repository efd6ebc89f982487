// SPDX-License-Identifier: MIT
// Contact to JSON with Poco::JSON; numbers masked unless revealed.
#include <contact_audit/contact/json.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace contact_audit::contact {
namespace {

Poco::JSON::Array::Ptr string_array(const std::vector<std::string>& values)
{
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& value : values) {
    array->add(value);
  }
  return array;
}

Poco::JSON::Object::Ptr phone_json(const Phone& phone, bool reveal)
{
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  object->set("raw", shown_raw(phone, reveal));
  object->set("e164", shown_e164(phone, reveal));
  object->set("extension", phone.number.extension);
  object->set("type", std::string(phone::to_string(phone.number.type)));
  object->set("status", std::string(phone::to_string(phone.number.status)));
  object->set("region", phone.number.region);
  object->set("labels", string_array(phone.types));
  object->set("label", phone.label);
  object->set("preferred", phone.preferred);
  object->set("line", phone.line);
  if (!phone.number.issue_code.empty()) {
    object->set("issue", phone.number.issue_code);
  }
  return object;
}

Poco::JSON::Object::Ptr typed_json(const std::vector<std::string>& types, const std::string& label)
{
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  object->set("labels", string_array(types));
  object->set("label", label);
  return object;
}

} // namespace

std::string shown_raw(const Phone& phone, bool reveal)
{
  return reveal ? phone.raw : phone::mask(phone.raw);
}

std::string shown_e164(const Phone& phone, bool reveal)
{
  if (phone.number.e164.empty()) {
    return {};
  }
  return reveal ? phone.number.e164 : phone::mask(phone.number.e164);
}

std::string to_json(const Contact& contact, const JsonOptions& options)
{
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("display_name", contact.display_name);
  Poco::JSON::Object::Ptr name = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  name->set("family", contact.name.family);
  name->set("given", contact.name.given);
  name->set("additional", contact.name.additional);
  name->set("prefix", contact.name.prefix);
  name->set("suffix", contact.name.suffix);
  object.set("name", name);
  object.set("organisation", contact.organisation);
  object.set("department", contact.department);
  object.set("title", contact.title);
  object.set("role", contact.role);
  Poco::JSON::Array::Ptr phones = new Poco::JSON::Array;
  for (const auto& phone : contact.phones) {
    phones->add(phone_json(phone, options.reveal));
  }
  object.set("phones", phones);
  Poco::JSON::Array::Ptr emails = new Poco::JSON::Array;
  for (const auto& email : contact.emails) {
    auto entry = typed_json(email.types, email.label);
    entry->set("address", email.address);
    entry->set("preferred", email.preferred);
    emails->add(entry);
  }
  object.set("emails", emails);
  Poco::JSON::Array::Ptr addresses = new Poco::JSON::Array;
  for (const auto& address : contact.addresses) {
    addresses->add(typed_json(address.types, address.label));
  }
  object.set("addresses", addresses);
  object.set("categories", string_array(contact.categories));
  object.set("uid", contact.uid);
  Poco::JSON::Object::Ptr source = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  source->set("file", contact.source.file.string());
  source->set("line", contact.source.line);
  source->set("record", contact.source.record);
  source->set("account", contact.source.account);
  object.set("source", source);
  std::ostringstream out;
  object.stringify(out, static_cast<unsigned>(options.indent));
  return out.str();
}

} // namespace contact_audit::contact

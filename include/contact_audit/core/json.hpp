// SPDX-License-Identifier: MIT
// Building Poco::JSON documents the way every document of the tool is built: keys in the order
// they are set. Header only; the modules that use it link Poco::JSON themselves.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <string>

namespace contact_audit::json {

inline Poco::JSON::Object::Ptr ordered_object()
{
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

inline Poco::JSON::Array::Ptr string_array(std::initializer_list<std::string> items)
{
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const auto& item : items) {
    array->add(item);
  }
  return array;
}

} // namespace contact_audit::json

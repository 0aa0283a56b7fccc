// Emits a parsed nlohmann::json value (stored article data, say) through a structured printer,
// keeping its keys in their order.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>

#include "common/structured_printer.h"

namespace newsindex {

template <class Json>
void sprint_json_value(StructuredPrinter& sp, const Json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object:
      sp.begin_map();
      for (auto it = j.begin(); it != j.end(); ++it) {
        sp.map_key(it.key());
        sprint_json_value(sp, it.value());
      }
      sp.end();
      return;
    case nlohmann::json::value_t::array:
      sp.begin_list();
      for (const auto& v : j) sprint_json_value(sp, v);
      sp.end();
      return;
    case nlohmann::json::value_t::string: sp.string(j.template get_ref<const std::string&>()); return;
    case nlohmann::json::value_t::boolean: sp.boolean(j.template get<bool>()); return;
    case nlohmann::json::value_t::number_integer: sp.integer(j.template get<int64_t>()); return;
    case nlohmann::json::value_t::number_unsigned: {
      // Beyond int64 the value is written as a double, its nearest.
      const auto u = j.template get<uint64_t>();
      if (u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) sp.integer(static_cast<int64_t>(u));
      else sp.number(static_cast<double>(u));
      return;
    }
    case nlohmann::json::value_t::number_float: sp.number(j.template get<double>()); return;
    default: sp.null(); return;
  }
}

}  // namespace newsindex

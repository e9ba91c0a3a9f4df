// Command-line values are checked once, as CLI11 parses them, so that no command quietly reads an
// odd value its own way: an empty value ("--days ''") is refused for every option that takes one,
// and a seed is a plain whole number (CLI11 would wrap "-1" round to 2^64 - 1).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace govsim {

// Refuses "" for every option and positional of every subcommand that takes a value.
inline void refuse_empty_values(CLI::App& app) {
  const CLI::Validator non_empty(
      [](std::string& value) {
        return value.empty() ? std::string(
                                   "an empty value is not allowed; give a value or leave "
                                   "the option out")
                             : std::string();
      },
      "", "NON-EMPTY");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    for (CLI::Option* option : sub->get_options([](const CLI::Option*) { return true; }))
      if (option->get_type_size_max() > 0) option->check(non_empty);
}

// Digits only: "12", not "-1", "1e2" or " 7".
inline CLI::Validator whole_number_validator() {
  return CLI::Validator(
      [](std::string& value) {
        if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
          return "'" + value + "' is not a whole number >= 0 (digits only)";
        return std::string();
      },
      "", "WHOLE");
}

}  // namespace govsim

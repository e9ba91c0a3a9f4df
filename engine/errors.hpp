// Errors that are the user's fault (exit code 2) carry where they happened.
#pragma once

#include <stdexcept>
#include <string>

namespace govsim {

// A mistake in the user's input: a scenario, a city table, a command-line value.
// what() is the full message, "file:line:column: key: problem (what would be valid)".
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

// Formats "file:line:column: message", leaving out the parts that are unknown (line <= 0).
std::string located(const std::string& file, int line, int column, const std::string& message);

}  // namespace govsim

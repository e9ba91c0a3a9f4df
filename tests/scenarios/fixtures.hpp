// Paths of the test fixtures, and a check that an input error names file, line and key.
#pragma once

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>

#include "engine/errors.hpp"

namespace govsim::test {

inline std::string source_path(const std::string& relative) {
  return std::string(GOVSIM_SOURCE_DIR) + "/" + relative;
}
inline std::string fixture(const std::string& relative) {
  return source_path("tests/scenarios/" + relative);
}

// Runs `load` and checks that it throws InputError whose message holds every part.
template <class F>
void require_input_error(F&& load, std::initializer_list<std::string> parts) {
  try {
    load();
  } catch (const InputError& e) {
    const std::string message = e.what();
    INFO("message: " << message);
    for (const std::string& part : parts) CHECK(message.find(part) != std::string::npos);
    return;
  }
  FAIL("no InputError thrown");
}

}  // namespace govsim::test

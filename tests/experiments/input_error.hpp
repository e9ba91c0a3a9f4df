// The message of the InputError that f throws, for tests of what a user is told; a test fails when
// f throws none.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "engine/errors.hpp"

namespace govsim::batch::testing {

template <class F>
std::string input_error(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  FAIL("no InputError");
  return "";
}

}  // namespace govsim::batch::testing

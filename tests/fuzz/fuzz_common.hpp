// Shared by the fuzz targets: an InputError is the expected answer to bad input; any other
// exception escaping a reader is a bug, reported as a crash with its message.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

#include "engine/errors.hpp"

namespace govsim::fuzz {

// Runs `body`; returns normally for success or an InputError, aborts on anything else.
template <class F>
void expect_input_error_only(F&& body) {
  try {
    body();
  } catch (const InputError& e) {
    // The expected outcome for bad input; GOVSIM_FUZZ_VERBOSE=1 shows the message.
    static const bool verbose = std::getenv("GOVSIM_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "fuzz: InputError: %s\n", e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: unexpected exception %s: %s\n", typeid(e).name(), e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz: unexpected exception of a non-standard type\n");
    std::abort();
  }
}

}  // namespace govsim::fuzz

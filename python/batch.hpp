// govsim._core's batch part: experiments of many runs (compare, sweep) through the same
// Experiment, runner and results store as the CLI, and any store read back as CSV texts that
// govsim/__init__.py turns into DataFrames.
#pragma once

#include <pybind11/pybind11.h>

namespace govsim::python {

void add_batch(pybind11::module_& m);

}  // namespace govsim::python

// A deliberate mistake for the include-direction check's own test: the model layer may not
// include the simulation built on top of it. This file is never compiled.
#pragma once

#include "sim/world.hpp"

// The residents' daily update as a plain loop over float arrays: the one per-resident loop that
// runs every day, kept in a translation unit of its own so that it can be compiled to vector code
// (agents/CMakeLists.txt) without touching anything else.
#pragma once

#include <cstdint>

namespace govsim {

// Today's coefficients of one grid, the same for every resident of it (agents/residents.cpp
// derives them from the scenario and the grid's climate).
struct ResidentDay {
  float keep = 1;             // share of yesterday's strain kept
  float floor_strain = 0;     // strain every resident keeps (decay x floor)
  float trust_anchor = 0.5f;  // what the grid's service record says
  float anchor_rate = 0;      // how fast trust moves toward it, per day
  float mood = 0;             // trust change from neighbours' accounts, per resident
  float rate = 0;             // how fast the three senses move, per day
  float gain_base = 0, gain_trust = 0;
  float happy_base = 0, happy_grievance = 0;
  float secure_base = 0, secure_grievance = 0;
};

// The five arrays the update reads and writes, for residents [0, n) of one grid.
struct ResidentColumns {
  float* hardship;
  float* trust;
  float* gain;
  float* happiness;
  float* security;
  std::uint64_t n;
  // Residents [n, n + ahead) of the same arrays: the next grid's, which the same thread updates
  // after this grid's own work (its volunteers and cases). Once every sixteen residents i of this
  // grid's whole blocks of sixteen, the memory is asked for the line of each column that holds
  // resident n + i, if i < ahead: so the next grid's first min(ahead, 16 floor(n / 16))
  // residents arrive during that work instead of stalling its update (the rest, if any, as the
  // hardware fetches them). 0: nothing is asked for. The caller keeps n + ahead within the
  // arrays. No effect on any value.
  std::uint64_t ahead = 0;
};

// Sums over the grid's residents of the updated trust, grievance, gain, happiness and security,
// in that order. Each is added in eight lanes (resident k to lane k % 8) and the lanes in order,
// so the bits do not depend on the thread or the CPU's vector width.
struct ResidentDaySums {
  double sum[5] = {};
};

// Clamps with std::clamp(x, 0, 1)'s result for every finite x that is not a negative zero (the
// state is finite with no negative zero: it is clamped from the start, and a checkpoint with a
// value outside [0, 1] or a negative zero is refused).
ResidentDaySums step_resident_day(const ResidentColumns& columns, const ResidentDay& day);

// The three versions step_resident_day chooses between (agents/resident_day.cpp), for the tests:
// the x86-64 baseline's, one for CPUs with AVX2 and one for CPUs with AVX-512 (each the
// baseline's code where the build has no such version); call the second only when
// resident_day_avx2_available(), the third only when resident_day_avx512_available().
ResidentDaySums step_resident_day_baseline(const ResidentColumns& columns, const ResidentDay& day);
ResidentDaySums step_resident_day_avx2(const ResidentColumns& columns, const ResidentDay& day);
bool resident_day_avx2_available();
ResidentDaySums step_resident_day_avx512(const ResidentColumns& columns, const ResidentDay& day);
bool resident_day_avx512_available();

}  // namespace govsim

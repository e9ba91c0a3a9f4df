// The people part of the grid inspector as text rows, built from a snapshot's GridDetail without
// drawing anything (so that tests can read them): the grid's households and neighbour ties, its
// open disputes with both parties, and the incidents that arose from its disputes (MODEL.md 7.24).
#pragma once

#include <string>
#include <vector>

#include "viz/snapshot.hpp"

namespace govsim::viz {

// "3.2 h" under two days, else "4.5 d", in the current language; "-" for NaN.
std::string duration_text(double hours);

// A case's state as a reader sees it ("waiting at a desk"), in the current language.
const char* case_state_label(CaseState state);

struct PeopleRow {
  std::string parties;  // "resident #1204 (household 37) and a landlord living elsewhere"
  std::string status;   // "housing dispute, waiting at a desk (community), open 3.2 d"
  std::string flags;    // "repeat · crisis", "" for none
};

struct PeopleRows {
  std::string households;  // "812 households of 2.6 residents; 3120 neighbour ties, 2.9 each"
  std::string disputes_heading;
  std::vector<PeopleRow> disputes;  // the oldest first
  std::string incidents_heading;
  std::vector<PeopleRow> incidents;  // the newest first
};

// The rows of detail `d` at `now_h` hours after the start of the run, in the current language.
PeopleRows people_rows(const GridDetail& d, double now_h);

// One party of a case: a resident with the household, or the kind of outside party a dispute of
// `kind` has (kNoParty).
std::string party_text(const GridDetail& d, std::uint32_t resident, std::uint8_t kind);

}  // namespace govsim::viz

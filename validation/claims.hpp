// The paper's claims as paired comparisons on the baseline city. Each claim names two shipped
// designs, an outcome and the direction the paper expects; it holds when the paired difference
// (replication i of both designs on the same seed) has a 95 % interval wholly on that side.
#pragma once

#include <string>
#include <vector>

#include "experiments/comparison.hpp"
#include "experiments/stats.hpp"

namespace govsim::validation {

struct Claim {
  std::string text;     // the paper's claim, in words
  std::string from;     // design the claim starts from
  std::string to;       // design the claim is about
  std::string outcome;  // summary column
  int direction;        // +1: `to` is higher; -1: `to` is lower
  // Where the model, as built, disagrees with the paper, and why (docs/VALIDATION.md); empty
  // where it agrees. A claim is checked against this expectation, not tuned to pass.
  std::string disagreement = {};
};

// The claims, over the ladder of shipped designs (each adds one remedy to the one before).
const std::vector<Claim>& paper_claims();

// Every design the claims name, each once, in ladder order.
std::vector<std::string> claim_designs();

struct ClaimResult {
  Claim claim;
  batch::Estimate from, to;  // means over replications
  batch::Estimate paired;    // to - from, replication by replication
  bool holds = false;        // the interval lies wholly on the claimed side of zero
  bool expected() const { return holds == claim.disagreement.empty(); }
};

// grid holds claim_designs() in that order.
std::vector<ClaimResult> check_claims(const batch::ResultGrid& grid);

}  // namespace govsim::validation

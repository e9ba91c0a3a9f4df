// `govsim merge OUT.db IN.db...`: the shards of one experiment (`--shard K/N`, each its own
// database) become one database, as if a single process had run them all. The inputs must hold
// the same plan, written by the same govsim build; a run found in two inputs must have the same
// results in both.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace govsim::batch {

struct MergeReport {
  std::int64_t runs = 0;                    // finished runs in the merged store
  std::int64_t duplicates = 0;              // runs found in more than one input
  std::vector<std::string> missing_shards;  // "3/4" when shard 3 of 4 was not among the inputs
  std::vector<std::string> missing_runs;    // planned by the inputs, finished in none
};

MergeReport merge_stores(const std::string& out, const std::vector<std::string>& inputs,
                         bool overwrite);

}  // namespace govsim::batch

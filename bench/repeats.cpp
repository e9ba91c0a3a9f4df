#include "bench/repeats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace govsim::bench {

double median(std::vector<double> values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

namespace {

// The median of each number of `key`'s place in the rows (the top level when key is empty).
void median_numbers(const std::vector<const Json*>& ok, const std::string& key, Json& out) {
  const Json& first = key.empty() ? *ok.front() : (*ok.front())[key];
  for (auto it = first.begin(); it != first.end(); ++it) {
    if (!it.value().is_number()) continue;
    std::vector<double> values;
    for (const Json* row : ok) {
      const Json& place = key.empty() ? *row : (*row)[key];
      if (place.contains(it.key()) && place[it.key()].is_number())
        values.push_back(place[it.key()].get<double>());
    }
    (key.empty() ? out : out[key])[it.key()] = median(values);
  }
}

}  // namespace

Json median_row(const std::vector<Json>& rows) {
  std::vector<const Json*> ok;
  for (const Json& row : rows)
    if (!row.contains("error")) ok.push_back(&row);
  if (ok.empty()) {
    Json out = rows.empty() ? Json::object() : rows.front();
    out["rounds"] = 0;
    return out;
  }
  Json out = *ok.front();
  median_numbers(ok, "", out);
  for (auto it = ok.front()->begin(); it != ok.front()->end(); ++it)
    if (it.value().is_object()) median_numbers(ok, it.key(), out);
  // Whole numbers that are counts or identities stay the first row's (a median of two differing
  // hashes or thread counts means nothing); they do not differ between rounds of one case.
  for (const char* same : {"threads", "residents", "days", "state_hash", "cases_handled"})
    if (ok.front()->contains(same)) out[same] = (*ok.front())[same];
  // The fewest threads that took part in any round: one round short of threads is a fault to see.
  double fewest = std::numeric_limits<double>::infinity();
  for (const Json* row : ok)
    if (row->contains("threads_used"))
      fewest = std::min(fewest, (*row)["threads_used"].get<double>());
  if (fewest < std::numeric_limits<double>::infinity()) out["threads_used"] = fewest;
  // A case runs the same scenario and seed every round: its final states must agree.
  bool differs = false;
  for (const Json* row : ok)
    if (row->contains("state_hash") && (*row)["state_hash"] != (*ok.front())["state_hash"])
      differs = true;
  if (differs) out["hash_differs"] = true;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Json* row : ok)
    if (row->contains("wall_s")) {
      lo = std::min(lo, (*row)["wall_s"].get<double>());
      hi = std::max(hi, (*row)["wall_s"].get<double>());
    }
  out["rounds"] = static_cast<int>(ok.size());
  if (lo <= hi) out["wall_s_range"] = {lo, hi};
  out["errors"] = static_cast<int>(rows.size() - ok.size());
  return out;
}

std::vector<Summary> summarise(const std::vector<std::vector<Measured>>& rounds) {
  std::vector<Summary> out;
  std::vector<std::vector<double>> values;
  for (const auto& round : rounds)
    for (const Measured& m : round) {
      auto it =
          std::find_if(out.begin(), out.end(), [&](const Summary& s) { return s.what == m.what; });
      if (it == out.end()) {
        out.push_back(Summary{m.what, 0, 0, 0, m.limit, m.at_most, 0});
        values.emplace_back();
        it = out.end() - 1;
      }
      values[static_cast<std::size_t>(it - out.begin())].push_back(m.value);
    }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].median = median(values[i]);
    out[i].min = *std::min_element(values[i].begin(), values[i].end());
    out[i].max = *std::max_element(values[i].begin(), values[i].end());
    out[i].rounds = static_cast<int>(values[i].size());
  }
  return out;
}

}  // namespace govsim::bench

#include "bench/repeats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace govsim::bench {

double median(std::vector<double> values) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
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

// The number at `key` of an object, or nullptr if there is none.
const Json* number_at(const Json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it != object.end() && it->is_number() ? &*it : nullptr;
}

// The object `key` of a row (the row itself when key is empty), or nullptr if there is none.
const Json* place_of(const Json& row, const std::string& key) {
  if (key.empty()) return &row;
  const auto it = row.find(key);
  return it != row.end() && it->is_object() ? &*it : nullptr;
}

// The median of each number of `key`'s place in the rows (the top level when key is empty),
// over the rows that have it.
void median_numbers(const std::vector<const Json*>& ok, const std::string& key, Json& out) {
  const Json* first = place_of(*ok.front(), key);
  if (first == nullptr) return;
  for (auto it = first->begin(); it != first->end(); ++it) {
    if (!it.value().is_number()) continue;
    std::vector<double> values;
    for (const Json* row : ok)
      if (const Json* place = place_of(*row, key))
        if (const Json* v = number_at(*place, it.key())) values.push_back(v->get<double>());
    (key.empty() ? out : out[key])[it.key()] = median(values);
  }
}

}  // namespace

Json median_row(const std::vector<Json>& rows) {
  std::vector<const Json*> ok;
  for (const Json& row : rows)
    if (row.is_object() && !row.contains("error")) ok.push_back(&row);
  if (ok.empty()) {
    Json out = rows.empty() || !rows.front().is_object() ? Json::object() : rows.front();
    out["rounds"] = 0;
    out["errors"] = static_cast<int>(rows.size());
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
  // The fewest threads that could run in any round: one round short of threads is a fault to see.
  int fewest = std::numeric_limits<int>::max();
  for (const Json* row : ok)
    if (const Json* v = number_at(*row, "threads_ready")) fewest = std::min(fewest, v->get<int>());
  if (fewest < std::numeric_limits<int>::max()) out["threads_ready"] = fewest;
  // A case runs the same scenario and seed every round: its final states must agree.
  const Json first_hash = ok.front()->value("state_hash", Json());
  bool differs = false;
  for (const Json* row : ok)
    if (row->value("state_hash", Json()) != first_hash) differs = true;
  if (differs) out["hash_differs"] = true;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Json* row : ok)
    if (const Json* v = number_at(*row, "wall_s")) {
      lo = std::min(lo, v->get<double>());
      hi = std::max(hi, v->get<double>());
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

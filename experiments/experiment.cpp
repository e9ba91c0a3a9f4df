#include "experiments/experiment.hpp"

#include <charconv>

#include "engine/errors.hpp"
#include "scenarios/loader.hpp"

namespace govsim::batch {
namespace {

// The largest seed the schema accepts (run.seed): 2^53 - 1, exact in every JSON reader.
constexpr std::uint64_t kMaxSeed = 9007199254740991ULL;

int parse_int(const std::string& text, const std::string& what) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw InputError("--shard " + what + ": '" + text + "' is not a whole number");
  }
  return value;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) {
    throw InputError("--shard " + text + ": expected K/N, e.g. --shard 2/8 for job 2 of 8");
  }
  Shard s;
  s.index = parse_int(text.substr(0, slash), text);
  s.count = parse_int(text.substr(slash + 1), text);
  if (s.count < 1 || s.count > 1000000 || s.index < 1 || s.index > s.count) {
    throw InputError("--shard " + text + ": need 1 <= K <= N (jobs are counted from 1)");
  }
  return s;
}

void check_replications(std::int64_t replications, const std::string& option) {
  if (replications < 1 || replications > kMaxReplications) {
    throw InputError(option + ": " + std::to_string(replications) + " is out of range [1, " +
                     std::to_string(kMaxReplications) + "]");
  }
}

void check_seed(std::uint64_t base_seed, std::int64_t replications) {
  if (base_seed > kMaxSeed - static_cast<std::uint64_t>(replications)) {
    throw InputError("--seed: " + std::to_string(base_seed) +
                     " is too large; replication i runs "
                     "with seed S + i, which must stay at or below " +
                     std::to_string(kMaxSeed));
  }
}

Experiment::Experiment(Plan plan) : plan_(std::move(plan)) {
  if (plan_.designs.empty()) throw InputError("the experiment has no designs");
  scenarios_.reserve(plan_.designs.size());
  for (const Design& d : plan_.designs) {
    std::vector<std::string> overrides = plan_.common_overrides;
    overrides.insert(overrides.end(), d.overrides.begin(), d.overrides.end());
    Scenario s =
        d.scenario.empty() ? load_builtin_default(overrides) : load_scenario(d.scenario, overrides);
    // The seed comes from the replication, so it must not make two equal designs differ.
    Scenario neutral = s;
    neutral.run.seed = 0;
    hashes_.push_back(scenario_hash(neutral));
    scenarios_.push_back(std::move(s));
  }
  // A design without a label goes by its scenario's name; a name given twice gets "#2".
  for (std::size_t d = 0; d < plan_.designs.size(); ++d) {
    std::string& label = plan_.designs[d].label;
    if (!label.empty()) continue;
    const std::string base = scenarios_[d].name.empty() ? "design" : scenarios_[d].name;
    label = base;
    for (int n = 2;; ++n) {
      bool taken = false;
      for (std::size_t e = 0; e < plan_.designs.size(); ++e) {
        if (e != d && plan_.designs[e].label == label) taken = true;
      }
      if (!taken) break;
      label = base + "#" + std::to_string(n);
    }
  }
}

Json Experiment::plan_json() const {
  Json designs = Json::array();
  for (std::size_t d = 0; d < size(); ++d) {
    const Design& design = plan_.designs[d];
    Json params = Json::object();
    for (const auto& [key, value] : design.params) params[key] = value;
    designs.push_back({{"label", design.label},
                       {"scenario", design.scenario},
                       {"overrides", design.overrides},
                       {"params", std::move(params)},
                       {"scenario_hash", hex16(hashes_[d])}});
  }
  Json out = {{"kind", plan_.kind},
              {"base_seed", plan_.base_seed},
              {"common_overrides", plan_.common_overrides},
              {"vary_keys", plan_.vary_keys},
              {"method", plan_.method},
              {"designs", std::move(designs)}};
  // Only a sensitivity plan has one, so the other plans read as they always did.
  if (!plan_.analysis.is_null()) out["analysis"] = plan_.analysis;
  return out;
}

std::string Experiment::params_json(std::size_t d) const {
  Json params = Json::object();
  for (const auto& [key, value] : plan_.designs[d].params) params[key] = value;
  return params.dump();
}

RunSpec Experiment::spec(std::size_t design, std::int64_t replication) const {
  RunSpec s;
  s.design = design;
  s.replication = replication;
  s.seed = plan_.base_seed + static_cast<std::uint64_t>(replication);
  const std::string identity = "govsim-run/1/" + hex16(hashes_[design]) + "/" +
                               std::to_string(design) + "/" + std::to_string(replication) + "/" +
                               std::to_string(s.seed);
  s.key = hex16(fnv1a64(identity));
  return s;
}

std::vector<RunSpec> Experiment::specs(const std::vector<std::size_t>& designs, std::int64_t first,
                                       std::int64_t count) const {
  std::vector<RunSpec> out;
  for (std::int64_t r = first; r < first + count; ++r) {
    for (const std::size_t d : designs) out.push_back(spec(d, r));
  }
  return out;
}

std::vector<RunSpec> Experiment::all_specs(std::int64_t replications) const {
  std::vector<std::size_t> every(size());
  for (std::size_t d = 0; d < size(); ++d) every[d] = d;
  return specs(every, 0, replications);
}

Scenario Experiment::run_scenario(const RunSpec& spec) const {
  Scenario s = scenarios_[spec.design];
  s.run.seed = spec.seed;
  return s;
}

std::vector<std::string> Experiment::run_overrides(const RunSpec& spec) const {
  std::vector<std::string> out = plan_.common_overrides;
  const Design& d = plan_.designs[spec.design];
  out.insert(out.end(), d.overrides.begin(), d.overrides.end());
  out.push_back("run.seed=" + std::to_string(spec.seed));
  return out;
}

}  // namespace govsim::batch

#include "experiments/sensitivity.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "engine/errors.hpp"
#include "experiments/columns.hpp"
#include "experiments/comparison.hpp"
#include "experiments/export_csv.hpp"
#include "experiments/names.hpp"
#include "experiments/stats.hpp"
#include "experiments/svg_chart.hpp"
#include "model/streams.hpp"
#include "output/csv_writer.hpp"
#include "output/key_table.hpp"

namespace govsim::batch {
namespace {

// Time coordinates of the Sampling streams used here; the Latin-hypercube sampler uses 0 and 1.
// Below 2^32, so that the block counter of a stream never runs into another's coordinates.
constexpr std::uint64_t kCandidateTime = 0x40000000;
constexpr std::uint64_t kBootstrapTime = 0x80000000;

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool parse_double(const std::string& text, double& x) {
  const std::string t = trim(text);
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
  return !t.empty() && ec == std::errc() && end == t.data() + t.size() && std::isfinite(x);
}

double parse_number(const std::string& text, const std::string& where) {
  double x = 0;
  if (!parse_double(text, x)) throw InputError(where + ": '" + text + "' is not a number");
  return x;
}

std::string g(double x) { return format_number(x, 6); }

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

void check_factors(const std::vector<Factor>& factors) {
  if (factors.empty()) throw InputError("sensitivity: no parameters to vary");
  if (factors.size() > kMaxFactors) {
    throw InputError("--param: more than " + std::to_string(kMaxFactors) + " parameters");
  }
  for (std::size_t i = 0; i < factors.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (factors[i].key == factors[j].key) {
        throw InputError("--param " + factors[i].key + ": the key is given twice");
      }
    }
  }
}

}  // namespace

const std::vector<Factor>& default_factors() {
  static const std::vector<Factor> factors = {
      {"governance.staffing.grid_workers_per_grid", false, 0.5, 2,
       "half to twice the one-per-grid norm (grid designs only)"},
      {"governance.staffing.community_officials_per_10k", false, 9, 36,
       "half to twice the national minimum of 18"},
      {"governance.staffing.street_officials_per_10k", false, 3, 12, "half to twice the shipped 6"},
      {"governance.admin_burden.officials", false, 0.2, 0.7,
       "a light load to worse than the baseline's 0.55"},
      {"governance.volunteers.per_1k", false, 0, 10, "none to 2.5 times the shipped 4"},
      {"governance.volunteers.training", false, 0, 1, "the whole scale"},
      {"governance.mediators.per_community", false, 0, 2, "none (baseline) to two per community"},
      {"governance.legal_clarity", false, 0.1, 0.9, "nearly none to nearly complete"},
      {"governance.platform.level", false, 0, 1, "manual paperwork to a full platform"},
      {"governance.participation", false, 0.1, 0.6, "around the shipped 0.25 to 0.5"},
      {"governance.routing.escalate_wait_h", false, 24, 168,
       "a day to a week around the shipped 72 h"},
      {"model.report_propensity", false, 0.35, 0.75, "the guessed 0.55 plus or minus 0.2"},
      {"model.effort_median_h.small", false, 0.5, 2, "half to twice the shipped 1 h"},
      {"model.effort_median_h.big", false, 3, 12, "half to twice the shipped 6 h"},
  };
  return factors;
}

Factor parse_factor(const std::string& text) {
  const std::string where = "--param " + text;
  const std::size_t equals = text.find('=');
  Factor f;
  f.key = trim(text.substr(0, equals));
  if (f.key.empty()) {
    throw InputError(where + ": expected KEY=lo:hi, e.g. --param governance.platform.level=0:1");
  }
  std::vector<std::string> keys;
  const KeyRow* row = nullptr;
  const std::vector<KeyRow> rows = scenario_keys();
  for (const KeyRow& r : rows) {
    if (r.type == "group") continue;
    if (r.key == f.key) row = &r;
    keys.push_back(r.key);
  }
  if (!row) {
    throw InputError(where + ": unknown key '" + f.key + "'" + did_you_mean(f.key, keys) +
                     "; `govsim keys` lists them all");
  }
  if (row->type != "number" && row->type != "integer") {
    throw InputError(where + ": " + f.key + " is a " + row->type +
                     " key; sensitivity varies numeric keys over a range (compare its values "
                     "with `govsim sweep --vary`)");
  }
  if (f.key == "run.seed") {
    throw InputError(where + ": the seed belongs to the replications; set it with --seed");
  }
  f.integer = row->type == "integer";
  // The schema's own bounds, "[lo, hi]" as `govsim keys` prints them.
  double schema_lo = 0;
  double schema_hi = 0;
  {
    const std::string r = row->range;
    const std::size_t comma = r.find(',');
    if (r.size() < 5 || r.front() != '[' || r.back() != ']' || comma == std::string::npos ||
        !parse_double(r.substr(1, comma - 1), schema_lo) ||
        !parse_double(r.substr(comma + 1, r.size() - comma - 2), schema_hi)) {
      throw InputError(where + ": " + f.key + " has no numeric range in the schema");
    }
  }
  const std::string valid =
      f.key + "'s valid range is [" + g(schema_lo) + ", " + g(schema_hi) + "]";
  if (equals == std::string::npos) {
    for (const Factor& d : default_factors()) {
      if (d.key == f.key) return d;
    }
    throw InputError(where + ": give its range, e.g. --param " + f.key + "=lo:hi (" + valid +
                     "); only the keys of the default set have a range of their own");
  }
  const std::vector<std::string> parts = split(text.substr(equals + 1), ':');
  if (parts.size() != 2) {
    throw InputError(where + ": expected KEY=lo:hi, e.g. --param " + f.key + "=" + g(schema_lo) +
                     ":" + g(schema_hi) + " (" + valid + ")");
  }
  f.lo = parse_number(parts[0], where);
  f.hi = parse_number(parts[1], where);
  if (!(f.lo < f.hi)) throw InputError(where + ": lo must be below hi");
  if (f.lo < schema_lo || f.hi > schema_hi) {
    throw InputError(where + ": the range leaves the schema's bounds; " + valid);
  }
  if (f.integer && (f.lo != std::floor(f.lo) || f.hi != std::floor(f.hi))) {
    throw InputError(where + ": " + f.key + " is an integer key; lo and hi must be whole numbers");
  }
  return f;
}

std::vector<std::string> factor_labels(const std::vector<Factor>& factors) {
  std::vector<std::string> labels;
  for (const Factor& f : factors) {
    std::string label = f.key;
    for (const char* prefix : {"governance.", "model.", "staffing."}) {
      if (label.rfind(prefix, 0) == 0) label = label.substr(std::string(prefix).size());
    }
    labels.push_back(label);
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    for (std::size_t j = 0; j < labels.size(); ++j) {
      if (i != j && labels[i] == labels[j]) labels[i] = factors[i].key;
    }
  }
  return labels;
}

std::string factor_value(const Factor& factor, double unit) {
  const double x = std::clamp(factor.lo + unit * (factor.hi - factor.lo), factor.lo, factor.hi);
  char buf[64];
  if (factor.integer) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(x)));
  } else {
    std::snprintf(buf, sizeof buf, "%.6g", x);
  }
  return buf;
}

double factor_unit(const Factor& factor, const std::string& value) {
  double x = 0;
  if (!parse_double(value, x)) return kNaN;
  return (x - factor.lo) / (factor.hi - factor.lo);
}

std::vector<Trajectory> morris_candidates(std::size_t factors, std::size_t count, int levels,
                                          std::uint64_t seed) {
  const int jump = levels / 2;
  std::vector<Trajectory> out;
  out.reserve(count);
  for (std::size_t m = 0; m < count; ++m) {
    Stream s(seed, Purpose::Sampling, m, kCandidateTime);
    std::vector<int> start(factors);
    for (std::size_t i = 0; i < factors; ++i) {
      // The low end of the factor's move, b in [0, p/2), and whether the move goes up or down.
      const int base = static_cast<int>(s.below(static_cast<std::uint32_t>(jump)));
      const bool down = s.below(2) == 1;
      start[i] = down ? base + jump : base;
    }
    Trajectory t;
    t.order.resize(factors);
    std::iota(t.order.begin(), t.order.end(), std::size_t{0});
    for (std::size_t i = factors; i-- > 1;) {
      std::swap(t.order[i], t.order[s.below(static_cast<std::uint32_t>(i + 1))]);
    }
    t.points.push_back(start);
    for (const std::size_t i : t.order) {
      std::vector<int> next = t.points.back();
      next[i] = next[i] >= jump ? next[i] - jump : next[i] + jump;
      t.points.push_back(std::move(next));
    }
    out.push_back(std::move(t));
  }
  return out;
}

double trajectory_distance(const Trajectory& a, const Trajectory& b, int levels) {
  const double scale = 1.0 / (levels - 1);
  double sum = 0;
  for (const std::vector<int>& x : a.points) {
    for (const std::vector<int>& y : b.points) {
      double d2 = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const double d = (x[i] - y[i]) * scale;
        d2 += d * d;
      }
      sum += std::sqrt(d2);
    }
  }
  return sum;
}

std::vector<std::size_t> select_by_spread(const std::vector<Trajectory>& candidates, std::size_t r,
                                          int levels) {
  const std::size_t m = candidates.size();
  std::vector<std::size_t> keep(m);
  std::iota(keep.begin(), keep.end(), std::size_t{0});
  if (r >= m) return keep;
  std::vector<double> d2(m * m, 0);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = a + 1; b < m; ++b) {
      const double d = trajectory_distance(candidates[a], candidates[b], levels);
      d2[a * m + b] = d2[b * m + a] = d * d;
    }
  }
  std::vector<double> contribution(m, 0);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = 0; b < m; ++b) contribution[a] += d2[a * m + b];
  }
  std::vector<bool> alive(m, true);
  for (std::size_t left = m; left > r; --left) {
    std::size_t worst = m;
    for (std::size_t a = 0; a < m; ++a) {
      if (alive[a] && (worst == m || contribution[a] <= contribution[worst])) worst = a;
    }
    alive[worst] = false;
    for (std::size_t a = 0; a < m; ++a) {
      if (alive[a]) contribution[a] -= d2[a * m + worst];
    }
  }
  keep.clear();
  for (std::size_t a = 0; a < m; ++a) {
    if (alive[a]) keep.push_back(a);
  }
  return keep;
}

SensitivityDesign morris_design(const std::vector<Factor>& factors, std::size_t trajectories,
                                int levels, std::size_t candidates, std::uint64_t seed) {
  check_factors(factors);
  if (levels < 2 || levels > 100 || levels % 2 != 0) {
    throw InputError("--levels: " + std::to_string(levels) +
                     " must be an even number from 2 to 100 (the grid has p levels and each "
                     "step moves p/2 of them)");
  }
  if (trajectories < 2 || trajectories > 10000) {
    throw InputError("--trajectories: " + std::to_string(trajectories) +
                     " is out of range [2, 10000]");
  }
  // Choosing among more than 1000 candidates costs more than it gains; without a choice
  // (candidates = r) any number of trajectories goes.
  if (candidates < trajectories || (candidates > 1000 && candidates != trajectories)) {
    throw InputError("--candidates: " + std::to_string(candidates) +
                     " must lie between --trajectories (" + std::to_string(trajectories) +
                     ") and 1000");
  }
  SensitivityDesign d;
  d.method = "morris";
  d.levels = levels;
  d.trajectories = trajectories;
  d.candidates = candidates;
  d.sample_seed = seed;
  d.factors = factors;
  const std::vector<Trajectory> all = morris_candidates(factors.size(), candidates, levels, seed);
  const std::vector<std::size_t> chosen = select_by_spread(all, trajectories, levels);
  for (std::size_t t = 0; t < chosen.size(); ++t) {
    const Trajectory& tr = all[chosen[t]];
    const std::size_t first = d.points.size();
    for (const std::vector<int>& p : tr.points) {
      std::vector<double> unit;
      for (const int level : p) unit.push_back(static_cast<double>(level) / (levels - 1));
      d.points.push_back(std::move(unit));
    }
    for (std::size_t j = 0; j < tr.order.size(); ++j) {
      d.steps.push_back({first + j, first + j + 1, tr.order[j], t});
    }
  }
  return d;
}

SensitivityDesign oat_design(const std::vector<Factor>& factors, std::uint64_t seed) {
  check_factors(factors);
  SensitivityDesign d;
  d.method = "oat";
  d.sample_seed = seed;
  d.factors = factors;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    std::vector<double> low(factors.size(), 0.5);
    low[i] = 0;
    std::vector<double> high = low;
    high[i] = 1;
    d.points.push_back(low);
    d.points.push_back(high);
    d.steps.push_back({2 * i, 2 * i + 1, i, i});
  }
  return d;
}

std::vector<Design> sensitivity_designs(const std::string& scenario,
                                        const SensitivityDesign& design) {
  const std::vector<std::string> short_names = factor_labels(design.factors);
  const std::size_t k = design.factors.size();
  std::vector<Design> out;
  for (std::size_t q = 0; q < design.points.size(); ++q) {
    Design d;
    d.scenario = scenario;
    for (std::size_t i = 0; i < k; ++i) {
      const std::string value = factor_value(design.factors[i], design.points[q][i]);
      d.overrides.push_back(design.factors[i].key + "=" + value);
      d.params.emplace_back(design.factors[i].key, value);
    }
    if (design.method == "oat") {
      d.label = short_names[q / 2] + (q % 2 == 0 ? " low" : " high");
    } else {
      d.label = "t" + std::to_string(q / (k + 1) + 1) + " p" + std::to_string(q % (k + 1));
    }
    out.push_back(std::move(d));
  }
  return out;
}

Json design_json(const SensitivityDesign& design) {
  Json factors = Json::array();
  for (const Factor& f : design.factors) {
    factors.push_back({{"key", f.key}, {"integer", f.integer}, {"lo", f.lo}, {"hi", f.hi}});
  }
  Json steps = Json::array();
  for (const Step& s : design.steps) steps.push_back({s.from, s.to, s.factor, s.group});
  Json out = {{"method", design.method},
              {"levels", design.levels},
              {"trajectories", design.trajectories},
              {"candidates", design.candidates},
              {"sample_seed", design.sample_seed},
              {"factors", std::move(factors)},
              {"points", design.points},
              {"steps", std::move(steps)}};
  return out;
}

SensitivityDesign design_from_json(const Json& json) {
  SensitivityDesign d;
  d.method = json.at("method").get<std::string>();
  d.levels = json.at("levels").get<int>();
  d.trajectories = json.at("trajectories").get<std::size_t>();
  d.candidates = json.at("candidates").get<std::size_t>();
  d.sample_seed = json.at("sample_seed").get<std::uint64_t>();
  for (const Json& f : json.at("factors")) {
    Factor factor;
    factor.key = f.at("key").get<std::string>();
    factor.integer = f.at("integer").get<bool>();
    factor.lo = f.at("lo").get<double>();
    factor.hi = f.at("hi").get<double>();
    d.factors.push_back(std::move(factor));
  }
  d.points = json.at("points").get<std::vector<std::vector<double>>>();
  for (const Json& s : json.at("steps")) {
    d.steps.push_back({s.at(0).get<std::size_t>(), s.at(1).get<std::size_t>(),
                       s.at(2).get<std::size_t>(), s.at(3).get<std::size_t>()});
  }
  return d;
}

std::vector<FactorEffect> elementary_effects(const SensitivityDesign& design,
                                             const std::vector<std::vector<double>>& y,
                                             std::uint64_t stream) {
  const std::size_t k = design.factors.size();
  std::vector<std::vector<double>> effects(k);          // one per step (morris)
  std::vector<std::vector<double>> per_replication(k);  // one per replication (oat)
  for (const Step& s : design.steps) {
    const Factor& f = design.factors[s.factor];
    // The change the runs really saw, after rounding to what the loader reads.
    const double du = factor_unit(f, factor_value(f, design.points[s.to][s.factor])) -
                      factor_unit(f, factor_value(f, design.points[s.from][s.factor]));
    if (!(du != 0) || s.from >= y.size() || s.to >= y.size()) continue;
    const std::size_t reps = std::min(y[s.from].size(), y[s.to].size());
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t r = 0; r < reps; ++r) {
      const double a = y[s.from][r];
      const double b = y[s.to][r];
      if (!std::isfinite(a) || !std::isfinite(b)) continue;
      sum += b - a;
      ++n;
      per_replication[s.factor].push_back((b - a) / du);
    }
    if (n > 0) effects[s.factor].push_back(sum / static_cast<double>(n) / du);
  }
  std::vector<FactorEffect> out(k);
  for (std::size_t i = 0; i < k; ++i) {
    FactorEffect& e = out[i];
    e.factor = i;
    if (design.method == "oat") {
      const Estimate est = estimate(per_replication[i]);
      e.n = est.n;
      if (est.n == 0) continue;
      e.mu = est.mean;
      e.mu_star = std::fabs(est.mean);
      if (std::isfinite(est.half_width)) {
        const double lo = est.low();
        const double hi = est.high();
        if (lo > 0) {
          e.ci_low = lo;
          e.ci_high = hi;
        } else if (hi < 0) {
          e.ci_low = -hi;
          e.ci_high = -lo;
        } else {
          e.ci_low = 0;
          e.ci_high = std::max(-lo, hi);
        }
      }
      continue;
    }
    const std::vector<double>& ee = effects[i];
    e.n = static_cast<std::int64_t>(ee.size());
    if (ee.empty()) continue;
    const double n = static_cast<double>(ee.size());
    double sum = 0;
    double sum_abs = 0;
    for (const double x : ee) {
      sum += x;
      sum_abs += std::fabs(x);
    }
    e.mu = sum / n;
    e.mu_star = sum_abs / n;
    if (ee.size() < 2) continue;
    double ss = 0;
    for (const double x : ee) ss += (x - e.mu) * (x - e.mu);
    e.sigma = std::sqrt(ss / (n - 1));
    // Percentile bootstrap of mu* over the trajectories.
    Stream s(design.sample_seed, Purpose::Sampling, i, kBootstrapTime + stream);
    std::vector<double> resampled(kBootstrapResamples);
    for (double& m : resampled) {
      double total = 0;
      for (std::size_t j = 0; j < ee.size(); ++j) {
        total += std::fabs(ee[s.below(static_cast<std::uint32_t>(ee.size()))]);
      }
      m = total / n;
    }
    std::sort(resampled.begin(), resampled.end());
    e.ci_low = resampled[kBootstrapResamples / 40];
    e.ci_high = resampled[kBootstrapResamples - kBootstrapResamples / 40 - 1];
  }
  return out;
}

std::vector<FactorEffect> effects_on(const SensitivityDesign& design, const ResultGrid& grid,
                                     std::size_t column) {
  std::vector<std::vector<double>> y(design.points.size());
  for (std::size_t q = 0; q < y.size() && q < grid.designs(); ++q) y[q] = grid.values(q, column);
  return elementary_effects(design, y, column);
}

std::vector<FactorEffect> ranked(std::vector<FactorEffect> effects) {
  std::stable_sort(effects.begin(), effects.end(),
                   [](const FactorEffect& a, const FactorEffect& b) {
                     const bool fa = std::isfinite(a.mu_star);
                     const bool fb = std::isfinite(b.mu_star);
                     if (fa != fb) return fa;
                     return fa && a.mu_star > b.mu_star;
                   });
  return effects;
}

std::string format_ranking(const SensitivityDesign& design, const std::string& outcome,
                           const std::vector<FactorEffect>& ranked_effects) {
  const std::vector<std::string> names = factor_labels(design.factors);
  const bool oat = design.method == "oat";
  std::size_t name_width = 9;
  for (const std::string& n : names) name_width = std::max(name_width, display_width(n));
  const auto num = [](double x) { return format_number(x, 4); };
  std::string out = outcome_label(outcome) + "  [" + outcome + "]\n";
  out += "  rank  " + pad("parameter", name_width) + "  " + pad_left("mu*", 9) + "  " +
         pad("95% CI of mu*", 22) + pad_left("mu", 9) + "  " + pad_left(oat ? "" : "sigma", 9) +
         "\n";
  int rank = 0;
  for (const FactorEffect& e : ranked_effects) {
    char r[16];
    std::snprintf(r, sizeof r, "%6d", ++rank);
    const std::string ci = std::isfinite(e.ci_low)
                               ? "[" + num(e.ci_low) + ", " + num(e.ci_high) + "]"
                               : std::string("n/a");
    std::string line = std::string(r) + "  " + pad(names[e.factor], name_width) + "  " +
                       pad_left(num(e.mu_star), 9) + "  " + pad(ci, 22) + pad_left(num(e.mu), 9) +
                       "  " + pad_left(oat ? "" : num(e.sigma), 9);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

namespace {

Json number_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

}  // namespace

Json rankings_json(const SensitivityDesign& design, const ResultGrid& grid,
                   const std::vector<std::size_t>& columns) {
  Json factors = Json::array();
  for (const Factor& f : design.factors) {
    factors.push_back({{"key", f.key}, {"lo", f.lo}, {"hi", f.hi}, {"integer", f.integer}});
  }
  Json outcomes = Json::object();
  for (const std::size_t c : columns) {
    Json rows = Json::array();
    int rank = 0;
    for (const FactorEffect& e : ranked(effects_on(design, grid, c))) {
      rows.push_back({{"rank", ++rank},
                      {"key", design.factors[e.factor].key},
                      {"n", e.n},
                      {"mu_star", number_or_null(e.mu_star)},
                      {"mu_star_ci_low", number_or_null(e.ci_low)},
                      {"mu_star_ci_high", number_or_null(e.ci_high)},
                      {"mu", number_or_null(e.mu)},
                      {"sigma", number_or_null(e.sigma)}});
    }
    outcomes[summary_columns()[c].name] = std::move(rows);
  }
  Json out = {{"method", design.method}};
  if (design.method == "morris") {
    out["trajectories"] = design.trajectories;
    out["levels"] = design.levels;
    out["delta"] = morris_delta(design.levels);
    out["candidates"] = design.candidates;
  }
  out["sample_seed"] = design.sample_seed;
  out["factors"] = std::move(factors);
  out["outcomes"] = std::move(outcomes);
  return out;
}

std::string rankings_csv(const SensitivityDesign& design, const ResultGrid& grid,
                         const std::vector<std::size_t>& columns) {
  const auto num = [](double x) { return std::isfinite(x) ? format_csv_number(x) : ""; };
  std::string out = "outcome,rank,key,lo,hi,n,mu_star,mu_star_ci_low,mu_star_ci_high,mu,sigma\n";
  for (const std::size_t c : columns) {
    int rank = 0;
    for (const FactorEffect& e : ranked(effects_on(design, grid, c))) {
      const Factor& f = design.factors[e.factor];
      out += summary_columns()[c].name + "," + std::to_string(++rank) + "," + csv_field(f.key) +
             "," + num(f.lo) + "," + num(f.hi) + "," + std::to_string(e.n) + "," + num(e.mu_star) +
             "," + num(e.ci_low) + "," + num(e.ci_high) + "," + num(e.mu) + "," + num(e.sigma) +
             "\n";
    }
  }
  return out;
}

std::vector<std::size_t> default_sensitivity_outcomes() {
  return outcome_columns(
      "response_time_mean_h,disputes_per_10k_year,gain_mean,happiness_mean,"
      "security_mean",
      "default outcomes");
}

}  // namespace govsim::batch

#include "experiments/sweep.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "engine/errors.hpp"
#include "experiments/names.hpp"
#include "model/streams.hpp"
#include "output/key_table.hpp"

namespace govsim::batch {
namespace {

// Keyed by the sample seed and a purpose of its own (sim/rng.hpp), so the sampling never shares a
// stream with the model.
constexpr Purpose kSamplingPurpose = Purpose::Sampling;

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

double parse_number(const std::string& text, const std::string& where) {
  double x = 0;
  const std::string t = trim(text);
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(x)) {
    throw InputError(where + ": '" + text + "' is not a number");
  }
  return x;
}

int decimals_of(const std::string& text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos) return 0;
  std::size_t n = 0;
  while (dot + 1 + n < text.size() && std::isdigit(static_cast<unsigned char>(text[dot + 1 + n]))) {
    ++n;
  }
  return static_cast<int>(n);
}

std::string format_fixed(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos)
    s = decimals ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0";
  return s;
}

std::string label_of(const std::vector<std::pair<std::string, std::string>>& params,
                     const std::vector<std::string>& short_names) {
  std::string label;
  for (std::size_t i = 0; i < params.size(); ++i) {
    label += (i ? " " : "") + short_names[i] + "=" + params[i].second;
  }
  return label;
}

Design make_design(const std::string& scenario, const std::vector<VarySpec>& specs,
                   const std::vector<std::string>& short_names,
                   const std::vector<std::string>& values) {
  Design d;
  d.scenario = scenario;
  for (std::size_t k = 0; k < specs.size(); ++k) {
    d.overrides.push_back(specs[k].key + "=" + values[k]);
    d.params.emplace_back(specs[k].key, values[k]);
  }
  d.label = label_of(d.params, short_names);
  return d;
}

std::vector<std::string> keys_of(const std::vector<VarySpec>& specs) {
  std::vector<std::string> keys;
  for (const VarySpec& s : specs) keys.push_back(s.key);
  return keys;
}

}  // namespace

VarySpec parse_vary(const std::string& text, const std::string& option) {
  const std::size_t equals = text.find('=');
  VarySpec spec;
  spec.key = trim(text.substr(0, equals));
  const std::string where = option + " " + text;
  if (equals == std::string::npos || spec.key.empty()) {
    throw InputError(where + ": expected KEY=v1,v2,... or KEY=lo:hi:step, e.g. " + option +
                     " governance.platform.level=0:1:0.25");
  }
  std::vector<std::string> keys;
  for (const KeyRow& row : scenario_keys()) {
    if (row.type == "group") continue;
    if (row.key == spec.key) spec.type = row.type;
    keys.push_back(row.key);
  }
  if (spec.type.empty()) {
    throw InputError(where + ": unknown key '" + spec.key + "'" + did_you_mean(spec.key, keys) +
                     "; `govsim keys` lists them all");
  }
  if (spec.key == "run.seed") {
    throw InputError(where +
                     ": the seed belongs to the replications (replication i runs with "
                     "seed S + i); set S with --seed");
  }
  if (spec.key == "name" || spec.key == "description") {
    throw InputError(where + ": '" + spec.key + "' does not change a run");
  }
  const std::string value = text.substr(equals + 1);
  const bool numeric = spec.type == "number" || spec.type == "integer";
  if (value.find(':') != std::string::npos && numeric) {
    const std::vector<std::string> parts = split(value, ':');
    if (parts.size() != 2 && parts.size() != 3) {
      throw InputError(where + ": a range is lo:hi:step (or lo:hi for --method lhs)");
    }
    spec.range = true;
    spec.lo = parse_number(parts[0], where);
    spec.hi = parse_number(parts[1], where);
    if (spec.lo > spec.hi) throw InputError(where + ": lo must not exceed hi");
    spec.decimals = std::max(decimals_of(parts[0]), decimals_of(parts[1]));
    const bool integer = spec.type == "integer";
    if (integer && (spec.lo != std::floor(spec.lo) || spec.hi != std::floor(spec.hi))) {
      throw InputError(where + ": " + spec.key + " is an integer key; lo and hi must be whole");
    }
    if (parts.size() == 3) {
      const double step = parse_number(parts[2], where);
      if (!(step > 0)) throw InputError(where + ": the step must be positive");
      if (integer && step != std::floor(step)) {
        throw InputError(where + ": " + spec.key + " is an integer key; the step must be whole");
      }
      spec.decimals = std::max(spec.decimals, decimals_of(parts[2]));
      const double count = std::floor((spec.hi - spec.lo) / step + 1e-9) + 1;
      if (count > 100000) throw InputError(where + ": more than 100000 values; use a larger step");
      for (std::int64_t i = 0; i < static_cast<std::int64_t>(count); ++i) {
        spec.values.push_back(format_fixed(spec.lo + static_cast<double>(i) * step, spec.decimals));
      }
    }
    return spec;
  }
  if (value.find(':') != std::string::npos && !numeric && value.find(',') == std::string::npos &&
      spec.type != "text") {
    throw InputError(where + ": " + spec.key + " is a " + spec.type +
                     " key; list its values, e.g. " + option + " " + spec.key + "=a,b");
  }
  for (const std::string& v : split(value, ',')) {
    const std::string t = trim(v);
    if (t.empty()) throw InputError(where + ": an empty value in the list");
    if (std::find(spec.values.begin(), spec.values.end(), t) != spec.values.end()) {
      throw InputError(where + ": '" + t + "' is listed twice");
    }
    spec.values.push_back(t);
  }
  return spec;
}

std::vector<Design> factorial_designs(const std::string& scenario,
                                      const std::vector<VarySpec>& specs) {
  std::size_t total = 1;
  for (const VarySpec& s : specs) {
    if (s.values.empty()) {
      throw InputError("--vary " + s.key + "=" + format_fixed(s.lo, s.decimals) + ":" +
                       format_fixed(s.hi, s.decimals) +
                       ": a factorial design needs a step (lo:hi:step) or a list of values; "
                       "only --method lhs samples a range without one");
    }
    if (total > kMaxDesigns / s.values.size()) {
      throw InputError("--vary: more than " + std::to_string(kMaxDesigns) +
                       " combinations; use fewer values, or --method lhs");
    }
    total *= s.values.size();
  }
  const std::vector<std::string> short_names = short_key_names(keys_of(specs));
  std::vector<Design> designs;
  std::vector<std::size_t> index(specs.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    std::vector<std::string> values;
    for (std::size_t k = 0; k < specs.size(); ++k) values.push_back(specs[k].values[index[k]]);
    designs.push_back(make_design(scenario, specs, short_names, values));
    for (std::size_t k = specs.size(); k-- > 0;) {
      if (++index[k] < specs[k].values.size()) break;
      index[k] = 0;
    }
  }
  return designs;
}

std::vector<std::vector<double>> latin_hypercube(std::size_t factors, std::size_t samples,
                                                 std::uint64_t seed) {
  std::vector<std::vector<double>> points(samples, std::vector<double>(factors));
  if (samples == 0) return points;
  for (std::size_t k = 0; k < factors; ++k) {
    std::vector<std::size_t> strata(samples);
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    Stream shuffle(seed, kSamplingPurpose, k, 0);
    for (std::size_t i = samples - 1; i > 0; --i) {
      std::swap(strata[i], strata[shuffle.below(static_cast<std::uint32_t>(i + 1))]);
    }
    Stream jitter(seed, kSamplingPurpose, k, 1);
    for (std::size_t j = 0; j < samples; ++j) {
      points[j][k] =
          (static_cast<double>(strata[j]) + jitter.uniform()) / static_cast<double>(samples);
    }
  }
  return points;
}

std::vector<Design> latin_hypercube_designs(const std::string& scenario,
                                            const std::vector<VarySpec>& specs,
                                            std::int64_t samples, std::uint64_t seed) {
  if (samples < 2 || static_cast<std::size_t>(samples) > kMaxDesigns) {
    throw InputError("--samples: " + std::to_string(samples) + " is out of range [2, " +
                     std::to_string(kMaxDesigns) + "]");
  }
  const auto n = static_cast<std::size_t>(samples);
  const std::vector<std::string> short_names = short_key_names(keys_of(specs));
  const std::vector<std::vector<double>> unit = latin_hypercube(specs.size(), n, seed);
  std::vector<Design> designs;
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<std::string> point;
    for (std::size_t k = 0; k < specs.size(); ++k) {
      const VarySpec& s = specs[k];
      const double u = unit[j][k];
      if (!s.values.empty()) {
        const std::size_t level =
            std::min(s.values.size() - 1,
                     static_cast<std::size_t>(u * static_cast<double>(s.values.size())));
        point.push_back(s.values[level]);
      } else if (s.type == "integer") {
        point.push_back(format_fixed(std::round(s.lo + u * (s.hi - s.lo)), 0));
      } else {
        // Six significant digits: the value the run used is exactly the one written down.
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", std::clamp(s.lo + u * (s.hi - s.lo), s.lo, s.hi));
        point.push_back(buf);
      }
    }
    designs.push_back(make_design(scenario, specs, short_names, point));
  }
  return designs;
}

}  // namespace govsim::batch

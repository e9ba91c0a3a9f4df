#include "validation/robustness.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "experiments/names.hpp"
#include "experiments/stats.hpp"
#include "experiments/sweep.hpp"
#include "scenarios/loader.hpp"
#include "validation/designs.hpp"

namespace govsim::validation {
namespace {

double number_or_throw(std::string_view text, const std::string& what) {
  const std::optional<double> x = parse_finite(trim(text));
  if (!x) throw InputError(what + ": " + quoted_for_message(text) + " is not a number");
  return *x;
}

// The schema's valid range of a numeric key, "[lo, hi]" as `govsim keys` prints it.
std::pair<double, double> valid_range(const KeyRow& row) {
  const std::string& r = row.range;
  const std::size_t comma = r.find(',');
  if (r.size() < 5 || r.front() != '[' || r.back() != ']' || comma == std::string::npos)
    throw std::logic_error(row.key + ": no numeric range in the schema");
  return {number_or_throw(r.substr(1, comma - 1), row.key),
          number_or_throw(r.substr(comma + 1, r.size() - comma - 2), row.key)};
}

bool numeric(const KeyRow& row) { return row.type == "number" || row.type == "integer"; }

std::string g(double x) { return format_rounded(x); }

batch::Factor held_at(batch::Factor f, double value, std::string why) {
  f.lo = f.hi = value;
  f.why = std::move(why);
  return f;
}

// An override `KEY=lo:hi` checked against the schema.
batch::Factor parse_range(const std::string& text, const std::vector<KeyRow>& rows) {
  const std::string where = "--range " + text;
  const std::size_t equals = text.find('=');
  const std::string key(trim(std::string_view(text).substr(0, equals)));
  std::vector<std::string> keys;
  const KeyRow* row = nullptr;
  for (const KeyRow& r : rows) {
    if (!numeric(r) || r.key.rfind("model.", 0) != 0) continue;
    keys.push_back(r.key);
    if (r.key == key) row = &r;
  }
  if (key.empty() || equals == std::string::npos)
    throw InputError(where +
                     ": expected KEY=lo:hi, e.g. --range model.behaviour.trust_rate=0.1:0.3");
  if (!row)
    throw InputError(where + ": '" + key + "' is not a numeric model coefficient (model.*)" +
                     suggestion(key, keys));
  const std::vector<std::string> parts = batch::split(text.substr(equals + 1), ':');
  const auto [a, b] = valid_range(*row);
  const std::string valid = key + "'s valid range is [" + g(a) + ", " + g(b) + "]";
  if (parts.size() != 2) throw InputError(where + ": expected KEY=lo:hi (" + valid + ")");
  batch::Factor f{key, row->type == "integer", number_or_throw(parts[0], where),
                  number_or_throw(parts[1], where), "--range"};
  if (f.lo > f.hi) throw InputError(where + ": lo " + g(f.lo) + " is above hi " + g(f.hi));
  if (f.lo < a || f.hi > b) throw InputError(where + ": outside the valid range; " + valid);
  if (f.integer && (f.lo != std::floor(f.lo) || f.hi != std::floor(f.hi)))
    throw InputError(where + ": " + key + " is an integer key; lo and hi must be whole numbers");
  return f;
}

}  // namespace

bool is_grade_c_coefficient(const KeyRow& row) {
  return numeric(row) && row.key.rfind("model.", 0) == 0 && !row.source.empty() &&
         row.source.front() == 'C';
}

batch::Factor plausible_range(const KeyRow& row) {
  batch::Factor f{row.key, row.type == "integer", 0, 0, ""};
  const double d = number_or_throw(row.default_value, row.key);
  const auto [a, b] = valid_range(row);
  double lo = 0;
  double hi = 0;
  if (a == 0 && b == 1 && !f.integer) {
    if (d <= 0 || d >= 1) {
      lo = d <= 0 ? 0.0 : 0.9;
      hi = d <= 0 ? 0.1 : 1.0;
      f.why = "default at the end of [0, 1]: the tenth next to it";
    } else {
      const double odds = d / (1 - d);
      lo = 0.5 * odds / (1 + 0.5 * odds);
      hi = 1.5 * odds / (1 + 1.5 * odds);
      f.why = "odds x 0.5 to 1.5";
    }
  } else {
    lo = std::clamp(std::min(0.5 * d, 1.5 * d), a, b);
    hi = std::clamp(std::max(0.5 * d, 1.5 * d), a, b);
    f.why = "default x 0.5 to 1.5";
  }
  if (f.integer) {
    lo = std::clamp(std::round(lo), a, b);
    hi = std::clamp(std::round(hi), a, b);
  }
  // Six significant digits, as the runs read them (batch::factor_value).
  f.lo = number_or_throw(g(lo), row.key);
  f.hi = number_or_throw(g(hi), row.key);
  if (!(f.lo < f.hi))
    return held_at(f, d, d == 0 ? "default 0: no scale to vary it by" : "rounds to one value");
  return f;
}

RobustnessFactors robustness_factors(const std::vector<std::string>& range_options) {
  const std::vector<KeyRow> rows = scenario_keys();
  std::vector<batch::Factor> given;
  for (const std::string& text : range_options) {
    batch::Factor f = parse_range(text, rows);
    for (const batch::Factor& e : given)
      if (e.key == f.key) throw InputError("--range " + text + ": " + f.key + " is given twice");
    given.push_back(std::move(f));
  }
  RobustnessFactors out;
  for (const KeyRow& row : rows) {
    const auto over = std::find_if(given.begin(), given.end(),
                                   [&](const batch::Factor& f) { return f.key == row.key; });
    if (over == given.end() && !is_grade_c_coefficient(row)) continue;
    const batch::Factor f = over != given.end() ? *over : plausible_range(row);
    if (f.lo < f.hi) {
      out.varied.push_back(f);
    } else if (over != given.end()) {
      out.pinned.push_back(f.key + "=" + batch::factor_value(f, 0));
      out.held.push_back(f.key + " = " + g(f.lo) + " (--range)");
    } else {
      out.held.push_back(f.key + " = " + g(f.lo) + " (" + f.why + ")");
    }
  }
  return out;
}

Proportion wilson(std::int64_t k, std::int64_t n, double z) {
  Proportion p;
  p.k = k;
  p.n = n;
  if (n <= 0) return p;
  const double nn = static_cast<double>(n);
  const double phat = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double denominator = 1 + z2 / nn;
  const double centre = (phat + z2 / (2 * nn)) / denominator;
  const double half = z / denominator * std::sqrt(phat * (1 - phat) / nn + z2 / (4 * nn * nn));
  p.share = phat;
  p.low = std::max(0.0, centre - half);
  p.high = std::min(1.0, centre + half);
  return p;
}

double worst_wilson_half_width(std::int64_t n) {
  double worst = 0;
  for (std::int64_t k = 0; k <= n; ++k) {
    const Proportion p = wilson(k, n);
    worst = std::max(worst, 0.5 * (p.high - p.low));
  }
  return worst;
}

std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> r(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + j) + 1;
    for (std::size_t t = i; t <= j; ++t) r[order[t]] = mean_rank;
    i = j + 1;
  }
  return r;
}

std::string dependence_method(std::size_t points, std::size_t factors) {
  return points >= factors + kPrccSpare ? "prcc" : "spearman";
}

namespace {

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : kNaN;
}

// The inverse of a symmetric positive definite matrix by Gauss-Jordan elimination with partial
// pivoting; false when it is singular to working precision.
bool invert(std::vector<std::vector<double>>& m) {
  const std::size_t n = m.size();
  std::vector<std::vector<double>> inv(n, std::vector<double>(n, 0));
  for (std::size_t i = 0; i < n; ++i) inv[i][i] = 1;
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::fabs(m[r][c]) > std::fabs(m[pivot][c])) pivot = r;
    if (std::fabs(m[pivot][c]) < 1e-12) return false;
    std::swap(m[pivot], m[c]);
    std::swap(inv[pivot], inv[c]);
    const double p = m[c][c];
    for (std::size_t j = 0; j < n; ++j) {
      m[c][j] /= p;
      inv[c][j] /= p;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c || m[r][c] == 0) continue;
      const double f = m[r][c];
      for (std::size_t j = 0; j < n; ++j) {
        m[r][j] -= f * m[c][j];
        inv[r][j] -= f * inv[c][j];
      }
    }
  }
  m = std::move(inv);
  return true;
}

// The critical |r| of a correlation with df degrees of freedom, two-sided at 5 % over `tests`.
double noise_threshold(double df, std::size_t tests) {
  if (!(df > 0) || tests == 0) return kNaN;
  const double t = batch::student_t_quantile(1 - 0.025 / static_cast<double>(tests), df);
  return t / std::sqrt(df + t * t);
}

}  // namespace

std::vector<Dependence> rank_dependence(const std::vector<std::vector<double>>& x,
                                        const std::vector<double>& y, const std::string& method) {
  const std::size_t k = x.empty() ? 0 : x.front().size();
  std::vector<std::size_t> kept;
  for (std::size_t p = 0; p < y.size() && p < x.size(); ++p)
    if (std::isfinite(y[p])) kept.push_back(p);
  // Columns: the factors' ranks and then y's, over the points kept.
  std::vector<std::vector<double>> rank_of(k + 1);
  for (std::size_t i = 0; i <= k; ++i) {
    std::vector<double> column;
    for (const std::size_t p : kept) column.push_back(i < k ? x[p][i] : y[p]);
    rank_of[i] = ranks(column);
  }
  std::vector<Dependence> out(k);
  for (std::size_t i = 0; i < k; ++i) {
    out[i].factor = i;
    out[i].r = kept.size() > 2 ? pearson(rank_of[i], rank_of[k]) : kNaN;
  }
  const double n = static_cast<double>(kept.size());
  double controlled = 0;
  if (method == "prcc" && kept.size() > k + 2) {
    std::vector<std::vector<double>> c(k + 1, std::vector<double>(k + 1, 1));
    for (std::size_t i = 0; i <= k; ++i)
      for (std::size_t j = 0; j < i; ++j) c[i][j] = c[j][i] = pearson(rank_of[i], rank_of[j]);
    bool finite = true;
    for (const auto& row : c)
      for (const double v : row) finite = finite && std::isfinite(v);
    if (finite && invert(c)) {
      for (std::size_t i = 0; i < k; ++i) out[i].r = -c[i][k] / std::sqrt(c[i][i] * c[k][k]);
      controlled = static_cast<double>(k) - 1;
    }
  }
  const double threshold = noise_threshold(n - 2 - controlled, k);
  for (Dependence& d : out) d.threshold = threshold;
  std::stable_sort(out.begin(), out.end(), [](const Dependence& a, const Dependence& b) {
    const bool fa = std::isfinite(a.r);
    const bool fb = std::isfinite(b.r);
    if (fa != fb) return fa;
    return fa && std::fabs(a.r) > std::fabs(b.r);
  });
  return out;
}

ClaimRobustness assess_claim(const Claim& claim, const std::vector<batch::Factor>& factors,
                             const std::vector<std::vector<double>>& x,
                             const std::vector<double>& margin) {
  ClaimRobustness out;
  out.claim = claim;
  out.margin = margin;
  std::int64_t n = 0;
  std::int64_t k = 0;
  for (const double m : margin) {
    if (!std::isfinite(m)) continue;
    ++n;
    k += m > 0 ? 1 : 0;
  }
  out.holds = wilson(k, n);
  out.method = dependence_method(static_cast<std::size_t>(n), factors.size());
  out.drivers = rank_dependence(x, margin, out.method);
  out.robust = n > 0 && out.holds.share >= kRobustShare;
  if (out.robust) {
    out.label = "robust";
    return out;
  }
  std::vector<std::string> named;
  for (const Dependence& d : out.drivers) {
    if (!d.significant() || named.size() == kMaxDrivers) break;
    char r[16];
    std::snprintf(r, sizeof r, "%+.2f", d.r);
    named.push_back(factors[d.factor].key + " (" + r + ")");
  }
  out.label = named.empty() ? "not robust; no coefficient above the noise threshold"
                            : "depends on " + batch::join(named, ", ");
  return out;
}

void check_robustness_options(const RobustnessOptions& o) {
  // Below 10 points a rank correlation of a few values reaches any threshold by chance.
  if (o.points < 10 || o.points > 100000)
    throw InputError("--points: " + std::to_string(o.points) + " is out of range [10, 100000]");
  if (o.days < 1) throw InputError("--days: " + std::to_string(o.days) + " must be at least 1");
  batch::check_replications(o.replications, "--replications");
  // The run's length against the designs' warm-up, before any run starts.
  for (const std::string& design : claim_designs())
    (void)load_scenario(design, {"run.days=" + std::to_string(o.days)});
  (void)robustness_factors(o.ranges);
}

namespace {

// The designs the claims compare, each once, in the order of claim_designs().
std::vector<std::string> designs_of(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const std::string& d : claim_designs())
    for (const Claim& c : claims)
      if ((c.from == d || c.to == d) && std::find(out.begin(), out.end(), d) == out.end())
        out.push_back(d);
  return out;
}

// A claim made against several designs at once ("the modern design gives the highest sense of
// gain": above every other design) holds at a point when it holds against each of them there: its
// margin is the smallest of theirs.
void add_joint_claims(RobustnessReport& report) {
  const std::size_t single = report.claims.size();
  for (std::size_t i = 0; i < single; ++i) {
    const Claim& first = report.claims[i].claim;
    std::vector<std::size_t> group;
    for (std::size_t j = 0; j < single; ++j) {
      const Claim& c = report.claims[j].claim;
      if (c.text == first.text && c.to == first.to) group.push_back(j);
    }
    if (group.size() < 2 || group.front() != i) continue;
    std::vector<double> margin = report.claims[i].margin;
    for (const std::size_t j : group)
      for (std::size_t p = 0; p < margin.size(); ++p)
        margin[p] = std::isfinite(margin[p]) && std::isfinite(report.claims[j].margin[p])
                        ? std::min(margin[p], report.claims[j].margin[p])
                        : kNaN;
    Claim joint = first;
    joint.from = "each of " + std::to_string(group.size());
    report.claims.push_back(assess_claim(joint, report.factors.varied, report.x, margin));
  }
}

}  // namespace

RobustnessReport run_robustness(const RobustnessOptions& options, const std::vector<Claim>& claims,
                                batch::Cluster& cluster) {
  check_robustness_options(options);
  RobustnessReport report;
  report.options = options;
  report.factors = robustness_factors(options.ranges);
  const std::vector<batch::Factor>& factors = report.factors.varied;
  if (factors.empty()) throw InputError("--range: every coefficient is held; nothing to vary");
  const auto n = static_cast<std::size_t>(options.points);
  const std::vector<std::vector<double>> unit =
      batch::latin_hypercube(factors.size(), n, options.seed);
  // Each point's values as the runs read them, and where they sit in their ranges.
  std::vector<std::vector<std::string>> values(n);
  report.x.assign(n, std::vector<double>(factors.size()));
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t i = 0; i < factors.size(); ++i) {
      values[p].push_back(factors[i].key + "=" + batch::factor_value(factors[i], unit[p][i]));
      report.x[p][i] = batch::factor_unit(factors[i], batch::factor_value(factors[i], unit[p][i]));
    }
  }
  const std::vector<std::string> names = designs_of(claims);
  std::vector<batch::Design> designs;
  for (std::size_t p = 0; p < n; ++p) {
    for (const std::string& name : names) {
      batch::Design d;
      d.label = name + " @" + std::to_string(p + 1);
      d.scenario = name;
      d.overrides = report.factors.pinned;
      d.overrides.insert(d.overrides.end(), values[p].begin(), values[p].end());
      designs.push_back(std::move(d));
    }
  }
  DesignRuns runs;
  runs.replications = options.replications;
  runs.days = options.days;
  runs.jobs = options.jobs;
  runs.progress = options.progress;
  const batch::ResultGrid grid = run_design_list(std::move(designs), runs, cluster);
  const auto index = [&](std::size_t p, const std::string& name) {
    return p * names.size() +
           static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  for (const Claim& claim : claims) {
    const std::size_t col = column(claim.outcome);
    std::vector<double> margin(n);
    for (std::size_t p = 0; p < n; ++p) {
      const batch::Estimate diff = batch::paired_difference(grid.values(index(p, claim.to), col),
                                                            grid.values(index(p, claim.from), col));
      margin[p] = diff.n > 0 ? claim.direction * diff.mean : kNaN;
    }
    report.claims.push_back(assess_claim(claim, factors, report.x, margin));
  }
  add_joint_claims(report);
  return report;
}

namespace {

std::string fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string share_text(const Proportion& p) {
  if (p.n == 0) return "n/a";
  return fixed(p.share, 2) + " [" + fixed(p.low, 2) + ", " + fixed(p.high, 2) + "]";
}

// The strongest coefficients of a claim, "key +0.52*" with * above the noise threshold.
std::string drivers_text(const ClaimRobustness& c, const std::vector<batch::Factor>& factors,
                         std::size_t count) {
  std::vector<std::string> parts;
  for (const Dependence& d : c.drivers) {
    if (parts.size() == count || !std::isfinite(d.r)) break;
    char r[16];
    std::snprintf(r, sizeof r, "%+.2f", d.r);
    parts.push_back(factors[d.factor].key + " " + r + (d.significant() ? "*" : ""));
  }
  return parts.empty() ? "n/a" : batch::join(parts, ", ");
}

std::string method_name(const std::string& method) {
  return method == "prcc" ? "partial rank correlation (PRCC)" : "Spearman rank correlation";
}

// The account of how the table was made, shared by the terminal and the Markdown.
std::string preamble(const RobustnessReport& r) {
  const RobustnessOptions& o = r.options;
  const std::size_t k = r.factors.varied.size();
  const std::string method = r.claims.empty()
                                 ? dependence_method(static_cast<std::size_t>(o.points), k)
                                 : r.claims.front().method;
  double threshold = kNaN;
  if (!r.claims.empty() && !r.claims.front().drivers.empty())
    threshold = r.claims.front().drivers.front().threshold;
  return std::to_string(k) + " grade-C coefficients varied over their plausible ranges (" +
         std::to_string(r.factors.held.size()) + " held), " + std::to_string(o.points) +
         " points of a Latin hypercube (seed " + std::to_string(o.seed) + "), " +
         std::to_string(o.days) + " days, " + std::to_string(o.replications) +
         " replication(s) per point; at a point every design runs with the same values and "
         "seeds. A claim holds at a point when its mean paired difference has the claimed "
         "sign. Share of points holding with its Wilson 95% interval (at most +/- " +
         fixed(worst_wilson_half_width(o.points), 3) + " at " + std::to_string(o.points) +
         " points); robust: holds at >= " + fixed(100 * kRobustShare, 0) +
         "% of points. Dependence: " + method_name(method) +
         " of the claim's margin with each coefficient; * marks |r| above the noise threshold " +
         (std::isfinite(threshold) ? fixed(threshold, 2) : std::string("n/a")) +
         " (Bonferroni over " + std::to_string(k) + " coefficients, family-wise 5%).";
}

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out;
  std::string line;
  for (const std::string& word : batch::split(text, ' ')) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string format_robustness(const RobustnessReport& r) {
  std::string out = "\nRobustness of the claims over the model's grade-C coefficients\n";
  out += wrap(preamble(r), 100, "  ");
  if (!r.factors.held.empty())
    out += wrap("Held: " + batch::join(r.factors.held, "; ") + ".", 100, "  ");
  std::size_t claim_width = 5;
  std::size_t pair_width = 10;
  for (const ClaimRobustness& c : r.claims) {
    claim_width = std::max(claim_width, c.claim.text.size());
    pair_width = std::max(pair_width, c.claim.from.size() + 4 + c.claim.to.size());
  }
  const std::size_t indent = claim_width + pair_width + 2 + 20 + 2;
  out += pad("claim", claim_width + 2) + pad("from -> to", pair_width + 2) +
         pad("holds [95% CI]", 22) + "label\n" + pad("", indent) +
         "strongest coefficients (r; * above the noise threshold)\n";
  for (const ClaimRobustness& c : r.claims) {
    out += pad(c.claim.text, claim_width + 2) +
           pad(c.claim.from + " -> " + c.claim.to, pair_width + 2) + pad(share_text(c.holds), 22) +
           c.label + "\n";
    out += pad("", indent) + drivers_text(c, r.factors.varied, kMaxDrivers) + "\n";
  }
  int robust = 0;
  for (const ClaimRobustness& c : r.claims) robust += c.robust ? 1 : 0;
  out += "robustness: " + std::to_string(robust) + " of " + std::to_string(r.claims.size()) +
         " claims robust; the others name what they depend on\n";
  return out;
}

std::string robustness_markdown(const RobustnessReport& r) {
  std::string out = preamble(r) + "\n\n";
  out += "| claim | from → to | holds at (95 % CI) | robustness | strongest coefficients (r) |\n";
  out += "|---|---|---|---|---|\n";
  for (const ClaimRobustness& c : r.claims) {
    out += "| " + c.claim.text + " | " + c.claim.from + " → " + c.claim.to + " | " +
           share_text(c.holds) + " | " + c.label + " | " +
           drivers_text(c, r.factors.varied, kMaxDrivers) + " |\n";
  }
  if (!r.factors.held.empty()) out += "\nHeld: " + batch::join(r.factors.held, "; ") + ".\n";
  out += "\n<details><summary>The " + std::to_string(r.factors.varied.size()) +
         " coefficients and their ranges</summary>\n\n| key | low | high | rule "
         "|\n|---|---|---|---|\n";
  for (const batch::Factor& f : r.factors.varied)
    out += "| `" + f.key + "` | " + g(f.lo) + " | " + g(f.hi) + " | " + f.why + " |\n";
  out += "\n</details>\n";
  return out;
}

std::string robustness_readme_markdown(const RobustnessReport& r) {
  std::string out = "| claim | from → to | holds at | robustness |\n|---|---|---|---|\n";
  for (const ClaimRobustness& c : r.claims) {
    out += "| " + c.claim.text + " | " + c.claim.from + " → " + c.claim.to + " | " +
           (c.holds.n > 0 ? fixed(100 * c.holds.share, 0) + " %" : std::string("n/a")) + " | " +
           c.label + " |\n";
  }
  return out;
}

}  // namespace govsim::validation

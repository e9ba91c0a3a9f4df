// `govsim seek SCENARIO --target ... --minimize ... --over ...`: the cheapest settings that meet a
// target with stated confidence, and the runs that led there.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>

#include "cli/batch_session.hpp"
#include "engine/errors.hpp"
#include "experiments/comparison.hpp"
#include "experiments/names.hpp"
#include "experiments/seek.hpp"
#include "experiments/sweep.hpp"

namespace govsim {
namespace {

using namespace batch;

Json number_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

std::string g4(double x) {
  if (!std::isfinite(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

// The bound with the digits of the target's own interval.
std::string fixed(double x, int decimals) {
  if (!std::isfinite(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::vector<VarySpec> over_specs(const SeekArgs& args) {
  std::map<std::string, VarySpec> ranges;
  for (const std::string& text : args.vary) {
    VarySpec s = parse_vary(text, "--vary");
    ranges[s.key] = s;
  }
  std::vector<VarySpec> specs;
  for (const std::string& over : args.over) {
    if (over.find('=') != std::string::npos) {
      specs.push_back(parse_vary(over, "--over"));
      continue;
    }
    for (const std::string& key : split(over, ',')) {
      const auto it = ranges.find(key);
      if (it == ranges.end()) {
        // parse_vary names an unknown key with the nearest valid one.
        parse_vary(key + "=0", "--over");
        throw InputError("--over " + key + ": give its values, as --over " + key +
                         "=lo:hi:step or --vary " + key + "=lo:hi:step");
      }
      specs.push_back(it->second);
    }
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].values.empty()) {
      throw InputError("--over " + specs[i].key +
                       ": seek searches a grid; give a step "
                       "(lo:hi:step) or a list of values");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (specs[j].key == specs[i].key) {
        throw InputError("--over: " + specs[i].key + " is named twice");
      }
    }
  }
  return specs;
}

// A one-sided bound needs the spread of at least two replications, and below 50 % it would be
// no bound at all.
void check_seek_args(const SeekArgs& args) {
  if (args.target.empty() == args.budget.empty()) {
    throw InputError(args.target.empty()
                         ? "seek: give --target 'OUTCOME<=VALUE' (the cheapest point meeting it) "
                           "or --budget 'EXPR<=VALUE' with --maximize or --minimize OUTCOME (the "
                           "best point within it)"
                         : "--target and --budget: give one of them, not both");
  }
  if (!args.minimize.empty() && !args.maximize.empty()) {
    throw InputError("--minimize and --maximize: give one of them, not both");
  }
  if (!args.budget.empty() && args.minimize.empty() && args.maximize.empty()) {
    throw InputError("--budget " + args.budget +
                     ": name the outcome to make best within it, e.g. --maximize trust_mean or "
                     "--minimize response_time_p90_h");
  }
  if (!args.target.empty() && !args.maximize.empty()) {
    throw InputError(
        "--maximize goes with --budget; with --target seek minimises a cost "
        "(--minimize, default cost)");
  }
  if (args.batch.replications < 2) {
    throw InputError("--replications: a confidence bound needs at least 2 replications per point");
  }
  if (!(args.confidence >= 0.5 && args.confidence < 1)) {
    throw InputError("--confidence: " + g4(args.confidence) + " is out of range [0.5, 1)");
  }
}

// Every point of the grid over the --over keys is a design, so that the store and the report see
// the whole grid; seek runs only the points it visits.
Experiment seek_experiment(const SeekArgs& args, const std::vector<VarySpec>& specs) {
  return Experiment(grid_plan("seek", args.scenario, args.batch, specs));
}

// Every step of the search and its answer, kept in the store for the report.
Json seek_record(const SeekArgs& args, const Experiment& experiment, const Target& target,
                 std::size_t cost, bool maximize, const SeekResult& result) {
  Json steps = Json::array();
  for (const SeekStep& s : result.steps) {
    steps.push_back({{"design", s.design},
                     {"label", experiment.design(s.design).label},
                     {"round", s.round},
                     {"feasible", s.feasible},
                     {"target_mean", number_or_null(s.estimate.target.mean)},
                     {"target_half_width", number_or_null(s.estimate.target.half_width)},
                     {"bound", number_or_null(s.bound)},
                     {"cost_mean", number_or_null(s.estimate.cost.mean)},
                     {"cost_half_width", number_or_null(s.estimate.cost.half_width)}});
  }
  return {{"target", target.text},
          {"target_column", summary_columns()[target.column].name},
          {"target_bound", target.bound},
          {"at_most", target.at_most},
          {"mode", args.budget.empty() ? "target" : "budget"},
          {"minimize", summary_columns()[cost].name},  // the objective, either way
          {"objective", summary_columns()[cost].name},
          {"maximize", maximize},
          {"confidence", args.confidence},
          {"replications", args.batch.replications},
          {"steps", std::move(steps)},
          {"answer", result.answer ? Json(*result.answer) : Json(nullptr)},
          {"next_cheaper", result.next_cheaper ? Json(*result.next_cheaper) : Json(nullptr)},
          {"runner_up", result.runner_up ? Json(*result.runner_up) : Json(nullptr)}};
}

// What the printed account of a search refers to, in the words it uses.
struct SeekWords {
  const Experiment& experiment;
  const Target& target;
  const SeekResult& result;
  std::string target_name;
  std::string cost_name;
  std::string conf;        // the confidence, e.g. "95%"
  const char* bound_name;  // the side of the bound that decides
  bool budget = false;     // --budget: the best cost_name within target
  bool maximize = false;
};

// "least cost_per_resident_year", "greatest trust_mean".
std::string objective_words(const SeekWords& w) {
  return std::string(w.maximize ? "greatest " : "least ") + w.cost_name;
}

void print_seek_question(const SeekWords& w, const std::vector<VarySpec>& specs,
                         std::int64_t replications) {
  if (w.budget) {
    std::cout << "seek: the point of " << objective_words(w) << " (by its mean) within the budget "
              << w.target.text << " (its one-sided " << w.conf << " " << w.bound_name << ")\n";
  } else {
    std::cout << "seek: the point of " << objective_words(w) << " (by its mean) that meets "
              << w.target.text << " at " << w.conf << " confidence (one-sided)\n";
  }
  for (std::size_t k = 0; k < specs.size(); ++k) {
    const auto& v = specs[k].values;
    std::cout << "  over " << specs[k].key << " = " << v.front()
              << (v.size() > 2 ? ", " + v[1] + ", ..." : "")
              << (v.size() > 1 ? ", " + v.back() : "") << " (" << v.size() << " values)\n";
  }
  std::cout << "  " << replications << " paired replications per point\n\n";
}

void print_seek_steps(const SeekWords& w) {
  std::size_t label_width = 5;
  for (const SeekStep& s : w.result.steps) {
    label_width = std::max(label_width, display_width(w.experiment.design(s.design).label));
  }
  // Each heading is at least two spaces wider than itself: no two run together.
  const std::string target_head = w.target_name + " (95% CI)";
  const std::size_t target_width = std::max<std::size_t>(30, display_width(target_head) + 2);
  const char* meets = w.budget ? "within  " : "meets  ";
  std::cout << "  round  " << pad("point", label_width) << "  " << pad(target_head, target_width)
            << pad(w.bound_name, 13) << meets << w.cost_name << " (95% CI)\n";
  for (const SeekStep& s : w.result.steps) {
    char r[16];
    std::snprintf(r, sizeof r, "%7d", s.round);
    const int dt = decimals_for({s.estimate.target});
    const int dc = decimals_for({s.estimate.cost});
    std::cout << r << "  " << pad(w.experiment.design(s.design).label, label_width) << "  "
              << pad(format_estimate(s.estimate.target, dt), target_width)
              << pad(fixed(s.bound, dt), 13) << pad(s.feasible ? "yes" : "no", strlen(meets))
              << format_estimate(s.estimate.cost, dc) << "\n";
  }
  std::cout << "\n";
}

void print_seek_answer(const SeekWords& w) {
  const Target& target = w.target;
  if (!w.result.answer) {
    std::cout << "answer: none of the points " << (w.budget ? "is within " : "meets ")
              << target.text << " at " << w.conf
              << " confidence; widen the range or add replications\n";
    return;
  }
  const SeekStep& a = w.result.steps[*w.result.answer];
  std::cout << "answer: " << w.experiment.design(a.design).label << "\n";
  for (const auto& [key, value] : w.experiment.design(a.design).params) {
    std::cout << "  --set " << key << "=" << value << "\n";
  }
  std::cout << "  " << w.target_name << " "
            << format_estimate(a.estimate.target, decimals_for({a.estimate.target}))
            << " (95% CI); one-sided " << w.conf << " " << w.bound_name << " "
            << fixed(a.bound, decimals_for({a.estimate.target}))
            << (target.at_most ? " <= " : " >= ") << g4(target.bound) << "\n";
  std::cout << "  " << w.cost_name << " "
            << format_estimate(a.estimate.cost, decimals_for({a.estimate.cost})) << " (95% CI)\n";
  if (w.result.runner_up) {
    const SeekStep& n = w.result.steps[*w.result.runner_up];
    const Estimate& x = a.estimate.cost;
    const Estimate& y = n.estimate.cost;
    const bool apart = x.high() < y.low() || y.high() < x.low();
    std::cout << "  the next best within the budget, " << w.experiment.design(n.design).label
              << ", has " << w.cost_name << " "
              << format_estimate(n.estimate.cost, decimals_for({n.estimate.cost}))
              << (apart ? ": the two 95% intervals do not overlap\n"
                        : ": the two 95% intervals overlap, so the data do not tell them apart\n");
  }
  if (w.result.next_cheaper) {
    const SeekStep& n = w.result.steps[*w.result.next_cheaper];
    std::cout << "  the neighbouring point " << w.experiment.design(n.design).label << " has "
              << w.bound_name << " " << fixed(n.bound, decimals_for({n.estimate.target}))
              << (target.at_most ? " > " : " < ") << g4(target.bound)
              << ": it does not meet the target\n";
  }
}

}  // namespace

int seek_command(const SeekArgs& args) {
  return with_cluster([&](Cluster& cluster) {
    Session session(cluster);
    check_batch_args(args.batch, session, true);
    check_seek_args(args);
    const std::int64_t replications = args.batch.replications;
    const bool budget = !args.budget.empty();
    const Target target =
        budget ? parse_target(args.budget, "--budget") : parse_target(args.target, "--target");
    if (budget && !target.at_most) {
      throw InputError("--budget " + args.budget + ": a budget is an upper limit, EXPR<=VALUE");
    }
    const bool maximize = !args.maximize.empty();
    const std::size_t cost =
        maximize ? outcome_column(args.maximize, "--maximize")
                 : outcome_column(args.minimize.empty() ? "cost" : args.minimize, "--minimize");
    const std::vector<VarySpec> specs = over_specs(args);
    std::vector<std::size_t> shape;
    for (const VarySpec& s : specs) shape.push_back(s.values.size());
    const Experiment experiment = seek_experiment(args, specs);
    open_store(session, args.batch, experiment);

    std::int64_t failed = 0;
    std::int64_t ran = 0;
    std::int64_t runs_used = 0;
    bool input_error = false;
    std::string first_error;
    int round = 0;
    const EvaluatePoints evaluate = [&](const std::vector<std::size_t>& designs) {
      const std::vector<RunSpec> runs = experiment.specs(designs, 0, replications);
      const BatchOutcome o =
          run(session, experiment, runs, "seek, round " + std::to_string(++round));
      failed += o.failed;
      ran += o.ran;
      runs_used += static_cast<std::int64_t>(runs.size());
      input_error = input_error || o.input_error;
      if (first_error.empty()) first_error = o.first_error;
      const ResultGrid grid = grid_of(experiment, runs, o);
      std::vector<PointEstimate> out;
      for (const std::size_t d : designs) {
        out.push_back({estimate(grid.values(d, target.column)), estimate(grid.values(d, cost))});
      }
      return out;
    };
    const SeekResult result =
        budget ? seek_within_budget(shape, target, args.confidence, maximize, evaluate)
               : seek_cheapest(shape, target, args.confidence, evaluate);
    if (cluster.root()) {
      session.store->set_meta("seek",
                              seek_record(args, experiment, target, cost, maximize, result).dump());
    }

    if (session.printing()) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%g%%", args.confidence * 100);
      const SeekWords words{experiment,
                            target,
                            result,
                            summary_columns()[target.column].name,
                            summary_columns()[cost].name,
                            conf,
                            target.at_most ? "upper bound" : "lower bound",
                            budget,
                            maximize};
      print_seek_question(words, specs, replications);
      print_seek_steps(words);
      print_seek_answer(words);
      std::cout << "  from " << runs_used << " runs at " << result.steps.size() << " of "
                << experiment.size() << " grid points in " << round << " rounds (" << ran
                << " run now)\n";
    }
    finish(session, args.batch);
    return failures_exit_code(session, failed, input_error, first_error);
  });
}

}  // namespace govsim

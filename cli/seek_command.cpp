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

// Which search the options ask for: --target (the cheapest point meeting it) or --budget with
// --maximize or --minimize (the best point within it). The rest is check_seek_question's.
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
    SeekQuestion q;
    q.scenario = args.scenario;
    q.common_overrides = common_overrides(args.batch);
    q.base_seed = args.batch.seed;
    q.replications = args.batch.replications;
    q.confidence = args.confidence;
    check_seek_question(q, "--replications", "--confidence");
    q.budget = !args.budget.empty();
    q.maximize = !args.maximize.empty();
    q.target = q.budget ? parse_target(args.budget, "--budget") : parse_target(args.target);
    check_seek_budget(q, "--budget");
    q.cost = q.maximize
                 ? outcome_column(args.maximize, "--maximize")
                 : outcome_column(args.minimize.empty() ? "cost" : args.minimize, "--minimize");
    q.over = over_specs(args);
    const Experiment experiment = seek_experiment(q);
    open_store(session, args.batch, experiment);

    const SeekRun seek =
        run_seek(experiment, q, [&](const std::vector<RunSpec>& runs, const std::string& label) {
          return run(session, experiment, runs, label);
        });
    const SeekResult& result = seek.result;
    if (cluster.root()) session.store->set_meta("seek", seek_record(q, experiment, result).dump());

    if (session.printing()) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%g%%", args.confidence * 100);
      const SeekWords words{experiment,
                            q.target,
                            result,
                            summary_columns()[q.target.column].name,
                            summary_columns()[q.cost].name,
                            conf,
                            q.target.at_most ? "upper bound" : "lower bound",
                            q.budget,
                            q.maximize};
      print_seek_question(words, q.over, q.replications);
      print_seek_steps(words);
      print_seek_answer(words);
      std::cout << "  from " << seek.runs_used << " runs at " << result.steps.size() << " of "
                << experiment.size() << " grid points in " << seek.rounds << " rounds (" << seek.ran
                << " run now)\n";
    }
    finish(session, args.batch);
    return failures_exit_code(session, seek.failed, seek.input_error, seek.first_error);
  });
}

}  // namespace govsim

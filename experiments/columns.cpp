#include "experiments/columns.hpp"

#include <map>

#include "engine/errors.hpp"
#include "engine/i18n.hpp"
#include "experiments/names.hpp"

namespace govsim::batch {

double Cell::number() const {
  switch (kind) {
    case CellKind::Integer:
      return static_cast<double>(as_integer());
    case CellKind::Real:
      return as_real();
    case CellKind::Hash:
      break;
  }
  return kNaN;
}

const std::vector<Column>& summary_columns() {
  static const std::vector<Column> columns = columns_of<RunSummary>();
  return columns;
}

const std::vector<Column>& series_columns() {
  static const std::vector<Column> columns = columns_of<DayMetrics>();
  return columns;
}

const std::vector<Column>& period_columns() {
  static const std::vector<Column> columns = columns_of<PeriodMetrics>();
  return columns;
}

const std::vector<Column>& grid_columns() {
  static const std::vector<Column> columns = columns_of<GridMetrics>();
  return columns;
}

std::size_t outcome_column(const std::string& name, const std::string& option) {
  const std::string wanted = name == "cost" ? "cost_per_resident_year" : name;
  const std::vector<Column>& columns = summary_columns();
  std::vector<std::string> valid;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].kind == CellKind::Hash) continue;
    if (columns[i].name == wanted) return i;
    valid.push_back(columns[i].name);
  }
  throw InputError(option + ": '" + name + "' is not an outcome" + did_you_mean(name, valid) +
                   "; outcomes are the fields of summary.json: " + join(valid, ", ") +
                   " (and 'cost' for cost_per_resident_year)");
}

std::vector<std::size_t> outcome_columns(const std::string& comma_list, const std::string& option) {
  std::vector<std::size_t> out;
  if (comma_list == "all") {
    const std::vector<Column>& columns = summary_columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].kind != CellKind::Hash) out.push_back(i);
    }
    return out;
  }
  for (const std::string& name : split(comma_list, ',')) {
    if (!name.empty()) out.push_back(outcome_column(name, option));
  }
  if (out.empty()) throw InputError(option + ": name at least one outcome, or 'all'");
  return out;
}

std::vector<std::size_t> default_outcomes() {
  return outcome_columns(
      "response_time_p90_h,within_deadline_share,dropped,trust_mean,gain_mean,"
      "cost_per_resident_year",
      "default outcomes");
}

int outcome_direction(const std::string& column) {
  const auto starts = [&](const char* prefix) { return column.rfind(prefix, 0) == 0; };
  const auto ends = [&](const char* suffix) {
    const std::string s = suffix;
    return column.size() >= s.size() && column.compare(column.size() - s.size(), s.size(), s) == 0;
  };
  static const char* const higher[] = {"trust",
                                       "gain",
                                       "happiness",
                                       "security",
                                       "within_deadline_share",
                                       "stayed_in_grid_share",
                                       "mediation_agreement_rate",
                                       "disputes_settled_in_grid_share",
                                       "volunteer_retention",
                                       "reported_share",
                                       "resolved"};
  static const char* const lower[] = {"response_time", "resolution_time",  "cost",
                                      "dropped",       "overdue",          "bounced",
                                      "backlog",       "hazard_detection", "escalated",
                                      "case_hours",    "travel",           "incidents",
                                      "intake_wait",   "repeat_dispute",   "festival_backlog"};
  if (ends("_cv") || ends("_gini")) return -1;  // spread across grids (trust_grid_cv too)
  if (ends("_worst_decile")) return 1;          // the least trusting tenth of grids
  for (const char* h : higher)
    if (starts(h)) return 1;
  for (const char* l : lower)
    if (starts(l)) return -1;
  if (ends("_spread_h") || ends("_wait_mean_h") || ends("_time_in_system_mean_h")) return -1;
  return 0;
}

std::string outcome_label(const std::string& column) {
  static const std::map<std::string, std::string> labels = {
      {"disputes_per_10k_year", N_("disputes per 10k residents a year")},
      {"reported_share", N_("share of cases reported")},
      {"response_time_mean_h", N_("response time, mean (h)")},
      {"response_time_p50_h", N_("response time p50 (h)")},
      {"response_time_p90_h", N_("response time p90 (h)")},
      {"resolution_time_mean_h", N_("resolution time, mean (h)")},
      {"resolution_time_p90_h", N_("resolution time p90 (h)")},
      {"within_deadline_share", N_("share resolved within deadline")},
      {"stayed_in_grid_share", N_("share of small matters kept in the grid")},
      {"mediation_agreement_rate", N_("mediation agreement rate")},
      {"escalated", N_("cases escalated")},
      {"bounced", N_("jurisdiction bounces")},
      {"dropped", N_("cases dropped")},
      {"resolved", N_("cases resolved")},
      {"trust_mean", N_("trust (0-1)")},
      {"gain_mean", N_("sense of gain (0-1)")},
      {"happiness_mean", N_("happiness (0-1)")},
      {"security_mean", N_("security (0-1)")},
      {"cost_per_resident_year", N_("cost (CNY per resident-year)")},
      {"cost_per_resolved_case", N_("cost (CNY per resolved case)")},
      {"cost_total_cny_year", N_("cost (CNY a year, whole city)")},
      {"response_time_grid_spread_h", N_("spread of grids' mean response (h)")},
      {"backlog", N_("backlog (open reported cases)")},
      {"travel_h_per_handler_day", N_("travel (h per handler-day)")},
      {"response_time_grid_gini", N_("Gini of grids' mean response")},
      {"response_time_worst_decile_h", N_("response, slowest tenth of grids (h)")},
      {"trust_grid_gini", N_("Gini of grids' trust")},
      {"trust_worst_decile", N_("trust, least trusting tenth of grids")},
      {"response_time_per_street_km_h", N_("response per km from the street office (h)")},
      {"response_time_near_quartile_h", N_("response, nearest quarter of grids (h)")},
      {"response_time_far_quartile_h", N_("response, farthest quarter of grids (h)")},
      {"incidents", N_("incidents (disputes turned criminal)")},
      {"incidents_per_10k_year", N_("incidents per 10k residents a year")},
      {"escalated_dispute_share", N_("share of disputes escalated into incidents")},
      {"repeat_dispute_share", N_("share of disputes repeated")},
      {"counsellor_caseload_year", N_("counsellor caseload (cases a year)")},
      {"festival_backlog_after", N_("backlog after the Spring Festival")},
      {"trust", N_("trust (0-1)")},
  };
  const auto it = labels.find(column);
  return it == labels.end() ? column : std::string(i18n::tr(it->second.c_str()));
}

}  // namespace govsim::batch

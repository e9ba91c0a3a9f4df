#include "validation/calibration.hpp"

#include "validation/designs.hpp"

namespace govsim::validation {

const std::vector<CalibrationTarget>& calibration_targets() {
  static const std::vector<CalibrationTarget> targets = {
      {"mediated disputes", "reported_disputes_per_10k_year", 1, "per 10k residents per year", 106,
       90, 122, "A/B",
       "China 2022: 14.94 M disputes mediated for 1.412 bn residents (Ministry of Justice)"},
      {"citizen service requests", "requests_per_10k_month", 1, "per 10k residents per month", 180,
       165, 195, "A/B",
       "Beijing 12345 hotline 2020, about 4.5 M requests forwarded for 21.9 M residents; NYC 311 "
       "similar"},
      {"dispute mix: neighbour", "dispute_mix_neighbour", 100, "% of disputes", 27.5, 23, 32, "A",
       "China Statistical Yearbook 2012, table 23-9; Huangshi 2016"},
      {"dispute mix: marriage and family", "dispute_mix_family", 100, "% of disputes", 19, 17, 21,
       "A", "China Statistical Yearbook 2012, table 23-9; Huangshi 2016"},
      {"dispute mix: damages", "dispute_mix_damages", 100, "% of disputes", 8, 6.5, 9.5, "A",
       "China Statistical Yearbook 2012, table 23-9"},
      {"dispute mix: housing and land", "dispute_mix_housing", 100, "% of disputes", 7, 5.5, 8.5,
       "A", "China Statistical Yearbook 2012, table 23-9"},
      {"tier split: small", "reported_small_share", 100, "% of reported cases", 70, 62, 78, "C",
       "model guide: 70 / 25 / 5 (小事 / 大事 / 难事)"},
      {"tier split: big", "reported_big_share", 100, "% of reported cases", 25, 18, 32, "C",
       "model guide: 70 / 25 / 5"},
      {"tier split: hard", "reported_hard_share", 100, "% of reported cases", 5, 2.5, 10, "C",
       "model guide: 70 / 25 / 5"},
      {"closed within deadline", "within_deadline_share", 100, "% of resolved cases", 75, 60, 90,
       "C",
       "no trustworthy public figure: official closure rates of 95-99 % are counted generously "
       "(model guide); the band is a judgement"},
      {"mediation agreement rate", "mediation_agreement_rate", 100, "% of mediations", 68, 50, 86,
       "A", "50 % (DC court volunteers) to 86 % (NY community dispute centres); Wissler"},
      {"volunteer retention", "volunteer_retention", 100, "% a year", 80, 70, 90, "A",
       "median 80 % a year, Hager & Brudney 2004"},
      {"days to close, median", "resolution_time_p50_h", 1.0 / 24.0, "days", 2.9, 1.45, 5.8, "B",
       "NYC 311 days to close: median 2.9 (the band is a factor of 2 either way)"},
  };
  return targets;
}

std::vector<CalibrationResult> check_calibration(const batch::ResultGrid& grid, std::size_t design,
                                                 const std::vector<CalibrationTarget>& targets) {
  std::vector<CalibrationResult> out;
  for (const CalibrationTarget& t : targets) {
    std::vector<double> values = grid.values(design, column(t.column));
    for (double& v : values) v *= t.scale;
    CalibrationResult r{t, batch::estimate(values)};
    r.pass = r.simulated.mean >= t.low && r.simulated.mean <= t.high;
    out.push_back(r);
  }
  return out;
}

}  // namespace govsim::validation

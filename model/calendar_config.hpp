// The working calendar's settings (the scenario's `calendar:` block): whether the year is a
// working year, its public holidays, who works on days off, and the rhythms of arrivals over the
// week and the year. The date logic and the holiday table are engine/calendar.*.
#pragma once

#include <cstdint>
#include <string>

#include "engine/schema.hpp"

namespace govsim {

// Relative arising rate on a day off (weekend or holiday) against a working day, per domain.
struct DayOffRates {
  double dispute = 1.0;
  double administrative = 0.3;
  double livelihood = 0.6;
  double environment = 1.0;
  double safety = 1.0;
  double emergency = 1.0;

  double operator[](int d) const {
    const double v[6] = {dispute, administrative, livelihood, environment, safety, emergency};
    return v[d];
  }
};

template <class V>
void describe(V& v, DayOffRates& r) {
  const FieldDoc doc{"x", "", "C"};
  v.number("dispute", r.dispute, 0, 5, doc.with("disputes arising on a day off, x a working day"));
  v.number("administrative", r.administrative, 0, 5,
           {"x", "administrative needs brought on a day off, x a working day",
            "B: Guangzhou Saturday openings, 0-2 residents a morning (信息时报 2019-01-08)"});
  v.number("livelihood", r.livelihood, 0, 5, doc.with("livelihood needs on a day off"));
  v.number("environment", r.environment, 0, 5, doc.with("environment problems on a day off"));
  v.number("safety", r.safety, 0, 5, doc.with("safety hazards on a day off"));
  v.number("emergency", r.emergency, 0, 5, doc.with("emergencies on a day off"));
}

// Seasonal and weekly rhythms of arising; every profile is normalised so that each domain's
// mean rate over each calendar year is the rate of model.rates.
struct RhythmConfig {
  DayOffRates day_off;
  double pre_festival_other_disputes = 2.0;  // wage arrears before the Spring Festival
  std::int64_t pre_festival_days = 28;
  double july_environment = 1.17;   // summer environment complaints
  double heating_livelihood = 1.0;  // heating onset (north): 1 = no heating season
  std::int64_t heating_month = 11;
  std::int64_t heating_day = 15;
  std::int64_t heating_days = 14;
};

template <class V>
void describe(V& v, RhythmConfig& r) {
  v.group("day_off", r.day_off,
          "arising on weekends and holidays, x a working day (weekly rhythm)");
  v.number("pre_festival_other_disputes", r.pre_festival_other_disputes, 0, 20,
           {"x",
            "disputes of the 'other' kind (wage arrears among them) in the days before the "
            "Spring Festival, x the rest of the year (the dispute rate rises by the other kind's "
            "share of it)",
            "B/C: wage-arrears cases peak before New Year and the Spring Festival (MoHRSS 2017); "
            "the multiplier is a guess"});
  v.integer("pre_festival_days", r.pre_festival_days, 0, 60,
            {"days", "days before the Spring Festival break with more wage disputes", "C"});
  v.number("july_environment", r.july_environment, 0, 20,
           {"x", "environment and sanitation problems in July, x the rest of the year",
            "B: one provincial 12345 line, July 2024 +17.4 % on June"});
  v.number("heating_livelihood", r.heating_livelihood, 0, 50,
           {"x",
            "livelihood needs in the first days of the heating season, x the rest of the year "
            "(1 = a city without central heating)",
            "B: Taiyuan, 16,000 calls a day at heating onset, 10x normal"});
  v.integer("heating_month", r.heating_month, 1, 12, {"month", "heating season starts", "B: 11"});
  v.integer("heating_day", r.heating_day, 1, 28, {"day", "day of the month it starts", "B: 15"});
  v.integer("heating_days", r.heating_days, 0, 60,
            {"days", "days the onset's extra demand lasts", "C"});
}

struct CalendarConfig {
  bool on = false;             // off: every day is a working day, desks keep daily shifts
  bool official_table = true;  // the State Council notices compiled in (2024-2026)
  std::string holidays;        // the scenario's own days off
  std::string workdays;        // the scenario's own make-up working days
  double offday_duty_share = 0.1;
  double grid_worker_offday_share = 0.3;
  double hotline_platform_level = 0.5;
  RhythmConfig rhythms;
};

template <class V>
void describe(V& v, CalendarConfig& c) {
  v.flag("on", c.on,
         {"",
          "a working year: weekends and public holidays off, deadlines in working days, "
          "rhythms in arrivals (off: staff work every day)",
          "-"});
  v.flag("official_table", c.official_table,
         {"",
          "use the State Council's holiday notices compiled in (2024-2026); other years have "
          "weekends only",
          "A: 国办发明电〔2023〕7号, 〔2024〕12号, 2026 notice of 2025-11-04"});
  v.text("holidays", c.holidays,
         {"dates", "extra days off: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, comma separated", "-"});
  v.text("workdays", c.workdays,
         {"dates", "extra make-up working days (调休上班), as holidays", "-"});
  v.number(
      "offday_duty_share", c.offday_duty_share, 0, 1,
      {"share",
       "of the officials and mediators at each office desk, those on duty (值班) on "
       "weekends and holidays, in a rota",
       "B: 1-2 persons on holiday duty at a community office (cztn.gov.cn 2010; People's Daily "
       "Online)"});
  v.number("grid_worker_offday_share", c.grid_worker_offday_share, 0, 1,
           {"share", "of the grid workers at a desk, those working on weekends and holidays", "C"});
  v.number("hotline_platform_level", c.hotline_platform_level, 0, 1.01,
           {"0-1",
            "platform level from which the street office's intake desk is a 24-hour hotline "
            "(every day, around the clock); above 1 = never",
            "C: 12345 hotlines answer 24x7 (Beijing 接诉即办, 2020)"});
  v.group("rhythms", c.rhythms, "weekly and seasonal rhythms of arising");
}

}  // namespace govsim

// Scenario parameters: plain structs with defaults, plus one `describe` function per struct that
// lists every field with its key, valid range, unit, meaning and source grade.
//
// The `describe` lists are the single source of truth for the schema: the YAML loader walks them to
// validate keys and ranges, the CLI walks them to write the resolved scenario into manifest.json,
// and `govsim keys` prints them for the documentation. Nothing in sim/ knows YAML.
//
// Grades follow the model guide: A = official or peer-reviewed, B = secondary or derived, C =
// guess.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/schema.hpp"
#include "model/behaviour.hpp"
#include "model/calendar_config.hpp"
#include "model/limits.hpp"

namespace govsim {

enum class Structure : std::uint8_t { Fragmented, Grid };
// Where a case is handled. The city (or district) tier takes only what the street offices send up
// (MODEL.md 7.6); a tier's own level is one of the first three.
enum class Level : std::uint8_t { Grid, Community, Street, City };
inline constexpr int kLevels = 4;
enum class HousingType : std::uint8_t { OldCompound, Commodity, UrbanVillage, Mixed };
enum class ServiceDist : std::uint8_t { Lognormal, Exponential, Deterministic };
enum class ModelMode : std::uint8_t { Full, Queue };  // Queue: bare queueing network for validation

inline constexpr std::array<const char*, 2> kStructureNames{"fragmented", "grid"};
inline constexpr std::array<const char*, kLevels> kLevelNames{"grid", "community", "street",
                                                              "city"};
// The levels a tier of matters can be assigned to (routing.small, big, hard).
inline constexpr std::array<const char*, 3> kTierLevelNames{"grid", "community", "street"};
inline constexpr std::array<const char*, 4> kHousingNames{"old_compound", "commodity",
                                                          "urban_village", "mixed"};
inline constexpr std::array<const char*, 3> kServiceDistNames{"lognormal", "exponential",
                                                              "deterministic"};
inline constexpr std::array<const char*, 2> kModelModeNames{"full", "queue"};

// ---------------------------------------------------------------------------------------------
struct RunConfig {
  std::int64_t days = 365;        // simulated days
  std::uint64_t seed = 1;         // master seed of every random stream
  std::int64_t warmup_days = 30;  // days left out of summary figures
  // The daily percentiles (response p50 and p90) are taken over the responses of the last
  // percentile_window_days days, and only when at least percentile_min_responses are there.
  std::int64_t percentile_window_days = 7;
  std::int64_t percentile_min_responses = 30;
  std::string start_date = "2025-01-01";  // the date of day 0 (the working calendar)
};

template <class V>
void describe(V& v, RunConfig& r) {
  v.integer("days", r.days, 1, limits::kDays, {"days", "length of the run", "-"});
  v.integer("seed", r.seed, 0, 9007199254740991LL, {"", "master random seed", "-"});
  v.integer("warmup_days", r.warmup_days, 0, limits::kDays,
            {"days", "days excluded from whole-run summaries", "-"});
  v.integer("percentile_window_days", r.percentile_window_days, 1, 365,
            {"days", "trailing window of the daily response-time percentiles", "-"});
  v.integer(
      "percentile_min_responses", r.percentile_min_responses, 1, 1000000,
      {"responses", "fewest responses in the window for a daily percentile (else blank)", "-"});
  v.text("start_date", r.start_date,
         {"date", "date of the first day, YYYY-MM-DD (weekdays and holidays: calendar.*)", "-"});
}

// ---------------------------------------------------------------------------------------------
struct HousingMix {
  double old_compound = 0.30;   // 老旧小区
  double commodity = 0.50;      // commodity housing
  double urban_village = 0.10;  // 城中村
  double mixed = 0.10;
};

template <class V>
void describe(V& v, HousingMix& h) {
  v.number("old_compound", h.old_compound, 0, 1, {"share", "share of grids in old compounds", "C"});
  v.number("commodity", h.commodity, 0, 1, {"share", "share of commodity-housing grids", "C"});
  v.number("urban_village", h.urban_village, 0, 1, {"share", "share of urban-village grids", "C"});
  v.number("mixed", h.mixed, 0, 1, {"share", "share of mixed grids", "C"});
}

struct CityConfig {
  std::string table;  // CSV or GeoJSON of grids; when set, the size fields below are ignored
  std::int64_t residents = 100000;
  std::int64_t streets = 2;
  std::int64_t communities = 14;
  std::int64_t grids = 100;
  double household_size = 2.62;  // persons per household
  double elderly_share = 0.187;  // residents aged 60+
  double migrant_share = 0.25;
  double population_cv = 0.20;  // spread of grid populations around the mean
  double grid_area_km2 = 0.20;
  HousingMix housing;
  // How grids differ by housing type (a generated city; a table gives each grid's own figures).
  double old_compound_elderly = 1.5;    // elderly share in old compounds, x the mean
  double urban_village_migrants = 2.0;  // migrant share in urban villages, x the mean
  double grid_share_cap = 0.95;         // highest elderly or migrant share of a grid
  double area_sigma = 0.3;              // lognormal spread of grid areas
};

template <class V>
void describe(V& v, CityConfig& c) {
  v.text("table", c.table,
         {"path",
          "CSV or GeoJSON (.geojson) file of grids (relative to the scenario); replaces the "
          "generated city",
          "-"});
  v.integer("residents", c.residents, 1, limits::kResidents,
            {"persons", "residents of a generated city", "B: baseline city of 100 k"});
  v.integer("streets", c.streets, 1, limits::kStreets,
            {"", "street offices (街道)", "B: baseline city"});
  v.integer("communities", c.communities, 1, limits::kCommunities,
            {"", "communities (社区) in all", "B: baseline city"});
  v.integer("grids", c.grids, 1, limits::kGrids, {"", "grids (网格) in all", "B: baseline city"});
  v.number("household_size", c.household_size, 1, 10,
           {"persons", "mean household size", "A: 2020 census 2.62"});
  v.number("elderly_share", c.elderly_share, 0, 1,
           {"share", "residents aged 60 and over", "A: 2020 census 18.7 %"});
  v.number("migrant_share", c.migrant_share, 0, 1, {"share", "migrant residents", "C"});
  v.number("population_cv", c.population_cv, 0, 1,
           {"", "coefficient of variation of grid populations", "C"});
  v.number("grid_area_km2", c.grid_area_km2, 0.001, 100, {"km2", "mean area of a grid", "C"});
  v.group("housing", c.housing, "mix of housing types across grids (shares sum to 1)");
  v.number("old_compound_elderly", c.old_compound_elderly, 0, 10,
           {"", "elderly share of an old-compound grid, x the city's (generated city)", "C"});
  v.number("urban_village_migrants", c.urban_village_migrants, 0, 10,
           {"", "migrant share of an urban-village grid, x the city's (generated city)", "C"});
  v.number("grid_share_cap", c.grid_share_cap, 0, 1,
           {"share", "highest elderly or migrant share of a generated grid", "C"});
  v.number("area_sigma", c.area_sigma, 0, 5, {"", "lognormal spread of generated grid areas", "C"});
}

// ---------------------------------------------------------------------------------------------
struct StaffingConfig {
  double grid_workers_per_grid = 1.0;       // full-time grid workers (网格员)
  double grid_worker_hours = 8.0;           // paid hours per day
  double community_officials_per_10k = 18;  // residents'-committee staff
  double street_officials_per_10k = 6;      // street-office staff handling cases
  std::int64_t departments = 6;             // departments a street office splits into
  double intake_officials_per_10k = 1;      // of the street officials: the intake desk (fragmented)
  double official_hours = 8.0;              // paid hours per day, community and street
  double shift_start_h = 8.5;               // hour of day the working day starts
};

template <class V>
void describe(V& v, StaffingConfig& s) {
  v.number("grid_workers_per_grid", s.grid_workers_per_grid, 0, 20,
           {"persons/grid", "full-time grid workers per grid",
            "B/A: Taiyuan 2021, one per grid; Zhejiang 2020"});
  v.number("grid_worker_hours", s.grid_worker_hours, 0.5, 24,
           {"h/day", "paid hours of a grid worker", "C"});
  v.number(
      "community_officials_per_10k", s.community_officials_per_10k, 0, 500,
      {"persons/10k residents", "residents'-committee staff", "A: national 2021-25 plan, >= 18"});
  v.number("street_officials_per_10k", s.street_officials_per_10k, 0, 500,
           {"persons/10k residents", "street-office staff who handle cases", "C"});
  v.integer("departments", s.departments, 1, 30,
            {"", "departments a street office is split into (fragmented design)", "C"});
  v.number("intake_officials_per_10k", s.intake_officials_per_10k, 0, 500,
           {"persons/10k residents",
            "of the street officials, those who staff the street office's intake desk (受理窗口) "
            "in a fragmented design, where every report is registered and referred (at least one)",
            "C"});
  v.number("official_hours", s.official_hours, 0.5, 24,
           {"h/day", "paid hours of community and street officials", "C"});
  v.number("shift_start_h", s.shift_start_h, 0, 23.99,
           {"h", "hour of day at which staff start work", "C"});
}

struct AdminBurdenConfig {
  double officials = 0.5;     // share of officials' time lost to meetings and paperwork
  double grid_workers = 0.3;  // share of grid workers' time lost to forms and reporting
};

template <class V>
void describe(V& v, AdminBurdenConfig& a) {
  v.number("officials", a.officials, 0, 0.95,
           {"share", "officials' time lost to meetings and paperwork", "C: paper, problem 2"});
  v.number("grid_workers", a.grid_workers, 0, 0.95,
           {"share", "grid workers' time lost to forms and reporting", "C"});
}

struct RoutingConfig {
  Level small = Level::Grid;
  Level big = Level::Community;
  Level hard = Level::Street;
  double triage_accuracy = 0.85;  // chance a reported case is sent to the right tier at once
  double escalate_wait_h = 72;    // queue wait after which a case is escalated up a level
  std::int64_t max_bounces = 6;   // bounces after which a case is taken up by the street office
};

template <class V>
void describe(V& v, RoutingConfig& r) {
  v.choice("small", r.small, kTierLevelNames,
           {"", "level that handles small matters (小事)", "paper, remedy 1"});
  v.choice("big", r.big, kTierLevelNames,
           {"", "level that handles big matters (大事)", "paper, remedy 1"});
  v.choice("hard", r.hard, kTierLevelNames,
           {"", "level that handles hard matters (难事)", "paper, remedy 1"});
  v.number("triage_accuracy", r.triage_accuracy, 0, 1,
           {"probability", "a reported case goes straight to the right level", "C"});
  v.number("escalate_wait_h", r.escalate_wait_h, 1, 10000,
           {"h",
            "queue wait after which a case is due for escalation one level up, once the level "
            "above notices it (model.behaviour.staff.reviews_per_week, platform tracking)",
            "C"});
  v.integer("max_bounces", r.max_bounces, 0, 100,
            {"", "bounces after which the street office takes the case over", "C"});
}

struct DeadlinesConfig {
  double emergency_h = 2;
  double small_h = 72;  // 3 working days
  double big_h = 240;   // about 10 working days
  double hard_h = 360;  // 15 working days
  // With the working calendar on (calendar.on): deadlines in working days (emergencies keep
  // emergency_h, in clock hours).
  std::int64_t small_wd = 3;
  std::int64_t big_wd = 10;
  std::int64_t hard_wd = 15;
};

template <class V>
void describe(V& v, DeadlinesConfig& d) {
  v.number("emergency_h", d.emergency_h, 0.1, 10000,
           {"h", "deadline for closing an emergency", "B/C: same day, 2 h"});
  v.number("small_h", d.small_h, 0.1, 10000,
           {"h", "deadline for a small matter, report to closure", "B/C: 3 working days"});
  v.number("big_h", d.big_h, 0.1, 10000,
           {"h", "deadline for a big matter", "B/C: about 10 working days"});
  v.number("hard_h", d.hard_h, 0.1, 10000,
           {"h", "deadline for a hard matter", "B/C: 13-15 working days"});
  v.integer("small_wd", d.small_wd, 1, 100,
            {"working days", "deadline for a small matter with the calendar on",
             "B: consultation and help within 3 working days (bureau 12345 rules)"});
  v.integer("big_wd", d.big_wd, 1, 200,
            {"working days", "deadline for a big matter with the calendar on", "B/C"});
  v.integer("hard_wd", d.hard_wd, 1, 300,
            {"working days", "deadline for a hard matter with the calendar on",
             "B: complaints within 13 working days; Beijing 15 days"});
}

struct VolunteerConfig {
  double per_1k = 4;        // target volunteers per 1 000 residents at start
  double training = 0.1;    // 0 = none, 1 = full standard training
  bool procedures = false;  // standard operating procedures for volunteers
  double weekly_hours = 4;  // hours a volunteer gives per week
};

template <class V>
void describe(V& v, VolunteerConfig& c) {
  v.number("per_1k", c.per_1k, 0, 200,
           {"persons/1k residents", "volunteers at the start of the run",
            "B: about 4 part-time helpers per grid"});
  v.number("training", c.training, 0, 1,
           {"0-1", "training level of new volunteers", "C: paper, problem 3"});
  v.flag("procedures", c.procedures,
         {"", "volunteers follow standard procedures", "C: paper, problem 3"});
  v.number("weekly_hours", c.weekly_hours, 0, 40, {"h/week", "hours a volunteer gives", "C"});
}

struct MediatorConfig {
  double per_community = 0;  // professional mediators / counsellors (专业民调)
  double per_street = 0;
  double skill = 0.8;       // agreement-rate skill of a new professional mediator
  bool grid_rooms = false;  // community mediators sit in the grids' mediation rooms (调解室)
};

template <class V>
void describe(V& v, MediatorConfig& m) {
  v.number("per_community", m.per_community, 0, 50,
           {"persons", "professional mediators in each community", "design option"});
  v.number("per_street", m.per_street, 0, 500,
           {"persons", "professional mediators at each street office", "design option"});
  v.number("skill", m.skill, 0, 1,
           {"probability", "agreement rate of a new professional mediator",
            "A: NY community dispute centres 86 %"});
  v.flag("grid_rooms", m.grid_rooms,
         {"",
          "the community's mediators work in the grids' resident mediation rooms (调解室): "
          "disputes for the community are mediated in the grid",
          "design option: paper, remedy 3"});
}

// Psychological counsellors (心理服务人员): crisis-flagged disputes go to them first.
struct CounsellorConfig {
  double per_community = 0;
  double per_street = 0;
};

template <class V>
void describe(V& v, CounsellorConfig& c) {
  v.number("per_community", c.per_community, 0, 50,
           {"persons", "psychological counsellors in each community", "design option"});
  v.number("per_street", c.per_street, 0, 500,
           {"persons", "psychological counsellors at each street office", "design option"});
}

struct PlatformConfig {
  double level = 0;            // 0 = manual paperwork, 1 = full shared platform
  double sensor_coverage = 0;  // share of grids with sensors for hazards and sanitation
};

template <class V>
void describe(V& v, PlatformConfig& p) {
  v.number("level", p.level, 0, 1,
           {"0-1",
            "shared digital platform: reporting reach, dispatch and hand-off speed, tracking, "
            "data sharing",
            "C: paper, remedy 4"});
  v.number("sensor_coverage", p.sensor_coverage, 0, 1,
           {"share", "grids with sensors that detect hazards and sanitation problems", "C"});
}

struct CostConfig {
  double grid_worker = 60000;  // CNY per person-year
  double community_official = 80000;
  double street_official = 100000;
  double mediator = 90000;
  double volunteer = 1500;            // training, insurance, recognition per volunteer-year
  double platform_per_resident = 12;  // at level 1, CNY per resident-year
  double counsellor = 85000;          // CNY per person-year
};

template <class V>
void describe(V& v, CostConfig& c) {
  v.number("grid_worker", c.grid_worker, 0, 1e7, {"CNY/person-year", "grid worker", "C"});
  v.number("community_official", c.community_official, 0, 1e7,
           {"CNY/person-year", "community official", "C"});
  v.number("street_official", c.street_official, 0, 1e7,
           {"CNY/person-year", "street-office official", "C"});
  v.number("mediator", c.mediator, 0, 1e7, {"CNY/person-year", "professional mediator", "C"});
  v.number("volunteer", c.volunteer, 0, 1e7,
           {"CNY/person-year", "training, insurance and recognition of a volunteer", "C"});
  v.number("platform_per_resident", c.platform_per_resident, 0, 1e4,
           {"CNY/resident-year", "platform cost at level 1 (scales with level)", "C"});
  v.number("counsellor", c.counsellor, 0, 1e7,
           {"CNY/person-year", "psychological counsellor", "C"});
}

// The city (or district) tier above the street offices: the coordinating centre (综治中心) or the
// city's departments, which take the cases a street office cannot settle or that concern more
// than one street office.
struct CityTierConfig {
  double officials_per_100k = 0;  // city staff who take cases sent up; 0 = no city tier
  std::int64_t departments = 6;   // 1 = one joined-up centre; k = departments by domain
};

template <class V>
void describe(V& v, CityTierConfig& c) {
  v.number("officials_per_100k", c.officials_per_100k, 0, 1000,
           {"persons/100k residents",
            "city or district officials who take the cases street offices send up (a case the "
            "street office could not settle, or one that concerns several street offices); 0 = "
            "no city tier, the street office's verdict is final",
            "C: one 综治中心 per county or district (2,848 by 2025); Anji's centre ~5,000 cases in "
            "its first year"});
  v.integer(
      "departments", c.departments, 1, 30,
      {"",
       "bodies the city tier is split into: 1 = one joined-up coordinating centre (综治中心), "
       "k = city departments each with their domains (党建、综治等部门各自为政)",
       "C: paper, problem 1"});
}

struct GovernanceConfig {
  Structure structure = Structure::Grid;
  std::int64_t grids_per_branch = 1;  // 1 = 一格一支部, k = 多格一支部
  StaffingConfig staffing;
  AdminBurdenConfig admin_burden;
  RoutingConfig routing;
  DeadlinesConfig deadlines;
  VolunteerConfig volunteers;
  MediatorConfig mediators;
  double legal_clarity = 0.4;  // 0 = duties undefined, 1 = every body's duties fixed in law
  PlatformConfig platform;
  double leadership = 0.4;     // community party leadership strength
  double participation = 0.3;  // residents' participation in co-governance
  CityTierConfig city_tier;
  CostConfig costs;
  CounsellorConfig counsellors;
};

template <class V>
void describe(V& v, GovernanceConfig& g) {
  v.choice("structure", g.structure, kStructureNames,
           {"", "fragmented departments, or grid-based tiers", "paper, problem 1 / remedy 1"});
  v.integer(
      "grids_per_branch", g.grids_per_branch, 1, 50,
      {"grids", "grids per party branch: 1 = one grid one branch, k = several grids one branch",
       "paper, remedy 1"});
  v.group("staffing", g.staffing, "staff numbers and hours");
  v.group("admin_burden", g.admin_burden, "time lost to meetings and paperwork");
  v.group("routing", g.routing, "who handles which tier, and escalation");
  v.group("deadlines", g.deadlines, "closure deadlines per tier");
  v.group("volunteers", g.volunteers, "volunteer numbers and training");
  v.group("mediators", g.mediators, "professional mediators (design option)");
  v.number("legal_clarity", g.legal_clarity, 0, 1,
           {"0-1", "how clearly law fixes each body's duties: fewer bounces, less overreach",
            "C: paper, problem 4 / remedy 3"});
  v.group("platform", g.platform, "shared digital platform (design option)");
  v.number("leadership", g.leadership, 0, 1,
           {"0-1",
            "strength of community party leadership: officials' meetings and paperwork merged "
            "away, paper reviews of waiting cases (督办), volunteers' recruitment and recognition",
            "C: paper, problem 2 / remedy 2"});
  v.number("participation", g.participation, 0, 1,
           {"0-1",
            "residents' participation in co-governance: neighbours who report what they see, "
            "residents who volunteer",
            "C: paper, remedy 2"});
  v.group("city_tier", g.city_tier, "the city or district tier above the street offices");
  v.group("costs", g.costs, "unit costs, for cost per resident and per resolved case");
  v.group("counsellors", g.counsellors, "psychological counsellors (design option)");
}

// ---------------------------------------------------------------------------------------------
// Behaviour of residents and cases. These are the model's constants, not design choices; they
// live in the scenario so that calibration and validation can set them.
struct CaseRates {
  // Cases arising per resident per year, by domain.
  double dispute = 0.0070;
  double administrative = 0.0988;
  double livelihood = 0.0754;
  double environment = 0.052;
  double safety = 0.0234;
  double emergency = 0.004;
};

template <class V>
void describe(V& v, CaseRates& c) {
  v.number("dispute", c.dispute, 0, 10,
           {"1/resident-year", "disputes arising (矛盾纠纷)",
            "A/B: calibrated to 106 reported (mediated) per 10 000 a year, China 2022"});
  v.number("administrative", c.administrative, 0, 10,
           {"1/resident-year", "administrative service needs (行政服务)",
            "A/B: calibrated to 175-185 reported requests per 10 000 a month in all (12345)"});
  v.number("livelihood", c.livelihood, 0, 10,
           {"1/resident-year", "livelihood and welfare needs (民生服务)", "A/B: as above"});
  v.number("environment", c.environment, 0, 10,
           {"1/resident-year", "environment and sanitation problems (环境卫生)", "A/B: as above"});
  v.number("safety", c.safety, 0, 10,
           {"1/resident-year", "public-safety hazards (平安建设)", "A/B: as above"});
  v.number("emergency", c.emergency, 0, 10, {"1/resident-year", "emergencies (应急管理)", "C"});
}

// Kinds of dispute (矛盾纠纷), after the mediation statistics' own categories.
inline constexpr int kDisputeKinds = 5;
inline constexpr std::array<const char*, kDisputeKinds> kDisputeKindNames{
    "neighbour", "family", "damages", "housing", "other"};

// One number per kind of dispute.
struct DisputeKindValues {
  double neighbour = 0;  // 邻里纠纷
  double family = 0;     // 婚姻家庭纠纷
  double damages = 0;    // 损害赔偿纠纷
  double housing = 0;    // 房屋宅基地纠纷
  double other = 0;      // every other kind (contracts, labour, property management, ...)

  double operator[](int k) const {
    const double v[kDisputeKinds] = {neighbour, family, damages, housing, other};
    return v[k];
  }
};

template <class V>
void describe_kinds(V& v, DisputeKindValues& d, const char* unit, const char* source) {
  v.number("neighbour", d.neighbour, 0, 10, {unit, "neighbour disputes", source});
  v.number("family", d.family, 0, 10, {unit, "marriage and family disputes", source});
  v.number("damages", d.damages, 0, 10, {unit, "damages disputes", source});
  v.number("housing", d.housing, 0, 10, {unit, "housing and land disputes", source});
  v.number("other", d.other, 0, 10, {unit, "every other kind", source});
}

struct DisputeShares : DisputeKindValues {};
struct DisputeReportFactors : DisputeKindValues {};

template <class V>
void describe(V& v, DisputeShares& d) {
  describe_kinds(v, d, "share",
                 "B: fitted so that reported disputes match the mediation statistics' mix");
}

template <class V>
void describe(V& v, DisputeReportFactors& d) {
  describe_kinds(v, d, "", "C: family matters kept private; damages and housing claims pressed");
}

// The mix of disputes as they arise, and how readily each kind is brought forward. Family
// quarrels are kept private more often than a neighbour's leak or a damages claim, so the mix
// of recorded disputes differs from the mix that arises; the arising mix is set so that the
// recorded mix matches the mediation statistics (docs/CALIBRATION.md).
struct DisputeKinds {
  DisputeShares share{{0.27, 0.20, 0.07, 0.07, 0.39}};
  DisputeReportFactors report_factor{{1.0, 0.7, 1.2, 1.15, 1.0}};
};

template <class V>
void describe(V& v, DisputeKinds& d) {
  v.group("share", d.share, "share of each kind among disputes as they arise (sum to 1)");
  v.group("report_factor", d.report_factor,
          "multiplier on a resident's chance of bringing a dispute of this kind forward");
}

struct TierTimes {
  double small = 0;
  double big = 0;
  double hard = 0;
};

template <class V>
void describe(V& v, TierTimes& t) {
  v.number("small", t.small, 0, 10000, {"h", "small matters", "C"});
  v.number("big", t.big, 0, 10000, {"h", "big matters", "C"});
  v.number("hard", t.hard, 0, 10000, {"h", "hard matters", "C"});
}

struct ModelConfig {
  ModelMode mode = ModelMode::Full;
  CaseRates rates;
  DisputeKinds disputes;
  double share_big = 0.25;  // tier split at arising; hard = 1 - small - big
  double share_hard = 0.05;
  ServiceDist effort_dist = ServiceDist::Lognormal;
  TierTimes effort_median_h{1.0, 6, 20};  // staff working time a case needs
  TierTimes effort_sigma{1.0, 0.8, 0.7};
  TierTimes process_median_h{12, 72, 200};  // elapsed time waiting on parties, not staff time
  double report_propensity = 0.55;          // mean chance a resident reports a problem they have
  double report_delay_h = 36;               // mean delay of a resident's report without a platform
  double worsen_mean_h = 240;               // mean time for an unhandled case to grow one tier
  double lapse_mean_h = 1440;               // mean life of a case nobody ever handles
  double grievance_dispute_gain = 3.0;      // extra dispute hazard per unit grievance
  double trust_rate = 0.15;                 // weight of one handled case on its resident's trust
  double spillover = 0.25;            // weight of a neighbour's account against one's own case
  double sense_rate = 0.05;           // daily adaptation rate of the three senses
  double grievance_decay = 0.01;      // daily decay of hardship
  double volunteer_quit_base = 0.18;  // quit hazard per year at full motivation
  double volunteer_recruit = 0.002;   // recruits per resident-year at full trust and leadership
  DetectionConfig detection;          // how problems come to notice before anyone reports them
  BehaviourConfig behaviour;          // every other behavioural coefficient
  // Queue mode only (validation): Poisson arrivals per hour at the grid tier.
  double queue_arrivals_per_h = 0;
  std::int64_t queue_handlers = 1;
  double queue_escalate_p = 0;  // chance a case handled at one level is passed to the next
};

template <class V>
void describe(V& v, ModelConfig& m) {
  v.choice("mode", m.mode, kModelModeNames,
           {"", "full = the governance model; queue = bare queueing network for validation", "-"});
  v.group("rates", m.rates, "cases arising per resident per year, by domain");
  v.group("disputes", m.disputes, "kinds of dispute: their mix and how readily each is reported");
  v.number("share_big", m.share_big, 0, 1,
           {"share", "cases arising as big matters", "C: 70/25/5 split"});
  v.number("share_hard", m.share_hard, 0, 1,
           {"share", "cases arising as hard matters", "C: 70/25/5 split"});
  v.choice("effort_dist", m.effort_dist, kServiceDistNames,
           {"",
            "distribution of staff working time per case (exponential: the median keys give "
            "the mean)",
            "C"});
  v.group("effort_median_h", m.effort_median_h, "median staff working time per case, by tier");
  v.group("effort_sigma", m.effort_sigma,
          "lognormal sigma of working time, by tier (dimensionless, despite the h unit of the "
          "per-tier keys)");
  v.group("process_median_h", m.process_median_h,
          "median elapsed time waiting on parties and paperwork, by tier");
  v.number("report_propensity", m.report_propensity, 0, 1,
           {"probability", "mean chance a resident reports a problem", "C"});
  v.number("report_delay_h", m.report_delay_h, 0, 10000,
           {"h", "mean delay of a resident's report without a platform", "C"});
  v.number("worsen_mean_h", m.worsen_mean_h, 1, 100000,
           {"h", "mean time for an unhandled case to grow one tier", "C"});
  v.number("lapse_mean_h", m.lapse_mean_h, 1, 1000000,
           {"h", "mean life of a case nobody handles before it is dropped", "C"});
  v.number("grievance_dispute_gain", m.grievance_dispute_gain, 0, 100,
           {"", "extra dispute hazard per unit of grievance", "C: Epstein form"});
  v.number("trust_rate", m.trust_rate, 0, 1,
           {"", "weight of one handled case on its resident's trust", "C: Van Ryzin form"});
  v.number("spillover", m.spillover, 0, 1,
           {"",
            "weight on trust of hearing how a neighbour's case went, against one's own case; "
            "each closed case is heard by model.behaviour.trust.listeners_per_case residents",
            "C: a second-hand account weighs less than one's own"});
  v.number("sense_rate", m.sense_rate, 0, 1,
           {"1/day", "daily adaptation rate of the three senses", "C"});
  v.number(
      "grievance_decay", m.grievance_decay, 0, 1,
      {"1/day",
       "daily relaxation of hardship toward its floor (behaviour.residents.hardship_floor)", "C"});
  v.number("volunteer_quit_base", m.volunteer_quit_base, 0, 10,
           {"1/year",
            "volunteer quit hazard at motivation behaviour.volunteers.quit_motivation (x "
            "e^(quit_slope (quit_motivation - m)) otherwise)",
            "A: median retention 80 %/year, Hager & Brudney 2004"});
  v.number("volunteer_recruit", m.volunteer_recruit, 0, 1,
           {"1/resident-year", "recruitment at full trust and leadership", "C"});
  v.group("detection", m.detection, "how problems come to notice before anyone reports them");
  v.group("behaviour", m.behaviour,
          "behavioural coefficients of residents, volunteers, staff and cases");
  v.number("queue_arrivals_per_h", m.queue_arrivals_per_h, 0, 1e6,
           {"1/h", "queue mode: Poisson arrival rate at the first level", "-"});
  v.integer("queue_handlers", m.queue_handlers, 1, 100000,
            {"", "queue mode: handlers at each level", "-"});
  v.number("queue_escalate_p", m.queue_escalate_p, 0, 1,
           {"probability", "queue mode: chance a case moves on to the next level", "-"});
}

// ---------------------------------------------------------------------------------------------
// A policy change: from the start of `day`, the governance block is replaced by `governance`.
struct PolicyChange {
  std::int64_t day = 0;
  GovernanceConfig governance;
  std::string summary;  // the keys that changed, for the charts and the manifest
};

// One grid of a city read from a table file.
struct GridRecord {
  std::string street;
  std::string community;
  std::string name;
  std::int64_t population = 0;
  std::int64_t households = 0;
  HousingType housing = HousingType::Commodity;
  double elderly_share = 0;
  double migrant_share = 0;
  double area_km2 = 0;
  double x = 0;  // map position, km
  double y = 0;
  // Outer rings of the grid's outline, km, in the same frame as x and y; only a GeoJSON city
  // has them (holes are left out: they change the area, which is already counted, not the map).
  std::vector<std::vector<std::array<double, 2>>> polygon;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string source;  // file it came from, or "<built-in>"
  RunConfig run;
  CityConfig city;
  GovernanceConfig governance;
  ModelConfig model;
  std::vector<PolicyChange> changes;   // sorted by day
  std::vector<GridRecord> grid_table;  // filled when city.table is set
  CalendarConfig calendar;
};

template <class V>
void describe(V& v, Scenario& s) {
  v.text("name", s.name, {"", "short name", "-"});
  v.text("description", s.description, {"", "one paragraph on what the scenario shows", "-"});
  v.group("run", s.run, "run settings");
  v.group("city", s.city, "the city: generated from sizes, or read from a table");
  v.group("governance", s.governance, "the governance design");
  v.group("model", s.model, "behaviour constants of residents and cases");
  v.group("calendar", s.calendar, "the working calendar: days off, duty, rhythms of arrivals");
}

// Checks that cross fields (shares that must sum to 1, sizes that must nest). Returns "" when
// valid, else a message naming the field.
std::string cross_check(const Scenario& s);

}  // namespace govsim

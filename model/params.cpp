// Checks that span several fields; each field's own range is checked by whoever reads it.
// Every message starts with the key path it is about, so that a loader can point at the line.
#include "model/params.hpp"

#include <cmath>
#include <string>

#include "engine/calendar.hpp"
#include "engine/input_text.hpp"

namespace govsim {
namespace {

std::string check_housing(const HousingMix& h) {
  const double sum = h.old_compound + h.commodity + h.urban_village + h.mixed;
  if (std::fabs(sum - 1.0) > 1e-6) {
    return "city.housing: shares sum to " + format_rounded(sum) + ", must sum to 1";
  }
  return "";
}

// A generated city splits streets into communities into grids into residents, so each level
// needs at least as many units as the one above it.
std::string check_nesting(const CityConfig& c) {
  if (!c.table.empty()) return "";  // the table defines the city; the sizes are unused
  if (c.communities < c.streets) {
    return "city.communities: " + std::to_string(c.communities) + " cannot be shared among " +
           std::to_string(c.streets) +
           " streets (need streets <= communities <= grids <= residents)";
  }
  if (c.grids < c.communities) {
    return "city.grids: " + std::to_string(c.grids) + " cannot be shared among " +
           std::to_string(c.communities) +
           " communities (need streets <= communities <= grids <= residents)";
  }
  if (c.residents < c.grids) {
    return "city.residents: " + std::to_string(c.residents) + " cannot fill " +
           std::to_string(c.grids) + " grids (need streets <= communities <= grids <= residents)";
  }
  return "";
}

// Matters may stay where they are or move up as they get harder, never down.
std::string check_routing(const RoutingConfig& r, const std::string& path) {
  const auto name = [](Level level) {
    return std::string(kLevelNames[static_cast<std::size_t>(level)]);
  };
  if (r.big < r.small) {
    return path + ".big: big matters go to '" + name(r.big) + "', below small matters ('" +
           name(r.small) + "'); levels must run small <= big <= hard (grid < community < street)";
  }
  if (r.hard < r.big) {
    return path + ".hard: hard matters go to '" + name(r.hard) + "', below big matters ('" +
           name(r.big) + "'); levels must run small <= big <= hard (grid < community < street)";
  }
  return "";
}

// The start date and the calendar's own lists of dates.
std::string check_calendar(const Scenario& s) {
  CivilDate start;
  if (!parse_iso_date(s.run.start_date, start))
    return "run.start_date: '" + s.run.start_date +
           "' is not a date: write YYYY-MM-DD (for example 2025-01-01)";
  std::vector<std::int64_t> days;
  if (std::string m = parse_date_list(s.calendar.holidays, days); !m.empty())
    return "calendar.holidays: " + m;
  if (std::string m = parse_date_list(s.calendar.workdays, days); !m.empty())
    return "calendar.workdays: " + m;
  return "";
}

}  // namespace

std::string cross_check(const Scenario& s) {
  if (s.run.warmup_days >= s.run.days) {
    return "run.warmup_days: " + std::to_string(s.run.warmup_days) +
           " must be less than run.days (" + std::to_string(s.run.days) + ")";
  }
  if (std::string m = check_housing(s.city.housing); !m.empty()) return m;
  if (std::string m = check_nesting(s.city); !m.empty()) return m;
  if (std::string m = check_calendar(s); !m.empty()) return m;
  {
    const DisputeShares& d = s.model.disputes.share;
    const double sum = d.neighbour + d.family + d.damages + d.housing + d.other;
    if (std::fabs(sum - 1.0) > 1e-6)
      return "model.disputes.share: shares sum to " + format_rounded(sum) + ", must sum to 1";
  }
  if (s.model.share_big + s.model.share_hard > 1.0 + 1e-12) {
    return "model.share_hard: share_big + share_hard is " +
           format_rounded(s.model.share_big + s.model.share_hard) + ", must be at most 1";
  }
  if (std::string m = check_routing(s.governance.routing, "governance.routing"); !m.empty()) {
    return m;
  }
  for (std::size_t i = 0; i < s.changes.size(); ++i) {
    const PolicyChange& change = s.changes[i];
    const std::string path = "changes[" + std::to_string(i) + "]";
    if (change.day < 1 || change.day >= s.run.days) {
      return path + ".day: " + std::to_string(change.day) + " is outside [1, " +
             std::to_string(s.run.days) + ") (run.days is " + std::to_string(s.run.days) + ")";
    }
    if (i > 0 && change.day <= s.changes[i - 1].day) {
      return path + ".day: changes must be in increasing order of day, each day once";
    }
    if (std::string m = check_routing(change.governance.routing, path + ".governance.routing");
        !m.empty()) {
      return m;
    }
  }
  return "";
}

}  // namespace govsim

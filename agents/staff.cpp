#include "agents/staff.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/units.hpp"
#include "model/streams.hpp"

namespace govsim {
namespace {

// Stable identity: role, level, home (grid, community or street) and index within the home.
std::uint64_t staff_key(Role role, Level level, std::uint32_t home, std::uint32_t index) {
  return (static_cast<std::uint64_t>(role) << 60) | (static_cast<std::uint64_t>(level) << 56) |
         (static_cast<std::uint64_t>(home) << 24) | index;
}

struct RosterBuilder {
  Roster& r;
  std::uint64_t seed;
  const GovernanceConfig& gov;
  const StaffBehaviour& staff;
  std::map<std::uint64_t, float> experience_of;  // from the previous roster

  void add(Role role, Level level, std::uint32_t home, std::uint8_t dept, std::uint32_t index) {
    const std::uint64_t key = staff_key(role, level, home, index);
    Stream s(seed, Purpose::StaffInit, key, 0);
    const double base = role == Role::Mediator ? gov.mediators.skill : staff.skill;
    r.role.push_back(role);
    r.level.push_back(level);
    r.home.push_back(home);
    r.department.push_back(dept);
    r.key.push_back(key);
    r.skill.push_back(static_cast<float>(
        std::clamp(base + staff.skill_sd * s.normal(), staff.skill_min, staff.skill_max)));
    auto it = experience_of.find(key);
    r.experience.push_back(it != experience_of.end()
                               ? it->second
                               : static_cast<float>(s.exponential(staff.start_experience)));
  }
};

}  // namespace

Roster plan_queue_roster(std::uint32_t handlers, std::uint32_t street) {
  Roster r;
  const GovernanceConfig gov;
  const StaffBehaviour staff;
  RosterBuilder b{r, 0, gov, staff, {}};
  const Role roles[3] = {Role::GridWorker, Role::CommunityOfficial, Role::StreetOfficial};
  for (int l = 0; l < 3; ++l)
    for (std::uint32_t i = 0; i < handlers; ++i)
      b.add(roles[l], static_cast<Level>(l), street, 0, i);
  return r;
}

std::uint32_t spread_count(double rate, std::uint64_t i) {
  // A whole product such as 3 x (1/3) must not fall just short of its integer.
  constexpr double kSlack = 1e-9;
  return static_cast<std::uint32_t>(std::floor(double(i + 1) * rate + kSlack) -
                                    std::floor(double(i) * rate + kSlack));
}

double paid_hours(Role role, const GovernanceConfig& gov) {
  return role == Role::GridWorker ? gov.staffing.grid_worker_hours : gov.staffing.official_hours;
}

double case_share(Role role, const GovernanceConfig& gov, const StaffBehaviour& b) {
  switch (role) {
    case Role::GridWorker:
      return std::max(b.min_case_share, 1.0 - gov.admin_burden.grid_workers - b.rounds_share);
    case Role::CommunityOfficial:
    case Role::StreetOfficial: {
      // Party leadership merges meetings and forms away (paper, remedy 2): time for cases. The
      // paper reviews of waiting cases it holds (督办) take time too; cases the platform tracks
      // need none.
      const double reviews = gov.leadership * b.reviews_per_week * (1.0 - gov.platform.level) *
                             b.review_h / (kDaysPerWeek * gov.staffing.official_hours);
      return std::max(
          b.min_case_share,
          1.0 - gov.admin_burden.officials * (1.0 - b.leadership_admin_cut * gov.leadership) -
              reviews);
    }
    case Role::Mediator:
      return b.mediator_case_share;
    case Role::Counsellor:
      break;  // their desk's share is model.behaviour.people.counsellor_case_share
  }
  return 1.0;
}

std::vector<Branch> plan_branches(const City& city, std::uint32_t street,
                                  const GovernanceConfig& gov) {
  std::vector<Branch> out;
  if (gov.structure != Structure::Grid) return out;
  const auto k = static_cast<std::uint32_t>(gov.grids_per_branch);
  for (std::uint32_t c = city.street_first_community[street];
       c < city.street_first_community[street + 1]; ++c) {
    for (std::uint32_t g = city.community_first_grid[c]; g < city.community_first_grid[c + 1];
         g += k)
      out.push_back({c, g, std::min(g + k, city.community_first_grid[c + 1])});
  }
  return out;
}

Roster plan_roster(const City& city, std::uint32_t street, const std::vector<Branch>& branches,
                   const GovernanceConfig& gov, const StaffBehaviour& staff, std::uint64_t seed,
                   const Roster* previous) {
  Roster r;
  RosterBuilder b{r, seed, gov, staff, {}};
  if (previous)
    for (std::size_t i = 0; i < previous->size(); ++i)
      b.experience_of[previous->key[i]] = previous->experience[i];
  const StaffingConfig& st = gov.staffing;

  // Grid workers belong to their grid (fractions spread so that they add up); the branch they
  // serve in follows from the design, so they keep their identity when branches are redrawn.
  for (const Branch& br : branches)
    for (std::uint32_t g = br.first_grid; g < br.last_grid; ++g)
      for (std::uint32_t i = 0, n = spread_count(st.grid_workers_per_grid, g); i < n; ++i)
        b.add(Role::GridWorker, Level::Grid, g, 0, i);
  // Community officials and community mediators.
  for (std::uint32_t c = city.street_first_community[street];
       c < city.street_first_community[street + 1]; ++c) {
    const double want =
        st.community_officials_per_10k * double(city.community_population[c]) / kPerTenThousand;
    const auto n =
        std::max<std::uint32_t>(want > 0 ? 1u : 0u, static_cast<std::uint32_t>(std::lround(want)));
    for (std::uint32_t i = 0; i < n; ++i) b.add(Role::CommunityOfficial, Level::Community, c, 0, i);
    for (std::uint32_t i = 0, m = spread_count(gov.mediators.per_community, c); i < m; ++i)
      b.add(Role::Mediator, Level::Community, c, 0, i);
    for (std::uint32_t i = 0, m = spread_count(gov.counsellors.per_community, c); i < m; ++i)
      b.add(Role::Counsellor, Level::Community, c, 0, i);
  }
  // Street officials: departments under a fragmented design, one coordinated office otherwise.
  std::uint64_t street_pop = 0;
  for (std::uint32_t c = city.street_first_community[street];
       c < city.street_first_community[street + 1]; ++c)
    street_pop += city.community_population[c];
  const double want = st.street_officials_per_10k * double(street_pop) / kPerTenThousand;
  const auto n =
      std::max<std::uint32_t>(want > 0 ? 1u : 0u, static_cast<std::uint32_t>(std::lround(want)));
  const bool fragmented = gov.structure == Structure::Fragmented;
  const auto depts = static_cast<std::uint32_t>(fragmented ? gov.staffing.departments : 1);
  // A fragmented street office registers every report at its intake desk, staffed by some of
  // its officials (at least one, and at least one left for the departments).
  const double intake_want = st.intake_officials_per_10k * double(street_pop) / kPerTenThousand;
  const std::uint32_t intake =
      fragmented && n > 1 ? std::clamp<std::uint32_t>(
                                static_cast<std::uint32_t>(std::lround(intake_want)), 1, n - 1)
                          : 0;
  for (std::uint32_t i = 0; i < n; ++i)
    b.add(Role::StreetOfficial, Level::Street, street,
          i < intake ? kIntakeDepartment : static_cast<std::uint8_t>((i - intake) % depts), i);
  for (std::uint32_t i = 0, m = spread_count(gov.mediators.per_street, street); i < m; ++i)
    b.add(Role::Mediator, Level::Street, street, 0, i);
  for (std::uint32_t i = 0, m = spread_count(gov.counsellors.per_street, street); i < m; ++i)
    b.add(Role::Counsellor, Level::Street, street, 0, i);
  return r;
}

Roster plan_city_roster(const City& city, const GovernanceConfig& gov, const StaffBehaviour& staff,
                        std::uint64_t seed, const Roster* previous) {
  Roster r;
  RosterBuilder b{r, seed, gov, staff, {}};
  if (previous)
    for (std::size_t i = 0; i < previous->size(); ++i)
      b.experience_of[previous->key[i]] = previous->experience[i];
  const double want =
      gov.city_tier.officials_per_100k * double(city.residents) / kPerHundredThousand;
  const auto n =
      std::max<std::uint32_t>(want > 0 ? 1u : 0u, static_cast<std::uint32_t>(std::lround(want)));
  const auto depts = static_cast<std::uint32_t>(gov.city_tier.departments);
  for (std::uint32_t i = 0; i < n; ++i)
    b.add(Role::StreetOfficial, Level::City, 0, static_cast<std::uint8_t>(i % depts), i);
  return r;
}

}  // namespace govsim

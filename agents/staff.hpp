// Staff: grid workers (网格员), community officials (居委会), street-office officials (街道办)
// and professional mediators (专业民调). One roster per street office, as structure-of-arrays.
//
// A roster is planned from the city and the governance design. Each member has a stable key
// (role, level, home, index in home), so that when the design changes mid-run the people who stay
// keep their experience and their random draws.
#pragma once

#include <cstdint>
#include <vector>

#include "model/city.hpp"
#include "model/params.hpp"

namespace govsim {

enum class Role : std::uint8_t {
  GridWorker,
  CommunityOfficial,
  StreetOfficial,
  Mediator,
  Counsellor  // psychological counsellor (心理服务人员), MODEL.md 7.24
};
inline constexpr int kRoles = 5;

// The department number of street officials who staff the intake desk (fragmented design).
inline constexpr std::uint8_t kIntakeDepartment = 0xFF;

struct Roster {
  std::vector<Role> role;                // 1
  std::vector<Level> level;              // 1  grid, community, street or city
  std::vector<std::uint32_t> home;       // 4  grid (grid workers), community or street
  std::vector<std::uint8_t> department;  // 1  street officials under a fragmented design
  std::vector<std::uint64_t> key;        // 8  stable identity
  std::vector<float> skill;              // 4  0..1
  std::vector<float> experience;         // 4  cases handled

  std::size_t size() const { return role.size(); }
};

// A party branch (支部): k consecutive grids of one community, served by one pool of grid workers.
struct Branch {
  std::uint32_t community;
  std::uint32_t first_grid;
  std::uint32_t last_grid;  // one past
};

// Branches of one street under the design (empty under the fragmented design).
std::vector<Branch> plan_branches(const City& city, std::uint32_t street,
                                  const GovernanceConfig& gov);

// The street's roster under `gov`. Members whose key is in `previous` keep its experience.
Roster plan_roster(const City& city, std::uint32_t street, const std::vector<Branch>& branches,
                   const GovernanceConfig& gov, const StaffBehaviour& behaviour, std::uint64_t seed,
                   const Roster* previous);

// The city tier's roster under `gov` (MODEL.md 7.6): officials of the coordinating centre or of
// the city's departments, with the street officials' hours, costs and skills.
Roster plan_city_roster(const City& city, const GovernanceConfig& gov, const StaffBehaviour& staff,
                        std::uint64_t seed, const Roster* previous);

// Queue mode (validation): `handlers` handlers at each of the three levels.
Roster plan_queue_roster(std::uint32_t handlers, std::uint32_t street);

// Paid hours a day of a member of this role.
double paid_hours(Role role, const GovernanceConfig& gov);
// Share of paid time left for cases after meetings, paperwork and (grid workers) rounds. Work on
// a case goes on through the whole working day at this rate, so a case of E hours of effort
// takes E / share working hours.
double case_share(Role role, const GovernanceConfig& gov, const StaffBehaviour& behaviour);

// Whole persons for unit i when units share `rate` each: floor((i+1) r) - floor(i r), so
// fractional rates spread evenly (0.5 per community = one in every other community).
std::uint32_t spread_count(double rate, std::uint64_t i);

}  // namespace govsim

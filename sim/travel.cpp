// Travel for on-site work (docs/MODEL.md 7.25): each desk works from a base — a branch's grid
// workers from the centre of the branch's grids, a community office and its mediators from the
// centre of the community's grids, a street office and its mediators from the centre of the
// street's, the city tier from the centre of the city — and a handler who must go to the place
// walks or rides there and back at the role's speed on the street network. The round trip is
// part of the handler's work on the case; the handler responds on arriving.
#include "model/streams.hpp"
#include "sim/handling.hpp"

namespace govsim {

void HandlingUnit::place_bases() {
  comm_base_.clear();
  for (std::uint32_t k = c0_; k < c1_; ++k) comm_base_.push_back(community_office(city_, k));
  street_base_ = is_city() ? Place{} : street_office(city_, street_);
  city_base_ = city_centre(city_);
  branch_base_.clear();
  for (const Branch& b : branches_)
    branch_base_.push_back(grids_centre(city_, b.first_grid, b.last_grid));
}

double HandlingUnit::on_site_travel_h(const Pool& p, const Case& c) const {
  const SpaceConfig& sp = model_.space;
  if (!sp.travel) return 0;
  const auto visit = [&] {  // an official's case: on site for the tier's share
    Stream s(seed_, Purpose::SpaceVisit, c.id, c.attempts);
    return s.bernoulli(c.tier == Tier::Small ? sp.visit_small
                       : c.tier == Tier::Big ? sp.visit_big
                                             : sp.visit_hard);
  };
  const auto trip = [&](const Place& base, double kmh) {
    return round_trip_h(reach_km(city_, base, c.grid), kmh, sp.route_factor);
  };
  switch (p.kind) {
    case PoolKind::GridWorkers:
      return trip(branch_base_[branch_of_grid_[c.grid - g0_]], sp.walk_kmh);
    case PoolKind::CommunityMediators:
      return trip(comm_base_[p.home - c0_], sp.ebike_kmh);
    case PoolKind::StreetMediators:
      return trip(street_base_, sp.street_kmh);
    case PoolKind::Community:
      return visit() ? trip(comm_base_[p.home - c0_], sp.ebike_kmh) : 0.0;
    case PoolKind::Street:
      return visit() ? trip(street_base_, sp.street_kmh) : 0.0;
    case PoolKind::CityDepartment:
      return visit() ? trip(city_base_, sp.street_kmh) : 0.0;
    case PoolKind::Counsellors:  // they see the parties where they live, as mediators do
      return p.level == Level::Community ? trip(comm_base_[p.home - c0_], sp.ebike_kmh)
                                         : trip(street_base_, sp.street_kmh);
    case PoolKind::Volunteers:
    case PoolKind::Intake:
      break;
  }
  return 0;
}

double HandlingUnit::rounds_travel_h(std::uint32_t branch) const {
  const SpaceConfig& sp = model_.space;
  if (!sp.travel || branch >= branches_.size()) return 0;
  const Branch& b = branches_[branch];
  double h = 0;
  for (std::uint32_t g = b.first_grid; g < b.last_grid; ++g)
    h += round_trip_h(reach_km(city_, branch_base_[branch], g), sp.walk_kmh, sp.route_factor);
  return h;
}

}  // namespace govsim

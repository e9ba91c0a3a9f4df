// People (MODEL.md 7.24): a dispute's two parties, its escalation into an incident (民转刑), the
// same pair disputing again, and crisis cases for counsellors.
//
// The grid's side (who the other party is, raising what is due today) runs in the residents
// phase, one grid at a time. The unit's side runs inside the handling unit as events: an open
// dispute's escalation hazard rises with the time it stays unresolved and with its parties'
// grievance; a handler working the case, and a counsellor having seen the parties, thin it. An
// incident is a new case of the grid, raised the next day (counted once, when it arises), with a
// large effect on the security of both parties and their neighbours.
#include "sim/people.hpp"

#include <algorithm>
#include <cmath>

#include "engine/units.hpp"
#include "model/streams.hpp"
#include "sim/arrivals.hpp"
#include "sim/case_rules.hpp"

namespace govsim {

namespace {

// Draw indices of the PeopleParty stream of a dispute.
constexpr std::uint64_t kPartyDraw = 0;
constexpr std::uint64_t kCrisisDraw = 1;
constexpr std::uint64_t kIncidentDraw = 2;  // an incident's kind and life (stream of the incident)

bool is_family(std::uint8_t kind) { return kind == 1; }
bool is_neighbour(std::uint8_t kind) { return kind == 0; }

double outside_share(std::uint8_t kind, const PeopleBehaviour& p) {
  switch (kind) {
    case 2:
      return p.outside_damages;
    case 3:
      return p.outside_housing;
    case 4:
      return p.outside_other;
    default:
      return 0.0;
  }
}

}  // namespace

std::uint32_t draw_counterpart(const World& w, std::uint32_t g, std::uint64_t id,
                               std::uint32_t resident, std::uint8_t kind) {
  const std::uint64_t first = w.city.grid_first_resident[g];
  const std::uint64_t n = w.city.grid_first_resident[g + 1] - first;
  if (n < 2) return kNoParty;
  Stream s(w.scenario.run.seed, Purpose::PeopleParty, id, kPartyDraw);
  const PeopleBehaviour& p = w.scenario.model.behaviour.people;
  if (is_family(kind)) {  // another member of the household, if it has one
    const std::uint64_t h = std::clamp<std::uint64_t>(w.city.grid_households[g], 1, n);
    const std::uint64_t r = resident - first;
    const std::uint64_t k = household_of(r, n, h);
    const std::uint64_t a = household_start(k, n, h), b = household_start(k + 1, n, h);
    if (b - a < 2) return kNoParty;  // a relative living elsewhere
    const std::uint64_t pick = a + s.below(static_cast<std::uint32_t>(b - a - 1));
    return static_cast<std::uint32_t>(first + (pick >= r ? pick + 1 : pick));
  }
  if (is_neighbour(kind)) {  // one of the resident's neighbour ties
    const NeighbourNetwork& net = w.state.network;
    const std::uint32_t deg = net.degree(resident);
    if (deg > 0) return net.begin(resident)[s.below(deg)];
  } else if (s.bernoulli(outside_share(kind, p))) {
    return kNoParty;  // an employer, a business or a landlord living elsewhere
  }
  // Anyone else in the grid (a landlord or tenant, the other party of a damages claim).
  const std::uint64_t pick = s.below(static_cast<std::uint32_t>(n - 1));
  const std::uint64_t r = resident - first;
  return static_cast<std::uint32_t>(first + (pick >= r ? pick + 1 : pick));
}

void raise_people_cases(World& w, std::uint32_t g, std::size_t from, std::vector<NewCase>& out) {
  for (std::size_t i = from; i < out.size(); ++i)
    if (out[i].domain == Domain::Dispute)
      out[i].counterpart = draw_counterpart(w, g, out[i].id, out[i].resident, out[i].kind);
  std::vector<PendingCase>& due = w.state.pending_cases[g];
  if (due.empty()) return;
  const std::int64_t day = w.state.day;
  const double day_start = double(day) * kHoursPerDay;
  const PeopleBehaviour& p = w.scenario.model.behaviour.people;
  const ModelConfig& m = w.scenario.model;
  std::uint32_t incidents = 0, repeats = 0;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < due.size(); ++i) {
    const PendingCase pc = due[i];
    std::uint32_t& count = pc.incident ? incidents : repeats;
    if (pc.day > day || count >= kMaxCasesPerDomainDay) {  // not yet, or tomorrow
      due[kept++] = pc;
      continue;
    }
    const std::uint32_t block = pc.incident ? kIncidentBlock : kRepeatBlock;
    const std::uint64_t id =
        make_case_id(g, static_cast<std::uint32_t>(day), block * kMaxCasesPerDomainDay + count++);
    if (!pc.incident) {  // the pair disputes again: a dispute with the whole life of a new one
      NewCase n = draw_grid_case(w, g, id, pc.resident, Domain::Dispute);
      n.kind = pc.kind;
      n.counterpart = pc.counterpart;
      n.people = kRepeatDispute;
      out.push_back(n);
      continue;
    }
    // An incident: somebody calls for help at once; nobody settles it among themselves.
    Stream s(w.scenario.run.seed, Purpose::PeopleParty, id, kIncidentDraw);
    NewCase n{};
    n.id = id;
    n.resident = pc.resident;
    n.counterpart = pc.counterpart;
    n.domain = s.bernoulli(p.incident_emergency_share) ? Domain::Emergency : Domain::Safety;
    n.tier = Tier::Big;
    n.channel = Channel::Resident;
    n.t_arise = std::max(pc.t, day_start);
    n.t_report = n.t_arise;
    n.t_worsen1 = n.t_worsen2 = kInf;
    n.t_lapse = n.t_arise + s.exponential(m.lapse_mean_h);
    n.t_settle = kInf;
    n.people = kIncident;
    out.push_back(n);
  }
  due.resize(kept);
}

void add_people_day(const World& w, DayMetrics& d) {
  const UnitDay& u = w.today.city;
  d.incidents = u.incidents;
  d.repeat_disputes = u.repeat_disputes;
  d.crisis_disputes = u.crisis_disputes;
  d.counselled = u.counselled;
  d.incident_cases = u.incident_cases;
}

// ---------------------------------------------------------------------------------------------
// The unit's side

double HandlingUnit::party_grievance(const Case& c) const {
  const Residents& r = *ctx_.residents;
  double g = r.grievance(c.resident);
  if (c.counterpart != kNoParty) g = 0.5 * (g + r.grievance(c.counterpart));
  return g;
}

// The escalation hazard of a dispute open for tau hours, per hour:
//   h(tau) = base (1 + G_gain x grievance) (1 + time_gain x tau / 24),
// whose integral H(tau) = c (tau + a tau^2 / 2) is inverted for the next time H grows by an
// exponential(1) draw from `from` on. Draw n of the case's own stream.
void HandlingUnit::schedule_incident_check(const Case& c, std::uint32_t slot, double from,
                                           std::uint32_t n) {
  if (c.domain != Domain::Dispute || (c.people & kEscalated)) return;
  const PeopleBehaviour& p = model_.behaviour.people;
  const double rate = p.escalation_per_year / (kDaysPerYear * kHoursPerDay) *
                      (1.0 + p.escalation_grievance_gain * party_grievance(c));
  if (!(rate > 0)) return;
  const double a = p.escalation_time_gain / kHoursPerDay;
  const double tau0 = std::max(0.0, from - c.t_arise);
  Stream s(seed_, Purpose::PeopleEscalation, c.id, 2ull * n);
  const double target = rate * (tau0 + a * tau0 * tau0 / 2) + s.exponential(1.0);
  const double tau =
      a > 0 ? (-rate + std::sqrt(rate * rate + 2 * rate * a * target)) / (rate * a) : target / rate;
  if (!(c.t_arise + tau < c.t_lapse)) return;  // the case lapses first
  schedule(c.t_arise + tau, Ev::IncidentCheck, c.id, slot, n);
}

// At the drawn time, the hazard is thinned by what is being done about the dispute: a handler
// working it (mediation) and a counsellor's work. A thinned check draws the next one.
void HandlingUnit::on_incident_check(Case& c, std::uint32_t slot, std::uint32_t n, double t) {
  if (c.domain != Domain::Dispute || (c.people & kEscalated)) return;
  const PeopleBehaviour& p = model_.behaviour.people;
  const bool worked = c.state == CaseState::InService || c.state == CaseState::Processing;
  const double keep = (worked ? 1.0 - p.mediation_cut : 1.0) *
                      ((c.people & kCounselled) ? 1.0 - p.counselling_cut : 1.0);
  Stream s(seed_, Purpose::PeopleEscalation, c.id, 2ull * n + 1);
  if (!s.bernoulli(keep)) {
    schedule_incident_check(c, slot, t, n + 1);
    return;
  }
  c.people |= kEscalated;
  ++day_.incidents;
  ++(*ctx_.grid_totals)[c.grid].incidents;
  const auto day = static_cast<std::int64_t>(std::floor(t / kHoursPerDay)) + 1;
  (*ctx_.pending)[c.grid].push_back(PendingCase{day, t, c.resident, c.counterpart, c.kind, 1});
  // Both parties are harmed and strained; their neighbours feel less safe.
  std::vector<Feedback>& fb = (*ctx_.feedback)[c.grid];
  const auto harm = static_cast<float>(-p.incident_security);
  const auto strain = static_cast<float>(p.incident_hardship);
  const NeighbourNetwork& net = *ctx_.network;
  for (std::uint32_t who : {c.resident, c.counterpart}) {
    if (who == kNoParty) continue;
    fb.push_back(Feedback{who, 0.0f, strain, harm, false});
    for (const std::uint32_t* it = net.begin(who); it != net.end(who); ++it)
      fb.push_back(Feedback{*it, 0.0f, 0.0f, harm, false});
  }
}

// Both parties carry the dispute's strain for as long as it was open; the other party feels its
// outcome as the resident does. The same pair may take it up again: an agreement that fails
// (relapse), or a dispute closed unsettled or dropped that flares up again.
void HandlingUnit::people_on_close(const Case& c, double t, bool dropped, bool settled,
                                   float hardship) {
  if (c.domain != Domain::Dispute) return;
  const PeopleBehaviour& p = model_.behaviour.people;
  const auto strain =
      static_cast<float>(p.open_strain * std::max(0.0, t - c.t_arise) / kHoursPerDay);
  std::vector<Feedback>& fb = (*ctx_.feedback)[c.grid];
  fb.push_back(Feedback{c.resident, 0.0f, strain, 0.0f, false});
  if (c.counterpart != kNoParty)
    fb.push_back(Feedback{c.counterpart, 0.0f, strain + hardship, 0.0f, false});
  Stream s(seed_, Purpose::PeopleRepeat, c.id, 0);
  const double again = settled && !dropped ? p.relapse_share : p.repeat_share;
  if (!s.bernoulli(again)) return;
  const double at = t + s.exponential(p.repeat_delay_days * kHoursPerDay);
  const auto day = static_cast<std::int64_t>(std::floor(at / kHoursPerDay));
  (*ctx_.pending)[c.grid].push_back(PendingCase{day, at, c.resident, c.counterpart, c.kind, 0});
}

// A reported dispute is a crisis if either party's grievance is high, or (a draw) by the crisis
// share, more for family disputes (family violence) and for a pair that disputed before.
bool HandlingUnit::crisis(const Case& c) const {
  if (c.domain != Domain::Dispute) return false;
  const PeopleBehaviour& p = model_.behaviour.people;
  const Residents& r = *ctx_.residents;
  if (r.grievance(c.resident) > p.crisis_grievance) return true;
  if (c.counterpart != kNoParty && r.grievance(c.counterpart) > p.crisis_grievance) return true;
  Stream s(seed_, Purpose::PeopleParty, c.id, kCrisisDraw);
  return s.bernoulli(p.crisis_share + (is_family(c.kind) ? p.crisis_family_share : 0.0) +
                     ((c.people & kRepeatDispute) ? p.crisis_repeat_share : 0.0));
}

// The counsellor has seen the parties: part of both parties' strain eases, and the dispute's
// escalation hazard is cut from now on (on_incident_check).
void HandlingUnit::finish_counselling(Case& c) {
  c.people = static_cast<std::uint8_t>((c.people & ~kNeedsCounsel) | kCounselled);
  ++day_.counselled;
  const PeopleBehaviour& p = model_.behaviour.people;
  const Residents& r = *ctx_.residents;
  std::vector<Feedback>& fb = (*ctx_.feedback)[c.grid];
  for (std::uint32_t who : {c.resident, c.counterpart})
    if (who != kNoParty)
      fb.push_back(Feedback{who, 0.0f, static_cast<float>(-p.counselling_relief * r.hardship[who]),
                            0.0f, false});
}

}  // namespace govsim

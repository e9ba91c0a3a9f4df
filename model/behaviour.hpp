// The model's behavioural coefficients: every number that shapes how residents, volunteers, staff
// and cases behave, named, with its unit, valid range, default and source grade, so that `--set`,
// `changes:`, sweeps and sensitivity analysis reach each one and `govsim keys` lists it.
//
// The defaults are the values the model was built and calibrated with (docs/CALIBRATION.md);
// most are grade C (a modeller's assumption), and say so. Pure numerics (bin counts, hash
// constants, units such as hours in a day) are not here: they live in engine/units.hpp.
#pragma once

#include "engine/schema.hpp"

namespace govsim {

// How visible a problem of each domain is to someone walking the grid (1 = always seen).
struct DomainVisibility {
  double dispute = 0.3;
  double administrative = 0.05;
  double livelihood = 0.3;
  double environment = 1.0;
  double safety = 0.8;
  double emergency = 1.0;

  double operator[](int d) const {
    const double v[6] = {dispute, administrative, livelihood, environment, safety, emergency};
    return v[d];
  }
};

template <class V>
void describe(V& v, DomainVisibility& d) {
  const FieldDoc doc{"0-1", "", "C: a quarrel or a form is rarely seen from the street; litter is"};
  v.number("dispute", d.dispute, 0, 1, doc.with("disputes seen by a patrol"));
  v.number("administrative", d.administrative, 0, 1, doc.with("administrative needs"));
  v.number("livelihood", d.livelihood, 0, 1, doc.with("livelihood and welfare needs"));
  v.number("environment", d.environment, 0, 1, doc.with("environment and sanitation problems"));
  v.number("safety", d.safety, 0, 1, doc.with("public-safety hazards"));
  v.number("emergency", d.emergency, 0, 1, doc.with("emergencies"));
}

// Detection: how problems come to the system's notice before anyone reports them.
struct DetectionConfig {
  DomainVisibility visibility;
  double cover_hours_per_1k = 4.0;    // patrol hours to walk a grid of 1 000 residents once
  double volunteer_base = 0.4;        // detection efficiency of an untrained volunteer
  double volunteer_training = 0.6;    // added at full training
  double procedures_factor = 1.2;     // with standard procedures
  double rounds_dilution = 0.05;      // efficiency lost per extra grid in a branch
  double rounds_floor = 0.2;          // lowest efficiency of diluted rounds
  double sensor_rate_per_h = 0.5;     // sensor detections per hour at full platform
  double emergency_report = 0.97;     // share of emergencies someone reports
  double emergency_delay_h = 0.2;     // mean delay of an emergency report
  double platform_report_cut = 0.85;  // share of a resident's report delay a full platform removes
  double neighbour_watch_per_day =
      0.5;  // neighbours' reports of a visible problem, participation 1
};

template <class V>
void describe(V& v, DetectionConfig& d) {
  v.group("visibility", d.visibility, "how visible a problem of each domain is on patrol");
  v.number("cover_hours_per_1k", d.cover_hours_per_1k, 0.01, 1000,
           {"h", "patrol hours to walk a grid of 1 000 residents once", "C"});
  v.number("volunteer_base", d.volunteer_base, 0, 10,
           {"", "patrol efficiency of an untrained volunteer", "C: paper, problem 3"});
  v.number("volunteer_training", d.volunteer_training, 0, 10,
           {"", "patrol efficiency added by full training", "C: paper, problem 3"});
  v.number("procedures_factor", d.procedures_factor, 0, 10,
           {"", "patrol efficiency multiplier with standard procedures", "C"});
  v.number("rounds_dilution", d.rounds_dilution, 0, 1,
           {"1/grid", "rounds efficiency lost per extra grid a branch covers", "C"});
  v.number("rounds_floor", d.rounds_floor, 0, 1, {"", "lowest efficiency of diluted rounds", "C"});
  v.number("sensor_rate_per_h", d.sensor_rate_per_h, 0, 100,
           {"1/h", "sensor detections of a hazard per hour at platform level 1", "C"});
  v.number("emergency_report", d.emergency_report, 0, 1,
           {"probability", "an emergency is reported by someone", "C"});
  v.number("emergency_delay_h", d.emergency_delay_h, 0, 100,
           {"h", "mean delay of an emergency report", "C"});
  v.number(
      "platform_report_cut", d.platform_report_cut, 0, 1,
      {"share", "of a resident's report delay that a full platform removes", "C: paper, remedy 4"});
  v.number("neighbour_watch_per_day", d.neighbour_watch_per_day, 0, 100,
           {"1/day",
            "rate at which neighbours who take part in co-governance report a fully visible "
            "problem they see in their grid, at participation 1 (scaled by participation)",
            "C: paper, remedy 2"});
}

// Routing: how a case reaches its handler and moves between bodies (MODEL.md 7.6). A referral
// from one body to another travels on the platform (for the share of cases the platform carries)
// or on paper with the office's next document run; a classifier who cannot tell whose duty a
// case is picks among the candidate bodies at random; a receiving level may dispute that a case
// is its own and send it back.
struct RoutingBehaviour {
  double paper_runs_per_day = 2;        // document runs between offices, spread over the shift
  double platform_notice_h = 0.25;      // mean time for a referral on the platform to be read
  double intake_effort_h = 0.3;         // registering and classifying a case at an intake desk
  double misroute_unclear = 0.5;        // classifier unsure whose duty it is, no duties fixed
  double level_dispute = 0.12;          // a level disputes that a case is its own, no duties fixed
  double platform_bounce_cut = 0.5;     // share of both that a full platform's shared records stop
  double lost_on_bounce = 0.12;         // a bounced case lost in paperwork, no platform
  double volunteer_queue_per_duty = 2;  // waiting cases per volunteer on duty before the worker
  double cross_street_share = 0.03;     // cases at a street office that concern other streets too
};

template <class V>
void describe(V& v, RoutingBehaviour& r) {
  v.number("paper_runs_per_day", r.paper_runs_per_day, 1, 24,
           {"1/day",
            "document runs between offices, evenly spread over the working day; a paper "
            "referral waits for the next one",
            "C: twice a day, morning and early afternoon"});
  v.number("platform_notice_h", r.platform_notice_h, 0, 100,
           {"h", "mean time for a referral sent on the platform to be read", "C"});
  v.number("intake_effort_h", r.intake_effort_h, 0, 100,
           {"h", "working time to register and classify a case at an intake desk", "C"});
  v.number("misroute_unclear", r.misroute_unclear, 0, 1,
           {"probability",
            "at legal clarity 0, a classifier cannot tell which of several bodies a case belongs "
            "to and picks one at random",
            "C: paper, problems 1 and 4"});
  v.number("level_dispute", r.level_dispute, 0, 1,
           {"probability",
            "at legal clarity 0, the receiving level disputes that a case is its own and sends it "
            "back",
            "C: paper, problem 4"});
  v.number("platform_bounce_cut", r.platform_bounce_cut, 0, 1,
           {"share", "of misroutes and disputes a full platform's shared records prevent", "C"});
  v.number("lost_on_bounce", r.lost_on_bounce, 0, 1,
           {"probability", "a bounced case is lost in paperwork without a platform", "C"});
  v.number(
      "volunteer_queue_per_duty", r.volunteer_queue_per_duty, 0, 100,
      {"cases", "waiting per volunteer on duty before small matters go to the grid worker", "C"});
  v.number("cross_street_share", r.cross_street_share, 0, 1,
           {"probability",
            "a case handled at a street office concerns other street offices too (a boundary, a "
            "polluter upstream, a firm in another street), so that one street office cannot close "
            "it; it goes to the city tier where there is one",
            "C"});
}

// Working time a case takes, as multipliers on the tier's effort.
struct EffortBehaviour {
  double unskilled = 1.3;               // multiplier for a handler of skill 0
  double skill_cut = 0.6;               // removed at skill 1 (staff)
  double volunteer_training_cut = 0.3;  // removed at full training (volunteers)
  double travel_per_grid = 0.06;        // extra per additional grid a branch covers
  double mediator = 0.9;                // professional mediators' multiplier
  double overreach = 0.3;               // extra at officials' desks with no duties fixed
  double process_sigma = 0.8;           // lognormal sigma of the elapsed process time
  double platform_process_cut = 0.3;    // share of the process time a full platform removes
};

template <class V>
void describe(V& v, EffortBehaviour& e) {
  v.number("unskilled", e.unskilled, 0, 10,
           {"", "working-time multiplier of a handler with no skill", "C"});
  v.number("skill_cut", e.skill_cut, 0, 10,
           {"", "removed from the multiplier at skill 1 (staff)", "C"});
  v.number("volunteer_training_cut", e.volunteer_training_cut, 0, 10,
           {"", "removed from a volunteer's multiplier at full training", "C"});
  v.number("travel_per_grid", e.travel_per_grid, 0, 10,
           {"1/grid",
            "extra working time per additional grid of a branch (travel, less "
            "knowledge of households)",
            "C: paper, remedy 1"});
  v.number("mediator", e.mediator, 0, 10,
           {"", "working-time multiplier of professional mediators", "C"});
  v.number("overreach", e.overreach, 0, 10,
           {"",
            "extra working time at officials' desks when no duties are fixed (layers "
            "interfering)",
            "C: paper, problem 4"});
  v.number("process_sigma", e.process_sigma, 0, 5,
           {"", "lognormal sigma of the time spent waiting on parties and paperwork", "C"});
  v.number("platform_process_cut", e.platform_process_cut, 0, 1,
           {"share", "of the process time a full platform removes", "C: paper, remedy 4"});
}

// Chance that an attempt settles the case, by handler.
struct SuccessBehaviour {
  double out_of_depth = 0.35;   // multiplier for a case above the handler's tier
  double volunteer_task = 0.7;  // volunteers on a small task, untrained
  double volunteer_task_training = 0.15;
  double volunteer_mediation = 0.35;  // volunteers' first-line mediation, untrained
  double volunteer_mediation_training = 0.25;
  double volunteer_procedures = 0.1;
  double volunteer_experience = 0.12;  // added with experience, saturating
  double volunteer_experience_cases = 20;
  double volunteer_cap = 0.9;
  double mediator_experience = 0.1;  // added to a mediator's skill with experience
  double mediator_experience_cases = 30;
  double mediator_cap = 0.95;
  double mediator_other = 0.85;  // mediators on a case that is not a dispute
  double staff_dispute = 0.4;    // staff mediating a dispute, skill 0
  double staff_dispute_skill = 0.2;
  double staff_task = 0.78;  // staff on any other case, skill 0
  double staff_task_skill = 0.1;
  double staff_task_legal = 0.07;
};

template <class V>
void describe(V& v, SuccessBehaviour& s) {
  const FieldDoc p{"probability", "", "C"};
  v.number("out_of_depth", s.out_of_depth, 0, 1,
           {"", "success multiplier for a case above the handler's level", "C"});
  v.number("volunteer_task", s.volunteer_task, 0, 1,
           p.with("an untrained volunteer fixes a small matter other than a dispute"));
  v.number("volunteer_task_training", s.volunteer_task_training, 0, 1,
           p.with("added to that at full training"));
  v.number("volunteer_mediation", s.volunteer_mediation, 0, 1,
           {"probability", "an untrained volunteer settles a first-line mediation",
            "C: Wissler 2002, experience over training"});
  v.number("volunteer_mediation_training", s.volunteer_mediation_training, 0, 1,
           p.with("added to a volunteer's mediation at full training"));
  v.number("volunteer_procedures", s.volunteer_procedures, 0, 1,
           p.with("added to a volunteer's mediation with standard procedures"));
  v.number("volunteer_experience", s.volunteer_experience, 0, 1,
           p.with("added to a volunteer's mediation with long experience (saturating)"));
  v.number("volunteer_experience_cases", s.volunteer_experience_cases, 0.01, 10000,
           {"cases", "experience scale of that gain", "C"});
  v.number("volunteer_cap", s.volunteer_cap, 0, 1, p.with("highest volunteer mediation success"));
  v.number("mediator_experience", s.mediator_experience, 0, 1,
           {"probability", "added to a professional mediator's skill with long experience",
            "C: Wissler 2002"});
  v.number("mediator_experience_cases", s.mediator_experience_cases, 0.01, 10000,
           {"cases", "experience scale of that gain", "C"});
  v.number("mediator_cap", s.mediator_cap, 0, 1, p.with("highest mediator success"));
  v.number("mediator_other", s.mediator_other, 0, 1,
           p.with("a mediator settles a case that is not a dispute"));
  v.number("staff_dispute", s.staff_dispute, 0, 1,
           p.with("an official or grid worker of skill 0 settles a dispute"));
  v.number("staff_dispute_skill", s.staff_dispute_skill, 0, 1, p.with("added at skill 1"));
  v.number("staff_task", s.staff_task, 0, 1,
           p.with("an official or grid worker of skill 0 settles any other case"));
  v.number("staff_task_skill", s.staff_task_skill, 0, 1, p.with("added at skill 1"));
  v.number("staff_task_legal", s.staff_task_legal, 0, 1, p.with("added with duties fixed in law"));
}

// What a closed or worsening case does to its resident: satisfaction in [-1, 1] and a change of
// hardship. The weight of a case grows with its tier (1/3, 2/3, 1).
struct OutcomeBehaviour {
  double dropped_satisfaction = -0.8;
  double dropped_hardship = 0.08;        // x tier weight
  double unsettled_satisfaction = -0.3;  // closed without settling (the street office's verdict)
  double late_penalty = 0.6;             // per deadline's length taken
  double late_cap = 1.5;                 // deadlines' lengths counted at most
  double bounce_penalty = 0.1;           // per bounce
  double settled_hardship = -0.12;       // x tier weight
  double unsettled_hardship = 0.04;      // x tier weight
  double worsen_satisfaction = -0.1;     // each time an open case grows a tier
  double worsen_hardship = 0.04;
};

template <class V>
void describe(V& v, OutcomeBehaviour& o) {
  v.number("dropped_satisfaction", o.dropped_satisfaction, -1, 1,
           {"-1..1", "satisfaction of a resident whose case lapsed or was lost", "C"});
  v.number("dropped_hardship", o.dropped_hardship, -1, 1,
           {"", "hardship added by a dropped case (x tier weight)", "C"});
  v.number("unsettled_satisfaction", o.unsettled_satisfaction, -1, 1,
           {"-1..1", "satisfaction before lateness of a case closed unsettled", "C"});
  v.number("late_penalty", o.late_penalty, 0, 10,
           {"", "satisfaction lost per deadline's length the case took", "C: Van Ryzin 2006"});
  v.number("late_cap", o.late_cap, 0, 100, {"", "deadlines' lengths counted at most", "C"});
  v.number("bounce_penalty", o.bounce_penalty, 0, 10,
           {"", "satisfaction lost per jurisdiction bounce", "C"});
  v.number("settled_hardship", o.settled_hardship, -1, 1,
           {"", "hardship change of a settled case (x tier weight)", "C"});
  v.number("unsettled_hardship", o.unsettled_hardship, -1, 1,
           {"", "hardship change of a case closed unsettled (x tier weight)", "C"});
  v.number("worsen_satisfaction", o.worsen_satisfaction, -1, 1,
           {"-1..1", "felt by the resident each time an open case grows a tier", "C"});
  v.number("worsen_hardship", o.worsen_hardship, -1, 1,
           {"", "hardship added each time an open case grows a tier", "C"});
}

// Trust (legitimacy): expectancy-disconfirmation on own cases (Van Ryzin 2006), a slow pull
// toward an anchor set by the grid's service record, and neighbours' accounts of their cases.
struct TrustBehaviour {
  double surprise_weight = 0.5;   // weight of performance above expectation
  double expectation_rate = 0.3;  // how far expectations move toward one experience
  double anchor_rate = 0.01;      // daily pull of trust toward its anchor
  double anchor_base = 0.2;
  double anchor_service = 0.25;
  double service_per_case = 0.05;  // weight of one closed case in the grid's service record
  double listeners_per_case = 10;  // residents who hear how one closed case went
  double spillover_cap = 0.05;     // largest daily neighbour effect on trust
};

template <class V>
void describe(V& v, TrustBehaviour& t) {
  v.number("surprise_weight", t.surprise_weight, 0, 10,
           {"", "weight on trust of performance above expectation", "C: Van Ryzin 2006"});
  v.number("expectation_rate", t.expectation_rate, 0, 1,
           {"", "share of the gap to one experience that expectations close", "C"});
  v.number("anchor_rate", t.anchor_rate, 0, 1,
           {"1/day", "daily pull of trust toward its anchor", "C"});
  v.number("anchor_base", t.anchor_base, 0, 1, {"0-1", "trust anchor with nothing else", "C"});
  v.number("anchor_service", t.anchor_service, 0, 1,
           {"", "added to the anchor by a perfect service record in the grid", "C"});
  v.number("service_per_case", t.service_per_case, 0, 1,
           {"", "weight of one closed case in the grid's service record (EWMA)", "C"});
  v.number(
      "listeners_per_case", t.listeners_per_case, 0, 10000,
      {"persons", "residents of the grid who hear how one closed case went (family, neighbours)",
       "B/C: word of mouth, 9-15 people told of a bad experience (TARP 1986)"});
  v.number("spillover_cap", t.spillover_cap, 0, 1,
           {"1/day", "largest daily effect of neighbours' accounts on trust", "C"});
}

// The three senses (获得感, 幸福感, 安全感) and what they adapt toward.
struct SensesBehaviour {
  double gain_per_case = 0.2;  // x satisfaction, on the resident's own case
  double gain_trust = 0.45;    // target: x trust
  double gain_service = 0.55;  // target: x the grid's service record
  double happiness_base = 0.9;
  double happiness_disputes = 0.25;  // x dispute exposure
  double happiness_grievance = 0.8;  // x grievance
  double security_base = 0.95;
  double security_hazards = 0.5;    // x hazard exposure
  double security_disputes = 0.2;   // x dispute exposure
  double security_grievance = 0.2;  // x grievance
  double hazard_reach = 150;  // residents living close enough to one open hazard to be exposed
  double dispute_reach = 30;  // residents who live beside one open dispute
  double hazard_harm = 0.1;   // security lost by a resident harmed by an unhandled hazard
};

template <class V>
void describe(V& v, SensesBehaviour& s) {
  v.number("gain_per_case", s.gain_per_case, 0, 1,
           {"", "sense of gain moved by a resident's own case, x its satisfaction", "C"});
  v.number("gain_trust", s.gain_trust, 0, 2, {"", "target sense of gain, x trust", "C"});
  v.number("gain_service", s.gain_service, 0, 2,
           {"", "target sense of gain, x the grid's service record", "C"});
  v.number("happiness_base", s.happiness_base, 0, 2, {"0-1", "target happiness at best", "C"});
  v.number("happiness_disputes", s.happiness_disputes, 0, 2,
           {"", "target happiness lost as exposure to open disputes approaches certainty", "C"});
  v.number("happiness_grievance", s.happiness_grievance, 0, 2,
           {"", "target happiness lost per unit grievance", "C"});
  v.number("security_base", s.security_base, 0, 2, {"0-1", "target security at best", "C"});
  v.number("security_hazards", s.security_hazards, 0, 2,
           {"", "target security lost as exposure to open hazards approaches certainty", "C"});
  v.number("security_disputes", s.security_disputes, 0, 2,
           {"", "target security lost as exposure to open disputes approaches certainty", "C"});
  v.number("security_grievance", s.security_grievance, 0, 2,
           {"", "target security lost per unit grievance", "C"});
  v.number("hazard_reach", s.hazard_reach, 0, 100000,
           {"persons",
            "residents near one open hazard (a building or courtyard); exposure = open hazards x "
            "reach / residents, felt as 1 - exp(-exposure)",
            "C: one residential building, about 60 households"});
  v.number(
      "dispute_reach", s.dispute_reach, 0, 100000,
      {"persons", "residents who live beside one open dispute (same floor or courtyard)", "C"});
  v.number("hazard_harm", s.hazard_harm, 0, 1,
           {"0-1",
            "security lost by the resident whose own hazard was dropped unhandled (lapsed, "
            "forgotten or lost)",
            "C"});
}

// Whether residents bring their own problems forward.
struct ReportingBehaviour {
  double trust_base = 0.6;      // multiplier at trust 0
  double trust_gain = 0.8;      // added at trust 1
  double platform_reach = 0.5;  // added at platform level 1 (a channel in every pocket)
  double cap = 0.98;
  double elderly = 1.15;          // propensity multiplier of elderly residents
  double migrant = 0.8;           // of migrants (weaker ties to the committee)
  double propensity_sigma = 0.3;  // lognormal spread of propensity between residents
};

template <class V>
void describe(V& v, ReportingBehaviour& r) {
  v.number("trust_base", r.trust_base, 0, 10, {"", "report multiplier at trust 0", "C"});
  v.number("trust_gain", r.trust_gain, 0, 10, {"", "added to it at trust 1", "C"});
  v.number("platform_reach", r.platform_reach, 0, 10,
           {"", "report multiplier added at platform level 1", "C: paper, remedy 4"});
  v.number("cap", r.cap, 0, 1, {"probability", "highest chance of reporting", "C"});
  v.number("elderly", r.elderly, 0, 10, {"", "propensity multiplier of elderly residents", "C"});
  v.number("migrant", r.migrant, 0, 10, {"", "propensity multiplier of migrants", "C"});
  v.number("propensity_sigma", r.propensity_sigma, 0, 5,
           {"", "lognormal spread of report propensity between residents", "C"});
}

// Residents as they are at the start of a run.
struct ResidentStart {
  double hardship_old_compound = 0.30;  // median hardship in old compounds
  double hardship = 0.22;               // median hardship elsewhere
  double hardship_sigma = 0.5;
  double hardship_floor = 0.2;  // hardship relaxes toward this
  double trust = 0.55;
  double trust_sd = 0.12;
  double migrant_trust_gap = 0.05;
  double expectation = 0.5;
  double gain = 0.5;
  double happiness = 0.55;
  double security = 0.6;
  double sense_sd = 0.1;  // spread of expectation and the three senses
};

template <class V>
void describe(V& v, ResidentStart& r) {
  v.number("hardship_old_compound", r.hardship_old_compound, 0, 1,
           {"0-1", "median starting hardship in old compounds", "C"});
  v.number("hardship", r.hardship, 0, 1, {"0-1", "median starting hardship elsewhere", "C"});
  v.number("hardship_sigma", r.hardship_sigma, 0, 5,
           {"", "lognormal spread of starting hardship", "C"});
  v.number("hardship_floor", r.hardship_floor, 0, 1,
           {"0-1", "level hardship relaxes toward (see model.grievance_decay)", "C"});
  v.number("trust", r.trust, 0, 1, {"0-1", "mean starting trust", "C"});
  v.number("trust_sd", r.trust_sd, 0, 1, {"", "spread of starting trust", "C"});
  v.number("migrant_trust_gap", r.migrant_trust_gap, 0, 1,
           {"", "migrants' starting trust below the others'", "C"});
  v.number("expectation", r.expectation, 0, 1, {"0-1", "mean starting expectation", "C"});
  v.number("gain", r.gain, 0, 1, {"0-1", "mean starting sense of gain", "C"});
  v.number("happiness", r.happiness, 0, 1, {"0-1", "mean starting happiness", "C"});
  v.number("security", r.security, 0, 1, {"0-1", "mean starting security", "C"});
  v.number("sense_sd", r.sense_sd, 0, 1, {"", "spread of starting expectation and senses", "C"});
}

// Volunteers: duty, motivation, quitting and recruitment.
struct VolunteerBehaviour {
  double session_h = 3.0;             // a duty session
  double recruit_gap_per_day = 0.01;  // share of the gap to the target the community closes a day
  double start_experience = 15;       // mean experience (cases) of the first volunteers
  double start_motivation = 0.5;      // lowest starting motivation
  double start_motivation_spread = 0.4;
  double recruit_motivation = 0.6;  // lowest motivation of a recruit
  double recruit_motivation_spread = 0.3;
  double shared_branch_pull = 0.7;  // leadership's pull that a branch shared by many grids keeps
  double own_branch_pull = 0.3;     // added by a branch of the grid's own (/ grids per branch)
  double recognition_base = 0.3;
  double recognition_leadership = 0.4;
  double recognition_procedures = 0.2;
  double recognition_training = 0.1;
  double motivation_rate = 0.02;       // daily pull of motivation toward recognition
  double load_decay = 0.9;             // daily share of recent load kept
  double load_wear = 0.01;             // motivation lost per recent case a day
  double quit_motivation = 0.7;        // motivation at which the quit hazard is the base
  double quit_slope = 2.5;             // exponential slope of the quit hazard below it
  double recruit_leadership = 0.3;     // organic recruitment multiplier at leadership 0
  double recruit_participation = 0.5;  // and at participation 0
  double gap_leadership = 0.5;         // gap-closing multiplier at leadership 0
};

template <class V>
void describe(V& v, VolunteerBehaviour& b) {
  v.number("session_h", b.session_h, 0.1, 24, {"h", "a volunteer's duty session", "C"});
  v.number("recruit_gap_per_day", b.recruit_gap_per_day, 0, 1,
           {"1/day", "share of the gap to the target the community closes a day", "C"});
  v.number("start_experience", b.start_experience, 0, 10000,
           {"cases", "mean experience of the volunteers at the start", "C"});
  v.number("start_motivation", b.start_motivation, 0, 1,
           {"0-1", "lowest starting motivation", "C"});
  v.number("start_motivation_spread", b.start_motivation_spread, 0, 1,
           {"", "uniform spread above it", "C"});
  v.number("recruit_motivation", b.recruit_motivation, 0, 1,
           {"0-1", "lowest motivation of a new recruit", "C"});
  v.number("recruit_motivation_spread", b.recruit_motivation_spread, 0, 1,
           {"", "uniform spread above it", "C"});
  v.number("shared_branch_pull", b.shared_branch_pull, 0, 1,
           {"", "share of leadership's pull on volunteers that any branch has", "C"});
  v.number("own_branch_pull", b.own_branch_pull, 0, 1,
           {"", "added by a branch in every grid (一格一支部), divided by the grids per branch",
            "C: paper, remedy 1"});
  v.number("recognition_base", b.recognition_base, 0, 2,
           {"", "recognition with nothing else", "C"});
  v.number("recognition_leadership", b.recognition_leadership, 0, 2,
           {"", "recognition added at full leadership", "C"});
  v.number("recognition_procedures", b.recognition_procedures, 0, 2,
           {"", "recognition added by standard procedures", "C"});
  v.number("recognition_training", b.recognition_training, 0, 2,
           {"", "recognition added at full training", "C"});
  v.number("motivation_rate", b.motivation_rate, 0, 1,
           {"1/day", "daily pull of motivation toward recognition", "C"});
  v.number("load_decay", b.load_decay, 0, 1,
           {"share/day", "of a volunteer's recent load kept from one day to the next", "C"});
  v.number("load_wear", b.load_wear, 0, 1,
           {"1/case-day", "motivation lost per case of recent load, a day", "C"});
  v.number("quit_motivation", b.quit_motivation, 0, 1,
           {"0-1", "motivation at which the quit hazard equals model.volunteer_quit_base",
            "C: Hager & Brudney 2004 retention"});
  v.number("quit_slope", b.quit_slope, 0, 100,
           {"", "exponential slope of the quit hazard in motivation", "C"});
  v.number("recruit_leadership", b.recruit_leadership, 0, 10,
           {"", "organic recruitment multiplier at leadership 0 (plus leadership)", "C"});
  v.number("recruit_participation", b.recruit_participation, 0, 10,
           {"", "organic recruitment multiplier at participation 0 (plus participation)", "C"});
  v.number("gap_leadership", b.gap_leadership, 0, 10,
           {"", "gap-closing multiplier at leadership 0 (plus leadership)", "C"});
}

// Staff: skills, experience and time.
struct StaffBehaviour {
  double skill = 0.7;  // mean skill of officials and grid workers
  double skill_sd = 0.08;
  double skill_min = 0.05;
  double skill_max = 0.99;
  double start_experience = 40;  // mean experience (cases) at the start
  double rounds_share = 0.3;     // share of a grid worker's paid time spent on rounds
  double min_case_share = 0.05;  // share of paid time left for cases, at the least
  double mediator_case_share = 0.9;
  double leadership_admin_cut = 0.3;  // share of officials' meetings and paperwork merged away
  double reviews_per_week = 2;        // paper reviews of waiting cases by the level above, L = 1
  double review_h = 1;                // officials' working time one such review takes
};

template <class V>
void describe(V& v, StaffBehaviour& s) {
  v.number(
      "skill", s.skill, 0, 1,
      {"0-1", "mean skill of officials and grid workers (mediators: governance.mediators.skill)",
       "C"});
  v.number("skill_sd", s.skill_sd, 0, 1, {"", "spread of skill between staff", "C"});
  v.number("skill_min", s.skill_min, 0, 1, {"0-1", "lowest skill", "C"});
  v.number("skill_max", s.skill_max, 0, 1, {"0-1", "highest skill", "C"});
  v.number("start_experience", s.start_experience, 0, 10000,
           {"cases", "mean experience of staff at the start", "C"});
  v.number("rounds_share", s.rounds_share, 0, 0.95,
           {"share", "of a grid worker's paid time spent on rounds (detection) rather than cases",
            "C: grid workers' duty lists"});
  v.number("min_case_share", s.min_case_share, 0, 1,
           {"share", "of paid time left for cases whatever the admin burden", "C"});
  v.number("mediator_case_share", s.mediator_case_share, 0, 1,
           {"share", "of a professional mediator's paid time spent on cases", "C"});
  v.number("leadership_admin_cut", s.leadership_admin_cut, 0, 1,
           {"share",
            "of officials' meetings and paperwork (governance.admin_burden.officials) that full "
            "party leadership merges or removes, scaled by leadership",
            "C: paper, problem 2 / remedy 2"});
  v.number("reviews_per_week", s.reviews_per_week, 0, 100,
           {"1/week",
            "reviews of cases waiting past escalate_wait_h that the level above holds on paper, "
            "at full party leadership (scaled by leadership; the platform flags tracked cases at "
            "once)",
            "C: paper, remedy 2 (督办)"});
  v.number("review_h", s.review_h, 0, 40,
           {"h",
            "working time one paper review of waiting cases takes each community and street "
            "official, taken from their time for cases",
            "C"});
}

// Where cases arise more often.
struct ArisingBehaviour {
  double housing_old_compound = 1.3;  // dispute rate multipliers by housing type
  double housing_commodity = 0.8;
  double housing_urban_village = 1.4;
  double housing_mixed = 1.0;
  double migrant_disputes = 0.5;    // added to the dispute rate per unit migrant share
  double elderly_livelihood = 2.0;  // livelihood rate gain per unit elderly share above the city's
  double elderly_livelihood_floor = 0.3;
};

template <class V>
void describe(V& v, ArisingBehaviour& a) {
  v.number("housing_old_compound", a.housing_old_compound, 0, 10,
           {"", "dispute rate multiplier in old compounds (老旧小区)", "C"});
  v.number("housing_commodity", a.housing_commodity, 0, 10,
           {"", "dispute rate multiplier in commodity housing", "C"});
  v.number("housing_urban_village", a.housing_urban_village, 0, 10,
           {"", "dispute rate multiplier in urban villages (城中村)", "C"});
  v.number("housing_mixed", a.housing_mixed, 0, 10,
           {"", "dispute rate multiplier in mixed grids", "C"});
  v.number("migrant_disputes", a.migrant_disputes, 0, 10,
           {"", "dispute rate added per unit migrant share of the grid", "C"});
  v.number("elderly_livelihood", a.elderly_livelihood, 0, 100,
           {"", "livelihood needs added per unit elderly share above the city's", "C"});
  v.number("elderly_livelihood_floor", a.elderly_livelihood_floor, 0, 1,
           {"", "lowest livelihood multiplier of a young grid", "C"});
}

// What residents who take part in co-governance do besides reporting and volunteering
// (governance.participation Pa scales each): neighbours help the parties of a small dispute settle
// it among themselves, and consultation meetings (协商议事) ease residents' strain.
struct ParticipationBehaviour {
  double self_settle_per_day = 0.05;     // rate a small dispute is settled among residents, Pa = 1
  double consultations_per_month = 2;    // consultation meetings a grid holds a month, Pa = 1
  double consultation_attendance = 0.1;  // share of a grid's residents who take part in one
  double consultation_relief = 0.3;      // share of a participant's strain a meeting eases
};

template <class V>
void describe(V& v, ParticipationBehaviour& p) {
  v.number("self_settle_per_day", p.self_settle_per_day, 0, 10,
           {"1/day",
            "at full participation, rate at which neighbours help the parties of a small dispute "
            "settle it among themselves before anyone reports it (it closes with no office "
            "involved, and the strain it caused eases)",
            "C: paper, remedy 2 (共建共治共享)"});
  v.number("consultations_per_month", p.consultations_per_month, 0, 30,
           {"1/month", "at full participation, consultation meetings (协商议事) a grid holds",
            "C: paper, remedy 2"});
  v.number("consultation_attendance", p.consultation_attendance, 0, 1,
           {"share", "of a grid's residents who take part in one consultation meeting", "C"});
  v.number("consultation_relief", p.consultation_relief, 0, 1,
           {"share", "of a participant's strain (hardship, and so grievance) that a meeting eases",
            "C"});
}

// People (MODEL.md 7.24): households and neighbour ties, the other party of a dispute, escalation
// of an open dispute into a safety or emergency incident (民转刑), repeat disputes of the same
// pair, and crisis cases for psychological counsellors (心理服务人员).
struct PeopleBehaviour {
  double building_households = 40;  // households per building or compound (ties form inside)
  double ties_commodity = 3;        // mean neighbour ties per resident, by housing type
  double ties_old_compound = 6;
  double ties_urban_village = 7;
  double ties_mixed = 4;
  double outside_damages = 0.4;        // share of damages disputes whose other party is outside
  double outside_housing = 0.5;        // ... housing disputes (a landlord living elsewhere)
  double outside_other = 0.8;          // ... every other kind (an employer owing wages, a business)
  double open_strain = 0.002;          // hardship added to each party per day a dispute is open
  double escalation_per_year = 0.04;   // incident hazard of an open dispute, per year
  double escalation_time_gain = 0.03;  // hazard added per day unresolved (share of base)
  double escalation_grievance_gain = 4.0;  // hazard added per unit of the parties' grievance
  double mediation_cut = 0.5;              // share of the hazard cut while a handler works the case
  double counselling_cut = 0.6;            // share of the hazard cut after counselling
  double incident_emergency_share = 0.2;   // incidents that are emergencies (else safety)
  double incident_security = 0.15;         // security lost by the parties and their neighbours
  double incident_hardship = 0.1;          // hardship added to both parties by an incident
  double relapse_share = 0.1;              // settled agreements that fail later
  double repeat_share = 0.3;               // unsettled or dropped disputes the pair takes up again
  double repeat_delay_days = 60;           // mean delay until a relapse or repeat dispute arises
  double crisis_share = 0.01;              // disputes flagged as crises on report
  double crisis_family_share = 0.05;       // extra crisis share of family disputes (violence)
  double crisis_repeat_share = 0.1;        // extra crisis share of a pair's repeated dispute
  double crisis_grievance = 0.6;           // a party's grievance above which a dispute is a crisis
  double counselling_h = 3;                // counsellor's working time per crisis case
  double counselling_relief = 0.3;         // share of both parties' hardship a counsellor eases
  double counsellor_case_share = 0.7;      // share of a counsellor's paid time for cases
};

template <class V>
void describe(V& v, PeopleBehaviour& p) {
  v.number("building_households", p.building_households, 1, 10000,
           {"households",
            "households per building or compound; neighbour ties form inside one (CSR network)",
            "C: one residential building or courtyard"});
  v.number("ties_commodity", p.ties_commodity, 0, 50,
           {"ties/resident", "mean neighbour ties per resident in commodity housing", "C"});
  v.number("ties_old_compound", p.ties_old_compound, 0, 50,
           {"ties/resident", "mean neighbour ties per resident in old compounds (老旧小区)",
            "C: long-settled neighbours know each other"});
  v.number("ties_urban_village", p.ties_urban_village, 0, 50,
           {"ties/resident", "mean neighbour ties per resident in urban villages (城中村)",
            "C: dense, shared courtyards"});
  v.number("ties_mixed", p.ties_mixed, 0, 50,
           {"ties/resident", "mean neighbour ties per resident in mixed grids", "C"});
  v.number("outside_damages", p.outside_damages, 0, 1,
           {"share", "of damages disputes whose other party lives outside the grid", "C"});
  v.number(
      "outside_housing", p.outside_housing, 0, 1,
      {"share", "of housing disputes whose other party (landlord or tenant) lives outside the grid",
       "C"});
  v.number("outside_other", p.outside_other, 0, 1,
           {"share",
            "of other disputes whose other party (an employer owing wages, a business) is outside "
            "the grid",
            "C: wage arrears and consumer disputes"});
  v.number("open_strain", p.open_strain, 0, 1,
           {"1/day", "hardship added to each party for each day a dispute stays open", "C"});
  v.number("escalation_per_year", p.escalation_per_year, 0, 100,
           {"1/year",
            "hazard that an open dispute escalates into a safety or emergency incident (民转刑) "
            "at zero grievance, on the day it arises",
            "B/C: calibrated to 0.1-1.5 % of mediated disputes escalating (Harbin 0.70 %, "
            "Huangshi 0.12 %, one district 1.5 %); docs/CALIBRATION.md"});
  v.number("escalation_time_gain", p.escalation_time_gain, 0, 10,
           {"1/day", "escalation hazard added per day the dispute stays unresolved (x base)",
            "C: long grudges (FIGURES.md 1, Xupu)"});
  v.number("escalation_grievance_gain", p.escalation_grievance_gain, 0, 100,
           {"", "escalation hazard added per unit of the parties' mean grievance (x base)", "C"});
  v.number(
      "mediation_cut", p.mediation_cut, 0, 1,
      {"share", "of the escalation hazard cut while a handler or mediator works the case", "C"});
  v.number("counselling_cut", p.counselling_cut, 0, 1,
           {"share", "of the escalation hazard cut once a counsellor has seen the parties",
            "C: no quantitative source (FIGURES.md, not found)"});
  v.number("incident_emergency_share", p.incident_emergency_share, 0, 1,
           {"share", "of incidents that are emergencies (the rest are safety cases)",
            "C: Xupu 15 % serious injury or death"});
  v.number("incident_security", p.incident_security, 0, 1,
           {"0-1", "security lost by both parties and each of their neighbour ties", "C"});
  v.number("incident_hardship", p.incident_hardship, 0, 1,
           {"", "hardship added to both parties by an incident", "C"});
  v.number("relapse_share", p.relapse_share, 0, 1,
           {"share", "of settled agreements that fail later: the pair disputes again",
            "C: upper bound 54 % (Xupu, selection-biased), FIGURES.md 2"});
  v.number("repeat_share", p.repeat_share, 0, 1,
           {"share", "of unsettled or dropped disputes the same pair takes up again", "C"});
  v.number("repeat_delay_days", p.repeat_delay_days, 1, 10000,
           {"days", "mean delay until a relapsed or repeated dispute arises", "C"});
  v.number("crisis_share", p.crisis_share, 0, 1,
           {"share",
            "of reported disputes flagged as crises by a draw (before the family and repeat "
            "shares and the grievance threshold; all together about 3 % of reported disputes)",
            "B/C: crisis share of psychological hotline calls 1.4-4 %, FIGURES.md 3"});
  v.number("crisis_family_share", p.crisis_family_share, 0, 1,
           {"share", "added for family disputes (family violence)", "C"});
  v.number("crisis_repeat_share", p.crisis_repeat_share, 0, 1,
           {"share", "added for a dispute the same pair had before (relapse or repeat)", "C"});
  v.number("crisis_grievance", p.crisis_grievance, 0, 1,
           {"0-1", "a party's grievance above which a dispute is flagged as a crisis", "C"});
  v.number("counselling_h", p.counselling_h, 0, 1000,
           {"h", "counsellor's working time per crisis case", "C"});
  v.number("counselling_relief", p.counselling_relief, 0, 1,
           {"share", "of both parties' hardship a counsellor's work eases", "C"});
  v.number("counsellor_case_share", p.counsellor_case_share, 0, 1,
           {"share", "of a counsellor's paid time for cases", "C"});
}

// Every behavioural coefficient, grouped by what it shapes.
struct BehaviourConfig {
  ArisingBehaviour arising;
  ReportingBehaviour reporting;
  RoutingBehaviour routing;
  EffortBehaviour effort;
  SuccessBehaviour success;
  OutcomeBehaviour outcome;
  TrustBehaviour trust;
  SensesBehaviour senses;
  ResidentStart residents;
  VolunteerBehaviour volunteers;
  StaffBehaviour staff;
  ParticipationBehaviour participation;
  PeopleBehaviour people;
};

template <class V>
void describe(V& v, BehaviourConfig& b) {
  v.group("arising", b.arising, "where cases arise more often");
  v.group("reporting", b.reporting, "whether residents bring their own problems forward");
  v.group("routing", b.routing, "hand-offs, bounces and losses between desks");
  v.group("effort", b.effort, "working time a case takes, by handler");
  v.group("success", b.success, "chance that an attempt settles the case, by handler");
  v.group("outcome", b.outcome, "what a closed or worsening case does to its resident");
  v.group("trust", b.trust,
          "trust in the local bodies: own cases, the service record, neighbours' accounts");
  v.group("senses", b.senses, "the senses of gain, happiness and security");
  v.group("residents", b.residents, "residents at the start of a run");
  v.group("volunteers", b.volunteers, "volunteers' duty, motivation, quitting, recruitment");
  v.group("staff", b.staff, "staff skills, experience and time");
  v.group("participation", b.participation,
          "residents who settle small disputes among themselves and hold consultations");
  v.group("people", b.people,
          "households and neighbour ties, two-party disputes, incidents, counsellors");
}

}  // namespace govsim

// `govsim synth`: the model's own cases written as case records (docs/RECORDS.md), so that the
// record format can be seen, the reader tested, and a calibration's round trip checked: records
// from a scenario whose parameters are known, read back and fitted.
#pragma once

#include <functional>
#include <limits>
#include <vector>

#include "engine/executor.hpp"
#include "model/params.hpp"
#include "scenarios/case_records.hpp"

namespace govsim::batch {

// Runs the scenario with tracing and returns one record per reported case, in the order the cases
// closed (then the cases still open at the end, in unit and slot order): received at the report,
// first response, each later desk as a hand-off (escalate up a level, bounce down), closure and
// outcome (resolved or dropped), at whole minutes after `start`, the local time of day 0's
// midnight. Cases never reported (settled among residents, dropped unseen) leave no record, as
// they leave none in a real platform. `day_done` is called after each day. Cases received before
// `keep_from` leave no record (a warm-up's).
std::vector<CaseRecord> synthesize_records(
    const Scenario& scenario, Executor& executor, LocalMinutes start,
    const std::function<void(std::int64_t)>& day_done = {},
    LocalMinutes keep_from = std::numeric_limits<LocalMinutes>::min());

}  // namespace govsim::batch

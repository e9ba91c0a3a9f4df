#include "viz/knob_help.hpp"

#include "engine/i18n.hpp"

namespace govsim::viz {
namespace {

// TRANSLATORS: the governance knobs' help text, from model/params.hpp.
constexpr const char* kTexts[] = {
    N_("persons/grid"),
    N_("full-time grid workers per grid"),
    N_("h/day"),
    N_("paid hours of a grid worker"),
    N_("persons/10k residents"),
    N_("residents'-committee staff"),
    N_("street-office staff who handle cases"),
    N_("departments a street office is split into (fragmented design)"),
    N_("of the street officials, those who staff the street office's intake desk (受理窗口) in a "
       "fragmented design, where every report is registered and referred (at least one)"),
    N_("paid hours of community and street officials"),
    N_("h"),
    N_("hour of day at which staff start work"),
    N_("share"),
    N_("officials' time lost to meetings and paperwork"),
    N_("grid workers' time lost to forms and reporting"),
    N_("level that handles small matters (小事)"),
    N_("level that handles big matters (大事)"),
    N_("level that handles hard matters (难事)"),
    N_("probability"),
    N_("a reported case goes straight to the right level"),
    N_("queue wait after which a case is due for escalation one level up, once the level above "
       "notices it (model.behaviour.staff.reviews_per_week, platform tracking)"),
    N_("bounces after which the street office takes the case over"),
    N_("deadline for closing an emergency"),
    N_("deadline for a small matter, report to closure"),
    N_("deadline for a big matter"),
    N_("deadline for a hard matter"),
    N_("working days"),
    N_("deadline for a small matter with the calendar on"),
    N_("deadline for a big matter with the calendar on"),
    N_("deadline for a hard matter with the calendar on"),
    N_("persons/1k residents"),
    N_("volunteers at the start of the run"),
    N_("0-1"),
    N_("training level of new volunteers"),
    N_("volunteers follow standard procedures"),
    N_("h/week"),
    N_("hours a volunteer gives"),
    N_("persons"),
    N_("professional mediators in each community"),
    N_("professional mediators at each street office"),
    N_("agreement rate of a new professional mediator"),
    N_("shared digital platform: reporting reach, dispatch and hand-off speed, tracking, data "
       "sharing"),
    N_("grids with sensors that detect hazards and sanitation problems"),
    N_("CNY/person-year"),
    N_("grid worker"),
    N_("community official"),
    N_("street-office official"),
    N_("professional mediator"),
    N_("training, insurance and recognition of a volunteer"),
    N_("CNY/resident-year"),
    N_("platform cost at level 1 (scales with level)"),
    N_("persons/100k residents"),
    N_("city or district officials who take the cases street offices send up (a case the street "
       "office could not settle, or one that concerns several street offices); 0 = no city tier, "
       "the street office's verdict is final"),
    N_("bodies the city tier is split into: 1 = one joined-up coordinating centre (综治中心), k = "
       "city departments each with their domains (党建、综治等部门各自为政)"),
    N_("fragmented departments, or grid-based tiers"),
    N_("grids"),
    N_("grids per party branch: 1 = one grid one branch, k = several grids one branch"),
    N_("staff numbers and hours"),
    N_("time lost to meetings and paperwork"),
    N_("who handles which tier, and escalation"),
    N_("closure deadlines per tier"),
    N_("volunteer numbers and training"),
    N_("professional mediators (design option)"),
    N_("how clearly law fixes each body's duties: fewer bounces, less overreach"),
    N_("shared digital platform (design option)"),
    N_("strength of community party leadership: officials' meetings and paperwork merged away, "
       "paper reviews of waiting cases (督办), volunteers' recruitment and recognition"),
    N_("residents' participation in co-governance: neighbours who report what they see, residents "
       "who volunteer"),
    N_("the city or district tier above the street offices"),
    N_("unit costs, for cost per resident and per resolved case"),
    N_("the community's mediators work in the grids' resident mediation rooms (调解室): disputes "
       "for the community are mediated in the grid"),
    N_("psychological counsellors in each community"),
    N_("psychological counsellors at each street office"),
    N_("psychological counsellor"),
    N_("psychological counsellors (design option)"),
};

}  // namespace

std::span<const char* const> knob_help_texts() { return kTexts; }

}  // namespace govsim::viz

#include "scenarios/case_records.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "model/case.hpp"
#include "model/limits.hpp"
#include "scenarios/bounded_file.hpp"
#include "scenarios/csv_reader.hpp"
#include "scenarios/text_encoding.hpp"
#include "scenarios/utf8.hpp"

namespace govsim {
namespace {

constexpr int kMinutesPerHour = 60;
constexpr LocalMinutes kMinutesPerDay = 24 * 60;
constexpr int kFirstYear = 1970, kLastYear = 2200;  // the dates a record may carry

// A cursor over a date-time's text: numbers and the separators between them.
class TimeText {
 public:
  explicit TimeText(std::string_view t) : t_(t) {}
  bool done() const { return pos_ >= t_.size(); }
  // Digits, at most `max_digits`; nullopt if none.
  std::optional<int> number(std::size_t max_digits) {
    std::size_t end = pos_;
    while (end < t_.size() && end - pos_ < max_digits &&
           std::isdigit(static_cast<unsigned char>(t_[end])))
      ++end;
    if (end == pos_) return std::nullopt;
    int v = 0;
    std::from_chars(t_.data() + pos_, t_.data() + end, v);
    pos_ = end;
    return v;
  }
  bool eat(std::string_view s) {
    if (t_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  void skip_spaces() {
    while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
  }
  std::string_view rest() const { return t_.substr(pos_); }

 private:
  std::string_view t_;
  std::size_t pos_ = 0;
};

struct Clock {
  int hour = 0, minute = 0, second = 0;
};

// The time of day after a date: "08:30[:00]" or "8时30分[5秒]"; nothing is midnight.
std::optional<Clock> read_clock(TimeText& t) {
  Clock c;
  t.skip_spaces();
  if (t.done()) return c;
  const auto h = t.number(2);
  if (!h) return std::nullopt;
  c.hour = *h;
  const bool chinese = t.eat("时") || t.eat("點") || t.eat("点");
  if (!chinese && !t.eat(":")) return std::nullopt;
  const auto m = t.number(2);
  if (!m) return chinese && t.done() ? std::optional<Clock>(c) : std::nullopt;
  c.minute = *m;
  if (chinese) t.eat("分");
  if ((chinese && !t.done()) || (!chinese && t.eat(":"))) {
    const auto s = t.number(2);
    if (!s) return std::nullopt;
    c.second = *s;
    if (chinese) t.eat("秒");
  }
  if (!chinese) {  // fractions of a second
    if (t.eat(".")) t.number(9);
  }
  if (c.hour > 23 || c.minute > 59 || c.second > 60) return std::nullopt;
  return c;
}

// "+08:00", "+0800", "+08", "Z" or nothing (then the time is local): minutes east of UTC.
struct Offset {
  bool ok = false;     // the text was one of these
  bool given = false;  // an offset was stated
  int minutes = 0;
};

Offset read_offset(TimeText& t) {
  t.skip_spaces();
  if (t.done()) return {true, false, 0};
  if (t.eat("Z") || t.eat("z")) return {t.done(), true, 0};
  int sign = 0;
  if (t.eat("+")) sign = 1;
  if (sign == 0 && t.eat("-")) sign = -1;
  if (sign == 0) return {};
  const auto h = t.number(2);
  if (!h || *h > 14) return {};
  t.eat(":");
  const int m = t.number(2).value_or(0);
  if (m > 59 || !t.done()) return {};
  return {true, true, sign * (*h * kMinutesPerHour + m)};
}

// "20250301083000" (or without the seconds).
std::optional<LocalMinutes> compact_time(std::string_view text) {
  if (text.size() != 14 && text.size() != 12) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const auto part = [&](std::size_t at, std::size_t n) {
    int v = 0;
    std::from_chars(text.data() + at, text.data() + at + n, v);
    return v;
  };
  const auto day = local_midnight(part(0, 4), part(4, 2), part(6, 2));
  const int h = part(8, 2), m = part(10, 2), s = text.size() == 14 ? part(12, 2) : 0;
  if (!day || h > 23 || m > 59 || s > 60) return std::nullopt;
  return *day + h * kMinutesPerHour + m;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

enum RecordColumn : std::size_t {
  kId,
  kReceived,
  kStreet,
  kCommunity,
  kGrid,
  kCategory,
  kTier,
  kChannel,
  kFirstResponse,
  kHandoffs,
  kClosed,
  kOutcome,
  kSatisfaction,
  kRepeatOf,
  kRecordColumns
};

// A row that cannot be read: the reason (what lenient mode counts) and the message.
struct BadRow {
  int line = 0, column = 0;
  std::string reason;
  std::string message;
};

const std::vector<std::pair<std::string, std::string>>& outcome_words() {
  static const std::vector<std::pair<std::string, std::string>> words = {
      {"resolved", "resolved"}, {"办结", "resolved"},       {"已办结", "resolved"},
      {"已解决", "resolved"},   {"解决", "resolved"},       {"unresolved", "unresolved"},
      {"未解决", "unresolved"}, {"withdrawn", "withdrawn"}, {"撤销", "withdrawn"},
      {"撤单", "withdrawn"},    {"dropped", "dropped"},     {"settled", "settled"},
      {"自行和解", "settled"},  {"open", "open"},           {"在办", "open"},
      {"办理中", "open"},       {"处理中", "open"}};
  return words;
}

const std::vector<std::pair<std::string, double>>& satisfaction_words() {
  static const std::vector<std::pair<std::string, double>> words = {
      {"satisfied", 1.0}, {"满意", 1.0},      {"非常满意", 1.0}, {"partly", 0.5},
      {"基本满意", 0.5},  {"unsatisfied", 0}, {"不满意", 0},     {"非常不满意", 0}};
  return words;
}

class RowReader {
 public:
  RowReader(const RecordOptions& o,
            const std::vector<std::pair<std::string, std::string>>& categories)
      : options_(o), categories_(categories) {}

  // One row into a record; a BadRow when a cell is wrong.
  std::optional<BadRow> read(const std::vector<Cell>& cells,
                             const std::array<std::optional<std::size_t>, kRecordColumns>& at,
                             int line, CaseRecord& r) const {
    r = CaseRecord{};
    r.line = line;
    const auto cell = [&](RecordColumn c) -> const Cell* {
      return at[c] && *at[c] < cells.size() ? &cells[*at[c]] : nullptr;
    };
    const auto text = [&](RecordColumn c) { return cell(c) ? cell(c)->text : std::string(); };
    const auto bad = [&](RecordColumn c, const std::string& reason, const std::string& message) {
      const Cell* k = cell(c);
      return BadRow{k ? k->line : line, k ? k->column : 1, reason, message};
    };
    r.id = text(kId);
    const std::string received = text(kReceived);
    if (received.empty()) return bad(kReceived, "received_at missing", "received_at is empty");
    const auto t = parse_local_time(received, options_.utc_offset_minutes);
    if (!t) return bad(kReceived, "received_at unreadable", time_message("received_at", received));
    r.received = *t;
    r.street = text(kStreet);
    r.community = text(kCommunity);
    r.grid = text(kGrid);
    r.category = text(kCategory);
    if (auto b = read_category(r, bad(kCategory, "", ""))) return b;
    if (auto b = read_tier(r, text(kTier), bad(kTier, "", ""))) return b;
    r.channel = lower(text(kChannel));
    if (auto b = read_time(text(kFirstResponse), "first_response_at", r.received,
                           bad(kFirstResponse, "", ""), r.first_response))
      return b;
    if (auto b = read_time(text(kClosed), "closed_at", r.received, bad(kClosed, "", ""), r.closed))
      return b;
    if (auto b = read_handoffs(text(kHandoffs), r, bad(kHandoffs, "", ""))) return b;
    if (auto b = check_order(r, bad(kClosed, "", ""))) return b;
    if (auto b = read_outcome(text(kOutcome), r, bad(kOutcome, "", ""))) return b;
    if (auto b = read_satisfaction(text(kSatisfaction), r, bad(kSatisfaction, "", ""))) return b;
    r.repeat_of = text(kRepeatOf);
    return std::nullopt;
  }

 private:
  static std::string time_message(const std::string& column, const std::string& value) {
    return column + " " + quoted_for_message(value) +
           " is not a date and time; write 2025-03-01T08:30:00+08:00, 2025-03-01 08:30, "
           "2025/3/1 8:30 or 2025年3月1日 8时30分";
  }

  static std::optional<BadRow> with(BadRow b, const std::string& reason, const std::string& m) {
    b.reason = reason;
    b.message = m;
    return b;
  }

  // A case's times in order: the first response and every hand-off before (or at) its closure.
  std::optional<BadRow> check_order(const CaseRecord& r, const BadRow& at) const {
    if (!r.closed) return std::nullopt;
    const auto when = [&](LocalMinutes t) {
      return format_local_time(t, options_.utc_offset_minutes);
    };
    if (r.first_response && *r.first_response > *r.closed)
      return with(at, "closed_at before first_response_at",
                  "closed_at " + when(*r.closed) + " is before the first response (" +
                      when(*r.first_response) + "); the times are out of order");
    for (const Handoff& h : r.handoffs)
      if (h.at > *r.closed)
        return with(at, "closed_at before a hand-off",
                    "closed_at " + when(*r.closed) + " is before the hand-off to " + h.level +
                        " at " + when(h.at) + "; the times are out of order");
    return std::nullopt;
  }

  std::optional<BadRow> read_category(CaseRecord& r, const BadRow& at) const {
    if (r.category.empty()) return with(at, "category missing", "category is empty");
    const std::string key = lower(std::string(trim(r.category)));
    for (const auto& [category, domain] : categories_) {
      if (lower(category) != key) continue;
      for (int d = 0; d < kDomains; ++d)
        if (domain == kDomainNames[static_cast<std::size_t>(d)]) r.domain = d;
      return std::nullopt;
    }
    return with(at, "category not in the mapping",
                "category " + quoted_for_message(r.category) +
                    " is not in the category table; add a line '" + r.category +
                    ",DOMAIN' to a file given with --categories (DOMAIN one of dispute, "
                    "administrative, livelihood, environment, safety, emergency)");
  }

  static std::optional<BadRow> read_tier(CaseRecord& r, const std::string& tier, const BadRow& at) {
    if (tier.empty()) return std::nullopt;
    const std::string t = lower(tier);
    const std::array<std::array<const char*, 2>, kTiers> words{
        {{"small", "小事"}, {"big", "大事"}, {"hard", "难事"}}};
    for (int k = 0; k < kTiers; ++k)
      for (const char* w : words[static_cast<std::size_t>(k)])
        if (t == w) r.tier = k;
    if (r.tier >= 0) return std::nullopt;
    return with(
        at, "tier unreadable",
        "tier " + quoted_for_message(tier) + " is not small, big or hard (小事, 大事, 难事)");
  }

  std::optional<BadRow> read_time(const std::string& value, const std::string& column,
                                  LocalMinutes received, const BadRow& at,
                                  std::optional<LocalMinutes>& out) const {
    if (value.empty()) return std::nullopt;
    const auto t = parse_local_time(value, options_.utc_offset_minutes);
    if (!t) return with(at, column + " unreadable", time_message(column, value));
    if (*t < received)
      return with(at, column + " before received_at",
                  column + " " + quoted_for_message(value) + " is before the case was received (" +
                      format_local_time(received, options_.utc_offset_minutes) + ")");
    out = *t;
    return std::nullopt;
  }

  // "TIME LEVEL [REASON]" entries separated by ';'.
  std::optional<BadRow> read_handoffs(const std::string& value, CaseRecord& r,
                                      const BadRow& at) const {
    std::size_t start = 0;
    while (start < value.size()) {
      const std::size_t end = std::min(value.find(';', start), value.size());
      const std::string entry(trim(std::string_view(value).substr(start, end - start)));
      start = end + 1;
      if (entry.empty()) continue;
      std::vector<std::string> words;
      for (std::size_t i = 0; i < entry.size();) {
        const std::size_t j = std::min(entry.find(' ', i), entry.size());
        if (j > i) words.push_back(entry.substr(i, j - i));
        i = j + 1;
      }
      // The time may itself hold a space ("2025-03-01 08:30"): try two words, then one.
      Handoff h;
      std::size_t used = 0;
      for (const std::size_t n : {std::size_t(2), std::size_t(1)}) {
        if (words.size() <= n) continue;
        std::string time = words[0];
        for (std::size_t k = 1; k < n; ++k) time += " " + words[k];
        if (const auto t = parse_local_time(time, options_.utc_offset_minutes)) {
          h.at = *t;
          used = n;
          break;
        }
      }
      if (used == 0)
        return with(at, "handoffs unreadable",
                    "hand-off " + quoted_for_message(entry) +
                        " is not 'TIME LEVEL [REASON]' (e.g. '2025-03-01T09:00+08:00 community "
                        "escalate'), entries separated by ';'");
      if (h.at < r.received)
        return with(at, "handoffs before received_at",
                    "hand-off " + quoted_for_message(entry) + " is before the case was received");
      if (!r.handoffs.empty() && h.at < r.handoffs.back().at)
        return with(at, "handoffs out of order",
                    "hand-off " + quoted_for_message(entry) +
                        " is before the one listed before it; list the hand-offs in time order");
      h.level = lower(words[used]);
      if (words.size() > used + 1) h.reason = lower(words[used + 1]);
      r.handoffs.push_back(h);
    }
    return std::nullopt;
  }

  static std::optional<BadRow> read_outcome(const std::string& value, CaseRecord& r,
                                            const BadRow& at) {
    if (value.empty()) {
      r.outcome = r.closed ? "resolved" : "open";
      return std::nullopt;
    }
    const std::string v = lower(value);
    for (const auto& [word, outcome] : outcome_words())
      if (v == word) r.outcome = outcome;
    if (r.outcome.empty())
      return with(at, "outcome unreadable",
                  "outcome " + quoted_for_message(value) +
                      " is not one of resolved, unresolved, withdrawn, dropped, settled, open "
                      "(or 办结, 已办结, 已解决, 未解决, 撤销, 撤单, 自行和解, 在办, 办理中)");
    if (r.outcome == "open" && r.closed)
      return with(at, "open with closed_at", "outcome is open but closed_at is given");
    return std::nullopt;
  }

  static std::optional<BadRow> read_satisfaction(const std::string& value, CaseRecord& r,
                                                 const BadRow& at) {
    if (value.empty()) return std::nullopt;
    if (const auto x = parse_finite(value); x && *x >= 0 && *x <= 1) {
      r.satisfaction = *x;
      return std::nullopt;
    }
    const std::string v = lower(value);
    for (const auto& [word, score] : satisfaction_words())
      if (v == word) r.satisfaction = score;
    if (r.satisfaction) return std::nullopt;
    return with(at, "satisfaction unreadable",
                "satisfaction " + quoted_for_message(value) +
                    " is not a number from 0 to 1 or one of satisfied, partly, unsatisfied "
                    "(满意, 基本满意, 不满意)");
  }

  const RecordOptions& options_;
  const std::vector<std::pair<std::string, std::string>>& categories_;
};

// The category table: the built-in lines, then the user's file (whose lines come first).
std::vector<std::pair<std::string, std::string>> category_table(const RecordOptions& options) {
  std::vector<std::pair<std::string, std::string>> table;
  if (!options.categories.empty()) {
    const std::string text =
        read_bounded_file(options.categories, limits::kTableBytes,
                          bounded_file_messages("category table", limits::kTableBytes));
    CsvReader csv(text, options.categories);
    std::vector<Cell> cells;
    while (csv.next(cells)) {
      if (cells.size() != 2)
        csv.fail(csv.record_line(), 1, "a line of the category table is 'CATEGORY,DOMAIN'");
      if (cells[0].text == "category" && cells[1].text == "domain") continue;  // a header
      const std::vector<std::string> domains(kDomainNames.begin(), kDomainNames.end());
      if (std::find(domains.begin(), domains.end(), cells[1].text) == domains.end())
        csv.fail(cells[1].line, cells[1].column,
                 "unknown domain " + quoted_for_message(cells[1].text) + "; one of " +
                     quoted_list(domains) + suggestion(cells[1].text, domains, "domains"));
      table.emplace_back(cells[0].text, cells[1].text);
    }
  }
  for (const auto& line : default_category_map()) table.push_back(line);
  return table;
}

std::array<std::optional<std::size_t>, kRecordColumns> read_record_header(
    const CsvReader& csv, const std::vector<Cell>& header, std::vector<std::string>& used) {
  std::array<std::optional<std::size_t>, kRecordColumns> at{};
  const std::vector<std::string>& names = record_column_names();
  std::vector<std::string> accepted;
  for (const auto& [alias, name] : record_column_aliases()) accepted.push_back(alias);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const Cell& cell = header[i];
    std::string canonical;
    for (const auto& [alias, name] : record_column_aliases())
      if (lower(cell.text) == lower(alias)) canonical = name;
    if (canonical.empty()) continue;  // other columns of an export are left alone
    const auto k =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), canonical) - names.begin());
    if (at[k])
      csv.fail(
          cell.line, cell.column,
          "column " + quoted_for_message(cell.text) + " is a second '" + canonical + "' column");
    at[k] = i;
    used.push_back(canonical);
  }
  for (const RecordColumn required : {kReceived, kCategory})
    if (!at[required])
      csv.fail(header.front().line, 1,
               "no '" + names[required] +
                   "' column; the header must name at least received_at "
                   "and category (or 受理时间 and 事项类别); the accepted names are in "
                   "docs/RECORDS.md");
  return at;
}

}  // namespace

std::optional<LocalMinutes> local_midnight(int year, int month, int day) {
  if (year < kFirstYear || year > kLastYear || month < 1 || day < 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalMinutes(std::chrono::sys_days{ymd}.time_since_epoch().count()) * kMinutesPerDay;
}

std::optional<LocalMinutes> parse_local_time(std::string_view text, int utc_offset_minutes) {
  text = trim(text);
  if (const auto t = compact_time(text)) return t;
  TimeText t(text);
  const auto year = t.number(4);
  if (!year) return std::nullopt;
  const bool chinese = t.eat("年");
  if (!chinese && !t.eat("-") && !t.eat("/") && !t.eat(".")) return std::nullopt;
  const auto month = t.number(2);
  if (!month || !(chinese ? t.eat("月") : (t.eat("-") || t.eat("/") || t.eat("."))))
    return std::nullopt;
  const auto day = t.number(2);
  if (!day) return std::nullopt;
  if (chinese) {
    if (!t.eat("日") && !t.eat("号")) return std::nullopt;
  } else {
    t.eat("T");
  }
  const auto date = local_midnight(*year, *month, *day);
  const auto clock = read_clock(t);
  if (!date || !clock) return std::nullopt;
  const Offset offset = read_offset(t);
  if (!offset.ok) return std::nullopt;
  LocalMinutes m = *date + clock->hour * kMinutesPerHour + clock->minute;
  if (offset.given) m += utc_offset_minutes - offset.minutes;  // to the records' own zone
  return m;
}

LocalMinutes local_day_start(LocalMinutes t) {
  return t - (((t % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay);
}

std::string local_date_text(LocalMinutes t) {
  return format_local_time(t, 0).substr(0, std::string("2025-01-01").size());
}

std::string format_local_time(LocalMinutes t, int utc_offset_minutes) {
  const LocalMinutes index =
      t >= 0 ? t / kMinutesPerDay : (t - kMinutesPerDay + 1) / kMinutesPerDay;
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{index}}};
  const LocalMinutes minute = t - index * kMinutesPerDay;
  const int off = std::abs(utc_offset_minutes);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:00%c%02d:%02d", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(minute / kMinutesPerHour),
                int(minute % kMinutesPerHour), utc_offset_minutes < 0 ? '-' : '+',
                off / kMinutesPerHour, off % kMinutesPerHour);
  return buf;
}

const std::vector<std::string>& record_column_names() {
  static const std::vector<std::string> names = {
      "id",        "received_at", "street",       "community",         "grid",
      "category",  "tier",        "channel",      "first_response_at", "handoffs",
      "closed_at", "outcome",     "satisfaction", "repeat_of"};
  return names;
}

const std::vector<std::pair<std::string, std::string>>& record_column_aliases() {
  static const std::vector<std::pair<std::string, std::string>> aliases = [] {
    std::vector<std::pair<std::string, std::string>> a;
    for (const std::string& n : record_column_names()) a.emplace_back(n, n);
    const std::vector<std::pair<std::string, std::string>> chinese = {
        {"工单编号", "id"},
        {"工单号", "id"},
        {"案件编号", "id"},
        {"编号", "id"},
        {"受理时间", "received_at"},
        {"来电时间", "received_at"},
        {"登记时间", "received_at"},
        {"上报时间", "received_at"},
        {"所属街道", "street"},
        {"街道", "street"},
        {"乡镇街道", "street"},
        {"所属社区", "community"},
        {"社区", "community"},
        {"所属网格", "grid"},
        {"网格", "grid"},
        {"网格名称", "grid"},
        {"domain", "category"},
        {"事项类别", "category"},
        {"问题类别", "category"},
        {"诉求类别", "category"},
        {"案件类别", "category"},
        {"事件类型", "category"},
        {"事项等级", "tier"},
        {"难易程度", "tier"},
        {"来源渠道", "channel"},
        {"诉求渠道", "channel"},
        {"上报渠道", "channel"},
        {"来源", "channel"},
        {"首次响应时间", "first_response_at"},
        {"签收时间", "first_response_at"},
        {"首次联系时间", "first_response_at"},
        {"流转记录", "handoffs"},
        {"退单改派记录", "handoffs"},
        {"办结时间", "closed_at"},
        {"结案时间", "closed_at"},
        {"完成时间", "closed_at"},
        {"办理结果", "outcome"},
        {"处置结果", "outcome"},
        {"结案状态", "outcome"},
        {"满意度", "satisfaction"},
        {"满意度评价", "satisfaction"},
        {"重复件", "repeat_of"},
        {"关联工单", "repeat_of"},
        {"原工单编号", "repeat_of"}};
    a.insert(a.end(), chinese.begin(), chinese.end());
    return a;
  }();
  return aliases;
}

const std::vector<std::pair<std::string, std::string>>& default_category_map() {
  static const std::vector<std::pair<std::string, std::string>> map = [] {
    std::vector<std::pair<std::string, std::string>> m;
    for (const char* d : kDomainNames) m.emplace_back(d, d);
    const std::vector<std::pair<std::string, std::string>> chinese = {
        {"矛盾纠纷", "dispute"},
        {"纠纷调解", "dispute"},
        {"邻里纠纷", "dispute"},
        {"婚姻家庭纠纷", "dispute"},
        {"劳资纠纷", "dispute"},
        {"行政服务", "administrative"},
        {"政务服务", "administrative"},
        {"证照办理", "administrative"},
        {"民生服务", "livelihood"},
        {"社会保障", "livelihood"},
        {"民生保障", "livelihood"},
        {"环境卫生", "environment"},
        {"市容环境", "environment"},
        {"城市管理", "environment"},
        {"环境保护", "environment"},
        {"平安建设", "safety"},
        {"治安", "safety"},
        {"安全隐患", "safety"},
        {"社会治安", "safety"},
        {"应急管理", "emergency"},
        {"突发事件", "emergency"},
        {"应急", "emergency"}};
    m.insert(m.end(), chinese.begin(), chinese.end());
    return m;
  }();
  return map;
}

RecordSet read_case_records(const std::string& text, const std::string& path,
                            const RecordOptions& options) {
  const auto categories = category_table(options);
  CsvReader csv(text, path);
  std::vector<Cell> cells;
  if (!csv.next(cells)) throw InputError(path + ": no header line; is this the records file?");
  RecordSet set;
  const auto at = read_record_header(csv, cells, set.columns_used);
  const RowReader reader(options, categories);
  std::map<std::string, int> id_line;  // a case's id -> the line it was first read at
  while (csv.next(cells)) {
    CaseRecord r;
    auto bad = reader.read(cells, at, csv.record_line(), r);
    if (!bad && !r.id.empty()) {
      const auto [seen, fresh] = id_line.emplace(r.id, r.line);
      if (!fresh) {
        const std::size_t c = *at[kId];
        bad = BadRow{cells[c].line, cells[c].column, "duplicate id",
                     "id " + quoted_for_message(r.id) + " is also the id of the case at line " +
                         std::to_string(seen->second) + "; each case needs its own"};
      }
    }
    if (!bad) {
      set.records.push_back(std::move(r));
      continue;
    }
    if (!options.skip_bad_rows)
      csv.fail(bad->line, bad->column,
               bad->message + " (or skip such rows with --skip-bad-rows, which counts them)");
    ++set.skipped[bad->reason];
    set.first_skipped_line.emplace(bad->reason, bad->line);
  }
  if (set.records.empty())
    throw InputError(path + ": no case could be read" +
                     (set.skipped.empty() ? std::string(" (the file has a header only)")
                                          : std::string(" (every row was skipped)")));
  return set;
}

RecordSet read_case_records_file(const std::string& path, const RecordOptions& options) {
  std::string text = read_bounded_file(path, limits::kTableBytes,
                                       bounded_file_messages("records file", limits::kTableBytes));
  std::string encoding = "UTF-8";
  const std::size_t bad = first_invalid_utf8(text);
  if (bad != std::string::npos) {
    std::optional<std::string> converted = gb18030_to_utf8(text);
    if (!converted)
      throw InputError(path + ": " + byte_position(text, bad) +
                       ": the file is neither UTF-8 nor GBK/GB18030; save it as CSV UTF-8 (a "
                       "spreadsheet's \"CSV UTF-8\" format), or convert it, e.g. iconv -f GBK "
                       "-t UTF-8 FILE > FILE-utf8.csv");
    text = std::move(*converted);
    encoding = "GB18030 (GBK), converted to UTF-8";
  }
  RecordSet set = read_case_records(text, path, options);
  set.encoding = encoding;
  return set;
}

std::string case_records_csv(const std::vector<CaseRecord>& records, int utc_offset_minutes) {
  std::string out;
  for (const std::string& n : record_column_names()) out += (out.empty() ? "" : ",") + n;
  out += '\n';
  const auto time = [&](const std::optional<LocalMinutes>& t) {
    return t ? format_local_time(*t, utc_offset_minutes) : std::string();
  };
  const auto field = [](const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const CaseRecord& r : records) {
    std::string handoffs;
    for (const Handoff& h : r.handoffs)
      handoffs += (handoffs.empty() ? "" : ";") + format_local_time(h.at, utc_offset_minutes) +
                  " " + h.level + (h.reason.empty() ? "" : " " + h.reason);
    const std::vector<std::string> row = {
        r.id,
        format_local_time(r.received, utc_offset_minutes),
        r.street,
        r.community,
        r.grid,
        r.category,
        r.tier >= 0 ? kTierNames[static_cast<std::size_t>(r.tier)] : "",
        r.channel,
        time(r.first_response),
        handoffs,
        time(r.closed),
        r.outcome,
        r.satisfaction ? format_number(*r.satisfaction) : "",
        r.repeat_of};
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + field(row[i]);
    out += line + '\n';
  }
  return out;
}

}  // namespace govsim

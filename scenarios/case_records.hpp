// Case records: one row per case, as a 12345 hotline or a grid-management platform exports them
// (docs/RECORDS.md). Read with the columns' English names or the common exports' Chinese
// headers, dates in ISO 8601 or the common Chinese forms, and categories mapped to the model's
// six domains by a table the user can edit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govsim {

// A moment as minutes since 1970-01-01 00:00 in the records' local time (the time zone the
// records are kept in; UTC+8 in China). Minutes, not seconds: no export records more.
using LocalMinutes = std::int64_t;

// Reads a date-time in one of the accepted forms (docs/RECORDS.md): ISO 8601
// (2025-03-01T08:30:00+08:00, 2025-03-01 08:30, Z for UTC), 2025/3/1 8:30[:00], 2025年3月1日
// 8时30分[5秒] or 2025年3月1日 08:30[:00], a date alone (midnight), and 20250301083000. A stated
// offset converts the time to the records' zone, `utc_offset_minutes` east of UTC; without one
// the time is already local. nullopt if the text is none of these or not a real date.
std::optional<LocalMinutes> parse_local_time(std::string_view text, int utc_offset_minutes);

// "2025-03-01T08:30:00+08:00": the ISO form with the records' offset.
std::string format_local_time(LocalMinutes t, int utc_offset_minutes);

// The midnight at or before t, and t's date as YYYY-MM-DD (both in the records' local time).
LocalMinutes local_day_start(LocalMinutes t);
std::string local_date_text(LocalMinutes t);

// Minutes since 1970-01-01 of a date's midnight; nullopt for no such date.
std::optional<LocalMinutes> local_midnight(int year, int month, int day);

struct Handoff {
  LocalMinutes at = 0;
  std::string level;   // grid, community, street, city (as given, lower case)
  std::string reason;  // escalate, bounce, reassign, ... ("" if not given)
};

struct CaseRecord {
  int line = 0;  // where the row starts in its file
  std::string id;
  LocalMinutes received = 0;
  std::string street, community, grid;
  std::string category;  // as given
  int domain = -1;       // index into kDomainNames (model/case.hpp)
  int tier = -1;         // index into kTierNames; -1 when not given
  std::string channel;   // as given, lower case; "" when not given
  std::optional<LocalMinutes> first_response;
  std::vector<Handoff> handoffs;
  std::optional<LocalMinutes> closed;
  std::string outcome;                 // resolved, unresolved, withdrawn, dropped, settled or open
  std::optional<double> satisfaction;  // 0-1
  std::string repeat_of;
};

struct RecordOptions {
  int utc_offset_minutes = 8 * 60;  // the records' local time zone
  bool skip_bad_rows = false;       // lenient: skip a bad row and count it by reason
  std::string categories;           // a CSV of category,domain; "" = the built-in table only
};

struct RecordSet {
  std::vector<CaseRecord> records;
  // Lenient mode: rows skipped, by reason, with the first line of each reason.
  std::map<std::string, std::int64_t> skipped;
  std::map<std::string, int> first_skipped_line;
  std::vector<std::string> columns_used;  // the canonical names of the columns found
  std::string encoding = "UTF-8";         // the file's, as read_case_records_file found it
};

// The canonical column names, in the order synth writes them.
const std::vector<std::string>& record_column_names();
// Each accepted header and the canonical column it stands for (English and Chinese).
const std::vector<std::pair<std::string, std::string>>& record_column_aliases();
// The built-in category table: category text -> domain name.
const std::vector<std::pair<std::string, std::string>>& default_category_map();

// Reads the records at `path` (`text` is its contents). Throws InputError naming the file, the
// line, the column and what would be valid; in lenient mode a bad row is skipped and counted, and
// only a bad header or mapping file, or no good row at all, is an error.
RecordSet read_case_records(const std::string& text, const std::string& path,
                            const RecordOptions& options);
// A file that is not UTF-8 is read as GB18030 (GBK) when it decodes as that (`encoding` says
// so), and refused with advice when it does not.
RecordSet read_case_records_file(const std::string& path, const RecordOptions& options);

// The records as CSV with the canonical header, times in the records' zone.
std::string case_records_csv(const std::vector<CaseRecord>& records, int utc_offset_minutes);

}  // namespace govsim

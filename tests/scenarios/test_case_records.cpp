// Case records (docs/RECORDS.md): dates in every accepted form, Chinese headers, the category
// table, located errors, lenient mode and the round trip through the canonical CSV.
#include <iconv.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/errors.hpp"
#include "model/case.hpp"
#include "scenarios/case_records.hpp"

using namespace govsim;

namespace {
constexpr int kBeijing = 8 * 60;

LocalMinutes at(int y, int mo, int d, int h, int mi) {
  return *local_midnight(y, mo, d) + h * 60 + mi;
}

std::string error_of(const std::string& text, const RecordOptions& o = {}) {
  try {
    read_case_records(text, "records.csv", o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("record times: ISO 8601, the Chinese forms and compact digits, in the records' zone",
          "[records]") {
  const LocalMinutes t = at(2025, 3, 1, 8, 30);
  for (const char* text :
       {"2025-03-01T08:30:00+08:00", "2025-03-01T08:30+08:00", "2025-03-01 08:30",
        "2025-03-01T00:30:00Z", "2025-03-01T08:30:00.250+0800", "2025/3/1 8:30",
        "2025/03/01 08:30:00", "2025年3月1日 8时30分", "2025年03月01日 08:30:00",
        "2025年3月1日8时30分0秒", "20250301083000", "202503010830", "2025.3.1 8:30"}) {
    INFO(text);
    const auto parsed = parse_local_time(text, kBeijing);
    REQUIRE(parsed);
    CHECK(*parsed == t);
  }
  CHECK(*parse_local_time("2025年3月1日", kBeijing) == at(2025, 3, 1, 0, 0));
  CHECK(*parse_local_time("2025-03-01", kBeijing) == at(2025, 3, 1, 0, 0));
  // Another zone's time moves to the records' zone; across midnight too.
  CHECK(*parse_local_time("2025-02-28T20:00:00-05:00", kBeijing) == at(2025, 3, 1, 9, 0));
  for (const char* bad : {"", "yesterday", "2025-02-30 08:00", "2025-13-01", "2025-03-01 25:00",
                          "2025-03-01 08:61", "2025-03-01T08:30+99:00", "3/1/2025 08:30",
                          "2025-03-01 08:30 tomorrow", "20250230083000"}) {
    INFO(bad);
    CHECK_FALSE(parse_local_time(bad, kBeijing));
  }
  CHECK(format_local_time(t, kBeijing) == "2025-03-01T08:30:00+08:00");
  CHECK(*parse_local_time(format_local_time(t, kBeijing), kBeijing) == t);
  CHECK(format_local_time(at(1970, 1, 1, 0, 5), -90) == "1970-01-01T00:05:00-01:30");
}

TEST_CASE("records read with Chinese headers and categories, and round-trip", "[records]") {
  const std::string text =
      "\xEF\xBB\xBF工单编号,受理时间,所属街道,所属社区,所属网格,事项类别,来源渠道,首次响应时间,"
      "流转记录,办结时间,办理结果,满意度,其他列\n"
      "A1,2025年3月1日 8时30分,S1,C1,G1,矛盾纠纷,hotline,2025-03-01 09:00,"
      "2025-03-01 10:00 community escalate;2025-03-02T09:00+08:00 street,2025/3/3 17:00,"
      "办结,满意,x\n"
      "A2,2025-03-02T10:00:00+08:00,S1,C2,G4,环境卫生,,,,,,,\n"
      "A3,2025-03-02 11:00,S2,C3,G7,\"民生服务\",platform,,,2025-03-04 11:00,未解决,基本满意,\n";
  const RecordSet set = read_case_records(text, "r.csv", {});
  REQUIRE(set.records.size() == 3);
  const CaseRecord& a = set.records[0];
  CHECK(a.id == "A1");
  CHECK(a.line == 2);
  CHECK(a.received == at(2025, 3, 1, 8, 30));
  CHECK(a.domain == static_cast<int>(Domain::Dispute));
  CHECK(a.channel == "hotline");
  CHECK(*a.first_response == at(2025, 3, 1, 9, 0));
  REQUIRE(a.handoffs.size() == 2);
  CHECK(a.handoffs[0].at == at(2025, 3, 1, 10, 0));
  CHECK(a.handoffs[0].level == "community");
  CHECK(a.handoffs[0].reason == "escalate");
  CHECK(a.handoffs[1].level == "street");
  CHECK(a.handoffs[1].reason.empty());
  CHECK(*a.closed == at(2025, 3, 3, 17, 0));
  CHECK(a.outcome == "resolved");
  CHECK(*a.satisfaction == 1.0);
  CHECK(set.records[1].outcome == "open");  // nothing closed it
  CHECK(set.records[1].domain == static_cast<int>(Domain::Environment));
  CHECK(set.records[2].outcome == "unresolved");
  CHECK(*set.records[2].satisfaction == 0.5);
  // The canonical CSV reads back to the same records.
  const std::string csv = case_records_csv(set.records, kBeijing);
  CHECK(csv.rfind("id,received_at,street,community,grid,category,tier,channel,", 0) == 0);
  const RecordSet again = read_case_records(csv, "again.csv", {});
  REQUIRE(again.records.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const CaseRecord &x = set.records[i], &y = again.records[i];
    CHECK(x.received == y.received);
    CHECK(x.first_response == y.first_response);
    CHECK(x.closed == y.closed);
    CHECK(x.domain == y.domain);
    CHECK(x.outcome == y.outcome);
    CHECK(x.satisfaction == y.satisfaction);
    CHECK(x.handoffs.size() == y.handoffs.size());
  }
  CHECK(case_records_csv(again.records, kBeijing) == csv);
}

TEST_CASE("bad records name the file, line, column and what is valid; lenient mode counts them",
          "[records]") {
  const std::string head = "id,received_at,category,closed_at,satisfaction\n";
  CHECK_THAT(error_of(head + "1,2025-03-01 08:00,dispute,2025-02-28 08:00,\n"),
             Catch::Contains("records.csv:2:28") &&
                 Catch::Contains("closed_at '2025-02-28 08:00' is before the case was received"));
  CHECK_THAT(error_of(head + "1,soon,dispute,,\n"), Catch::Contains("records.csv:2:3") &&
                                                        Catch::Contains("is not a date and time") &&
                                                        Catch::Contains("--skip-bad-rows"));
  CHECK_THAT(
      error_of(head + "1,2025-03-01 08:00,parking,,\n"),
      Catch::Contains("'parking' is not in the category table") && Catch::Contains("--categories"));
  CHECK_THAT(error_of(head + "1,2025-03-01 08:00,dispute,,7\n"),
             Catch::Contains("satisfaction '7' is not a number from 0 to 1"));
  CHECK_THAT(error_of("id,category\n1,dispute\n"),
             Catch::Contains("records.csv:1:1") && Catch::Contains("no 'received_at' column"));
  CHECK_THAT(error_of("received_at,受理时间,category\n"), Catch::Contains("second 'received_at'"));
  CHECK_THAT(error_of(head), Catch::Contains("no case could be read"));
  // Duplicate ids, and times out of order (a hand-off before the one listed before it, a
  // closure before a hand-off or before the first response).
  CHECK_THAT(error_of(head + "7,2025-03-01 08:00,dispute,,\n7,2025-03-02 08:00,dispute,,\n"),
             Catch::Contains("records.csv:3:1") &&
                 Catch::Contains("id '7' is also the id of the case at line 2"));
  const std::string timed = "id,received_at,category,handoffs,first_response_at,closed_at\n";
  CHECK_THAT(error_of(timed + "1,2025-03-01 08:00,dispute,"
                              "2025-03-02 09:00 street;2025-03-01 10:00 community,,\n"),
             Catch::Contains("records.csv:2:28") && Catch::Contains("in time order"));
  CHECK_THAT(
      error_of(timed + "1,2025-03-01 08:00,dispute,2025-03-03 09:00 street,,"
                       "2025-03-02 08:00\n"),
      Catch::Contains("is before the hand-off to street") && Catch::Contains("out of order"));
  CHECK_THAT(error_of(timed + "1,2025-03-01 08:00,dispute,,2025-03-04 08:00,2025-03-02 08:00\n"),
             Catch::Contains("is before the first response"));
  // Lenient: the bad rows are counted by reason, with the first line of each.
  RecordOptions lenient;
  lenient.skip_bad_rows = true;
  const RecordSet set = read_case_records(head +
                                              "1,2025-03-01 08:00,dispute,,\n"
                                              "2,soon,dispute,,\n"
                                              "3,later,dispute,,\n"
                                              "4,2025-03-01 08:00,parking,,\n",
                                          "r.csv", lenient);
  CHECK(set.records.size() == 1);
  CHECK(set.skipped.at("received_at unreadable") == 2);
  CHECK(set.first_skipped_line.at("received_at unreadable") == 3);
  CHECK(set.skipped.at("category not in the mapping") == 1);
  CHECK_THAT(error_of(head + "2,soon,dispute,,\n", lenient),
             Catch::Contains("every row was skipped"));
}

TEST_CASE("a category table maps a district's own categories, checked", "[records]") {
  const auto dir = std::filesystem::temp_directory_path() / "govsim-records-test";
  std::filesystem::create_directories(dir);
  const std::string map = (dir / "categories.csv").string();
  std::ofstream(map) << "category,domain\n占道经营,environment\n噪音扰民,dispute\n";
  RecordOptions o;
  o.categories = map;
  const RecordSet set = read_case_records(
      "受理时间,事项类别\n2025-03-01 08:00,占道经营\n2025-03-01 09:00,噪音扰民\n", "r.csv", o);
  CHECK(set.records[0].domain == static_cast<int>(Domain::Environment));
  CHECK(set.records[1].domain == static_cast<int>(Domain::Dispute));
  std::ofstream(map) << "占道经营,enviroment\n";
  CHECK_THAT(error_of("received_at,category\n2025-03-01 08:00,dispute\n", o),
             Catch::Contains("categories.csv:1:14") && Catch::Contains("unknown domain") &&
                 Catch::Contains("environment"));
  std::filesystem::remove_all(dir);
}

namespace {
// The text in GBK, as a spreadsheet on a Chinese Windows saves "CSV".
std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* to = out.data();
  REQUIRE(iconv(cd, &in, &in_left, &to, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}
}  // namespace

TEST_CASE("a GBK file is read as GB18030; a file in neither encoding is refused with advice",
          "[records]") {
  const auto dir = std::filesystem::temp_directory_path() / "govsim-records-gbk-test";
  std::filesystem::create_directories(dir);
  const std::string utf8 =
      "受理时间,事项类别,所属网格\n2025年3月1日 8时30分,矛盾纠纷,东风网格\n"
      "2025-03-02 09:00,环境卫生,西湖网格\n";
  const std::string gbk = to_gbk(utf8);
  REQUIRE(gbk != utf8);
  const std::string path = (dir / "gbk.csv").string();
  std::ofstream(path, std::ios::binary) << gbk;
  const RecordSet set = read_case_records_file(path, {});
  const RecordSet expected = read_case_records(utf8, path, {});
  CHECK(set.encoding.find("GB18030") != std::string::npos);
  REQUIRE(set.records.size() == 2);
  CHECK(set.records[0].grid == "东风网格");
  CHECK(set.records[1].domain == expected.records[1].domain);
  CHECK(set.records[0].received == expected.records[0].received);
  // Bytes that are neither UTF-8 nor GB18030: the place of the first bad byte and the advice.
  std::ofstream(path, std::ios::binary) << "received_at,category\n2025-03-01 08:00,\x80\xFF\n";
  std::string error;
  try {
    read_case_records_file(path, {});
  } catch (const InputError& e) {
    error = e.what();
  }
  CHECK_THAT(error, Catch::Contains("line 2, column 18") && Catch::Contains("neither UTF-8") &&
                        Catch::Contains("iconv -f GBK"));
  std::filesystem::remove_all(dir);
}

#include <catch2/catch.hpp>
#include <fstream>

#include "engine/errors.hpp"
#include "experiments/codec.hpp"
#include "experiments/store.hpp"
#include "store_fixtures.hpp"

using namespace govsim;
using namespace govsim::batch;
using namespace govsim::batch::testing;

TEST_CASE("the store keeps runs, summaries and series with every bit", "[store]") {
  const std::string path = scratch("roundtrip.db");
  {
    Store store(path, StoreMode::Fresh);
    fill(store, 2, 3, 5);
    RunRow failed = run_row(1, 3);
    failed.status = "failed";
    failed.error = "city has no grids";
    store.commit(failed, {}, {});
  }
  const Store store(path, StoreMode::Read);
  CHECK(store.count_done() == 6);
  CHECK(store.done_keys().count("k1-2") == 1);
  CHECK(store.done_keys().count("k1-3") == 0);
  const std::vector<RunRow> runs = store.runs();
  REQUIRE(runs.size() == 7);
  CHECK(runs[0].key == "k0-0");
  CHECK(runs[6].status == "failed");
  CHECK(runs[6].error == "city has no grids");
  CHECK(runs[4].label == "odd, \"quoted\" <b>label</b>");
  CHECK(runs[4].wall_seconds == 0.25);
  const auto summaries = store.summaries();
  CHECK(summaries.size() == 6);
  CHECK(same_cells(summaries.at("k1-2"), summary_row(12)));
  CHECK(same_cells(*store.summary("k0-1"), summary_row(1)));
  CHECK_FALSE(store.summary("k1-3"));
  const std::vector<CellRow> series = store.series("k1-2");
  REQUIRE(series.size() == 5);
  for (int d = 0; d < 5; ++d) CHECK(same_cells(series[d], series_rows(12, 5)[d]));
}

TEST_CASE("a store refuses to mix experiments", "[store]") {
  const std::string path = scratch("mix.db");
  {
    Store store(path, StoreMode::Fresh);
    fill(store, 2, 1, 2);
  }
  SECTION("a fresh start on a used file") {
    try {
      Store again(path, StoreMode::Fresh);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.what(), Catch::Contains("--resume") && Catch::Contains("--overwrite"));
    }
  }
  SECTION("a resume with another plan") {
    Store again(path, StoreMode::Resume);
    try {
      again.begin(plan_json(3), "test", "");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.what(), Catch::Contains("another experiment") && Catch::Contains("designs"));
    }
  }
  SECTION("a resume of another shard") {
    Store again(path, StoreMode::Resume);
    CHECK_THROWS_AS(again.begin(plan_json(2), "test", "2/4"), InputError);
  }
  SECTION("a resume of the same plan keeps the runs") {
    Store again(path, StoreMode::Resume);
    again.begin(plan_json(2), "test", "");
    CHECK(again.count_done() == 2);
  }
  SECTION("overwrite starts afresh") {
    Store again(path, StoreMode::Overwrite);
    again.begin(plan_json(3), "test", "");
    CHECK(again.count_done() == 0);
  }
}

TEST_CASE("a store refuses files that are not stores of this schema", "[store]") {
  const std::string text = scratch("not-a-db.txt");
  std::ofstream(text) << "hello\n";
  CHECK_THROWS_AS(Store(text, StoreMode::Read), InputError);
  CHECK_THROWS_AS(Store(text, StoreMode::Overwrite), InputError);  // never deletes a stranger
  CHECK_THROWS_AS(Store(scratch("missing.db"), StoreMode::Read), InputError);

  const std::string old = scratch("old-schema.db");
  {
    Store store(old, StoreMode::Fresh);
    store.db().exec("PRAGMA user_version = 99");
  }
  try {
    Store store(old, StoreMode::Read);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("schema version 99"));
  }
}

TEST_CASE("a run travels between ranks with every bit", "[codec]") {
  RunResult r;
  r.spec = 17;
  r.row = run_row(1, 2);
  r.summary = summary_row(5);
  r.series = series_rows(5, 3);
  r.input_error = true;
  const RunResult back = decode_result(encode(r));
  CHECK(back.spec == 17);
  CHECK(back.input_error);
  CHECK(back.row.key == r.row.key);
  CHECK(back.row.label == r.row.label);
  CHECK(back.row.manifest == r.row.manifest);
  CHECK(back.row.wall_seconds == r.row.wall_seconds);
  CHECK(back.summary == r.summary);  // bitwise, NaN included
  CHECK(back.series == r.series);

  const std::vector<std::optional<CellRow>> summaries = {summary_row(1), std::nullopt,
                                                         summary_row(2)};
  CHECK(decode_summaries(encode(summaries)) == summaries);
  const std::vector<std::size_t> indices = {3, 1, 4, 1, 5};
  CHECK(decode_indices(encode(indices)) == indices);
  CHECK_THROWS(decode_result(encode(r).substr(0, 40)));
}

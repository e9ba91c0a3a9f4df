// Synthetic experiments and stores for the batch tests that need no simulation.
#pragma once

#include <cmath>
#include <filesystem>
#include <string>

#include "experiments/codec.hpp"
#include "experiments/columns.hpp"
#include "experiments/store.hpp"

namespace govsim::batch::testing {

inline std::string scratch(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(GOVSIM_BINARY_DIR) / "tests" / "batch_scratch";
  std::filesystem::create_directories(dir);
  const std::filesystem::path p = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove_all(p.string() + suffix);
  return p.string();
}

// A summary whose every value differs by column and run, with NaN and a hash in it.
inline CellRow summary_row(int run) {
  CellRow row;
  const auto& columns = summary_columns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double x = run * 1000.0 + static_cast<double>(c) + 0.1;
    switch (columns[c].kind) {
      case CellKind::Integer:
        row.push_back(Cell::integer(run * 1000 + static_cast<std::int64_t>(c)));
        break;
      case CellKind::Real:
        row.push_back(Cell::real(c % 7 == 3 ? NAN : x / 3));
        break;
      case CellKind::Hash:
        row.push_back(Cell::hash(0xfedcba9876543210ULL + static_cast<std::uint64_t>(run)));
        break;
    }
  }
  return row;
}

inline std::vector<CellRow> series_rows(int run, int days) {
  std::vector<CellRow> out;
  const auto& columns = series_columns();
  for (int d = 0; d < days; ++d) {
    CellRow row;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c == 0) {
        row.push_back(Cell::integer(d));  // "day"
      } else if (columns[c].kind == CellKind::Integer) {
        row.push_back(Cell::integer(run * 100 + d + static_cast<std::int64_t>(c)));
      } else {
        row.push_back(
            Cell::real(d % 5 == 2 && c % 3 == 0 ? NAN : (run + d) / 7.0 + static_cast<double>(c)));
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

inline Json plan_json(int designs) {
  Json d = Json::array();
  for (int i = 0; i < designs; ++i) {
    d.push_back({{"label", i == 1 ? "odd, \"quoted\" <b>label</b>" : "design " + std::to_string(i)},
                 {"scenario", "baseline"},
                 {"overrides", Json::array()},
                 {"params", {{"governance.platform.level", std::to_string(i)}}},
                 {"scenario_hash", "0000000000000000"}});
  }
  return {{"kind", "sweep"},
          {"base_seed", 1},
          {"common_overrides", Json::array()},
          {"vary_keys", {"governance.platform.level"}},
          {"method", "factorial"},
          {"designs", d}};
}

inline RunRow run_row(int design, int replication) {
  RunRow r;
  r.key = "k" + std::to_string(design) + "-" + std::to_string(replication);
  r.design = design;
  r.label = design == 1 ? "odd, \"quoted\" <b>label</b>" : "design " + std::to_string(design);
  r.replication = replication;
  r.seed = static_cast<std::uint64_t>(1 + replication);
  r.params = "{\"governance.platform.level\":\"" + std::to_string(design) + "\"}";
  r.scenario = "baseline";
  r.scenario_hash = "0000000000000000";
  r.status = "done";
  r.started_utc = "2024-01-01T00:00:00Z";
  r.wall_seconds = 0.25;
  r.host = "test";
  r.manifest = "{\"seed\":" + std::to_string(r.seed) + "}";
  return r;
}

// designs x replications finished runs of `days` days each.
inline void fill(Store& store, int designs, int replications, int days) {
  store.begin(plan_json(designs), "test", "");
  for (int d = 0; d < designs; ++d) {
    for (int r = 0; r < replications; ++r) {
      store.commit(run_row(d, r), summary_row(d * 10 + r), series_rows(d * 10 + r, days));
    }
  }
}

inline bool same_cells(const CellRow& a, const CellRow& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    // NaN travels through SQLite as NULL and comes back as the canonical quiet NaN.
    if (a[i].kind == CellKind::Real && std::isnan(a[i].as_real())) {
      if (b[i].kind != CellKind::Real || !std::isnan(b[i].as_real())) return false;
    } else if (!(a[i] == b[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace govsim::batch::testing

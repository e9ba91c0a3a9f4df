// Byte strings for what travels between MPI ranks: finished runs, lists of spec indices and
// summaries. Numbers are copied as their 8 bytes, so a summary reaches rank 0 with the same bits
// it had where it was computed. Every rank runs the same govsim build on the same architecture
// (an MPI job does), so native byte order is fine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiments/columns.hpp"
#include "experiments/store.hpp"

namespace govsim::batch {

class ByteWriter {
 public:
  void u64(std::uint64_t x);
  void f64(double x);
  void str(const std::string& s);
  void cells(const CellRow& row);
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}
  std::uint64_t u64();
  double f64();
  std::string str();
  CellRow cells();
  bool done() const { return at_ == bytes_.size(); }

 private:
  void need(std::size_t n) const;
  const std::string& bytes_;
  std::size_t at_ = 0;
};

// A finished (or failed) run on its way to the store.
struct RunResult {
  std::size_t spec = 0;  // index into the batch's spec list
  RunRow row;
  CellRow summary;  // empty when the run failed
  std::vector<CellRow> series;
  RunTables tables;          // periods and grids
  bool input_error = false;  // the run failed on its input (exit code 2), not on a fault
};

std::string encode(const RunResult& result);
RunResult decode_result(const std::string& bytes);

// The summary of each spec of a batch, or nothing for a run that failed.
std::string encode(const std::vector<std::optional<CellRow>>& summaries);
std::vector<std::optional<CellRow>> decode_summaries(const std::string& bytes);

std::string encode(const std::vector<std::size_t>& indices);
std::vector<std::size_t> decode_indices(const std::string& bytes);

}  // namespace govsim::batch

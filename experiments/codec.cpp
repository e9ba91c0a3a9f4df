#include "experiments/codec.hpp"

#include <cstring>
#include <stdexcept>

namespace govsim::batch {

void ByteWriter::u64(std::uint64_t x) {
  char b[8];
  std::memcpy(b, &x, 8);
  bytes_.append(b, 8);
}

void ByteWriter::f64(double x) {
  std::uint64_t b = 0;
  std::memcpy(&b, &x, 8);
  u64(b);
}

void ByteWriter::str(const std::string& s) {
  u64(s.size());
  bytes_ += s;
}

void ByteWriter::cells(const CellRow& row) {
  u64(row.size());
  for (const Cell& c : row) {
    bytes_ += static_cast<char>(c.kind);
    u64(c.bits);
  }
}

void ByteReader::need(std::size_t n) const {
  if (bytes_.size() - at_ < n) throw std::runtime_error("truncated message between ranks");
}

std::uint64_t ByteReader::u64() {
  need(8);
  std::uint64_t x = 0;
  std::memcpy(&x, bytes_.data() + at_, 8);
  at_ += 8;
  return x;
}

double ByteReader::f64() {
  const std::uint64_t b = u64();
  double x = 0;
  std::memcpy(&x, &b, 8);
  return x;
}

std::string ByteReader::str() {
  const std::uint64_t n = u64();
  need(n);
  std::string s = bytes_.substr(at_, n);
  at_ += n;
  return s;
}

CellRow ByteReader::cells() {
  const std::uint64_t n = u64();
  need(n * 9);
  CellRow row;
  row.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    need(1);
    const auto kind = static_cast<CellKind>(bytes_[at_++]);
    if (kind != CellKind::Integer && kind != CellKind::Real && kind != CellKind::Hash) {
      throw std::runtime_error("bad cell in message between ranks");
    }
    row.push_back({kind, u64()});
  }
  return row;
}

std::string encode(const RunResult& r) {
  ByteWriter w;
  w.u64(r.spec);
  w.u64(r.input_error ? 1 : 0);
  const RunRow& row = r.row;
  w.str(row.key);
  w.u64(static_cast<std::uint64_t>(row.design));
  w.str(row.label);
  w.u64(static_cast<std::uint64_t>(row.replication));
  w.u64(row.seed);
  for (const std::string* s : {&row.params, &row.scenario, &row.scenario_hash, &row.status,
                               &row.error, &row.started_utc}) {
    w.str(*s);
  }
  w.f64(row.wall_seconds);
  w.str(row.host);
  w.str(row.manifest);
  w.cells(r.summary);
  w.u64(r.series.size());
  for (const CellRow& day : r.series) w.cells(day);
  w.u64(r.tables.periods.size());
  for (const CellRow& p : r.tables.periods) w.cells(p);
  w.u64(r.tables.grids.size());
  for (const CellRow& g : r.tables.grids) w.cells(g);
  w.u64(r.tables.grid_names.size());
  for (const GridNames& n : r.tables.grid_names) {
    w.str(n.street);
    w.str(n.community);
    w.str(n.grid);
  }
  return w.take();
}

RunResult decode_result(const std::string& bytes) {
  ByteReader in(bytes);
  RunResult r;
  r.spec = in.u64();
  r.input_error = in.u64() != 0;
  RunRow& row = r.row;
  row.key = in.str();
  row.design = static_cast<std::int64_t>(in.u64());
  row.label = in.str();
  row.replication = static_cast<std::int64_t>(in.u64());
  row.seed = in.u64();
  for (std::string* s : {&row.params, &row.scenario, &row.scenario_hash, &row.status, &row.error,
                         &row.started_utc}) {
    *s = in.str();
  }
  row.wall_seconds = in.f64();
  row.host = in.str();
  row.manifest = in.str();
  r.summary = in.cells();
  const std::uint64_t days = in.u64();
  for (std::uint64_t i = 0; i < days; ++i) r.series.push_back(in.cells());
  const std::uint64_t periods = in.u64();
  for (std::uint64_t i = 0; i < periods; ++i) r.tables.periods.push_back(in.cells());
  const std::uint64_t grids = in.u64();
  for (std::uint64_t i = 0; i < grids; ++i) r.tables.grids.push_back(in.cells());
  const std::uint64_t names = in.u64();
  for (std::uint64_t i = 0; i < names; ++i) {
    GridNames n;
    n.street = in.str();
    n.community = in.str();
    n.grid = in.str();
    r.tables.grid_names.push_back(std::move(n));
  }
  if (!in.done()) throw std::runtime_error("trailing bytes in a run message");
  return r;
}

std::string encode(const std::vector<std::optional<CellRow>>& summaries) {
  ByteWriter w;
  w.u64(summaries.size());
  for (const auto& s : summaries) {
    w.u64(s ? 1 : 0);
    if (s) w.cells(*s);
  }
  return w.take();
}

std::vector<std::optional<CellRow>> decode_summaries(const std::string& bytes) {
  ByteReader in(bytes);
  std::vector<std::optional<CellRow>> out(in.u64());
  for (auto& s : out) {
    if (in.u64() != 0) s = in.cells();
  }
  return out;
}

std::string encode(const std::vector<std::size_t>& indices) {
  ByteWriter w;
  w.u64(indices.size());
  for (const std::size_t i : indices) w.u64(i);
  return w.take();
}

std::vector<std::size_t> decode_indices(const std::string& bytes) {
  ByteReader in(bytes);
  std::vector<std::size_t> out(in.u64());
  for (std::size_t& i : out) i = in.u64();
  return out;
}

}  // namespace govsim::batch

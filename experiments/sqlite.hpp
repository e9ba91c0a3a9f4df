// A thin RAII layer over the SQLite C API: a connection, prepared statements, and errors turned
// into exceptions. I/O trouble (disk full, permissions, a locked file) is std::system_error, the
// environment's fault; anything else is std::runtime_error, a fault of ours.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "experiments/columns.hpp"

namespace govsim::batch {

class SqliteDb {
 public:
  SqliteDb(const std::string& path, bool read_only);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  void exec(const std::string& sql);
  [[noreturn]] void fail(int code, const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(const SqliteDb& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, std::int64_t value);
  void bind(int index, double value);  // NaN ("no data") becomes NULL
  void bind(int index, const std::string& value);
  void bind(int index, const Cell& cell);  // a hash is stored as 16 hex digits
  bool step();                             // true when a row is ready
  void reset();

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;  // NULL reads back as NaN
  std::string text(int column) const;
  Cell cell(int column, CellKind kind) const;

 private:
  const SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// An open transaction that rolls back unless committed, so that an exception between BEGIN and
// COMMIT leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(SqliteDb& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  SqliteDb& db_;
  bool open_ = true;
};

std::string quote_identifier(const std::string& name);

}  // namespace govsim::batch

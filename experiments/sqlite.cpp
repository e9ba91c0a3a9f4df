#include "experiments/sqlite.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "engine/errors.hpp"
#include "output/json_writer.hpp"

namespace govsim::batch {
namespace {

bool is_environment_error(int code) {
  switch (code & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM:
      return true;
    default:
      return false;
  }
}

// A damaged or hand-edited file is the user's to mend (exit 2), not a fault of govsim.
bool is_damaged_file(int code) {
  switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_SCHEMA:
      return true;
    default:
      return false;
  }
}

// "file:" URI of a path, for immutable=1: '%', '?' and '#' would end or change the path.
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static const char* const kHex = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

// A WAL database is read through its -shm file, which a reader must be able to create; on a
// read-only mount or in a folder that cannot be written it is opened as immutable instead (no
// one can be writing it there either).
bool needs_immutable(const std::string& path) {
  const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
  return ::access(path.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0;
}

std::uint64_t parse_hex(const std::string& text) {
  std::uint64_t x = 0;
  for (const char c : text) {
    x <<= 4;
    if (c >= '0' && c <= '9')
      x |= static_cast<std::uint64_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      x |= static_cast<std::uint64_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      x |= static_cast<std::uint64_t>(c - 'A' + 10);
    else
      throw std::runtime_error("not a hexadecimal hash: '" + text + "'");
  }
  return x;
}

}  // namespace

SqliteDb::SqliteDb(const std::string& path, bool read_only) : path_(path) {
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const bool immutable = read_only && path != ":memory:" && needs_immutable(path);
  const int rc = immutable
                     ? sqlite3_open_v2(file_uri(path).c_str(), &db_,
                                       flags | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr)
                     : sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::system_error(EIO, std::generic_category(),
                            "cannot open database '" + path + "': " + message);
  }
  // A sweep shares the file with a reader (`govsim report` while it runs): wait for locks.
  sqlite3_busy_timeout(db_, 10000);
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

void SqliteDb::fail(int code, const std::string& what) const {
  const std::string message = "database '" + path_ + "': " + what + ": " + sqlite3_errmsg(db_);
  if (is_environment_error(code)) throw std::system_error(EIO, std::generic_category(), message);
  if (is_damaged_file(code))
    throw InputError(message +
                     " (the file is damaged or was edited by hand; not a results "
                     "database govsim can read)");
  throw std::runtime_error(message);
}

void SqliteDb::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    const std::string what =
        "database '" + path_ + "': " + message + " (in: " + sql.substr(0, 80) + ")";
    if (is_environment_error(rc)) throw std::system_error(EIO, std::generic_category(), what);
    throw std::runtime_error(what);
  }
}

Statement::Statement(const SqliteDb& db, const std::string& sql) : db_(db) {
  const int rc =
      sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "cannot prepare '" + sql.substr(0, 80) + "'");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
}

void Statement::bind(int index, double value) {
  const int rc = std::isnan(value) ? sqlite3_bind_null(stmt_, index)
                                   : sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
}

void Statement::bind(int index, const std::string& value) {
  const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                   SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
}

void Statement::bind(int index, const Cell& cell) {
  switch (cell.kind) {
    case CellKind::Integer:
      bind(index, cell.as_integer());
      return;
    case CellKind::Real:
      bind(index, cell.as_real());
      return;
    case CellKind::Hash:
      bind(index, hex16(cell.as_hash()));
      return;
  }
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, "query failed");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const {
  return is_null(column) ? kNaN : sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

Cell Statement::cell(int column, CellKind kind) const {
  switch (kind) {
    case CellKind::Integer:
      return Cell::integer(integer(column));
    case CellKind::Real:
      return Cell::real(real(column));
    case CellKind::Hash:
      return Cell::hash(parse_hex(text(column)));
  }
  return {};
}

Transaction::Transaction(SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (...) {
    // A failed rollback leaves SQLite to roll back on the next open; nothing else can be done.
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace govsim::batch

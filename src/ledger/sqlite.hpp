// SPDX-License-Identifier: MIT
// A small RAII wrapper over the SQLite C API: Database, Statement, Transaction (BEGIN IMMEDIATE).
// Implemented in sqlite_store.cpp, the only file that includes <sqlite3.h>.
#pragma once

#include <contact_audit/core/error.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace contact_audit::ledger::sqlite {

// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock past the busy timeout.
class BusyError : public IoError
{
public:
  using IoError::IoError;
};

// Any other failure reported by SQLite (I/O, full disk, corruption, constraint).
class DatabaseError : public IoError
{
public:
  using IoError::IoError;
};

// One connection. Throws DatabaseError (BusyError when locked) with sqlite3_errmsg on any
// failure.
class Database
{
public:
  // Opens `path` read-write. The file must exist (create it with mode 0600 first).
  explicit Database(const std::filesystem::path& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);
  void set_busy_timeout(std::chrono::milliseconds timeout);
  // Throws IoError (or BusyError) "ledger: <what>: <sqlite3_errmsg>" for result `code`.
  [[noreturn]] void fail(int code, std::string_view what) const;
  const std::filesystem::path& path() const { return m_path; }
  sqlite3* handle() const { return m_db; }

private:
  sqlite3* m_db = nullptr;
  std::filesystem::path m_path;
};

// A prepared statement; reuse it with reset(). Not copyable.
class Statement
{
public:
  Statement(Database& database, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based; text is copied.
  void bind(int index, std::int64_t value);
  void bind(int index, std::string_view value);
  void bind(int index, const std::optional<std::int64_t>& value);
  void bind_null(int index);
  // True when a row is ready, false when done. Throws BusyError/IoError.
  bool step();
  // Step to completion (for INSERT/UPDATE/DELETE).
  void run();
  // Resets and clears the bindings. The return code repeats the last step's
  // error, which step() has already thrown, so it is deliberately not checked.
  void reset() noexcept;

  std::int64_t column_int64(int index) const;
  std::optional<std::int64_t> column_optional_int64(int index) const;
  std::string_view column_text(int index) const;
  bool column_is_null(int index) const;

private:
  Database& m_database;
  sqlite3_stmt* m_statement = nullptr;
};

// Resets a statement when the scope ends, so no read snapshot stays open.
class Use
{
public:
  explicit Use(Statement& statement) : m_statement(statement) { m_statement.reset(); }
  ~Use() { m_statement.reset(); }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  Statement* operator->() { return &m_statement; }
  Statement& operator*() { return m_statement; }

private:
  Statement& m_statement;
};

// BEGIN IMMEDIATE on construction (throws BusyError when the write lock is
// taken); ROLLBACK on destruction unless commit() succeeded.
class Transaction
{
public:
  explicit Transaction(Database& database);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Database& m_database;
  bool m_done = false;
};

} // namespace contact_audit::ledger::sqlite

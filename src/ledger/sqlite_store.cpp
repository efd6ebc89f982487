// SPDX-License-Identifier: MIT
// The SQLite RAII wrapper, opening a ledger file (0600, WAL, migrations) and write transactions.
#include "sqlite_store.hpp"

#include "random.hpp"

#include <contact_audit/ledger/time.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace contact_audit::ledger {

namespace sqlite {

Database::Database(const std::filesystem::path& path) : m_path(path)
{
  const int code =
      sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    sqlite3_close(m_db);
    m_db = nullptr;
    throw IoError(path.string() + ": The ledger cannot be opened: " + message + ".");
  }
  sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database()
{
  sqlite3_close_v2(m_db);
}

void Database::exec(const char* sql)
{
  char* error = nullptr;
  const int code = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    sqlite3_free(error);
    fail(code, "executing SQL");
  }
}

void Database::set_busy_timeout(std::chrono::milliseconds timeout)
{
  const int code = sqlite3_busy_timeout(m_db, static_cast<int>(timeout.count()));
  if (code != SQLITE_OK) {
    fail(code, "setting the busy timeout");
  }
}

void Database::fail(int code, std::string_view what) const
{
  const int primary = code & 0xFF;
  std::string reason = sqlite3_errmsg(m_db);
  // "disk I/O error" alone does not tell a full disk from a broken one.
  const int extended = sqlite3_extended_errcode(m_db);
  if (primary == SQLITE_FULL || extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_FSYNC ||
      extended == SQLITE_IOERR_TRUNCATE || extended == SQLITE_IOERR_SHMSIZE) {
    reason += " (writing to the disk failed: it may be full, or the file may not grow any "
              "further)";
  } else if (const int system_errno = sqlite3_system_errno(m_db); system_errno != 0) {
    reason += std::string(" (") + std::strerror(system_errno) + ")";
  }
  const std::string message =
      m_path.string() + ": The ledger failed while " + std::string(what) + ": " + reason + ".";
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw BusyError(message);
  }
  throw DatabaseError(message);
}

Statement::Statement(Database& database, std::string_view sql) : m_database(database)
{
  const int code = sqlite3_prepare_v3(database.handle(),
                                      sql.data(),
                                      static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT,
                                      &m_statement,
                                      nullptr);
  if (code != SQLITE_OK) {
    database.fail(code, "preparing a statement");
  }
}

Statement::~Statement()
{
  sqlite3_finalize(m_statement);
}

void Statement::bind(int index, std::int64_t value)
{
  const int code = sqlite3_bind_int64(m_statement, index, value);
  if (code != SQLITE_OK) {
    m_database.fail(code, "binding a value");
  }
}

void Statement::bind(int index, std::string_view value)
{
  const int code = sqlite3_bind_text64(
      m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (code != SQLITE_OK) {
    m_database.fail(code, "binding a value");
  }
}

void Statement::bind(int index, const std::optional<std::int64_t>& value)
{
  if (value) {
    bind(index, *value);
  } else {
    bind_null(index);
  }
}

void Statement::bind_null(int index)
{
  const int code = sqlite3_bind_null(m_statement, index);
  if (code != SQLITE_OK) {
    m_database.fail(code, "binding a value");
  }
}

bool Statement::step()
{
  const int code = sqlite3_step(m_statement);
  if (code == SQLITE_ROW) {
    return true;
  }
  if (code == SQLITE_DONE) {
    return false;
  }
  m_database.fail(code, "running a statement");
}

void Statement::run()
{
  while (step()) {
  }
}

void Statement::reset() noexcept
{
  sqlite3_reset(m_statement);
  sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::column_int64(int index) const
{
  return sqlite3_column_int64(m_statement, index);
}

std::optional<std::int64_t> Statement::column_optional_int64(int index) const
{
  if (column_is_null(index)) {
    return std::nullopt;
  }
  return column_int64(index);
}

std::string_view Statement::column_text(int index) const
{
  const auto* text = sqlite3_column_text(m_statement, index);
  if (text == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index))};
}

bool Statement::column_is_null(int index) const
{
  return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

Transaction::Transaction(Database& database) : m_database(database)
{
  m_database.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
  if (!m_done) {
    // Nothing can be reported from a destructor; SQLite rolls back on close anyway.
    sqlite3_exec(m_database.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit()
{
  m_database.exec("COMMIT");
  m_done = true;
}

} // namespace sqlite

namespace {

// Create the folder (0700) and the file (0600) before SQLite opens it, so the
// personal data is never readable by others, whatever the umask. SQLite gives
// the -wal and -shm files the mode of the database file.
std::filesystem::path prepare_file(const std::filesystem::path& path, bool must_exist)
{
  if (must_exist && !std::filesystem::exists(path)) {
    throw InputError(path.string() +
                     ": There is no ledger at this path; record a consent first or name the "
                     "ledger with --ledger.");
  }
  const auto folder = path.parent_path();
  if (!folder.empty() && !std::filesystem::exists(folder)) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
      throw IoError(folder.string() + ": The ledger folder cannot be created: " + error.message() +
                    ".");
    }
    ::chmod(folder.c_str(), 0700);
  }
  const mode_t previous = ::umask(077);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  const int open_errno = errno;
  ::umask(previous);
  if (fd < 0) {
    throw IoError(path.string() + ": The ledger cannot be opened: " + std::strerror(open_errno) +
                  ".");
  }
  ::close(fd);
  return path;
}

} // namespace

SqliteStore::SqliteStore(const std::filesystem::path& path, const StoreOptions& options)
    : m_options(options), m_database(prepare_file(path, options.must_exist))
{
  configure(m_database);
  enable_wal();
  migrate();
}

void SqliteStore::configure(sqlite::Database& database) const
{
  database.set_busy_timeout(m_options.busy_timeout);
  database.exec("PRAGMA foreign_keys = ON");
  database.exec("PRAGMA synchronous = FULL");
  database.exec("PRAGMA cache_size = -65536");
  database.exec("PRAGMA mmap_size = 2147418112");
}

void SqliteStore::enable_wal()
{
  // Switching a new file to WAL needs a brief exclusive lock; a second process
  // opening the same new ledger may be refused even after the busy timeout.
  for (int attempt = 0;; ++attempt) {
    try {
      {
        // Already WAL (every ledger but a brand-new one): reading the mode needs no
        // lock, so opening never waits for a long import in another process.
        sqlite::Statement current(m_database, "PRAGMA journal_mode");
        if (current.step() && current.column_text(0) == "wal") {
          return;
        }
      }
      sqlite::Statement mode(m_database, "PRAGMA journal_mode = WAL");
      if (!mode.step() || mode.column_text(0) != "wal") {
        throw IoError(m_database.path().string() + ": The ledger cannot use write-ahead logging.");
      }
      return;
    } catch (const sqlite::BusyError&) {
      if (attempt == 50) {
        throw;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

void SqliteStore::migrate()
{
  // The usual case, an up-to-date ledger, needs no write lock: a query must not
  // wait for an import running in another process.
  {
    sqlite::Statement version(m_database, "PRAGMA user_version");
    if (version.step() && version.column_int64(0) == current_schema_version()) {
      version.reset();
      sqlite::Statement id(m_database, "SELECT value FROM meta WHERE key = 'ledger_id'");
      if (id.step()) {
        m_ledger_id = std::string(id.column_text(0));
        m_schema_version = current_schema_version();
        return;
      }
    }
  }
  write([this] {
    sqlite::Statement version(m_database, "PRAGMA user_version");
    version.step();
    int stored = static_cast<int>(version.column_int64(0));
    version.reset();
    if (stored > current_schema_version()) {
      throw IoError(m_database.path().string() + ": The ledger has schema version " +
                    std::to_string(stored) + ", newer than this program's " +
                    std::to_string(current_schema_version()) + "; update contact-audit.");
    }
    for (; stored < current_schema_version(); ++stored) {
      m_database.exec(migration_sql(stored));
      m_database.exec(("PRAGMA user_version = " + std::to_string(stored + 1)).c_str());
    }
    sqlite::Statement id(m_database, "SELECT value FROM meta WHERE key = 'ledger_id'");
    if (id.step()) {
      m_ledger_id = std::string(id.column_text(0));
    } else {
      id.reset();
      m_ledger_id = random_uuid();
      sqlite::Statement insert(m_database,
                               "INSERT INTO meta(key, value) VALUES ('ledger_id', ?1), "
                               "('created_at', ?2)");
      insert.bind(1, m_ledger_id);
      insert.bind(2, format_timestamp(now_utc()));
      insert.run();
    }
    m_schema_version = stored;
  });
}

void SqliteStore::write(const std::function<void()>& work)
{
  if (m_transaction_depth > 0) {
    work();
    return;
  }
  std::minstd_rand jitter(static_cast<unsigned>(::getpid()));
  const auto started = std::chrono::steady_clock::now();
  auto pause = std::chrono::milliseconds(20);
  for (;;) {
    std::optional<sqlite::Transaction> transaction;
    try {
      transaction.emplace(m_database);
    } catch (const sqlite::BusyError&) {
      if (std::chrono::steady_clock::now() - started > m_options.lock_wait_limit) {
        throw IoError(m_database.path().string() +
                      ": The ledger is locked by another writer and stayed locked for " +
                      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                         m_options.lock_wait_limit)
                                         .count()) +
                      " s; nothing was written. Try again when the other import has finished.");
      }
      std::this_thread::sleep_for(pause + std::chrono::milliseconds(jitter() % 20));
      pause = std::min(pause * 2, std::chrono::milliseconds(1000));
      continue;
    }
    m_cached_head.reset();
    ++m_transaction_depth;
    const auto forget = [this] {
      --m_transaction_depth;
      m_cached_head.reset();
      m_last_subject = {};
    };
    try {
      work();
      transaction->commit();
    } catch (const sqlite::BusyError&) {
      forget();
      throw;
    } catch (const sqlite::DatabaseError& error) {
      forget();
      // The transaction object rolls back on destruction: say so, the user will ask.
      throw IoError(std::string(error.what()) +
                    " Nothing was written: the whole change was rolled back.");
    } catch (...) {
      forget();
      throw;
    }
    --m_transaction_depth;
    m_cached_head.reset();
    return;
  }
}

void SqliteStore::require_transaction(std::string_view what) const
{
  if (m_transaction_depth == 0) {
    throw IoError("Internal error: " + std::string(what) + " must run inside Store::write().");
  }
}

std::unique_ptr<Store> open_store(const std::filesystem::path& path, const StoreOptions& options)
{
  return std::make_unique<SqliteStore>(path, options);
}

std::filesystem::path default_ledger_path()
{
  if (const char* explicit_path = std::getenv("CONTACT_AUDIT_LEDGER");
      explicit_path != nullptr && *explicit_path != '\0') {
    return explicit_path;
  }
  std::filesystem::path data_home;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/') {
    data_home = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    data_home = std::filesystem::path(home) / ".local" / "share";
  } else {
    throw InputError("Neither CONTACT_AUDIT_LEDGER, XDG_DATA_HOME nor HOME is set; name the "
                     "ledger with --ledger PATH.");
  }
  return data_home / "contact-audit" / "ledger.sqlite";
}

} // namespace contact_audit::ledger

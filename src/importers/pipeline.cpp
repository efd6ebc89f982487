// SPDX-License-Identifier: MIT
// The import pipeline: the calling thread reads, a pool normalises phone numbers,
// and results are delivered in file order with their diagnostics.
#include <contact_audit/core/error.hpp>
#include <contact_audit/importers/pipeline.hpp>
#include <contact_audit/phone/normaliser.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace contact_audit::importers {
namespace {

// One contact (or none, for diagnostics at the end of a file) with the reader
// diagnostics that came before it and the phone diagnostics found for it.
struct Entry
{
  std::vector<Diagnostic> diagnostics;
  std::optional<contact::Contact> contact;
  std::string region;
};

struct Batch
{
  std::vector<Entry> entries;
  bool normalised = false;
};

// Collects a reader's diagnostics into the entry being built.
class EntrySink final : public DiagnosticSink
{
public:
  void report(Diagnostic diagnostic) override { m_pending.push_back(std::move(diagnostic)); }
  std::vector<Diagnostic> take() { return std::exchange(m_pending, {}); }

private:
  std::vector<Diagnostic> m_pending;
};

Severity severity_of(phone::NumberStatus status)
{
  switch (status) {
  case phone::NumberStatus::valid:
  case phone::NumberStatus::service:
    return Severity::info;
  case phone::NumberStatus::ambiguous:
  case phone::NumberStatus::invalid:
  case phone::NumberStatus::unparsable:
    return Severity::warning;
  }
  return Severity::warning;
}

void normalise_entry(Entry& entry,
                     phone::Normaliser& normaliser,
                     phone::SharedNumberCache* shared = nullptr)
{
  if (!entry.contact) {
    return;
  }
  for (auto& number : entry.contact->phones) {
    number.number = shared != nullptr ? shared->normalise(normaliser, number.raw, entry.region)
                                      : normaliser.normalise(number.raw, entry.region);
    if (!number.number.issue.empty()) {
      entry.diagnostics.push_back(Diagnostic{entry.contact->source.file,
                                             number.line,
                                             severity_of(number.number.status),
                                             number.number.issue_code,
                                             number.number.issue});
    }
  }
}

// Batches flow: the reader appends to `m_order`, workers normalise them, the
// reader delivers the front batch once it is done. At most `m_max_in_flight`
// batches exist, which keeps memory flat.
class NormalisationPool
{
public:
  NormalisationPool(std::string region, unsigned threads, std::size_t max_in_flight)
      : m_max_in_flight(max_in_flight)
  {
    for (unsigned i = 0; i < threads; ++i) {
      m_workers.emplace_back([this, region] { work(region); });
    }
  }

  ~NormalisationPool()
  {
    {
      const std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_work_ready.notify_all();
    for (auto& worker : m_workers) {
      worker.join();
    }
  }

  NormalisationPool(const NormalisationPool&) = delete;
  NormalisationPool& operator=(const NormalisationPool&) = delete;

  // Queue `batch`; when too many are in flight, first deliver finished ones.
  template <typename Deliver> void submit(std::unique_ptr<Batch> batch, Deliver&& deliver)
  {
    while (in_flight() >= m_max_in_flight) {
      deliver_front(deliver);
    }
    {
      const std::lock_guard lock(m_mutex);
      m_todo.push_back(batch.get());
      m_order.push_back(std::move(batch));
    }
    m_work_ready.notify_one();
  }

  template <typename Deliver> void drain(Deliver&& deliver)
  {
    while (in_flight() > 0) {
      deliver_front(deliver);
    }
  }

private:
  std::size_t in_flight()
  {
    const std::lock_guard lock(m_mutex);
    return m_order.size();
  }

  template <typename Deliver> void deliver_front(Deliver& deliver)
  {
    std::unique_ptr<Batch> front;
    {
      std::unique_lock lock(m_mutex);
      m_batch_done.wait(lock, [this] { return m_failure || m_order.front()->normalised; });
      if (m_failure) {
        std::rethrow_exception(m_failure);
      }
      front = std::move(m_order.front());
      m_order.pop_front();
    }
    deliver(*front);
  }

  void work(const std::string& region)
  {
    try {
      phone::Normaliser normaliser(region);
      for (;;) {
        Batch* batch = nullptr;
        {
          std::unique_lock lock(m_mutex);
          m_work_ready.wait(lock, [this] { return m_stopping || !m_todo.empty(); });
          if (m_todo.empty()) {
            return;
          }
          batch = m_todo.front();
          m_todo.pop_front();
        }
        for (auto& entry : batch->entries) {
          normalise_entry(entry, normaliser);
        }
        {
          const std::lock_guard lock(m_mutex);
          batch->normalised = true;
        }
        m_batch_done.notify_all();
      }
    } catch (...) {
      {
        const std::lock_guard lock(m_mutex);
        m_failure = std::current_exception();
      }
      m_batch_done.notify_all();
    }
  }

  std::size_t m_max_in_flight;
  std::mutex m_mutex;
  std::condition_variable m_work_ready;
  std::condition_variable m_batch_done;
  std::deque<std::unique_ptr<Batch>> m_order;
  std::deque<Batch*> m_todo;
  std::exception_ptr m_failure;
  bool m_stopping = false;
  std::vector<std::thread> m_workers;
};

void count_phone(ImportSummary& summary, const contact::Phone& number)
{
  ++summary.phones;
  switch (number.number.status) {
  case phone::NumberStatus::valid:
    ++summary.phones_valid;
    break;
  case phone::NumberStatus::ambiguous:
    ++summary.phones_ambiguous;
    break;
  case phone::NumberStatus::invalid:
    ++summary.phones_invalid;
    break;
  case phone::NumberStatus::service:
    ++summary.phones_service;
    break;
  case phone::NumberStatus::unparsable:
    ++summary.phones_unparsable;
    break;
  }
}

unsigned thread_count(unsigned requested)
{
  if (requested != 0) {
    return requested;
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

void add_file_stats(ImportSummary& summary, const ReaderStats& stats)
{
  ++summary.files;
  summary.contacts_read += stats.contacts_read;
  summary.contacts_rejected += stats.contacts_rejected;
  summary.properties_dropped += stats.properties_dropped;
  summary.per_file.push_back(stats);
}

// The single-threaded path over a shared cache: the caller runs many imports in
// parallel, so a pool per import would only add threads and hand-overs.
ImportSummary run_import_inline(const std::vector<InputFile>& files,
                                const PipelineOptions& options,
                                const std::function<void(contact::Contact&&)>& on_contact,
                                DiagnosticSink& sink)
{
  phone::Normaliser normaliser(options.region);
  ImportSummary summary;
  for (const auto& file : files) {
    auto reader = open_reader(file.path, file.options);
    const std::string region = file.options.region.empty() ? options.region : file.options.region;
    EntrySink reader_sink;
    for (;;) {
      Entry entry{{}, reader->next(reader_sink), region};
      entry.diagnostics = reader_sink.take();
      normalise_entry(entry, normaliser, options.shared_cache);
      for (auto& diagnostic : entry.diagnostics) {
        sink.report(std::move(diagnostic));
      }
      if (!entry.contact) {
        break;
      }
      for (const auto& number : entry.contact->phones) {
        count_phone(summary, number);
      }
      on_contact(std::move(*entry.contact));
    }
    add_file_stats(summary, reader->stats());
  }
  return summary;
}

} // namespace

ImportSummary run_import(const std::vector<InputFile>& files,
                         const PipelineOptions& options,
                         const std::function<void(contact::Contact&&)>& on_contact,
                         DiagnosticSink& sink)
{
  if (options.shared_cache != nullptr) {
    return run_import_inline(files, options, on_contact, sink);
  }
  // Fail before delivering anything when the default region is unknown.
  phone::Normaliser region_check(options.region);
  ImportSummary summary;
  const unsigned threads = thread_count(options.threads);
  NormalisationPool pool(options.region, threads, std::size_t{4} * threads);
  const auto deliver = [&](Batch& batch) {
    for (auto& entry : batch.entries) {
      for (auto& diagnostic : entry.diagnostics) {
        sink.report(std::move(diagnostic));
      }
      if (entry.contact) {
        for (const auto& number : entry.contact->phones) {
          count_phone(summary, number);
        }
        on_contact(std::move(*entry.contact));
      }
    }
  };
  const std::size_t batch_size = std::max<std::size_t>(1, options.batch_size);
  for (const auto& file : files) {
    auto reader = open_reader(file.path, file.options);
    const std::string region = file.options.region.empty() ? options.region : file.options.region;
    EntrySink reader_sink;
    auto batch = std::make_unique<Batch>();
    for (;;) {
      auto next = reader->next(reader_sink);
      batch->entries.push_back(Entry{reader_sink.take(), std::move(next), region});
      const bool at_end = !batch->entries.back().contact;
      if (at_end || batch->entries.size() >= batch_size) {
        pool.submit(std::exchange(batch, std::make_unique<Batch>()), deliver);
      }
      if (at_end) {
        break;
      }
    }
    pool.drain(deliver);
    add_file_stats(summary, reader->stats());
  }
  return summary;
}

} // namespace contact_audit::importers

// SPDX-License-Identifier: MIT
// Unit tests of phone::SharedNumberCache: the same answers as a Normaliser, each number parsed
// once.
#include <contact_audit/phone/shared_cache.hpp>

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace contact_audit::phone;

TEST_SUITE("phone::SharedNumberCache")
{
  TEST_CASE("a cached number equals the Normaliser's answer, for each region apart")
  {
    SharedNumberCache cache;
    Normaliser local("DE");
    Normaliser reference("DE");
    CHECK(cache.normalise(local, "030 1234567", "") == reference.normalise("030 1234567"));
    CHECK(cache.normalise(local, "030 1234567", "") == reference.normalise("030 1234567"));
    CHECK(cache.normalise(local, "030 1234567", "AT") == reference.normalise("030 1234567", "AT"));
    CHECK(cache.misses() == 2);
    CHECK(cache.hits() == 1);
    CHECK(cache.size() == 2);
  }

  TEST_CASE("threads share one cache and agree on every number")
  {
    SharedNumberCache cache;
    std::vector<std::string> raws;
    for (int i = 0; i < 200; ++i) {
      raws.push_back("0151 " + std::to_string(20000000 + i));
    }
    std::vector<std::vector<NormalisedNumber>> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
      threads.emplace_back([&, t] {
        Normaliser local("DE");
        for (const auto& raw : raws) {
          results[t].push_back(cache.normalise(local, raw, ""));
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    for (std::size_t t = 1; t < results.size(); ++t) {
      CHECK(results[t] == results[0]);
    }
    CHECK(results[0][5].e164 == "+4915120000005");
    CHECK(cache.size() == raws.size());
    CHECK(cache.hits() + cache.misses() == 800);
    CHECK(cache.misses() >= raws.size());
  }

  TEST_CASE("past its limit the cache stops growing but still answers")
  {
    SharedNumberCache cache(0);
    Normaliser local("DE");
    for (int i = 0; i < 100; ++i) {
      CHECK(!cache.normalise(local, "0151 " + std::to_string(20000000 + i), "").e164.empty());
    }
    CHECK(cache.size() <= 32);
  }
}

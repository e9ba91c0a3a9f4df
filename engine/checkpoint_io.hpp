// Checkpoints: the full state of a simulation as bytes, so that a run can stop and go on later
// with the same bits as if it had never stopped.
//
// Layout: magic "GOVSIMCK", format version, govsim version, payload length, payload, and an
// FNV-1a digest of the payload. The payload holds the scenario (walked with `describe`, so it
// needs no YAML), the day, every population, every open case, every desk queue and pending
// event, and the metrics so far. The city is rebuilt from the scenario: it is a pure function
// of it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/errors.hpp"

namespace govsim {

inline constexpr std::uint32_t kCheckpointFormat = 2;

class CheckpointWriter {
 public:
  template <class T>
  void pod(const T& x) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&x), sizeof x);
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint64_t>(s.size()));
    bytes_.append(s);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class CheckpointReader {
 public:
  CheckpointReader(const char* data, std::size_t size, std::string file)
      : p_(data), end_(data + size), file_(std::move(file)) {}
  template <class T>
  void pod(T& x) {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof x);
    std::memcpy(&x, p_, sizeof x);
    p_ += sizeof x;
  }
  template <class T>
  void vec(std::vector<T>& v) {
    std::uint64_t n = 0;
    pod(n);
    if (n > remaining() / std::max<std::size_t>(1, sizeof(T)))
      fail("a list is longer than the file");
    v.resize(n);
    if (n) {
      std::memcpy(v.data(), p_, n * sizeof(T));
      p_ += n * sizeof(T);
    }
  }
  void str(std::string& s) {
    std::uint64_t n = 0;
    pod(n);
    need(n);
    s.assign(p_, n);
    p_ += n;
  }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(file_ + ": not a usable checkpoint: " + what);
  }

 private:
  void need(std::size_t n) {
    if (n > remaining()) fail("it is truncated");
  }
  const char* p_;
  const char* end_;
  std::string file_;
};

}  // namespace govsim

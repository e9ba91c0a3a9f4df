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
#include "engine/schema.hpp"

namespace govsim {

inline constexpr std::uint32_t kCheckpointFormat = 12;

// The largest checkpoint file read: the largest city the caps allow (50 million residents, some
// 30 bytes each, with cases and desks) fits well inside; /dev/zero or a disk image does not.
inline constexpr std::uintmax_t kCheckpointMaxBytes = 8ull * 1024 * 1024 * 1024;

inline constexpr char kCheckpointMagic[8] = {'G', 'O', 'V', 'S', 'I', 'M', 'C', 'K'};

// FNV-1a over the payload: the digest at the end of a checkpoint file.
inline std::uint64_t checkpoint_digest(const char* p, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 0x100000001b3ull;
  }
  return h;
}

class CheckpointWriter {
 public:
  template <class T>
  void pod(const T& x) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&x), sizeof x);
  }
  template <class T, class A>
  void vec(const std::vector<T, A>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint64_t>(s.size()));
    bytes_.append(s);
  }
  void flag(bool x) { pod(static_cast<std::uint8_t>(x ? 1 : 0)); }
  // A list: its length, then each item through `each(*this, item)`.
  template <class T, class F>
  void list(const std::vector<T>& v, F&& each) {
    pod(static_cast<std::uint64_t>(v.size()));
    for (const T& x : v) each(*this, x);
  }
  // A parameter struct, field by field in the order of its `describe` list.
  template <class S>
  void config(const S& s);
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
  template <class T, class A>
  void vec(std::vector<T, A>& v) {
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
  // A bool is one byte, 0 or 1; any other byte is refused (it is not a bool).
  void flag(bool& x) {
    std::uint8_t byte = 0;
    pod(byte);
    if (byte > 1) fail("a flag is neither true nor false");
    x = byte == 1;
  }
  template <class T, class F>
  void list(std::vector<T>& v, F&& each) {
    std::uint64_t n = 0;
    pod(n);
    if (n > remaining()) fail("a list is longer than the file");
    v.resize(n);
    for (T& x : v) each(*this, x);
  }
  template <class S>
  void config(S& s);
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

// Walks a parameter struct's `describe` list, writing or reading each field in order.
struct SchemaWriter {
  CheckpointWriter& w;
  void number(const char*, double& x, double, double, const FieldDoc&) { w.pod(x); }
  template <class T>
  void integer(const char*, T& x, long long, long long, const FieldDoc&) {
    w.pod(x);
  }
  void flag(const char*, bool& x, const FieldDoc&) { w.flag(x); }
  template <class E, class N>
  void choice(const char*, E& x, const N&, const FieldDoc&) {
    w.pod(x);
  }
  void text(const char*, std::string& x, const FieldDoc&) { w.str(x); }
  template <class S>
  void group(const char*, S& s, const char*) {
    describe(*this, s);
  }
};

struct SchemaReader {
  CheckpointReader& r;
  void number(const char*, double& x, double, double, const FieldDoc&) { r.pod(x); }
  template <class T>
  void integer(const char*, T& x, long long, long long, const FieldDoc&) {
    r.pod(x);
  }
  void flag(const char*, bool& x, const FieldDoc&) { r.flag(x); }
  template <class E, class N>
  void choice(const char*, E& x, const N& names, const FieldDoc&) {
    r.pod(x);
    if (static_cast<std::size_t>(x) >= names.size()) r.fail("a choice is out of range");
  }
  void text(const char*, std::string& x, const FieldDoc&) { r.str(x); }
  template <class S>
  void group(const char*, S& s, const char*) {
    describe(*this, s);
  }
};

template <class S>
void CheckpointWriter::config(const S& s) {
  S copy = s;  // describe lists take their struct by reference
  SchemaWriter out{*this};
  describe(out, copy);
}

template <class S>
void CheckpointReader::config(S& s) {
  SchemaReader in{*this};
  describe(in, s);
}

}  // namespace govsim

// Reading a user's input file whole, once its size is known to be within a limit: a path to a huge
// file must be refused before any memory is spent on it, and a device such as /dev/zero (no size,
// no end) is not a file at all. Every reader of user files (scenarios, city tables, GeoJSON
// cities) goes through here, so that they refuse the same things.
#pragma once

#include <cstdint>
#include <string>

namespace govsim {

// What each refusal says after "path: ". The wording is the reader's, since each names its file
// kind (a city table, a GeoJSON city) or its limit in its own way.
struct BoundedFileMessages {
  std::string missing;     // not a regular file
  std::string too_large;   // over the limit, or its size cannot be read
  std::string unopenable;  // exists, but cannot be opened
};

// "<what> is larger than N MiB, the most a <what> may be".
std::string larger_than_message(const std::string& what, std::uintmax_t max_bytes);

// The messages of a reader of one kind of file, e.g. what = "city table": "cannot open city table:
// no such file", larger_than_message(what, max_bytes), "cannot open city table".
BoundedFileMessages bounded_file_messages(const std::string& what, std::uintmax_t max_bytes);

// The bytes of the file at path; throws InputError (located at the file) when it is missing, larger
// than max_bytes or cannot be opened.
std::string read_bounded_file(const std::string& path, std::uintmax_t max_bytes,
                              const BoundedFileMessages& messages);

}  // namespace govsim

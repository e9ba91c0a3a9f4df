#include "scenarios/bounded_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "engine/errors.hpp"
#include "engine/file_kind.hpp"
#include "model/limits.hpp"

namespace govsim {

std::string larger_than_message(const std::string& what, std::uintmax_t max_bytes) {
  return what + " is larger than " + std::to_string(limits::mebibytes(max_bytes)) +
         " MiB, the most a " + what + " may be";
}

BoundedFileMessages bounded_file_messages(const std::string& what, std::uintmax_t max_bytes) {
  return {"cannot open " + what + ": no such file", larger_than_message(what, max_bytes),
          "cannot open " + what};
}

std::string read_bounded_file(const std::string& path, std::uintmax_t max_bytes,
                              const BoundedFileMessages& messages) {
  std::error_code error;
  if (const PathKind kind = path_kind(path); kind.kind != FileKind::Regular) {
    if (kind.kind == FileKind::Missing) throw InputError(located(path, 0, 0, messages.missing));
    throw InputError(located(
        path, 0, 0, messages.unopenable + ": it is " + kind.words + ", not a regular file"));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > max_bytes) throw InputError(located(path, 0, 0, messages.too_large));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(located(path, 0, 0, messages.unopenable));
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace govsim

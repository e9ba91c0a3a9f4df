#include "scenarios/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

namespace govsim {

std::optional<std::string> gb18030_to_utf8(const std::string& text) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  // A GB18030 character of 1, 2 or 4 bytes is at most 4 bytes of UTF-8.
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());  // iconv's signature; the input is not written
  std::size_t in_left = text.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t done = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

std::string byte_position(const std::string& text, std::size_t offset) {
  const std::size_t end = std::min(offset, text.size());
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(end), '\n');
  const std::size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
  const std::size_t column = start == std::string::npos || end == 0 ? end + 1 : end - start;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace govsim

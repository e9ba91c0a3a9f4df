#include "output/csv_writer.hpp"

#include <charconv>
#include <cmath>

namespace govsim {

std::string format_csv_number(double x) {
  if (std::isnan(x)) return "";
  char buf[64];
  // std::to_chars without a precision gives the shortest text that parses back to x exactly.
  const auto result = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, result.ptr);
}

std::string format_csv_number(std::int64_t x) { return std::to_string(x); }
std::string format_csv_number(std::uint64_t x) { return std::to_string(x); }

}  // namespace govsim

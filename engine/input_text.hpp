// Reading what users type: finite numbers, and "did you mean" suggestions for misspelt names.
// Header-only so that every layer that reads user input (city tables, scenarios, the command
// line) words its messages the same way without a link dependency.
#pragma once

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govsim {

// Case-insensitive edit distance counting a swap of two neighbouring letters as one edit
// (optimal string alignment), since "levle" for "level" is the commonest typo of all.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

// The candidate closest to `word`, or "" when none is close enough to be a plausible typo
// (distance at most a third of the longer name, and at least 1 allowed edit).
inline std::string nearest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const std::string& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    const std::size_t allowed =
        std::max<std::size_t>(1, std::max(word.size(), candidate.size()) / 3);
    if (d <= allowed && d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

inline std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

// "; did you mean 'x'?" when a candidate is close, else "; valid <what>: 'a', 'b', ...".
inline std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                              std::string_view what = "keys") {
  const std::string nearest = nearest_name(word, candidates);
  if (!nearest.empty()) return "; did you mean '" + nearest + "'?";
  return "; valid " + std::string(what) + ": " + quoted_list(candidates);
}

// A finite decimal number (optional sign, exponent). NaN, infinities, hex and trailing text are
// refused: a scenario value must mean one thing on every platform.
inline std::optional<double> parse_finite(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Shortest text that reads back as the same double; whole numbers without an exponent
// ("0.3", "10000000", "1.5e-09").
inline std::string format_number(double value) {
  char buffer[32];
  const bool whole = std::floor(value) == value && std::fabs(value) < 1e15;
  const auto result =
      whole ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value))
            : std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// 'text' for a message, shortened when long: a whole file pasted into one value must not flood
// the terminal.
inline std::string quoted_for_message(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kMax - 3)) + "...'";
}

// Six significant digits, for derived figures such as a sum of shares ("1.2", not
// "1.2000000000000002").
inline std::string format_rounded(double value) {
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6);
  return std::string(buffer, result.ptr);
}

inline std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace govsim

#include "experiments/names.hpp"

#include <algorithm>
#include <cstddef>

namespace govsim::batch {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = name.size() / 3 + 2;  // beyond this a suggestion only confuses
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  const std::string best = nearest_name(name, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

std::vector<std::string> short_key_names(const std::vector<std::string>& keys) {
  std::vector<std::vector<std::string>> paths;
  for (const std::string& k : keys) paths.push_back(split(k, '.'));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::string chosen = keys[i];
    for (std::size_t take = 1; take <= paths[i].size(); ++take) {
      const auto tail = [&](const std::vector<std::string>& p) {
        if (p.size() < take) return std::string("\x1f");  // cannot equal a real tail
        return join(std::vector<std::string>(p.end() - static_cast<std::ptrdiff_t>(take), p.end()),
                    ".");
      };
      const std::string mine = tail(paths[i]);
      bool unique = true;
      for (std::size_t j = 0; j < keys.size() && unique; ++j) {
        if (j != i && keys[j] != keys[i] && tail(paths[j]) == mine) unique = false;
      }
      if (unique) {
        chosen = mine;
        break;
      }
    }
    out.push_back(chosen);
  }
  return out;
}

}  // namespace govsim::batch

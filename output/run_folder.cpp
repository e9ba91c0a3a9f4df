#include "output/run_folder.hpp"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/errors.hpp"
#include "engine/i18n.hpp"

namespace govsim {
namespace {

// The length of a valid UTF-8 sequence at `i` and its code point, or 0.
std::size_t utf8_at(const std::string& s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = b & (0x7fu >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3fu);
  }
  const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

// Characters that would make a folder name hard to see or to type: C1 controls, the no-break and
// zero-width spaces, the line and paragraph separators, bidirectional controls, the BOM.
bool invisible(char32_t c) {
  return c < 0xa0 || c == 0xad || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
         (c >= 0x2060 && c <= 0x206f) || c == 0x3000 || c == 0xfeff;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string folder_name(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const char c = name[i];
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    char32_t cp = 0;
    const std::size_t n = static_cast<unsigned char>(c) >= 0x80 ? utf8_at(name, i, cp) : 0;
    if (plain) {
      out += c;
    } else if (n > 0 && !invisible(cp)) {
      out += name.substr(i, n);
    } else {
      out += '_';
    }
    i += n > 0 ? n : 1;
  }
  if (out.empty() || out.find_first_not_of('.') == std::string::npos) out = "unnamed";
  return out;
}

void check_run_folder(const std::filesystem::path& dir, const std::string& scenario_name,
                      bool overwrite, bool named_by_user) {
  if (overwrite) return;
  std::ifstream in(dir / "manifest.json");
  if (!in) return;
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json manifest = nlohmann::json::parse(text.str(), nullptr, false);
  if (manifest.is_discarded() || !manifest.contains("scenario") ||
      !manifest["scenario"].is_object() || !manifest["scenario"].contains("name") ||
      !manifest["scenario"]["name"].is_string())
    return;
  const std::string before = manifest["scenario"]["name"].get<std::string>();
  char message[1024];
  if (before != scenario_name) {
    std::snprintf(message, sizeof message,
                  i18n::tr("--out: '%s' holds the outputs of another scenario, '%s'; give a new "
                           "--out, or --overwrite to replace them"),
                  dir.string().c_str(), before.c_str());
    throw InputError(message);
  }
  if (!named_by_user) {
    std::snprintf(message, sizeof message,
                  i18n::tr("'%s' holds the outputs of an earlier run of '%s'; give --overwrite "
                           "to replace them, or a new --out"),
                  dir.string().c_str(), before.c_str());
    throw InputError(message);
  }
}

std::string with_grid_names(const std::string& csv, const City& city) {
  std::string out;
  std::size_t row = 0, start = 0;
  while (start < csv.size()) {
    std::size_t end = csv.find('\n', start);
    if (end == std::string::npos) end = csv.size();
    out.append(csv, start, end - start);
    if (row == 0) {
      out += ",street_name,community_name,grid_name";
    } else if (row - 1 < city.grid_names.size()) {
      const std::size_t g = row - 1;
      out += ',' + csv_field(city.street_names[city.grid_street[g]]) + ',' +
             csv_field(city.community_names[city.grid_community[g]]) + ',' +
             csv_field(city.grid_names[g]);
    }
    out += '\n';
    ++row;
    start = end + 1;
  }
  return out;
}

}  // namespace govsim

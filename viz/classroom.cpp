#include "viz/classroom.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "scenarios/scenario_fields.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim::viz {
namespace fs = std::filesystem;

namespace {

// A YAML double-quoted scalar: any text, on one line.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// A value as YAML: bare when it is one plain word or number ("0.8", "grid", "true"), else quoted.
std::string value_text(const std::string& text) {
  const bool plain = !text.empty() && text.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789._+-") == std::string::npos;
  return plain ? text : quoted(text);
}

}  // namespace

std::string answer_yaml(const Answer& a) {
  std::string out;
  out += "- student: " + quoted(a.student) + "\n";
  out += "  lesson: " + quoted(a.lesson) + "\n";
  out += "  title: " + quoted(a.title) + "\n";
  out += "  seed: " + std::to_string(a.seed) + "\n";
  out += "  day: " + std::to_string(a.day) + "\n";
  out += "  saved: " + quoted(a.saved_at) + "\n";
  out += "  question: " + quoted(a.question) + "\n";
  out += "  answer: " + quoted(a.answer) + "\n";
  return out;
}

std::string append_answer(const std::string& path, const Answer& answer) {
  std::ofstream out(path, std::ios::app | std::ios::binary);
  if (!out) return path + ": " + std::strerror(errno);
  out << answer_yaml(answer);
  out.flush();
  if (!out) return path + ": could not write";
  return "";
}

std::string scenario_yaml(const Scenario& edited, const Scenario& parent,
                          const std::string& extends, const std::string& comment) {
  const std::map<std::string, std::string> mine = flatten(edited), theirs = flatten(parent);
  std::string out = "# " + comment + "\n";
  out += "name: " + quoted(edited.name) + "\n";
  out += "description: " + quoted(edited.description) + "\n";
  out += "extends: " + quoted(extends) + "\n";
  // Nested maps, as written by hand. The keys come sorted, so the keys under one map are
  // together: a map is opened where a key's path first leaves the previous key's.
  std::vector<std::string> open;  // the maps the previous key was in
  for (const auto& [key, value] : mine) {
    if (key == "name" || key == "description" || theirs.at(key) == value) continue;
    std::vector<std::string> parts = split_key_path(key);
    const std::string leaf = parts.back();
    parts.pop_back();
    std::size_t same = 0;
    while (same < open.size() && same < parts.size() && open[same] == parts[same]) ++same;
    for (std::size_t level = same; level < parts.size(); ++level)
      out += std::string(2 * level, ' ') + parts[level] + ":\n";
    open = parts;
    std::string text = value;
    if (key == "city.table" && !value.empty() && fs::path(value).is_relative())
      text = fs::absolute(value).generic_string();  // a table named on the command line
    out += std::string(2 * parts.size(), ' ') + leaf + ": " + value_text(text) + "\n";
  }
  if (!parent.changes.empty()) out += "changes: []  # the knobs above hold from day 0\n";
  return out;
}

std::string extends_reference(const Scenario& scenario) {
  constexpr std::string_view builtin = "<built-in:";
  const std::string& source = scenario.source;
  if (source.starts_with(builtin) && source.ends_with('>'))
    return source.substr(builtin.size(), source.size() - builtin.size() - 1);
  return fs::absolute(source).lexically_normal().generic_string();
}

std::string write_text_file(const std::string& path, const std::string& text) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return path + ": " + std::strerror(errno);
    out << text;
    out.flush();
    if (!out) return path + ": could not write";
  }
  std::error_code error;
  fs::rename(partial, path, error);
  if (error) return path + ": " + error.message();
  return "";
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace govsim::viz

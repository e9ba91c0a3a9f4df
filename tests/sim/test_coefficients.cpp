// Every behavioural coefficient is a named scenario key (model/behaviour.hpp, model/params.hpp),
// never a bare number in the behaviour code: a planner must be able to see, set, sweep and
// screen each assumption. This test reads the behaviour code and fails on any floating-point
// literal other than 0, 1 and 0.5 that is not the value of a named `constexpr` constant (pure
// numerics and units, such as a histogram's bins or the hours of a day, are named constants).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Literal {
  int line;
  std::string text;
};

// Blanks out comments and string and character literals, keeping the line breaks.
std::string code_only(const std::string& s) {
  std::string out = s;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "//") == 0) {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    } else if (out.compare(i, 2, "/*") == 0) {
      while (i < out.size() && out.compare(i, 2, "*/") != 0) {
        if (out[i] != '\n') out[i] = ' ';
        ++i;
      }
      if (i + 1 < out.size()) out[i] = out[i + 1] = ' ', ++i;
    } else if (out[i] == '"' || out[i] == '\'') {
      const char q = out[i];
      out[i++] = ' ';
      while (i < out.size() && out[i] != q) {
        if (out[i] == '\\' && i + 1 < out.size()) out[i++] = ' ';
        if (out[i] != '\n') out[i] = ' ';
        ++i;
      }
      if (i < out.size()) out[i] = ' ';
    }
  }
  return out;
}

bool allowed(const std::string& literal) {
  std::string digits = literal;
  while (!digits.empty() && std::isalpha(static_cast<unsigned char>(digits.back())))
    digits.pop_back();  // f, F, l, L
  const double v = std::strtod(digits.c_str(), nullptr);
  return v == 0.0 || v == 1.0 || v == 0.5;
}

// Floating-point literals outside `constexpr` lines, other than 0, 1 and 0.5.
std::vector<Literal> unnamed_coefficients(const std::string& source) {
  const std::string code = code_only(source);
  std::vector<Literal> found;
  std::istringstream lines(code);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (line.find("constexpr") != std::string::npos) continue;
    for (std::size_t i = 0; i < line.size();) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (std::isalpha(c) || c == '_') {  // an identifier, which may hold digits
        while (i < line.size() &&
               (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_'))
          ++i;
        continue;
      }
      const bool starts =
          std::isdigit(c) || (c == '.' && i + 1 < line.size() &&
                              std::isdigit(static_cast<unsigned char>(line[i + 1])));
      if (!starts) {
        ++i;
        continue;
      }
      const std::size_t b = i;
      bool is_float = false, hex = line.compare(i, 2, "0x") == 0 || line.compare(i, 2, "0X") == 0;
      while (i < line.size()) {
        const char ch = line[i];
        if (!hex && (ch == 'e' || ch == 'E') && i + 1 < line.size() &&
            (line[i + 1] == '+' || line[i + 1] == '-')) {
          is_float = true;
          i += 2;
        } else if (ch == '.' || (!hex && (ch == 'e' || ch == 'E'))) {
          is_float = true;
          ++i;
        } else if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '\'') {
          ++i;
        } else {
          break;
        }
      }
      const std::string literal = line.substr(b, i - b);
      if (is_float && !hex && !allowed(literal)) found.push_back({n, literal});
    }
  }
  return found;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the literal scanner finds unnamed coefficients and nothing else") {
  const std::string sample =
      "double f(double x) {\n"
      "  constexpr double kNamed = 0.37;  // a named constant is fine\n"
      "  const char* s = \"0.25 in a string\";  // 0.75 in a comment\n"
      "  std::uint64_t h = 0x9E3779B97F4A7C15ull + 2e4f;\n"
      "  return 0.5 * x + 1.0 - 0.0f + 3 * x + .3 + 1e-9 * x + v2.x;\n"
      "}\n";
  const auto found = unnamed_coefficients(sample);
  REQUIRE(found.size() == 3);
  CHECK(found[0].line == 4);
  CHECK(found[0].text == "2e4f");
  CHECK(found[1].text == ".3");
  CHECK(found[2].text == "1e-9");
}

TEST_CASE("the behaviour code has no unnamed coefficients") {
  namespace fs = std::filesystem;
  const fs::path root(GOVSIM_SOURCE_DIR);
  std::vector<fs::path> files;
  for (const char* folder : {"agents", "sim"})
    for (const auto& e : fs::directory_iterator(root / folder))
      if (e.path().extension() == ".cpp" || e.path().extension() == ".hpp")
        files.push_back(e.path());
  files.push_back(root / "model" / "city.cpp");
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  std::string report;
  for (const auto& f : files)
    for (const Literal& l : unnamed_coefficients(read(f)))
      report += fs::relative(f, root).string() + ":" + std::to_string(l.line) + ": " + l.text +
                " (make it a key in model/behaviour.hpp, or a named constexpr if it is a unit)\n";
  INFO(report);
  CHECK(report.empty());
}

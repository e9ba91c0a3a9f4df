#include "viz/chart_heading.hpp"

#include <algorithm>
#include <span>

namespace govsim::viz {
namespace {

// The length of the UTF-8 character that starts with byte `c`.
std::size_t char_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xe) return 3;
  if ((c >> 3) == 0x1e) return 4;
  return 1;
}

// Tokens a line may break between: words with their trailing space, and single CJK characters
// (three-byte UTF-8 from U+2E80 on: CJK punctuation, kana, ideographs, full-width forms).
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0, i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = std::min(char_length(c), text.size() - i);
    const bool cjk =
        n == 3 && (c > 0xe2 || (c == 0xe2 && static_cast<unsigned char>(text[i + 1]) >= 0xba));
    if (cjk) {
      if (i > start) out.push_back(text.substr(start, i - start));
      out.push_back(text.substr(i, n));
      start = i + n;
    } else if (c == ' ') {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
    i += n;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Line-breaking rules for Chinese (禁则): a line starts with no closing punctuation (a comma, a
// full stop, a closing bracket...) and ends with no opening bracket.
constexpr std::string_view kNoLineStart[] = {"，", "。", "、", "；", "：", "？", "！", "）", "」",
                                             "』", "”",  "’",  "》", "〉", "】", "〕", "…",  "·",
                                             "％", ",",  ".",  ";",  ":",  "?",  "!",  ")",  "%"};
constexpr std::string_view kNoLineEnd[] = {"（", "“", "‘", "「", "『", "《", "〈", "【", "〔", "("};

bool starts_with_any(std::string_view token, std::span<const std::string_view> set) {
  return std::any_of(set.begin(), set.end(),
                     [&](std::string_view p) { return token.starts_with(p); });
}

// Joins a token that may not start a line to the one before it, and an opening bracket to the
// one after it, so that no break falls between them.
std::vector<std::string_view> keep_together(std::string_view text,
                                            const std::vector<std::string_view>& in) {
  std::vector<std::string_view> out;
  bool join_next = false;
  for (const std::string_view token : in) {
    if (!out.empty() && (join_next || starts_with_any(token, kNoLineStart))) {
      // Tokens are consecutive pieces of `text`: widen the previous one over this one.
      const std::size_t start = static_cast<std::size_t>(out.back().data() - text.data());
      out.back() = text.substr(start, out.back().size() + token.size());
    } else {
      out.push_back(token);
    }
    join_next = std::any_of(std::begin(kNoLineEnd), std::end(kNoLineEnd),
                            [&](std::string_view p) { return token.ends_with(p); });
  }
  return out;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, float width, float size,
                                   const MeasureText& measure) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string_view token : keep_together(text, tokens(text))) {
    std::string candidate = line + std::string(token);
    if (line.empty() || measure(trim_right(candidate), size) <= width) {
      line = std::move(candidate);
      continue;
    }
    lines.emplace_back(trim_right(line));
    line = std::string(token);
  }
  if (!trim_right(line).empty()) lines.emplace_back(trim_right(line));
  // A single word wider than the line is cut, character by character, to what fits.
  for (std::string& l : lines) {
    while (l.size() > 1 && measure(l, size) > width) {
      std::size_t cut = l.size() - 1;
      while (cut > 0 && (static_cast<unsigned char>(l[cut]) & 0xc0) == 0x80) --cut;
      l.resize(cut);
    }
  }
  return lines;
}

HeadingLayout layout_heading(const std::string& title, const std::vector<std::string>& legend,
                             const std::string& note, float width, float fs,
                             const MeasureText& measure) {
  HeadingLayout out;
  const float left = kHeadingPad, right = width - kHeadingPad, avail = std::max(right - left, 1.0f);
  float y = 5;
  float line_end = left;  // where the last title line ends
  const std::vector<std::string> lines = wrap_text(title, avail, fs, measure);
  for (const std::string& l : lines) {
    const float w = measure(l, fs);
    out.pieces.push_back({l, {left, y, left + w, y + fs}, false, -1});
    line_end = left + w;
    y += fs + 2;
  }
  // The legend: on the title's last line, at the right, when it all fits there; else on lines of
  // its own, wrapping between entries.
  std::vector<float> widths;
  float legend_w = 0;
  for (const std::string& l : legend) {
    widths.push_back(kSwatch + kSwatchGap + measure(l, fs));
    legend_w += widths.back() + (legend_w > 0 ? kLegendGap : 0);
  }
  if (!legend.empty()) {
    float x, ly;
    if (!lines.empty() && line_end + 16 + legend_w <= right) {
      x = right - legend_w;
      ly = y - fs - 2;
    } else {
      x = left;
      ly = y;
      y += fs + 4;
    }
    for (std::size_t i = 0; i < legend.size(); ++i) {
      if (x > left && x + widths[i] > right) {
        x = left;
        ly = y;
        y += fs + 4;
      }
      out.pieces.push_back({legend[i],
                            {x, ly, std::min(x + widths[i], right), ly + fs},
                            false,
                            static_cast<int>(i)});
      x += widths[i] + kLegendGap;
    }
  }
  if (!note.empty()) {
    const float small = fs * 0.9f;
    for (const std::string& l : wrap_text(note, avail, small, measure)) {
      out.pieces.push_back({l, {left, y, left + measure(l, small), y + small}, true, -1});
      y += small + 2;
    }
  }
  out.bottom = y + 4;
  return out;
}

TextBoxLog& text_box_log() {
  static TextBoxLog log;
  return log;
}

int count_overlaps(const std::vector<TextBox>& boxes) {
  int n = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) n += boxes[i].intersects(boxes[j]) ? 1 : 0;
  return n;
}

}  // namespace govsim::viz

// Reading CSV text a record at a time, each cell with its line and column, so that every message
// about a user's table (a city table, case records) can point at the cell: RFC 4180 quoting
// ("a, b", "" for a quote, line breaks inside quotes), a spreadsheet's byte-order mark skipped,
// blank lines skipped, and lines longer than limits::kTableLineBytes refused (a binary file is
// not a CSV file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "model/limits.hpp"

namespace govsim {

struct Cell {
  std::string text;
  int line = 0;
  int column = 0;
};

// Splits CSV text into records of cells, keeping each cell's line and column for messages.
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // spreadsheet BOM
    check_line_lengths();
  }

  [[noreturn]] void fail(int line, int column, const std::string& message) const {
    throw InputError(located(file_, line, column, message));
  }

  // Reads the next non-blank record into `cells`; false at the end of the text.
  bool next(std::vector<Cell>& cells) {
    cells.clear();
    while (pos_ < text_.size() && (text_[pos_] == '\n' || rest_of_line_blank())) skip_line();
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    while (true) {
      cells.push_back(read_cell());
      if (pos_ >= text_.size()) return true;
      const char separator = text_[pos_++];
      if (separator == '\n') {
        new_line();
        return true;
      }
    }
  }

  int record_line() const { return record_line_; }

  // The line on which record k (0-based, blank lines skipped) starts, or 0 when the text holds no
  // more than k records. A quick scan that allocates nothing, so that a table with too many rows
  // is refused before its rows are read.
  int line_of_record(std::size_t k) const {
    std::size_t records = 0;
    int line = 1;
    int start = 0;  // line where the current record started; 0 between records
    bool quoted = false;
    for (const char c : text_) {
      if (c == '\n') {
        if (!quoted && start > 0) {
          if (records++ == k) return start;
          start = 0;
        }
        ++line;
        continue;
      }
      if (start == 0 && c != ' ' && c != '\t' && c != '\r') start = line;
      if (c == '"') quoted = !quoted;
    }
    return start > 0 && records == k ? start : 0;
  }

 private:
  void check_line_lengths() const {
    std::size_t start = 0;
    int line = 1;
    while (start < text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      if (end - start > limits::kTableLineBytes) {
        fail(line, 0,
             "line is longer than " + std::to_string(limits::kTableLineBytes) +
                 " bytes; is this a CSV file?");
      }
      start = end + 1;
      ++line;
    }
  }

  bool rest_of_line_blank() const {
    for (std::size_t i = pos_; i < text_.size() && text_[i] != '\n'; ++i) {
      if (text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\r') return false;
    }
    return true;
  }
  void skip_line() {
    const std::size_t end = text_.find('\n', pos_);
    pos_ = end == std::string_view::npos ? text_.size() : end + 1;
    new_line();
  }
  void new_line() {
    ++line_;
    line_start_ = pos_;
  }
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  bool at_cell_end() const {
    return pos_ >= text_.size() || text_[pos_] == ',' || text_[pos_] == '\n';
  }

  Cell read_cell() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    Cell cell{"", line_, column()};
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(cell);
    const std::size_t start = pos_;
    while (!at_cell_end()) ++pos_;
    cell.text = std::string(trim(text_.substr(start, pos_ - start)));
    return cell;
  }

  Cell read_quoted(Cell cell) {
    ++pos_;
    while (true) {
      if (pos_ >= text_.size()) fail(cell.line, cell.column, "quoted cell is never closed");
      const char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          cell.text += '"';
          ++pos_;
          continue;
        }
        break;
      }
      cell.text += c;
      if (c == '\n') new_line();
    }
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r')) {
      ++pos_;
    }
    if (!at_cell_end()) fail(line_, column(), "text after the closing quote of a cell");
    return cell;
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  int record_line_ = 1;
};

}  // namespace govsim

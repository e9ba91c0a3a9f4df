// Text files from Chinese offices are often saved in GBK (a spreadsheet's "CSV" on a Chinese
// Windows), not UTF-8. A file that is not UTF-8 is read as GB18030 (the national standard, a
// superset of GBK and GB2312) through the C library's iconv, when every byte of it decodes.
#pragma once

#include <optional>
#include <string>

namespace govsim {

// The text converted from GB18030 to UTF-8, or nothing when it is not GB18030 either (or the C
// library cannot convert it).
std::optional<std::string> gb18030_to_utf8(const std::string& text);

// Where the byte at `offset` is: "line L, column C" (columns count bytes, from 1).
std::string byte_position(const std::string& text, std::size_t offset);

}  // namespace govsim

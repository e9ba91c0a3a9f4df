// Text for the terminal: every value a message echoes came from a user or a file, and a control
// character in it ("\x1b[2J" clears the screen) must be shown, not obeyed.
#pragma once

#include <string>
#include <string_view>

namespace govsim {

// Control characters (C0 but newline and tab, and DEL) as \xHH; everything else unchanged.
inline std::string printable(std::string_view text) {
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace govsim

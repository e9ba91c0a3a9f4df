// YAML files are UTF-8 (YAML 1.2, 5.2), and every text a scenario holds ends up in JSON (the
// manifest, the results store's plan), which must be UTF-8 too. yaml-cpp does not check it.
#pragma once

#include <cstddef>
#include <string_view>

namespace govsim {

// The offset of the first byte that does not begin a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF are not), or npos when the whole text is UTF-8.
inline std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    if (b < 0x80)
      length = 1;
    else if (b >= 0xC2 && b <= 0xDF)
      length = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace govsim

#include "engine/i18n.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace govsim::i18n {

namespace detail {
// The compiled catalogue of a language (generated from po/<language>.mo by po/embed_mo.cmake).
std::string_view embedded_catalogue(Language language);
}  // namespace detail

namespace {

constexpr char kContextSeparator = '\x04';  // gettext's msgctxt / msgid separator

// One language's messages: msgid (with its context) -> msgstr. The views point into `bytes`,
// which is never freed, so a translation outlives any switch of language.
struct Catalogue {
  std::string bytes;
  std::unordered_map<std::string_view, const char*> messages;
  std::string error;
};

std::uint32_t read_u32(const std::string& b, std::size_t at, bool swap) {
  std::uint32_t v = 0;
  std::memcpy(&v, b.data() + at, 4);
  if (swap) v = ((v & 0xffu) << 24) | ((v & 0xff00u) << 8) | ((v >> 8) & 0xff00u) | (v >> 24);
  return v;
}

// The GNU .mo format: a header, then two tables of (length, offset) for the original and the
// translated strings, each string followed by a NUL. A plural msgid is "one\0many"; only its
// singular is looked up, which is all govsim marks.
std::string parse_mo(Catalogue& c) {
  const std::string& b = c.bytes;
  if (b.size() < 28) return "shorter than a .mo header";
  std::uint32_t magic = 0;
  std::memcpy(&magic, b.data(), 4);
  const bool swap = magic == 0xde120495u;
  if (magic != 0x950412deu && !swap) return "not a .mo file (bad magic number)";
  const std::uint32_t n = read_u32(b, 8, swap);
  const std::size_t originals = read_u32(b, 12, swap), translations = read_u32(b, 16, swap);
  const auto fits = [&](std::size_t table) {
    return table <= b.size() && n <= (b.size() - table) / 8;
  };
  if (!fits(originals) || !fits(translations)) return "string tables run past the end";
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::size_t id_len = read_u32(b, originals + 8 * i, swap);
    const std::size_t id_at = read_u32(b, originals + 8 * i + 4, swap);
    const std::size_t str_len = read_u32(b, translations + 8 * i, swap);
    const std::size_t str_at = read_u32(b, translations + 8 * i + 4, swap);
    if (id_at >= b.size() || id_len >= b.size() - id_at || str_at >= b.size() ||
        str_len >= b.size() - str_at || b[id_at + id_len] != '\0' || b[str_at + str_len] != '\0')
      return "message " + std::to_string(i) + " runs past the end";
    if (id_len == 0 || str_len == 0) continue;  // the header, or an untranslated message
    const std::string_view id(b.data() + id_at, std::strlen(b.data() + id_at));
    c.messages.emplace(id, b.data() + str_at);
  }
  return "";
}

Catalogue load_catalogue(Language language) {
  Catalogue c;
  if (const char* dir = std::getenv("GOVSIM_LOCALEDIR"); dir && *dir) {
    const std::string path =
        std::string(dir) + "/" + catalogue_name(language) + "/LC_MESSAGES/govsim.mo";
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream all;
      all << in.rdbuf();
      c.bytes = all.str();
    }
  }
  if (c.bytes.empty()) c.bytes = std::string(detail::embedded_catalogue(language));
  c.error = parse_mo(c);
  return c;
}

const Catalogue& catalogue(Language language) {
  static const std::array<Catalogue, 2> all = {load_catalogue(Language::En),
                                               load_catalogue(Language::Zh)};
  return all[static_cast<std::size_t>(language)];
}

std::atomic<Language> current{Language::En};

const char* lookup(Language language, std::string_view key, const char* fallback) {
  const Catalogue& c = catalogue(language);
  const auto it = c.messages.find(key);
  return it == c.messages.end() ? fallback : it->second;
}

}  // namespace

const char* tr_in(Language language, const char* msgid) { return lookup(language, msgid, msgid); }

const char* tr(const char* msgid) { return tr_in(current.load(std::memory_order_relaxed), msgid); }

const char* trc(const char* context, const char* msgid) {
  std::string key = context;
  key += kContextSeparator;
  key += msgid;
  return lookup(current.load(std::memory_order_relaxed), key, msgid);
}

void set_language(Language language) { current.store(language, std::memory_order_relaxed); }
Language language() { return current.load(std::memory_order_relaxed); }

std::optional<Language> parse_language(std::string_view text) {
  const std::size_t end = text.find_first_of("_-.@");
  const std::string_view code = text.substr(0, end);
  if (code == "zh") return Language::Zh;
  if (code == "en" || text == "C" || text == "POSIX") return Language::En;
  return std::nullopt;
}

Language language_from_environment() {
  // LANGUAGE is a list ("zh_CN:en"); gettext consults it first, as does govsim.
  if (const char* list = std::getenv("LANGUAGE"); list && *list) {
    std::string_view rest(list);
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      if (const auto l = parse_language(rest.substr(0, colon)); l && rest.substr(0, colon) != "C")
        return *l;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (!value || !*value) continue;
    // The first variable set decides, as in setlocale(); a language govsim lacks means English.
    return parse_language(value).value_or(Language::En);
  }
  return Language::En;
}

const char* catalogue_name(Language language) { return language == Language::Zh ? "zh_CN" : "en"; }
const char* html_lang(Language language) { return language == Language::Zh ? "zh-CN" : "en"; }
const char* native_name(Language language) {
  return language == Language::Zh ? "简体中文" : "English";
}

std::string catalogue_text(Language language) {
  std::string text;
  for (const auto& [id, str] : catalogue(language).messages) text += str;
  return text;
}

std::size_t catalogue_size(Language language) { return catalogue(language).messages.size(); }
std::string catalogue_error(Language language) { return catalogue(language).error; }

}  // namespace govsim::i18n

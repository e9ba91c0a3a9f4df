// The user-facing language: English or Simplified Chinese, from standard gettext catalogues
// (po/<language>.po, compiled to .mo by msgfmt at build time and compiled into the program).
//
// Strings are marked in the source with tr("...") where they are shown, N_("...") in static
// tables (translated later with tr()), and trc("context", "...") where one English word needs two
// translations. xgettext extracts all three (scripts/update-po.sh); a test fails when a marked
// string is missing from a catalogue. The catalogues are read from the program itself, so no
// locale needs to be installed; GOVSIM_LOCALEDIR=DIR reads DIR/<language>/LC_MESSAGES/govsim.mo
// instead (a translator's catalogue, without rebuilding).
//
// The language can change at any time (the GUI's menu); tr() returns a pointer that stays valid
// for the life of the program.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#define N_(text) text

namespace govsim::i18n {

enum class Language { En, Zh };
inline constexpr Language kLanguages[] = {Language::En, Language::Zh};

// The translation of `msgid` in the current language; `msgid` itself when there is none.
const char* tr(const char* msgid);
// The same, for a msgid that needs a context to be translated (msgctxt in the catalogue).
const char* trc(const char* context, const char* msgid);
// tr() in a given language, whatever the current one is (tests, the report's --lang).
const char* tr_in(Language language, const char* msgid);

void set_language(Language language);
Language language();

// "zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "zh_TW"... -> Zh; "en", "en_GB.UTF-8", "C", "POSIX" ->
// En; anything else -> nothing.
std::optional<Language> parse_language(std::string_view text);
// The first of LANGUAGE (a colon-separated list), LC_ALL, LC_MESSAGES and LANG that names a
// language govsim has; English when none does.
Language language_from_environment();
// "en" or "zh_CN": the catalogue's name, and a report's lang attribute ("en" or "zh-CN").
const char* catalogue_name(Language language);
const char* html_lang(Language language);
// The language's own name, for a menu: "English", "简体中文".
const char* native_name(Language language);

// Every translation of a language's catalogue, one after another (the GUI puts their characters
// in its font atlas).
std::string catalogue_text(Language language);

// How many messages a language's catalogue holds (0 if it could not be read), and why not.
std::size_t catalogue_size(Language language);
std::string catalogue_error(Language language);

}  // namespace govsim::i18n

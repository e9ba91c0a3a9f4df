// The translation layer: both catalogues load from the program itself, a marked string comes out
// in the language chosen (and switches at once), and the language is read from the environment
// as gettext reads it.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "engine/i18n.hpp"

using namespace govsim::i18n;

namespace {

// Sets an environment variable for one scope, and puts back what was there.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~EnvVar() {
    if (had_)
      setenv(name_, old_.c_str(), 1);
    else
      unsetenv(name_);
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

}  // namespace

TEST_CASE("both catalogues are compiled in and read", "[i18n]") {
  for (const Language l : kLanguages) {
    INFO(catalogue_name(l));
    CHECK(catalogue_error(l).empty());
    CHECK(catalogue_size(l) > 50);
  }
}

TEST_CASE("a marked string comes out in the current language and switches at once", "[i18n]") {
  const Language before = language();
  set_language(Language::Zh);
  CHECK(std::string(tr("Play")) == "播放");
  set_language(Language::En);
  CHECK(std::string(tr("Play")) == "Play");
  CHECK(std::string(tr_in(Language::Zh, "Play")) == "播放");
  // A string no catalogue has comes back as it is.
  CHECK(std::string(tr_in(Language::Zh, "no such message, surely")) == "no such message, surely");
  set_language(before);
}

TEST_CASE("the language names of locales", "[i18n]") {
  CHECK(parse_language("zh") == Language::Zh);
  CHECK(parse_language("zh_CN.UTF-8") == Language::Zh);
  CHECK(parse_language("zh-CN") == Language::Zh);
  CHECK(parse_language("en_GB.UTF-8") == Language::En);
  CHECK(parse_language("C") == Language::En);
  CHECK(parse_language("C.UTF-8") == std::nullopt);
  CHECK(parse_language("fr_FR") == std::nullopt);
  CHECK(parse_language("") == std::nullopt);
}

TEST_CASE("the language comes from LANGUAGE, LC_ALL, LC_MESSAGES and LANG in that order",
          "[i18n]") {
  EnvVar language("LANGUAGE", nullptr), all("LC_ALL", nullptr), messages("LC_MESSAGES", nullptr),
      lang("LANG", nullptr);
  CHECK(language_from_environment() == Language::En);
  {
    EnvVar l("LANG", "zh_CN.UTF-8");
    CHECK(language_from_environment() == Language::Zh);
    EnvVar m("LC_MESSAGES", "en_US.UTF-8");
    CHECK(language_from_environment() == Language::En);
    EnvVar list("LANGUAGE", "fr:zh_CN:en");
    CHECK(language_from_environment() == Language::Zh);
  }
  EnvVar a("LC_ALL", "de_DE.UTF-8");
  CHECK(language_from_environment() == Language::En);
}

TEST_CASE("GOVSIM_LOCALEDIR that holds no catalogue falls back to the compiled-in one", "[i18n]") {
  // The catalogues are read once; this only checks that a bad folder did not empty them.
  EnvVar dir("GOVSIM_LOCALEDIR", "/nonexistent");
  CHECK(std::string(tr_in(Language::Zh, "Play")) == "播放");
}

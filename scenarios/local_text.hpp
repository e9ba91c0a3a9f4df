// A text that a reader sees (a lesson's question, a scenario's description) in each language the
// program speaks. A file gives it either as one text, shown in every language, or as a map from
// language to text, English required:
//
//   question: Why does trust not rise?                      # every language
//   question: {en: Why does trust not rise?, zh: 为什么信任没有上升？}
//
// The keys are the --lang names (en, zh). A language the file leaves out shows the English.
#pragma once

#include <string>

#include "engine/i18n.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {

struct LocalText {
  std::string en, zh;

  // The text in `language`: its own when the file gave one, else the English.
  const std::string& in(i18n::Language language) const;
  // In the current language (i18n::language()).
  const std::string& shown() const { return in(i18n::language()); }
  bool empty() const { return en.empty(); }
  bool has_every_language() const { return !en.empty() && !zh.empty(); }
  bool operator==(const LocalText&) const = default;
};

// Reads a text or a {en, zh} map at `name` (for messages); throws InputError at the value for
// anything else, an unknown language, or a map without `en`. Leading and trailing blanks are
// trimmed. An empty text is allowed here; the caller decides whether it may be empty.
LocalText read_local_text(const Tree& node, const std::string& name);

// The first sentence of each language's text (up to ". " in English, "。" in Chinese), without
// its full stop: a one-line title for a menu.
LocalText first_sentence(const LocalText& text);

}  // namespace govsim

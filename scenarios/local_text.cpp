#include "scenarios/local_text.hpp"

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "scenarios/tree_reader.hpp"

namespace govsim {
namespace {

std::string first_sentence_of(const std::string& text, std::string_view stop) {
  std::string sentence = text.substr(0, text.find(stop));
  for (std::string_view end : {std::string_view("."), std::string_view("。")}) {
    if (sentence.ends_with(end)) sentence.resize(sentence.size() - end.size());
  }
  return sentence;
}

}  // namespace

const std::string& LocalText::in(i18n::Language language) const {
  return language == i18n::Language::Zh && !zh.empty() ? zh : en;
}

LocalText read_local_text(const Tree& node, const std::string& name) {
  LocalText out;
  if (node.kind != Tree::Kind::Map) {
    out.en = std::string(trim(read_text(node, name)));
    return out;
  }
  check_keys(node, {"en", "zh"}, name);
  const Tree* en = node.find("en");
  if (!en) {
    throw InputError(node.where.at(name + ": a text in several languages needs its English, "
                                          "e.g. {en: ..., zh: ...}"));
  }
  out.en = std::string(trim(read_text(*en, name + ".en")));
  if (const Tree* zh = node.find("zh")) out.zh = std::string(trim(read_text(*zh, name + ".zh")));
  return out;
}

LocalText first_sentence(const LocalText& text) {
  return {first_sentence_of(text.en, ". "), first_sentence_of(text.zh, "。")};
}

}  // namespace govsim

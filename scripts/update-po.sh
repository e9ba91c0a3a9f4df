#!/usr/bin/env bash
# Brings the message catalogues up to date with the source: extracts every string marked with
# tr(), trc() or N_() (engine/i18n.hpp) into a template (.pot), merges it into po/zh_CN.po (new
# strings arrive untranslated, for a translator to fill in with any .po editor) and regenerates
# po/en.po (English is the source language: each msgstr is its msgid).
#
#   scripts/update-po.sh            # update po/
#   scripts/update-po.sh --pot F    # only write the template to F (the catalogue test uses it)
set -euo pipefail
cd "$(dirname "$0")/.."
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot" "$pot.files"' EXIT
only_pot=0
if [[ "${1:-}" == "--pot" ]]; then
  pot=$2
  only_pot=1
fi
folders=(engine model agents sim scenarios output experiments validation cli viz)
find "${folders[@]}" -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort >"$pot.files"
xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=tr --keyword=N_ \
  --keyword=trc:1c,2 --keyword=tr_in:2 --add-comments=TRANSLATORS: --sort-by-file \
  --package-name=govsim --msgid-bugs-address= --files-from="$pot.files" -o "$pot"
sed -i 's/charset=CHARSET/charset=UTF-8/' "$pot"
[[ $only_pot -eq 1 ]] && { trap - EXIT; rm -f "$pot.files"; exit 0; }
if [[ -f po/zh_CN.po ]]; then
  msgmerge --quiet --update --backup=none --no-fuzzy-matching po/zh_CN.po "$pot"
else
  msginit --no-translator --locale=zh_CN.UTF-8 --input="$pot" --output-file=po/zh_CN.po
fi
msgen "$pot" | msgattrib --no-obsolete -o po/en.po -
# English needs no translator: fill in the header fields msgen leaves at their template values.
created=$(sed -n 's/^"POT-Creation-Date: \(.*\)\\n"$/\1/p' po/en.po)
sed -i -e 's/^"Language: \\n"$/"Language: en\\n"/' \
  -e "s/^\"PO-Revision-Date: .*\\\\n\"\$/\"PO-Revision-Date: $created\\\\n\"/" \
  -e 's/^"Last-Translator: .*\\n"$/"Last-Translator: govsim\\n"/' \
  -e 's/^"Language-Team: .*\\n"$/"Language-Team: English\\n"/' \
  -e '1,/^msgid ""$/{/^#, fuzzy$/d;/^# Copyright (C) YEAR/d;/^# FIRST AUTHOR/d;s/^# SOME DESCRIPTIVE TITLE\.$/# English messages of govsim (the source language)./}' po/en.po
msgfmt --check --statistics -o /dev/null po/zh_CN.po

# The catalogue test: every string the source marks for translation (tr, trc, N_) is in both
# catalogues, translated (not empty, not fuzzy), with the same printf placeholders. Fails with
# msgcmp's list of what is missing; scripts/update-po.sh adds the missing strings to po/.
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -P check_catalogues.cmake
find_program(MSGCMP msgcmp REQUIRED)
find_program(MSGFMT msgfmt REQUIRED)
set(pot ${WORK_DIR}/govsim-check.pot)
execute_process(COMMAND bash ${SOURCE_DIR}/scripts/update-po.sh --pot ${pot}
                RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "xgettext could not extract the marked strings")
endif()
file(STRINGS ${pot} ids REGEX "^msgid \".+\"$")
list(LENGTH ids n)
if(n LESS 50)
  message(FATAL_ERROR "only ${n} marked strings extracted: the extraction is broken")
endif()
set(failed "")
foreach(lang IN ITEMS en zh_CN)
  execute_process(COMMAND ${MSGCMP} -N ${SOURCE_DIR}/po/${lang}.po ${pot}
                  RESULT_VARIABLE code ERROR_VARIABLE why)
  if(NOT code EQUAL 0)
    list(APPEND failed "po/${lang}.po lacks strings the source marks:\n${why}")
  endif()
  execute_process(COMMAND ${MSGFMT} --check --statistics -o /dev/null ${SOURCE_DIR}/po/${lang}.po
                  RESULT_VARIABLE code ERROR_VARIABLE stats)
  if(NOT code EQUAL 0)
    list(APPEND failed "po/${lang}.po: ${stats}")
  elseif(stats MATCHES "untranslated|fuzzy")
    list(APPEND failed "po/${lang}.po: ${stats}")
  endif()
  message(STATUS "po/${lang}.po: ${stats}")
endforeach()
if(failed)
  string(REPLACE ";" "\n" text "${failed}")
  message(FATAL_ERROR "${text}\nRun scripts/update-po.sh and translate what it adds.")
endif()
message(STATUS "${n} marked strings, each in both catalogues")

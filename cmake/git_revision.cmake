# Writes engine/git_revision.cpp in the build folder with the source tree's git revision, at every
# build (a target that always runs, CMakeLists.txt), so that a build folder reused after a pull or
# a commit names in its manifests the revision it was built from, not the one it was configured
# at. "-modified" follows the revision when tracked files differ from it; "unknown" outside a git
# checkout. The file is rewritten only when its text changes, so nothing recompiles otherwise.
#
#   cmake -DSOURCE_DIR=<source dir> -DOUTPUT=<file> -P cmake/git_revision.cmake
execute_process(COMMAND git rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE GOVSIM_GIT_REV OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                RESULT_VARIABLE rev_status)
if(NOT rev_status EQUAL 0 OR NOT GOVSIM_GIT_REV)
  set(GOVSIM_GIT_REV "unknown")
else()
  execute_process(COMMAND git diff --quiet HEAD -- WORKING_DIRECTORY ${SOURCE_DIR}
                  RESULT_VARIABLE diff_status ERROR_QUIET)
  if(diff_status EQUAL 1)
    string(APPEND GOVSIM_GIT_REV "-modified")
  endif()
endif()
configure_file(${SOURCE_DIR}/engine/git_revision.cpp.in ${OUTPUT} @ONLY)

# Checks that `govsim --version` names the source tree's revision as it is now, as the build's own
# script reads it (cmake/git_revision.cmake, run at every build), not one read when the build
# folder was configured.
#
#   cmake -DGOVSIM=<govsim binary> -DSOURCE_DIR=<source dir> -DWORK=<scratch file> -P git_revision.cmake
cmake_minimum_required(VERSION 3.22)
execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${SOURCE_DIR} -DOUTPUT=${WORK}
                        -P ${SOURCE_DIR}/cmake/git_revision.cmake RESULT_VARIABLE status)
file(STRINGS ${WORK} line REGEX "return \"[^\"]*\"")
string(REGEX REPLACE ".*return \"([^\"]*)\".*" "\\1" rev "${line}")
if(NOT status EQUAL 0 OR NOT rev)
  message(FATAL_ERROR "cmake/git_revision.cmake gave no revision (exit ${status})")
endif()
execute_process(COMMAND ${GOVSIM} --version OUTPUT_VARIABLE out RESULT_VARIABLE code)
string(STRIP "${out}" out)
if(NOT code EQUAL 0 OR NOT out MATCHES "\\(git ${rev}\\)$")
  message(FATAL_ERROR "govsim --version printed \"${out}\" (exit ${code}); expected \"(git ${rev})\""
                      " at the end: the build's revision is not the tree's")
endif()

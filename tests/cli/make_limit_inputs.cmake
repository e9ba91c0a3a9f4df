# Writes the inputs of the CLI limit tests that are too large to keep in the repository:
#
#   cmake -DDIR=folder -P make_limit_inputs.cmake
#
# huge-scalar.yaml (a 50 MB value), huge-key.yaml (a 10 MB key), deep-lists.yaml (10 000 levels
# of block lists), deep-maps.yaml (10 000 levels of flow maps) and chain/c0.yaml ... c999.yaml
# (an `extends` chain of 1 000 files).
cmake_minimum_required(VERSION 3.22)
if(NOT DIR)
  message(FATAL_ERROR "make_limit_inputs.cmake: DIR is not set")
endif()
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}/chain")

string(REPEAT "x" 52428800 value)
file(WRITE "${DIR}/huge-scalar.yaml" "name: \"${value}\"\n")
string(REPEAT "k" 10485760 key)
file(WRITE "${DIR}/huge-key.yaml" "${key}: 1\n")
string(REPEAT "- " 10000 dashes)
file(WRITE "${DIR}/deep-lists.yaml" "run:\n  ${dashes}1\n")
string(REPEAT "{a: " 10000 open)
string(REPEAT "}" 10000 close)
file(WRITE "${DIR}/deep-maps.yaml" "run: ${open}1${close}\n")
foreach(i RANGE 998)
  math(EXPR next "${i} + 1")
  file(WRITE "${DIR}/chain/c${i}.yaml" "extends: c${next}.yaml\n")
endforeach()
file(WRITE "${DIR}/chain/c999.yaml" "name: end\n")

# Runs a scenario whole, and again with checkpoints; resumes from the last checkpoint and checks
# that the resumed outputs equal the uninterrupted run's, byte for byte.
# Usage: cmake -DGOVSIM=... -DWORK=... -P resume_equals.cmake
file(REMOVE_RECURSE ${WORK})
function(run_ok)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${err}")
  endif()
endfunction()
run_ok(${GOVSIM} run classroom-town --days 120 --quiet --out ${WORK}/whole)
run_ok(${GOVSIM} run classroom-town --days 120 --quiet --threads 1 --checkpoint-every 40 --out ${WORK}/part)
if(NOT EXISTS ${WORK}/part/checkpoint.bin)
  message(FATAL_ERROR "no checkpoint written")
endif()
run_ok(${GOVSIM} resume ${WORK}/part/checkpoint.bin --threads 2 --quiet --out ${WORK}/resumed)
foreach(f timeseries.csv grids.csv summary.json)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/whole/${f} ${WORK}/resumed/${f}
                  RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${f} differs after resuming")
  endif()
endforeach()

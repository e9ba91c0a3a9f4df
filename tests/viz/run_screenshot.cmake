# Renders govsim-gui under xvfb-run, then checks the picture is not blank.
#
#   cmake -DXVFB_RUN=xvfb-run -DGUI=govsim-gui -DCHECK=check_screenshot -DOUT=file.png
#         [-DARGS=a;b] [-DEXPECT=text govsim-gui prints] -P run_screenshot.cmake
#         [-DSCREEN=WxHxD, the virtual screen, default 1600x1000x24]
file(REMOVE "${OUT}")
if(NOT SCREEN)
  set(SCREEN 1600x1000x24)
endif()
execute_process(
  COMMAND ${XVFB_RUN} -a -s "-screen 0 ${SCREEN}" ${GUI} --screenshot ${OUT} ${ARGS}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT EXISTS "${OUT}")
  message(FATAL_ERROR "govsim-gui failed (exit ${code})\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
if(EXPECT)
  string(FIND "${out}" "${EXPECT}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "govsim-gui did not print '${EXPECT}'\n--- stdout ---\n${out}")
  endif()
  message(STATUS "${out}")
endif()
execute_process(COMMAND ${CHECK} ${OUT} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the screenshot ${OUT} looks blank\n${out}${err}")
endif()

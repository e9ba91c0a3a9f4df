// Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
// a = lambda / mu (a < c). The validation command and the queueing tests compare the engine
// with it.
#pragma once

namespace govsim {

inline double erlang_c(int c, double a) {
  double term = 1, sum = 1;
  for (int k = 1; k < c; ++k) sum += term *= a / k;
  term *= a / c;
  const double last = term / (1 - a / c);
  return last / (sum + last);
}

}  // namespace govsim

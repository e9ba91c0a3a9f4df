#include <catch2/catch.hpp>

#include "engine/desk.hpp"

using namespace govsim;

TEST_CASE("work counts only the hours of the shift") {
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};  // 08:30 to 16:30
  CHECK(d.work_until(9.0, 2.0, 0) == Approx(11.0));
  // 3 h started at 15:00: 1.5 h today, 1.5 h from 08:30 tomorrow.
  CHECK(d.work_until(15.0, 3.0, 0) == Approx(24.0 + 10.0));
  Desk always{0.0, 24.0, 1.0, {}, {}, 0, kInf};
  CHECK(always.work_until(23.0, 5.0, 0) == Approx(28.0));
}

TEST_CASE("a handler is available on duty, free and on shift") {
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};
  const DeskSlot idle{1, 0.0, true};
  CHECK(d.available(idle, 9.0));
  CHECK_FALSE(d.available(idle, 17.0));
  CHECK_FALSE(d.available(DeskSlot{1, 0.0, false}, 9.0));
  CHECK_FALSE(d.available(DeskSlot{1, 10.0, true}, 9.0));
  CHECK(d.next_available(idle, 17.0) == Approx(24.0 + 8.5));
  CHECK(d.next_available(DeskSlot{1, 0.0, false}, 9.0) == kInf);
}

TEST_CASE("the first available handler and the desk's wake-up") {
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};
  d.slots = {DeskSlot{1, 12.0, true}, DeskSlot{2, 0.0, false}, DeskSlot{3, 0.0, true}};
  CHECK(d.first_available(9.0, 0) == 2);
  CHECK(d.first_available(9.0, 3) == 3);  // none from there on
  // At night only the idle handler needs a wake-up: tomorrow at 08:30.
  CHECK(d.next_wake(20.0) == Approx(24.0 + 8.5));
  // A handler carried over from an earlier design wakes the desk when it is free.
  d.slots[0].carried = true;
  d.slots[2].on_duty = false;
  CHECK(d.next_wake(9.0) == Approx(12.0));
}

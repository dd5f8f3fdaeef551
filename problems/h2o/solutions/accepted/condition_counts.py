# Accepted. Style: one Condition and two counters for the molecule being built. An atom waits (in
# a while loop) while its kind is full in this molecule, takes its place and is released under
# the lock; the atom that completes the molecule resets the counters and wakes everyone.
import threading


class H2O:
    def __init__(self):
        self.cond = threading.Condition()
        self.h = 0
        self.o = 0

    def _bond(self):
        if self.h == 2 and self.o == 1:
            self.h = 0
            self.o = 0
            self.cond.notify_all()

    def hydrogen(self, releaseHydrogen):
        with self.cond:
            while self.h == 2:
                self.cond.wait()
            self.h += 1
            releaseHydrogen()
            self._bond()

    def oxygen(self, releaseOxygen):
        with self.cond:
            while self.o == 1:
                self.cond.wait()
            self.o += 1
            releaseOxygen()
            self._bond()

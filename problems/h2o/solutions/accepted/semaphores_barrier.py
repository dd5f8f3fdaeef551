# Accepted. Style: Semaphores and a Barrier, LeetCode's favourite. At most two hydrogens and one
# oxygen hold a seat in the molecule being built (Semaphore(2), Semaphore(1)); the Barrier(3)
# lets the three go only together. A seat is given back only after its atom was released, so
# the next molecule cannot be complete (and pass the barrier) before this one is out.
import threading


class H2O:
    def __init__(self):
        self.h_seats = threading.Semaphore(2)
        self.o_seats = threading.Semaphore(1)
        self.molecule = threading.Barrier(3)

    def hydrogen(self, releaseHydrogen):
        with self.h_seats:
            self.molecule.wait()
            # releaseHydrogen() outputs "H". Do not change or remove this line.
            releaseHydrogen()

    def oxygen(self, releaseOxygen):
        with self.o_seats:
            self.molecule.wait()
            # releaseOxygen() outputs "O". Do not change or remove this line.
            releaseOxygen()

# Deadlock. Style: a Lock and Events. The oxygen takes the lock so that it builds its molecule
# alone, then waits until two hydrogens have checked in. Bug: the hydrogens check in under the
# same lock, which the waiting oxygen holds: it waits for them, they wait for the lock.
# Exposed by: an oxygen that takes the lock before both of its hydrogens checked in.
import threading


class H2O:
    def __init__(self):
        self.lock = threading.Lock()
        self.hydrogens = 0
        self.two_here = threading.Event()
        self.bonded = threading.Semaphore(0)

    def hydrogen(self, releaseHydrogen):
        with self.lock:
            self.hydrogens += 1
            if self.hydrogens == 2:
                self.two_here.set()
        self.bonded.acquire()
        releaseHydrogen()

    def oxygen(self, releaseOxygen):
        with self.lock:
            self.two_here.wait()
            self.two_here.clear()
            self.hydrogens = 0
            releaseOxygen()
            self.bonded.release()
            self.bonded.release()

# Deadlock. Bug: self.count += 1 is not under a lock. CPython may switch threads between its read
# and its write, so two atoms read the same count and one update is lost: the count never reaches
# 3, the permits are never given back, and the next molecule's atoms wait for ever.
import threading

class H2O:
    def __init__(self):
        self.hs = threading.Semaphore(2)
        self.os = threading.Semaphore(1)
        self.count = 0

    def _done(self):
        self.count += 1
        if self.count == 3:
            self.count = 0
            self.hs.release(2)
            self.os.release()

    def hydrogen(self, releaseHydrogen):
        self.hs.acquire()
        releaseHydrogen()
        self._done()

    def oxygen(self, releaseOxygen):
        self.os.acquire()
        releaseOxygen()
        self._done()

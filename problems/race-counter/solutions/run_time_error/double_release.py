# Releasing a lock twice: CPython raises RuntimeError: release unlocked lock.
import threading


class FakeDatabase:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def update(self, name):
        self._lock.acquire()
        self.value += 1
        self._lock.release()
        self._lock.release()

# Accepted. The low-level lock threading.Lock is made of in CPython: _thread.allocate_lock().
import _thread
import time


class FakeDatabase:
    def __init__(self):
        self.value = 0
        self.guard = _thread.allocate_lock()

    def update(self, name):
        self.guard.acquire()
        try:
            seen = self.value
            time.sleep(name)
            self.value = seen + 1
        finally:
            self.guard.release()

# The course's FakeDatabase without its lock: the sleep between reading and writing the value
# lets another update read the same value (a lost update).
import logging
import time


class FakeDatabase:
    def __init__(self):
        self.value = 0

    def update(self, name):
        logging.info("Thread %s: starting update", name)
        local_copy = self.value
        local_copy += 1
        time.sleep(name)
        self.value = local_copy
        logging.info("Thread %s: finishing update", name)

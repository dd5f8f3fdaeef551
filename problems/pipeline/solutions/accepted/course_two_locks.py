# The course's Pipeline with two locks, pasted with the `name` parameters the problem does not
# pass removed: one message at a time, handed over by releasing the other side's lock.
import logging
import threading


class Pipeline:
    def __init__(self, capacity):
        self.message = 0
        self.producer_lock = threading.Lock()
        self.consumer_lock = threading.Lock()
        self.consumer_lock.acquire()

    def get_message(self):
        logging.info("about to acquire getlock")
        self.consumer_lock.acquire()
        logging.info("have getlock")
        message = self.message
        logging.info("about to release setlock")
        self.producer_lock.release()
        logging.info("setlock released")
        return message

    def set_message(self, message):
        logging.info("about to acquire setlock")
        self.producer_lock.acquire()
        logging.info("have setlock")
        self.message = message
        logging.info("about to release getlock")
        self.consumer_lock.release()
        logging.info("getlock released")

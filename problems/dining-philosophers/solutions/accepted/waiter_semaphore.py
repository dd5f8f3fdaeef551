# Accepted. Style: a waiter, a Semaphore(4), lets at most four philosophers reach for forks at
# once; each then takes its left fork, then its right (one Lock per fork). With four at the table
# one of them always finds both forks free, so the left-first order cannot deadlock.
import threading


class DiningPhilosophers:
    def __init__(self):
        self.forks = [threading.Lock() for _ in range(5)]
        self.waiter = threading.Semaphore(4)

    def wants_to_eat(self, philosopher, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork):
        left = self.forks[philosopher]
        right = self.forks[(philosopher + 1) % 5]
        self.waiter.acquire()
        try:
            left.acquire()
            pickLeftFork()
            right.acquire()
            pickRightFork()
            eat()
            putRightFork()
            right.release()
            putLeftFork()
            left.release()
        finally:
            self.waiter.release()

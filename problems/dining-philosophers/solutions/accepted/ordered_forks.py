# Accepted. Style: one Lock per fork, taken with `with`. Every philosopher picks up the
# lower-numbered of its two forks first, so philosopher 4 reaches for fork 0 before fork 4: the
# five can never each hold one fork and wait for the next, and someone always eats.
import threading


class DiningPhilosophers:
    def __init__(self):
        self.forks = [threading.Lock() for _ in range(5)]

    def wants_to_eat(self, philosopher, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork):
        left = philosopher
        right = (philosopher + 1) % 5
        first, second = min(left, right), max(left, right)
        with self.forks[first]:
            with self.forks[second]:
                pickLeftFork()
                pickRightFork()
                eat()
                putLeftFork()
                putRightFork()

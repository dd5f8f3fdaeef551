# Deadlock. Style: one Lock per fork, left fork first, then right. Bug: the classic one. If all
# five philosophers pick up their left fork before any of them reaches for the right one, each
# holds one fork and waits for the fork its neighbour holds: a cycle, and nobody eats again.
# Exposed by: a schedule that runs each philosopher up to its first acquire() in turn.
import threading


class DiningPhilosophers:
    def __init__(self):
        self.forks = [threading.Lock() for _ in range(5)]

    def wants_to_eat(self, philosopher, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork):
        left = self.forks[philosopher]
        right = self.forks[(philosopher + 1) % 5]
        with left:
            pickLeftFork()
            with right:
                pickRightFork()
                eat()
                putRightFork()
            putLeftFork()

# Accepted. Style: LeetCode's own Python template, pasted as it is: the method is `wantsToEat`
# (camelCase), which the judge calls as it calls `wants_to_eat`. One Lock per fork, the
# lower-numbered fork first, so the five can never each hold one fork and wait for the next.
import threading


class DiningPhilosophers:
    def __init__(self):
        self.forks = [threading.Lock() for _ in range(5)]

    def wantsToEat(self, philosopher, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork):
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

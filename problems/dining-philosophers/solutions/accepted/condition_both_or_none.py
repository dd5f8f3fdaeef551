# Accepted. Style: one Condition guards a list of free forks. A philosopher waits (in a while
# loop) until both of its forks are free and takes them in one go, so nobody ever holds one fork
# while waiting for the other. The meal happens outside the lock; putting the forks back
# notifies everyone.
import threading


class DiningPhilosophers:
    def __init__(self):
        self.cond = threading.Condition()
        self.free = [True] * 5

    def wants_to_eat(self, philosopher, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork):
        left = philosopher
        right = (philosopher + 1) % 5
        with self.cond:
            while not (self.free[left] and self.free[right]):
                self.cond.wait()
            self.free[left] = self.free[right] = False
            pickLeftFork()
            pickRightFork()
        eat()
        with self.cond:
            putLeftFork()
            putRightFork()
            self.free[left] = self.free[right] = True
            self.cond.notify_all()

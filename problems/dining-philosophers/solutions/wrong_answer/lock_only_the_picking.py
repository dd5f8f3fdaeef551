# Wrong answer. Style: one Lock for the whole table, held only while picking up the forks
# ("picking up both at once cannot deadlock"). Bug: the lock says who is *picking*, not who
# *holds* a fork: once a philosopher has let go of the lock to eat, a neighbour takes the lock
# and picks up the fork still in the eater's hand.
# Exposed by: two neighbours, the second reaching for the table while the first eats.
import threading


class DiningPhilosophers:
    def __init__(self):
        self.table = threading.Lock()

    def wants_to_eat(self, philosopher, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork):
        with self.table:
            pickLeftFork()
            pickRightFork()
        eat()
        putLeftFork()
        putRightFork()

# Accepted. Style: a Condition, the green road and a flag "a car is in the intersection". A car
# waits (in a while loop) until the intersection is empty, then, still under the lock, turns its
# road green if needed and marks the intersection busy. It crosses, then frees the intersection
# and wakes the cars waiting.
import threading


class TrafficLight:
    def __init__(self):
        self.cond = threading.Condition()
        self.green = 1
        self.busy = False

    def car_arrived(self, carId, roadId, direction, turnGreen, crossCar):
        with self.cond:
            while self.busy:
                self.cond.wait()
            self.busy = True
            if self.green != roadId:
                turnGreen()
                self.green = roadId
        crossCar()
        with self.cond:
            self.busy = False
            self.cond.notify_all()

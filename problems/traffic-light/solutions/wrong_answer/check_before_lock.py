# Wrong answer. Style: one Lock. Bug: the car looks at the light before taking the lock. Two cars
# of road 2 both see red; the first turns the light green and crosses, and the second, which
# decided to turn it before it got the lock, turns it again: a redundant turnGreen().
# Exposed by: two cars of the same road that both look at the light before either has the lock.
import threading


class TrafficLight:
    def __init__(self):
        self.lock = threading.Lock()
        self.green = 1

    def car_arrived(self, carId, roadId, direction, turnGreen, crossCar):
        red = self.green != roadId
        with self.lock:
            if red:
                turnGreen()
                self.green = roadId
            crossCar()

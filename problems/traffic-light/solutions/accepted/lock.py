# Accepted. Style: one Lock, taken with `with`, and the road that is green. A car looks at the
# light, turns it green if it is red for its road, and crosses, all while holding the lock: no
# other car can change the light in between.
import threading


class TrafficLight:
    def __init__(self):
        self.lock = threading.Lock()
        self.green = 1  # road 1 is green at the start

    def car_arrived(self, carId, roadId, direction, turnGreen, crossCar):
        with self.lock:
            if self.green != roadId:
                turnGreen()
                self.green = roadId
            crossCar()

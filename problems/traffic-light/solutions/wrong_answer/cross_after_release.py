# Wrong answer. Style: one Lock around the light only. Bug: the car turns the light under the
# lock but crosses after letting go of it; a car of the other road can take the lock and turn
# the light red in between, so this car crosses on red.
# Exposed by: a car of the other road running between this car's `with` block and crossCar().
import threading


class TrafficLight:
    def __init__(self):
        self.lock = threading.Lock()
        self.green = 1

    def car_arrived(self, carId, roadId, direction, turnGreen, crossCar):
        with self.lock:
            if self.green != roadId:
                turnGreen()
                self.green = roadId
        crossCar()

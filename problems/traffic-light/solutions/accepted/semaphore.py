# Accepted. Style: a Semaphore(1) used as a mutex, acquire() and release() in try/finally. The
# check of the light, the turn and the crossing all happen while the one permit is held.
import threading


class TrafficLight:
    def __init__(self):
        self.permit = threading.Semaphore(1)
        self.green_road = 1

    def car_arrived(self, carId, roadId, direction, turnGreen, crossCar):
        self.permit.acquire()
        try:
            if roadId != self.green_road:
                self.green_road = roadId
                turnGreen()
            crossCar()
        finally:
            self.permit.release()

# Accepted. Style: LeetCode's own Python template, pasted as it is: the method is `carArrived`
# (camelCase), which the judge calls as it calls `car_arrived`. One Lock: a car turns the light
# green for its road if it must and crosses, all while holding it.
import threading


class TrafficLight:
    def __init__(self):
        self.lock = threading.Lock()
        self.green = 1  # road 1 is green at the start

    def carArrived(self, carId, roadId, direction, turnGreen, crossCar):
        with self.lock:
            if self.green != roadId:
                turnGreen()
                self.green = roadId
            crossCar()

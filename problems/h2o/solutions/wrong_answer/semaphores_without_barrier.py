# Wrong answer. Style: Semaphores as seats, two for hydrogen and one for oxygen. Bug: without a
# barrier nothing keeps the seats for the molecule being built: a hydrogen is released and gives
# its seat back at once, so a third hydrogen takes it and is released before the oxygen arrives
# ("HHH").
# Exposed by: three hydrogens running before any oxygen.
import threading


class H2O:
    def __init__(self):
        self.h_seats = threading.Semaphore(2)
        self.o_seats = threading.Semaphore(1)

    def hydrogen(self, releaseHydrogen):
        self.h_seats.acquire()
        releaseHydrogen()
        self.h_seats.release()

    def oxygen(self, releaseOxygen):
        self.o_seats.acquire()
        releaseOxygen()
        self.o_seats.release()

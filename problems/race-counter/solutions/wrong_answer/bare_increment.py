# Wrong answer. Bug: no lock around `self.value += 1`. It is one line, but CPython runs it as a
# read, an add and a write, and may switch threads between the read and the write: two updates
# that both read 0 both write 1, and one is lost. (The judge makes each read and write of the
# instance's data a switch point for this problem: attributeSwitchPoints in problem.json.)
import time


class FakeDatabase:
    def __init__(self):
        self.value = 0

    def update(self, name):
        time.sleep(0.1)
        self.value += 1

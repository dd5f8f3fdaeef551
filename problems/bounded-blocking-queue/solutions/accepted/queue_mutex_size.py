# Accepted. queue.Queue does the waiting; size() reads the deque under the queue's own mutex, which
# is exactly what CPython's qsize() does (naming q.mutex gives the file CPython's Queue code).
import queue


class BoundedBlockingQueue:
    def __init__(self, capacity):
        self.items = queue.Queue(capacity)

    def enqueue(self, element):
        self.items.put(element)

    def dequeue(self):
        return self.items.get()

    def size(self):
        with self.items.mutex:
            return len(self.items.queue)

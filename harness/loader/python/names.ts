/**
 * How a Python solution spells the problem's names: the problem's methods are camelCase
 * (`setMessage`), a Python learner writes snake_case (`set_message`). Used where messages and
 * statements name a method (the descriptor, the trace) and where the runner finds the learner's.
 */

/**
 * `set_message` → `setMessage`: the problem's name a Python name stands for, if it stands for one
 * (the problem's camelCase name finds the learner's snake_case method). A camelCase name stands
 * for itself: LeetCode's own Python templates spell some methods so (`wantsToEat`, `carArrived`),
 * and a pasted LeetCode solution was a CE ("name it wants_to_eat").
 */
export function camelName(py: string): string | undefined {
  if (/^[a-z][a-zA-Z0-9]*[A-Z][a-zA-Z0-9]*$/.test(py)) return py;
  const js = py.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return pythonName(js) === py ? js : undefined;
}

/** `setMessage` → `set_message`: a problem's method as a Python solution spells it. */
export function pythonName(method: string): string {
  return method.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

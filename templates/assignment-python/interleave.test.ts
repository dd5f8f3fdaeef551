// Runs the judge on your Python solution: one test per case, the same cases the autograder scores.
// `npm test` to run it; a failing case shows the interleaving that broke it and a replay command.
import { judge } from 'interleave/jest';

judge('foobar', './FooBar.py');

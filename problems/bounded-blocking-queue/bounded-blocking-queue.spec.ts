import { verifyProblem } from '../../test/support/verify';

verifyProblem('bounded-blocking-queue');

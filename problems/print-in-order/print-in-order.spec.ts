import { verifyProblem } from '../../test/support/verify';

verifyProblem('print-in-order');

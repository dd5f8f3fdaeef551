import { verifyProblem } from '../../test/support/verify';

verifyProblem('dining-philosophers');

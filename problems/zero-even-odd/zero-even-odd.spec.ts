import { verifyProblem } from '../../test/support/verify';

verifyProblem('zero-even-odd');

import { verifyProblem } from '../../test/support/verify';

verifyProblem('fizz-buzz');

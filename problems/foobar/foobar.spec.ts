import { verifyProblem } from '../../test/support/verify';

verifyProblem('foobar');

import { verifyProblem } from '../../test/support/verify';

verifyProblem('h2o');

import { verifyProblem } from '../../test/support/verify';

verifyProblem('race-counter');

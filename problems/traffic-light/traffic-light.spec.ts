import { verifyProblem } from '../../test/support/verify';

verifyProblem('traffic-light');

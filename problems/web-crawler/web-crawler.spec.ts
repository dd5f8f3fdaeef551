import { verifyProblem } from '../../test/support/verify';

verifyProblem('web-crawler');

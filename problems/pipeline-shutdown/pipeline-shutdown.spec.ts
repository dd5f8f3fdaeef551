import { verifyProblem } from '../../test/support/verify';

verifyProblem('pipeline-shutdown');

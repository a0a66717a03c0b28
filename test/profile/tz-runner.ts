// Child-process entry: the opening-hours cases under the TZ the parent set.
import { reportCases } from '../helpers/tz-report';
import { openingCases } from './opening-cases';

reportCases(openingCases);

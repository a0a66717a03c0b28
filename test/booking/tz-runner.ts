// Child-process entry: the booking schedule cases under the TZ the parent set.
import { reportCases } from '../helpers/tz-report';
import { scheduleCases } from './schedule-cases';

reportCases(scheduleCases);

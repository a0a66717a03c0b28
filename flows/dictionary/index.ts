import type { TriageDictionary } from '../../src/engine/dictionary-types';
import { categories, tieOrder } from './categories';
import { contexts } from './contexts';
import { crisis, crisisCategory, crisisContext } from './crisis';
import { distress } from './distress';
import { groups } from './groups';
import { readings } from './readings';
import { idioms } from './idioms';
import { negation } from './negation';
import { thirdParty } from './third-party';
import { urgent } from './urgency';
import { variants } from './variants';

export const triageDictionary: TriageDictionary = {
  variants,
  groups,
  readings,
  categories,
  tieOrder,
  urgent,
  crisis,
  crisisCategory,
  contexts,
  crisisContext,
  idioms,
  negation,
  thirdParty,
  distress,
};

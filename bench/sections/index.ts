/** The bench sections in run order. */
import type { BenchSection } from '../context';
import { hostileInputSection } from './hostileInput';
import { mappingSection } from './mapping';
import { pushSection } from './push';
import { validationSection } from './validation';

export const SECTIONS: readonly BenchSection[] = [validationSection, hostileInputSection, mappingSection, pushSection];

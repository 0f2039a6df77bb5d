/** The bench sections in run order; push joins here when it exists. */
import type { BenchSection } from '../context';
import { mappingSection } from './mapping';
import { validationSection } from './validation';

export const SECTIONS: readonly BenchSection[] = [validationSection, mappingSection];

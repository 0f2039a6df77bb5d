/** The bench sections in run order; mapping and push join here when they exist. */
import type { BenchSection } from '../context';
import { validationSection } from './validation';

export const SECTIONS: readonly BenchSection[] = [validationSection];

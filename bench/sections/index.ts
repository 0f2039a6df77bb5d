/** The bench sections in run order. */
import type { BenchSection } from '../context';
import { cpmsStoreSection } from './cpmsStore';
import { hostileInputSection } from './hostileInput';
import { mappingSection } from './mapping';
import { pipelineSection } from './pipeline';
import { pushSection } from './push';
import { validationSection } from './validation';
import { validatorReferenceSection } from './validatorReference';

export const SECTIONS: readonly BenchSection[] = [validationSection, hostileInputSection, mappingSection, pipelineSection, validatorReferenceSection, pushSection, cpmsStoreSection];

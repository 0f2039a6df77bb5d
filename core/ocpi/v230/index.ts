/** OCPI 2.3.0 (edition 2) Locations module: schemas and the types inferred from them. */
export * from './enums';
export * from './classes';
export * from './connector';
export * from './evse';
export * from './location';

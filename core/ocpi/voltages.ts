/**
 * Connector voltages: OCPI wants the line-to-neutral voltage for AC_3_PHASE (230 V in Europe). The
 * line-to-line voltage between two phases (400 V) is a common slip of asset exports; the Mapper converts
 * the known ones and the Validator warns about them.
 */

/** Line-to-line voltages of three-phase grids and their line-to-neutral counterparts (US 208/480, IEC 380 to 415). */
export const LINE_TO_NEUTRAL: Readonly<Record<number, number>> = Object.freeze({ 208: 120, 380: 220, 400: 230, 415: 240, 480: 277 });

/** The IEC band of line-to-line voltages (380 V to 415 V), where any value is one. */
const IEC_LINE_TO_LINE = { min: 380, max: 415 };

/** Whether an AC_3_PHASE voltage looks like line-to-line rather than line-to-neutral. */
export function looksLineToLine(volts: number): boolean {
	return (volts >= IEC_LINE_TO_LINE.min && volts <= IEC_LINE_TO_LINE.max) || LINE_TO_NEUTRAL[volts] !== undefined;
}

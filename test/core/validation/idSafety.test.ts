/** The Validator's id rules: ids that would change the CPMS URL, and Location ids repeated across one run. */
import { duplicateLocationIds, withRunIssue } from '../../../core/validation/runLocationIds';
import { inspectOcpiObject } from '../../../core/validation/inspect';
import { validateOcpiObject } from '../../../core/validation/validate';
import { issueList, SPEC_211, SPEC_221 } from './issueList';
import { connector211, connector221, evse211, evse221, location211, location221 } from './validObjects';

describe('unsafe_id: ids that go into the CPMS URL', () => {
	it.each(['.', '..', 'a/b', 'a\\b', '100%', 'a?b', 'a#b'])('refuses %j as Location id, EVSE uid and connector id (2.2.1 and 2.1.1)', (id) => {
		const connector = (version: string) => (version === '2.2.1' ? connector221({ id }) : connector211({ id }));
		expect(issueList(location221({ id }))).toContain('id unsafe_id error');
		expect(issueList(location221({ evses: [evse221({ uid: id })] }))).toContain('evses[0].uid unsafe_id error');
		expect(issueList(location221({ evses: [evse221({ connectors: [connector('2.2.1')] })] }))).toContain('evses[0].connectors[0].id unsafe_id error');
		expect(issueList(location211({ id }), SPEC_211)).toContain('id unsafe_id error');
		expect(issueList(location211({ evses: [evse211({ uid: id })] }), SPEC_211)).toContain('evses[0].uid unsafe_id error');
		expect(issueList(evse211({ connectors: [connector('2.1.1')] }), { ...SPEC_211, kind: 'evse' })).toContain('connectors[0].id unsafe_id error');
	});

	it('refuses control characters in ids as text OCPI does not allow (checked before the URL rule)', () => {
		for (const id of ['a\u0000b', 'a\u007Fb', 'a\nb']) {
			expect(issueList(location221({ id }))).toEqual(['id invalid_characters error']);
			expect(issueList(location211({ evses: [evse211({ uid: id })] }), SPEC_211)).toEqual(['evses[0].uid invalid_characters error']);
		}
	});

	it('refuses a party_id that is a dot segment', () => {
		expect(issueList(location221({ party_id: '..' }))).toEqual(['party_id unsafe_id error']);
	});

	it('says why and how to fix it, at the field', () => {
		const { errors } = validateOcpiObject(location221({ evses: [evse221({ uid: '..' })] }), SPEC_221);
		expect(errors).toEqual([
			{
				path: 'evses[0].uid',
				code: 'unsafe_id',
				message:
					'uid is "..", which a URL reads as a step in the path, so the request would reach another object. Give the object an id of letters, digits, "-" and "_" (a dot is fine inside an id), e.g. by mapping another key',
				value: '..',
				severity: 'error',
			},
		]);
	});

	it('accepts ids with dots, spaces and other printable characters that stay one segment', () => {
		expect(issueList(location221({ id: 'LOC.1 A+B', evses: [evse221({ uid: '...', connectors: [connector221({ id: '.1' })] })] }))).toEqual([]);
	});
});

describe('Location ids across the items of one run', () => {
	it('reports every item whose Location id another item has, compared without case, naming the others', () => {
		const items = [location221({ id: 'LOC-1' }), location221({ id: 'LOC-2' }), location221({ id: 'loc-1' }), 'not an object', location221({ id: 'LOC-1' })];
		const issues = duplicateLocationIds(items);
		expect([...issues.keys()]).toEqual([0, 2, 4]);
		expect(issues.get(2)).toEqual({
			path: 'id',
			code: 'duplicate_id',
			message:
				'id "loc-1" is also the id of item 0 ("LOC-1"), item 4 ("LOC-1") in this run; Location ids are compared without case and must be unique among the items of one run, or the CPMS keeps one Location for them: give each Location its own id, or send each Location once',
			value: 'loc-1',
			severity: 'error',
		});
	});

	it('lets Locations of different parties share an id', () => {
		expect(duplicateLocationIds([location221({ id: 'L' }), location221({ id: 'L', party_id: 'XYZ' })]).size).toBe(0);
	});

	it('makes an otherwise valid inspection invalid', () => {
		const options = { ...SPEC_221, enrichment: { defaults: false, countryCodes: false, timeZone: false, coordinates: false, evseId: 'off' as const, now: new Date() } };
		const inspection = inspectOcpiObject(location221(), options);
		expect(inspection.valid).toBe(true);
		const issue = duplicateLocationIds([location221(), location221()]).get(1);
		const after = withRunIssue(inspection, issue);
		expect(after.valid).toBe(false);
		expect(after.errors).toEqual([issue]);
		expect(after.summary).toMatch(/^1 problem: id: id "LOC-1" is also the id of item 0/);
	});
});

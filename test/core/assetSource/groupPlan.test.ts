import { planGroups, readMark, recordsOfGroup } from '../../../core/assetSource';

describe('planGroups', () => {
	it('reads each distinct group once, remembers who asked, and sends items without a group to a lookup', () => {
		const plan = planGroups([{ group: 'S1' }, { group: 'S2', assetId: 'A' }, { group: 'S1' }, { group: '', assetId: 'B' }, { group: undefined, assetId: undefined }, { group: 7 }]);
		expect([...plan.groups.entries()]).toEqual([
			['S1', [0, 2]],
			['S2', [1]],
			['7', [5]],
		]);
		expect(plan.lookups).toEqual([{ index: 3, assetId: 'B' }]);
		expect(plan.unusable).toEqual([4]);
	});
});

describe('recordsOfGroup', () => {
	it('keeps only the group\'s records: an API that ignores the filter cannot add other groups', () => {
		const records = [{ id: 1, site: { id: 'S1' } }, { id: 2, site: { id: 'S2' } }, { id: 3 }];
		expect(recordsOfGroup(records, 'site.id', 'S1')).toEqual([{ id: 1, site: { id: 'S1' } }]);
	});
});

describe('readMark', () => {
	it('says complete, or incomplete with the reason', () => {
		const at = Date.UTC(2026, 0, 1);
		expect(readMark('group', { records: [{}], pages: 1, complete: true, reason: 'short page: last page' }, at, 'S1')).toEqual({
			complete: true,
			scope: 'group',
			group: 'S1',
			readAt: '2026-01-01T00:00:00.000Z',
			pages: 1,
			records: 1,
		});
		expect(readMark('all', { records: [], pages: 3, complete: false, reason: 'page 4 failed' }, at)).toMatchObject({ complete: false, scope: 'all', reason: 'page 4 failed' });
	});
});

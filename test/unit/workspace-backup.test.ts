import { describe, expect, it } from 'vitest';
import { PLAN_STORAGE_VERSION } from '../../src/store/persistence';
import { readWorkspaceBackup, workspaceBackupJson } from '../../src/store/workspace-backup';
import { buildPlan, creatorLine } from '../utils/builders';

const NOW = new Date('2026-12-07T12:00:00.000Z');

describe('readWorkspaceBackup', () => {
  it('reads back every plan it wrote', () => {
    const plans = [buildPlan({ id: 'a', name: 'Spring' }), buildPlan({ id: 'b', name: 'Summer' })];
    expect(readWorkspaceBackup(workspaceBackupJson(plans, NOW))).toEqual({ plans, rejected: [] });
  });

  it('refuses a plan past a limit, with the limit, and keeps the others', () => {
    const huge = buildPlan({ id: 'huge', name: 'n'.repeat(5_000) });
    const crowded = buildPlan({ id: 'crowded', name: 'Crowded', creators: Array.from({ length: 1_001 }, (_, i) => ({ ...creatorLine('zachking'), handle: `c${i}` })) });
    const fine = buildPlan({ id: 'fine', name: 'Fine' });
    const reading = readWorkspaceBackup(workspaceBackupJson([huge, crowded, fine], NOW));
    expect(reading.plans).toEqual([fine]);
    expect(reading.rejected).toEqual([
      { position: 1, name: 'n'.repeat(200), reason: 'Larger than Reachplan allows. Its name is 5,000 characters long: a plan name has at most 200.' },
      { position: 2, name: 'Crowded', reason: 'Larger than Reachplan allows. It has 1,001 line items: a plan holds at most 1,000.' },
    ]);
  });

  it.each([
    ['not JSON', '{', 'The file is not JSON: choose a Reachplan workspace backup (.json).'],
    ['another app’s JSON', '{"hello":1}', 'The file is not a Reachplan workspace backup.'],
    [
      'a newer version’s backup',
      JSON.stringify({ app: 'reachplan', kind: 'workspace-backup', version: PLAN_STORAGE_VERSION + 1, plans: [] }),
      'The backup was made by a newer version of Reachplan: update the app to import it.',
    ],
  ])('refuses %s as a whole, with the reason', (_, text, reason) => {
    expect(readWorkspaceBackup(text)).toEqual({ plans: [], rejected: [{ position: null, name: null, reason }] });
  });
});

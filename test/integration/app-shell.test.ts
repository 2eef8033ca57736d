import { describe, expect, it } from 'vitest';
import { renderShell } from '../../src/app/prerender';
import { PROJECTIONS_INTRO } from '../../src/features/projections/intro';
import { planActions } from '../utils/plan-actions';

describe('the pre-rendered shell (written into index.html at build time)', () => {
  it('draws the Projections section with its introduction, where the app draws it', () => {
    const html = renderShell();
    expect(html).toContain('id="projections-heading"');
    expect(html).toContain(PROJECTIONS_INTRO);
    expect(html).toContain('Loading the planner…');
    expect(html).toContain('class="layout layout--shell"');
  });

  it('holds nothing that depends on the saved plan or the API', () => {
    planActions().renamePlan('Secret client plan');
    const html = renderShell();
    expect(html).not.toContain('Secret client plan');
    expect(html).not.toMatch(/<input|<select|Goals &amp; budget|Ad formats/);
  });

  it('draws Export CSV disabled, waiting for the data, so the top bar keeps its height on start', () => {
    const html = renderShell();
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Export CSV<\/button>/);
    expect(html).toContain('Waiting for formats and benchmarks to load.');
  });

  it('draws stand-ins for the nav, the plan tools and the actions that arrive later, hidden, so nothing below moves', () => {
    const html = renderShell();
    expect(html.match(/topbar__pending/g)).toHaveLength(2);
    expect(html).toMatch(/<span class="topbar__nav topbar__pending" aria-hidden="true">/);
    expect(html).toMatch(/<div class="topbar__plan-tools topbar__pending" aria-hidden="true">/);
    for (const label of ['Import CSV', 'Copy share link']) expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*>${label}</button>`));
    expect(html).not.toMatch(/<nav|href="#plans"/);
  });
});

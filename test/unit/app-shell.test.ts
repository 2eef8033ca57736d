import { describe, expect, it } from 'vitest';
import { renderShell } from '../../src/app/prerender';
import { PROJECTIONS_INTRO } from '../../src/features/projections/intro';
import { planActions } from './plan-actions';

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
});

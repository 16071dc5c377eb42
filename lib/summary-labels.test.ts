import { describe, expect, it } from 'vitest';
import { relabelSummary } from './summary-labels';

describe('relabelSummary', () => {
  const summary = {
    asOf: '2026-06-30',
    byActor: [{ key: '7', label: 'France' }],
    byTheme: [{ key: 'smuggling', label: 'Smuggling of migrants' }],
    byObjective: [{ key: '9', label: '9. English title' }],
  };
  const labels = {
    theme: (key: string) => `theme:${key}`,
    objective: (number: number) => `objective ${number} in French`,
    actor: (name: string) => (name === 'France' ? 'Francia' : name),
  };

  it("labels themes, objectives and actors from the rows' keys and names", () => {
    const relabelled = relabelSummary(summary, labels);
    expect(relabelled.byActor).toEqual([{ key: '7', label: 'Francia' }]);
    expect(relabelled.byTheme).toEqual([{ key: 'smuggling', label: 'theme:smuggling' }]);
    expect(relabelled.byObjective).toEqual([{ key: '9', label: '9. objective 9 in French' }]);
  });

  it('keeps everything else of the summary, and the summary itself, as they were', () => {
    const relabelled = relabelSummary(summary, labels);
    expect(relabelled.asOf).toBe('2026-06-30');
    expect(summary.byTheme[0]?.label).toBe('Smuggling of migrants');
  });
});

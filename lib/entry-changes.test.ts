import { describe, expect, it } from 'vitest';
import { changedFields, currentAfterPublishing, type ComparableEntry } from './entry-changes';

const original: ComparableEntry = {
  status: 'limited',
  asOf: '2025-06-30',
  summary: 'Guidelines drafted',
  narrative: 'A draft exists.',
  measures: ['policy', 'legislation'],
  evidence: [{ url: 'https://example.org/a', title: 'Draft', relation: 'supports' }],
  confidence: null,
  adverseEffects: false,
  adverseEffectsDescription: null,
};

describe('changed fields of a correction', () => {
  it('are none for the same content, whatever the order of measures', () => {
    expect(changedFields({ ...original, measures: ['legislation', 'policy'] }, original)).toEqual(
      [],
    );
  });

  it('name each field that differs, in the order the review shows them', () => {
    const correction = {
      ...original,
      status: 'substantial',
      summary: 'Guidelines adopted',
      evidence: [{ url: 'https://example.org/a', title: 'Draft', relation: 'context' }],
    };
    expect(changedFields(correction, original)).toEqual(['status', 'summary', 'evidence']);
  });

  it('count a new or changed adverse-effects description as a change of adverse effects', () => {
    const reported = {
      ...original,
      adverseEffects: true,
      adverseEffectsDescription: 'Pushbacks at the border.',
    };
    expect(changedFields(reported, original)).toEqual(['adverseEffects']);
    expect(
      changedFields({ ...reported, adverseEffectsDescription: 'Detention of children.' }, reported),
    ).toEqual(['adverseEffects']);
  });
});

describe('the current status after publishing', () => {
  const now = '2026-12-04T12:00:00.000Z';
  const current = { entryId: 10, asOf: '2026-06-30', publishedAt: '2026-07-01T00:00:00.000Z' };
  const older = { entryId: 7, asOf: '2025-12-31', publishedAt: '2026-01-02T00:00:00.000Z' };

  it('is the new entry when its as-of date is as late as the current one or later', () => {
    expect(
      currentAfterPublishing(
        [current, older],
        { entryId: 20, asOf: '2026-06-30', publishedAt: now },
        null,
      ).entryId,
    ).toBe(20);
    expect(
      currentAfterPublishing([], { entryId: 20, asOf: '2020-01-01', publishedAt: now }, null)
        .entryId,
    ).toBe(20);
  });

  it('stays the current entry when the new one describes an earlier date', () => {
    expect(
      currentAfterPublishing(
        [current, older],
        { entryId: 20, asOf: '2026-01-31', publishedAt: now },
        null,
      ).entryId,
    ).toBe(10);
  });

  it('passes to the next entry when a backdated correction supersedes the current one', () => {
    expect(
      currentAfterPublishing(
        [current, older],
        { entryId: 20, asOf: '2025-01-31', publishedAt: now },
        10,
      ).entryId,
    ).toBe(7);
    expect(
      currentAfterPublishing(
        [current, older],
        { entryId: 20, asOf: '2026-02-28', publishedAt: now },
        10,
      ).entryId,
    ).toBe(20);
  });
});

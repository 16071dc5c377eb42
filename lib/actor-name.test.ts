import { describe, expect, it } from 'vitest';
import { actorDisplayName } from './actor-name';

describe('actorDisplayName', () => {
  it('adds an acronym the name does not contain', () =>
    expect(
      actorDisplayName({ name: 'International Organization for Migration', shortName: 'IOM' }),
    ).toBe('International Organization for Migration (IOM)'));
  it('does not repeat a short name the full name already holds', () =>
    expect(actorDisplayName({ name: 'Republic of Aldoria', shortName: 'Aldoria' })).toBe(
      'Republic of Aldoria',
    ));
  it('uses the name alone when there is no short name', () =>
    expect(actorDisplayName({ name: 'Kenya', shortName: null })).toBe('Kenya'));
});

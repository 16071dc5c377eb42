import { describe, expect, it } from 'vitest';
import { UN_ENTITIES, realActors, unMemberStates } from './actors';

describe('unMemberStates', () => {
  const states = unMemberStates();
  const byCode = new Map(states.map((state) => [state.key, state]));

  it('lists the 193 UN member states', () => {
    expect(states).toHaveLength(193);
  });

  it('uses unique ISO 3166-1 alpha-3 codes as keys', () => {
    expect(new Set(states.map((s) => s.key)).size).toBe(193);
    for (const state of states) {
      expect(state.key).toMatch(/^[A-Z]{3}$/);
      expect(state.iso3).toBe(state.key);
      expect(state.kind).toBe('state');
      expect(state.isDemo).toBe(false);
      expect(state.shortName).toBeNull();
      expect(state.region).toBeTruthy();
      expect(state.subRegion).toBeTruthy();
    }
  });

  it.each([
    ['FRA', 'France', 'Europe', 'Western Europe', null],
    ['NGA', 'Nigeria', 'Africa', 'Sub-Saharan Africa', 'Western Africa'],
    ['MEX', 'Mexico', 'Americas', 'Latin America and the Caribbean', 'Central America'],
    ['IND', 'India', 'Asia', 'Southern Asia', null],
    ['FJI', 'Fiji', 'Oceania', 'Melanesia', null],
    ['USA', 'United States', 'Americas', 'Northern America', null],
  ])('places %s (%s) in %s / %s / %s', (code, name, region, subRegion, intermediateRegion) => {
    expect(byCode.get(code)).toMatchObject({ name, region, subRegion, intermediateRegion });
  });

  it('leaves out observers and non-members (Holy See, Taiwan, Palestine, Kosovo)', () => {
    for (const code of ['VAT', 'TWN', 'PSE', 'UNK', 'XKX']) expect(byCode.has(code)).toBe(false);
  });

  it('is sorted by name', () => {
    const names = states.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});

describe('UN_ENTITIES and realActors', () => {
  it('names the main UN entities by acronym, with no region', () => {
    const keys = UN_ENTITIES.map((entity) => entity.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'IOM',
        'UNODC',
        'OHCHR',
        'ILO',
        'UNHCR',
        'UNICEF',
        'UN Women',
        'UNDP',
      ]),
    );
    for (const entity of UN_ENTITIES) {
      expect(entity).toMatchObject({
        kind: 'un_entity',
        iso3: null,
        region: null,
        subRegion: null,
        isDemo: false,
      });
      expect(entity.shortName).toBe(entity.key);
      expect(entity.name.length).toBeGreaterThan(entity.key.length);
    }
    expect(UN_ENTITIES.find((e) => e.key === 'UNODC')?.name).toBe(
      'United Nations Office on Drugs and Crime',
    );
  });

  it('combines states and UN entities with unique keys and names', () => {
    const actors = realActors();
    expect(actors).toHaveLength(193 + UN_ENTITIES.length);
    expect(new Set(actors.map((a) => a.key)).size).toBe(actors.length);
    expect(new Set(actors.map((a) => a.name)).size).toBe(actors.length);
  });
});

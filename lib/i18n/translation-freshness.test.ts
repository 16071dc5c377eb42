import { describe, expect, it } from 'vitest';
import { englishSources, recorded, staleKeys } from '@/test/i18n/english-sources';

describe('the translations', () => {
  it('were checked against the English of today', () => {
    // On a failure: make these keys' texts in ar, es, fr, ru and zh say what the English now says,
    // then run `npm run i18n:translated` to record the English they translate.
    expect(staleKeys(englishSources(), recorded())).toEqual({ changed: [], added: [], gone: [] });
  });

  it('names an English text that changed, one that came and one that went', () => {
    const record = { 'en.json#a': '111', 'en.json#b': '222', 'en.json#c': '333' };
    const today = { 'en.json#a': '111', 'en.json#b': '999', 'en.json#d': '444' };
    expect(staleKeys(today, record)).toEqual({
      changed: ['en.json#b'],
      added: ['en.json#d'],
      gone: ['en.json#c'],
    });
  });
});

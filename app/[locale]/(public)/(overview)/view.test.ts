import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/query-params';
import {
  FIRST_PAGE,
  MATRIX_PAGE_SIZE,
  OVERVIEW_PARAMETERS,
  overviewSearch,
  parseColumns,
  readView,
} from './view';
import { ACTOR_ENDS, COMMITMENT_ENDS, forOverview } from './overview-summary';
import type { GroupRow, SummaryDto } from '@/lib/summary-types';

describe("the overview's URL", () => {
  it('round-trips a view, leaving the defaults out', () => {
    const view = {
      filters: {
        theme: 'trafficking' as const,
        objective: 10,
        kind: 'state' as const,
        region: 'Europe',
        perspective: 'independent' as const,
        asOf: '2024-02-29',
      },
      paging: { page: 3, limit: 25, columns: 2 },
    };
    const search = overviewSearch(view.filters, view.paging);
    expect(search).toBe(
      '?theme=trafficking&objective=10&kind=state&region=Europe&perspective=independent&asOf=2024-02-29&page=3&limit=25&columns=2',
    );
    expect(readView(new URLSearchParams(search))).toEqual(view);
    expect(overviewSearch({}, FIRST_PAGE)).toBe('');
    expect(readView(new URLSearchParams(''))).toEqual({
      filters: {},
      paging: { page: 1, limit: MATRIX_PAGE_SIZE, columns: 1 },
    });
  });

  it('reads a URL as the server parses it: a view the server refuses is the unfiltered first page here too', () => {
    const urls = [
      'theme=trafficking',
      'objective=24',
      'asOf=2023-02-30',
      'page=0',
      'limit=201',
      'limit=50',
      'colour=red',
      'kind=state&kind=cso',
      'sdg=16.2&page=2',
      'region=%20',
      'perspective=both',
    ];
    urls.push(
      'columns=2',
      'columns=0',
      'columns=x',
      'kind=state&columns=3&page=2',
      'columns=1&columns=2',
      'theme=nope&columns=2',
    );
    for (const url of urls) {
      const params = new URLSearchParams(url);
      // The page parses `columns` itself and the rest with lib/query-params.ts.
      const rest = new URLSearchParams(params);
      rest.delete('columns');
      const server = parseQuery(rest, OVERVIEW_PARAMETERS);
      const all = params.getAll('columns');
      const columns = parseColumns(all.length > 1 ? all : all[0]);
      const expected =
        server.ok && !columns.error
          ? (({ page = 1, limit = MATRIX_PAGE_SIZE, ...filters }) => ({
              filters,
              paging: { page, limit, columns: columns.columns },
            }))(server.value)
          : { filters: {}, paging: FIRST_PAGE };
      expect(readView(params), url).toEqual(expected);
    }
  });
});

describe('status by actor on the overview', () => {
  // In the summary's order: reported actors by falling score, then those without a report.
  const row = (index: number, reported: boolean): GroupRow => ({
    key: String(index),
    label: `Actor ${index}`,
    counts: {
      complete: reported ? 1 : 0,
      substantial: 0,
      limited: 0,
      not_started: 0,
      regressed: 0,
      unable_to_assess: 0,
      no_report: reported ? 0 : 1,
    },
    pairs: 1,
    reported: reported ? 1 : 0,
    score: reported ? 1 - index / 4000 : null,
  });
  const summary = (actors: number, reported = true) =>
    ({
      byActor: Array.from({ length: actors }, (_, index) => row(index, reported)),
      byCommitment: [],
    }) as unknown as SummaryDto;

  it('keeps every actor while they fit, and the highest and lowest scores of many', () => {
    expect(forOverview(summary(2 * ACTOR_ENDS)).byActor).toHaveLength(2 * ACTOR_ENDS);
    const many = forOverview(summary(2000));
    expect(many.actorCount).toBe(2000);
    expect(many.byActor.map((one) => one.key)).toEqual([
      ...Array.from({ length: ACTOR_ENDS }, (_, index) => String(index)),
      ...Array.from({ length: ACTOR_ENDS }, (_, index) => String(2000 - ACTOR_ENDS + index)),
    ]);
  });

  it('names no lowest end when no actor has enough reports to be ranked', () => {
    const silent = forOverview(summary(2000, false));
    expect(silent.actorCount).toBe(2000);
    expect(silent.byActor.map((one) => one.key)).toEqual(
      Array.from({ length: ACTOR_ENDS }, (_, index) => String(index)),
    );
  });
});

describe('status by commitment on the overview', () => {
  const row = (code: string, reported: number, score: number | null): GroupRow => ({
    key: code,
    label: `Commitment ${code}`,
    counts: {
      complete: 0,
      substantial: 0,
      limited: 0,
      not_started: reported,
      regressed: 0,
      unable_to_assess: 0,
      no_report: 10 - reported,
    },
    pairs: 10,
    reported,
    score,
  });
  const summary = (rows: GroupRow[]) =>
    ({ byActor: [], byCommitment: rows }) as unknown as SummaryDto;

  it('ranks commitments as actors: half their pairs reported first, then by score', () => {
    const ranked = forOverview(
      summary([row('A-1', 0, null), row('A-2', 3, 0.5), row('A-3', 6, 0.5), row('A-4', 2, 0.9)]),
    );
    expect(ranked.byCommitment.map((one) => one.key)).toEqual(['A-3', 'A-4', 'A-2', 'A-1']);
    expect(ranked.commitmentCount).toBe(4);
  });

  it('keeps the most and the least advanced of many commitments', () => {
    const many = Array.from({ length: 200 }, (_, index) =>
      row(`C-${index}`, 5, (200 - index) / 200),
    );
    const shown = forOverview(summary(many));
    expect(shown.commitmentCount).toBe(200);
    expect(shown.byCommitment.map((one) => one.key)).toEqual([
      ...Array.from({ length: COMMITMENT_ENDS }, (_, index) => `C-${index}`),
      ...Array.from({ length: COMMITMENT_ENDS }, (_, i) => `C-${200 - COMMITMENT_ENDS + i}`),
    ]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';
import { getRound, getRoundCompletion, listRounds } from './rounds';
import { roundParameterErrors } from './round-scope';
import { loadScope } from './view-scope';
import { getSummary } from './summary';

// The summary route reads the themes' names from next-intl, which needs Next.js's request scope.
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) => key,
  getRequestConfig: (config: unknown) => config,
}));

describe('the overview narrowed to a reporting round', () => {
  useDemoDatabaseFile('round-scope');

  it("covers the round's commitments and only the actors it asks", () => {
    const rounds = listRounds();
    expect(rounds.map((round) => round.status).sort()).toEqual(['closed', 'open']);
    for (const { id } of rounds) {
      const round = getRound(id)!;
      const scope = loadScope({ round: id });
      expect(scope.commitments.map((c) => c.code).sort()).toEqual(
        round.commitments.map((c) => c.code).sort(),
      );
      const scoped = new Set(scope.actors.map((actor) => actor.id));
      const asked = getRoundCompletion(round).actors.map((actor) => actor.id);
      expect(asked.every((actorId) => scoped.has(actorId))).toBe(true);
      const all = loadScope({});
      expect(scope.actors.length).toBeLessThanOrEqual(all.actors.length);
      expect(scope.commitments.length).toBeLessThan(all.commitments.length);
      // Combined with another filter, both apply.
      const states = loadScope({ round: id, kind: 'state' });
      expect(states.actors.every((actor) => actor.kind === 'state' && scoped.has(actor.id))).toBe(
        true,
      );
      const labels = { theme: (theme: string) => theme };
      expect(
        getSummary({ round: id }, labels)
          .byCommitment.map((row) => row.key)
          .sort(),
      ).toEqual(round.commitments.map((c) => c.code).sort());
    }
  });

  it('names an unknown or archived round, and a known one passes', () => {
    const [round] = listRounds();
    expect(roundParameterErrors(undefined)).toEqual([]);
    expect(roundParameterErrors(round!.id)).toEqual([]);
    expect(roundParameterErrors(99_999)).toMatchObject([{ parameter: 'round' }]);
    getDb()
      .$client.prepare('UPDATE reporting_rounds SET archived_at = ? WHERE id = ?')
      .run('2026-12-01T00:00:00.000Z', round!.id);
    expect(roundParameterErrors(round!.id)).toMatchObject([{ parameter: 'round' }]);
    getDb()
      .$client.prepare('UPDATE reporting_rounds SET archived_at = NULL WHERE id = ?')
      .run(round!.id);
  });

  it('GET /api/v1/summary refuses a round naming nothing with 400 naming round', async () => {
    const { GET } = await import('@/app/api/v1/summary/route');
    for (const value of ['99999', 'abc', '0']) {
      const response = await GET(new Request(`http://localhost/api/v1/summary?round=${value}`));
      expect(response.status, value).toBe(400);
      const body = (await response.json()) as { error: { parameters: { parameter: string }[] } };
      expect(body.error.parameters.map((p) => p.parameter)).toEqual(['round']);
    }
    const [round] = listRounds();
    const ok = await GET(new Request(`http://localhost/api/v1/summary?round=${round!.id}`));
    expect(ok.status).toBe(200);
  });
});

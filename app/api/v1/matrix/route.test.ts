import { describe, expect, it } from 'vitest';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';

describe('GET /api/v1/matrix: pages of actors', () => {
  useDemoDatabaseFile('matrix-route');

  const page = async (query: string) => {
    const { GET } = await import('./route');
    const response = await GET(new Request(`http://localhost/api/v1/matrix${query}`));
    expect(response.status).toBe(200);
    return (await response.json()) as {
      actors: { id: number }[];
      cells: { actorId: number }[];
      total: number;
      limit: number;
      next: string | null;
    };
  };

  it('sends 20 actors a page unless asked otherwise, and pages read on without a gap', async () => {
    const first = await page('');
    expect(first.limit).toBe(20);
    expect(first.actors).toHaveLength(Math.min(first.total, 20));
    expect(first.next).toBe(first.total > 20 ? '/api/v1/matrix?page=2' : null);
    expect(new Set(first.cells.map((cell) => cell.actorId))).toEqual(
      new Set(first.actors.map((actor) => actor.id)),
    );
    const pages = [];
    for (let number = 1; number <= Math.ceil(first.total / 7); number += 1)
      pages.push(...(await page(`?page=${number}&limit=7`)).actors);
    expect(pages).toEqual((await page(`?limit=${first.total}`)).actors);
  });
});

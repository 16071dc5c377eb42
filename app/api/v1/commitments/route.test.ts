import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';
import { getDb } from '@/db/client';
import * as t from '@/db/schema';
import { DEMO_ADMIN_ID } from '@/seed/demo';
import { saveCommitmentTranslation } from '@/db/queries/commitment-translations';
import { commitmentListSchema, commitmentResponseSchema } from '@/lib/api-schemas';

describe('GET /api/v1/commitments: the verbatim original and its translations', () => {
  useDemoDatabaseFile('commitments-route');

  const translate = (locale: string, title: string) => {
    const { id, code } = getDb()
      .select({ id: t.commitments.id, code: t.commitments.code })
      .from(t.commitments)
      .where(eq(t.commitments.position, 1))
      .get()!;
    expect(
      saveCommitmentTranslation(DEMO_ADMIN_ID, id, { locale, title, text: `${title}.` }),
    ).toMatchObject({ ok: true });
    return code;
  };

  it('carries the original language and every current translation, in the list and alone', async () => {
    const code = translate('fr', 'Titre en français');
    translate('fr', 'Titre révisé');
    translate('es', 'Título en español');

    const list = await (
      await import('./route')
    ).GET(new Request('http://localhost/api/v1/commitments'));
    expect(list.status).toBe(200);
    const body = commitmentListSchema.parse(await list.json());
    const listed = body.commitments.find((commitment) => commitment.code === code)!;
    expect(listed.language).toBe('en');
    expect(Object.keys(listed.translations).sort()).toEqual(['es', 'fr']);
    expect(listed.translations.fr).toMatchObject({
      title: 'Titre révisé',
      text: 'Titre révisé.',
      version: 2,
    });
    expect(
      body.commitments.filter((commitment) => commitment.code !== code)[0]!.translations,
    ).toEqual({});

    const one = await (
      await import('./[code]/route')
    ).GET(new Request(`http://localhost/api/v1/commitments/${code}`), {
      params: Promise.resolve({ code }),
    });
    expect(one.status).toBe(200);
    const { commitment } = commitmentResponseSchema.parse(await one.json());
    expect(commitment.title).not.toBe('Titre révisé');
    expect(commitment.translations).toEqual(listed.translations);
  });
});

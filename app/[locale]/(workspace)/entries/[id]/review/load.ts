import 'server-only';
import { notFound } from 'next/navigation';
import { getEntryDetail, getEntryReview, type EntryReviewDto } from '@/db/queries/entry-detail';
import type { CurrentUser } from '@/db/current-user';
import { PARAMETERS } from '@/lib/query-params';
import { requireUser } from '@/app/_lib/guard';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/**
 * The entry of a review or publish page, for the signed-in user: a 404 unless the rules let them
 * publish or return it (another actor's draft is not acknowledged to exist); an entry published
 * meanwhile goes to its public page.
 */
export async function loadReview(
  rawId: string,
  page: 'review' | 'publish',
): Promise<{ user: CurrentUser; review: EntryReviewDto }> {
  const user = await requireUser(`/entries/${encodeURIComponent(rawId)}/${page}`);
  const id = PARAMETERS.subject.safeParse(rawId);
  if (!id.success) notFound();
  const review = getEntryReview(user.id, id.data);
  if (!review) {
    if (getEntryDetail(id.data)?.state === 'published')
      redirect({ href: `/entries/${id.data}`, locale: await getLocale() });
    notFound();
  }
  return { user, review };
}

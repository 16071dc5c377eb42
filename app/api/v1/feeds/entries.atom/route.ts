import { getTranslations } from 'next-intl/server';
import { getActor } from '@/db/queries/actors';
import { getCommitmentByCode } from '@/db/queries/commitments';
import type { EntryFilters } from '@/db/queries/entries';
import { latestPublishedEntries } from '@/db/queries/feed-entries';
import { getRound, getRoundCompletion } from '@/db/queries/rounds';
import { ATOM_CONTENT_TYPE, atomFeed, entriesFeedPath } from '@/lib/atom';
import { appBaseUrl } from '@/lib/deployment';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';
import { FEED_PARAMETERS, type ParameterError } from '@/lib/query-params';
import {
  cachedBody,
  invalidParameters,
  methodsNotAllowed,
  parseRequestQuery,
} from '../../_lib/respond';

/** How many entries a feed carries: a reader polls it, so the newest are enough. */
const FEED_SIZE = 50;

/**
 * GET /api/v1/feeds/entries.atom: the latest published entries as Atom 1.0, of one commitment,
 * one actor and/or one reporting round (its commitments, the actors it asks, as-of dates in its
 * dates). A filter naming nothing in the tracker is a 400 naming it, so a mistyped subscription
 * does not stay silently empty. Ids and links are built on the app's configured origin, so an
 * entry keeps its id however the feed was reached.
 */
export async function GET(request: Request) {
  const query = parseRequestQuery(request, FEED_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const { commitment: code, subject: subjectId, round: roundId } = query.value;
  const commitment = code === undefined ? undefined : getCommitmentByCode(code);
  const subject = subjectId === undefined ? undefined : getActor(subjectId);
  const round = roundId === undefined ? undefined : getRound(roundId);
  const errors: ParameterError[] = [];
  if (commitment === null)
    errors.push({ parameter: 'commitment', message: `names no commitment: ${code}` });
  if (subject === null)
    errors.push({ parameter: 'subject', message: `names no actor: ${subjectId}` });
  if (round === null)
    errors.push({ parameter: 'round', message: `names no reporting round: ${roundId}` });
  if (errors.length > 0) return invalidParameters(errors);

  const [t, tStatus, tApp] = await Promise.all([
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'api.feed' }),
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'status' }),
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'app' }),
  ]);
  return cachedBody(request, () => {
    const filters: EntryFilters = { commitment: code, subject: subjectId };
    if (round) {
      filters.from = round.opensOn;
      filters.to = round.dueOn;
      filters.commitmentCodes = round.commitments.map((one) => one.code);
      filters.subjectIds = getRoundCompletion(round).actors.map((actor) => actor.id);
    }
    const entries = latestPublishedEntries(filters, FEED_SIZE);
    const base = appBaseUrl();
    const url = (path: string) => new URL(path, base).href;
    const named = [
      commitment && `${commitment.code} ${commitment.title}`,
      subject?.name,
      round?.title,
    ].filter((part): part is string => Boolean(part));
    const app = tApp('name');
    const self = url(entriesFeedPath({ commitment: code, subject: subjectId, round: roundId }));
    const page = commitment
      ? `/commitments/${encodeURIComponent(commitment.code)}`
      : subject
        ? `/actors/${subject.id}`
        : round
          ? `/rounds/${round.id}`
          : '/changes';
    const xml = atomFeed({
      id: self,
      title: named.length
        ? t('titleFiltered', { app, filters: named.join(', ') })
        : t('title', { app }),
      // An empty feed still needs a time: the epoch, so that it never looks newer than it is.
      updated: entries[0]?.publishedAt ?? new Date(0).toISOString(),
      self,
      alternate: url(page),
      author: app,
      entries: entries.map((entry) => ({
        id: url(`/entries/${entry.id}`),
        title: t('entryTitle', {
          subject: entry.subject.name,
          commitment: entry.commitment.code,
          status: tStatus(entry.status),
        }),
        updated: entry.publishedAt,
        link: url(`/entries/${entry.id}`),
        author: entry.reporter.name,
        summary: entry.narrative ? `${entry.summary}\n\n${entry.narrative}` : entry.summary,
      })),
    });
    return { bytes: Buffer.from(xml), headers: { 'Content-Type': ATOM_CONTENT_TYPE } };
  });
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import { formOptions } from '@/db/queries/entry-forms';
import { requireUser } from '@/app/_lib/guard';
import { withLocalSubjects } from '@/app/_lib/localized-names';
import { saveEntry } from '../actions';
import { EntryForm } from '../entry-form';
import { blankValues } from '../form-options';
import { isCalendarDate } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entryForm'))('newTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewEntryPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/entries/new');
  const t = await getTranslations('entryForm');
  const options = await withLocalSubjects(formOptions(user));
  if (options.subjects.length === 0) {
    return (
      <>
        <h1>{t('newTitle')}</h1>
        <p>{t('noActor')}</p>
      </>
    );
  }
  const query = await searchParams;
  // No commitment is chosen for the user: only a link that names one (from a commitment's page) preselects it.
  const commitment =
    typeof query.commitment === 'string' &&
    options.commitments.some((c) => c.code === query.commitment)
      ? query.commitment
      : '';
  const subject =
    typeof query.subject === 'string' &&
    options.subjects.some((s) => String(s.id) === query.subject)
      ? query.subject
      : String(options.subjects[0]?.id ?? '');
  // A round's "what's due" link dates the entry in the round; the form still checks the date.
  const asOf =
    typeof query.asOf === 'string' && isCalendarDate(query.asOf) ? { asOf: query.asOf } : {};
  return (
    <>
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro', { actor: (await actorNamer())(user.actorName ?? '') })}</p>
      <EntryForm
        action={saveEntry.bind(null, null)}
        values={{ ...blankValues(commitment, subject), ...asOf }}
        submitLabel={t('saveDraft')}
        locked={false}
        {...options}
      />
    </>
  );
}

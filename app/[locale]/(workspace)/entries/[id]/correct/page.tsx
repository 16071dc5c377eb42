import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { formOptions, ownEntry } from '@/db/queries/entry-forms';
import { PARAMETERS } from '@/lib/query-params';
import { requireUser } from '@/app/_lib/guard';
import { withLocalSubjects } from '@/app/_lib/localized-names';
import { saveEntry } from '../../actions';
import { EntryForm } from '../../entry-form';
import { valuesFromEntry } from '../../form-options';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entryForm'))('correctTitle') };
}

/** A published entry is never edited: its correction is a new entry that supersedes it once published. */
export default async function CorrectEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const user = await requireUser(`/entries/${raw}/correct`);
  const id = PARAMETERS.subject.safeParse(raw);
  const found = id.success ? ownEntry(user, id.data) : null;
  if (
    !found ||
    found.entry.state !== 'published' ||
    found.entry.supersededById !== null ||
    found.entry.withdrawnAt !== null
  )
    notFound();
  const t = await getTranslations('entryForm');
  return (
    <>
      <h1>{t('correctTitle')}</h1>
      <p className="lead">{t('correctIntro')}</p>
      <EntryForm
        action={saveEntry.bind(null, null)}
        values={valuesFromEntry(found.entry, found.code, true)}
        submitLabel={t('saveCorrection')}
        locked
        {...await withLocalSubjects(formOptions(user))}
      />
    </>
  );
}

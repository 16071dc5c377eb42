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
  return { title: (await getTranslations('entryForm'))('editTitle') };
}

export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const user = await requireUser(`/entries/${raw}/edit`);
  const id = PARAMETERS.subject.safeParse(raw);
  const found = id.success ? ownEntry(user, id.data) : null;
  if (!found || (found.entry.state !== 'draft' && found.entry.state !== 'returned')) notFound();
  const t = await getTranslations('entryForm');
  return (
    <>
      <h1>{t('editTitle')}</h1>
      {found.entry.returnNote && found.entry.state === 'returned' ? (
        <div className="alert" role="note">
          <h2>{t('returnedWith')}</h2>
          <p>{found.entry.returnNote}</p>
        </div>
      ) : null}
      <EntryForm
        action={saveEntry.bind(null, found.entry.id)}
        values={valuesFromEntry(found.entry, found.code, false)}
        submitLabel={t('saveChanges')}
        locked
        {...await withLocalSubjects(formOptions(user))}
      />
    </>
  );
}

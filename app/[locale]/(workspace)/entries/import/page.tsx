import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import { requireUser } from '@/app/_lib/guard';
import { exportHref } from '@/app/_components/download-links';
import { ENTRY_COLUMNS } from '@/lib/entries-csv';
import { ImportForm } from './import-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('data.import'))('title') };
}

/** A focal point brings in its actor's entries from a spreadsheet; an admin, any actor's. */
export default async function ImportPage() {
  const user = await requireUser('/entries/import');
  if (user.role !== 'admin' && user.role !== 'focal_point') forbidden();
  const t = await getTranslations('data.import');
  const isAdmin = user.role === 'admin';
  const name = await actorNamer();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">
        {isAdmin ? t('introAdmin') : t('introFocal', { actor: name(user.actorName ?? '') })}
      </p>
      <details>
        <summary>{t('columnsTitle')}</summary>
        <p>{t('columnsIntro')}</p>
        <p>
          <code lang="en" translate="no" dir="ltr">
            {ENTRY_COLUMNS.join(', ')}, idempotency_key
          </code>
        </p>
        <ul>
          <li>{t('columnsRequired')}</li>
          <li>{t('columnsActors')}</li>
          <li>{t('columnsLists')}</li>
          <li>{t('columnsIgnored')}</li>
          <li>{t('columnsFormulas')}</li>
        </ul>
        {user.actorId !== null ? (
          <p>
            <a href={exportHref('entries', 'csv', { reporter: user.actorId })} download>
              {t('startingFile')}
            </a>
          </p>
        ) : null}
      </details>
      <ImportForm isAdmin={isAdmin} />
    </>
  );
}

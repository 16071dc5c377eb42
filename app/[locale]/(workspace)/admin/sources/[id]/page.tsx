import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getSourceForAdmin } from '@/db/queries/admin-sources';
import { positiveId } from '@/db/queries/admin-write';
import { AdminForm } from '../../_components/admin-form';
import { ArchiveButton, ArchiveStatus, getArchiveText } from '../../_components/admin-parts';
import { requireAdmin } from '../../_components/require-admin';
import { archiveSourceAction, restoreSourceAction, saveSourceAction } from '../actions';
import { sourceFields, sourceValues } from '../source-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sources'))('editTitle') };
}

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requireAdmin(`/admin/sources/${raw}`);
  const id = positiveId(raw);
  const source = id === null ? null : getSourceForAdmin(id);
  if (!source) notFound();
  const [t, archiveText] = await Promise.all([getTranslations('admin.sources'), getArchiveText()]);
  return (
    <>
      <p>
        <Link href="/admin/sources">{t('backToList')}</Link>
      </p>
      <h1>{t('editHeading', { title: source.title })}</h1>
      <p>
        <ArchiveStatus archivedAt={source.archivedAt} text={archiveText} /> ·{' '}
        {t('cited', { count: source.commitments })}
      </p>
      <AdminForm
        action={saveSourceAction.bind(null, source.id)}
        fields={await sourceFields()}
        values={sourceValues(source)}
        submitLabel={t('save')}
      />
      <h2>{t(source.archivedAt ? 'restoreTitle' : 'archiveTitle')}</h2>
      <p>{t(source.archivedAt ? 'restoreIntro' : 'archiveIntro')}</p>
      <ArchiveButton
        archive={archiveSourceAction}
        restore={restoreSourceAction}
        id={source.id}
        name={source.title}
        archivedAt={source.archivedAt}
        text={archiveText}
      />
    </>
  );
}

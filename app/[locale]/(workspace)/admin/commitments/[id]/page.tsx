import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCommitmentForAdmin } from '@/db/queries/admin-commitments';
import { positiveId } from '@/db/queries/admin-write';
import { AdminForm } from '../../_components/admin-form';
import { ArchiveButton, ArchiveStatus, getArchiveText } from '../../_components/admin-parts';
import { requireAdmin } from '../../_components/require-admin';
import { archiveCommitmentAction, restoreCommitmentAction, saveCommitmentAction } from '../actions';
import { commitmentFields, commitmentValues } from '../commitment-fields';
import { TranslationForms } from './translation-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.commitments'))('editTitle') };
}

export default async function EditCommitmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  await requireAdmin(`/admin/commitments/${raw}`);
  const id = positiveId(raw);
  const commitment = id === null ? null : getCommitmentForAdmin(id);
  if (!commitment) notFound();
  const [t, archiveText] = await Promise.all([
    getTranslations('admin.commitments'),
    getArchiveText(),
  ]);
  const query = await searchParams;
  return (
    <>
      <p>
        <Link href="/admin/commitments">{t('backToList')}</Link>
      </p>
      <h1>{t('editHeading', { code: commitment.code })}</h1>
      <p>
        <ArchiveStatus archivedAt={commitment.archivedAt} text={archiveText} /> ·{' '}
        {t('entries', { count: commitment.entries })} ·{' '}
        <Link href={`/commitments/${commitment.code}`}>{t('publicPage')}</Link>
      </p>
      <AdminForm
        action={saveCommitmentAction.bind(null, commitment.id)}
        fields={await commitmentFields(commitment)}
        values={commitmentValues(commitment)}
        submitLabel={t('save')}
      />
      <TranslationForms commitmentId={commitment.id} query={query} />
      <h2>{t(commitment.archivedAt ? 'restoreTitle' : 'archiveTitle')}</h2>
      <p>{t(commitment.archivedAt ? 'restoreIntro' : 'archiveIntro')}</p>
      <ArchiveButton
        archive={archiveCommitmentAction}
        restore={restoreCommitmentAction}
        id={commitment.id}
        name={commitment.code}
        archivedAt={commitment.archivedAt}
        text={archiveText}
      />
    </>
  );
}

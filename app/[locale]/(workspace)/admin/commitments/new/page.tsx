import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { AdminForm } from '../../_components/admin-form';
import { requireAdmin } from '../../_components/require-admin';
import { saveCommitmentAction } from '../actions';
import { commitmentFields, commitmentValues } from '../commitment-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.commitments'))('newTitle') };
}

export default async function NewCommitmentPage() {
  await requireAdmin('/admin/commitments/new');
  const t = await getTranslations('admin.commitments');
  return (
    <>
      <p>
        <Link href="/admin/commitments">{t('backToList')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro')}</p>
      <AdminForm
        action={saveCommitmentAction.bind(null, null)}
        fields={await commitmentFields(null)}
        values={commitmentValues(null)}
        submitLabel={t('create')}
      />
    </>
  );
}

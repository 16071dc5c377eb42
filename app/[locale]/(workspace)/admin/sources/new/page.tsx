import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { AdminForm } from '../../_components/admin-form';
import { requireAdmin } from '../../_components/require-admin';
import { saveSourceAction } from '../actions';
import { sourceFields, sourceValues } from '../source-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sources'))('newTitle') };
}

export default async function NewSourcePage() {
  await requireAdmin('/admin/sources/new');
  const t = await getTranslations('admin.sources');
  return (
    <>
      <p>
        <Link href="/admin/sources">{t('backToList')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro')}</p>
      <AdminForm
        action={saveSourceAction.bind(null, null)}
        fields={await sourceFields()}
        values={sourceValues(null)}
        submitLabel={t('create')}
      />
    </>
  );
}

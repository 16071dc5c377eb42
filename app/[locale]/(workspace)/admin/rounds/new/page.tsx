import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { roundChoices } from '@/db/queries/admin-rounds';
import { AdminForm } from '../../_components/admin-form';
import { requireAdmin } from '../../_components/require-admin';
import { saveRoundAction } from '../actions';
import { roundFields, roundValues } from '../round-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.rounds'))('newTitle') };
}

export default async function NewRoundPage() {
  await requireAdmin('/admin/rounds/new');
  const t = await getTranslations('admin.rounds');
  const choices = roundChoices(null);
  return (
    <>
      <p>
        <Link href="/admin/rounds">{t('backToList')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro')}</p>
      <AdminForm
        action={saveRoundAction.bind(null, null)}
        fields={await roundFields(choices)}
        values={roundValues(null, choices)}
        submitLabel={t('create')}
      />
    </>
  );
}

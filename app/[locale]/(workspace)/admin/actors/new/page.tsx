import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { AdminForm } from '../../_components/admin-form';
import { requireAdmin } from '../../_components/require-admin';
import { saveActorAction } from '../actions';
import { actorFields, actorValues } from '../actor-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.actors'))('newTitle') };
}

export default async function NewActorPage() {
  await requireAdmin('/admin/actors/new');
  const t = await getTranslations('admin.actors');
  return (
    <>
      <p>
        <Link href="/admin/actors">{t('backToList')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro')}</p>
      <AdminForm
        action={saveActorAction.bind(null, null)}
        fields={await actorFields()}
        values={actorValues(null)}
        submitLabel={t('create')}
      />
    </>
  );
}

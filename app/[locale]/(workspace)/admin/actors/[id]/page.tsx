import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActorForAdmin } from '@/db/queries/admin-actors';
import { positiveId } from '@/db/queries/admin-write';
import { AdminForm } from '../../_components/admin-form';
import { ArchiveButton, ArchiveStatus, getArchiveText } from '../../_components/admin-parts';
import { requireAdmin } from '../../_components/require-admin';
import { archiveActorAction, restoreActorAction, saveActorAction } from '../actions';
import { actorFields, actorValues } from '../actor-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.actors'))('editTitle') };
}

export default async function EditActorPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requireAdmin(`/admin/actors/${raw}`);
  const id = positiveId(raw);
  const actor = id === null ? null : getActorForAdmin(id);
  if (!actor) notFound();
  const [t, archiveText] = await Promise.all([getTranslations('admin.actors'), getArchiveText()]);
  return (
    <>
      <p>
        <Link href="/admin/actors">{t('backToList')}</Link>
      </p>
      <h1>{t('editHeading', { name: actor.name })}</h1>
      <p>
        <ArchiveStatus archivedAt={actor.archivedAt} text={archiveText} /> ·{' '}
        <Link href={`/actors/${actor.id}`}>{t('publicPage')}</Link>
      </p>
      {actor.isDemo ? <p className="meta">{t('demoActor')}</p> : null}
      <AdminForm
        action={saveActorAction.bind(null, actor.id)}
        fields={await actorFields()}
        values={actorValues(actor)}
        submitLabel={t('save')}
      />
      <h2>{t(actor.archivedAt ? 'restoreTitle' : 'archiveTitle')}</h2>
      <p>{t(actor.archivedAt ? 'restoreIntro' : 'archiveIntro')}</p>
      <ArchiveButton
        archive={archiveActorAction}
        restore={restoreActorAction}
        id={actor.id}
        name={actor.name}
        archivedAt={actor.archivedAt}
        text={archiveText}
      />
    </>
  );
}

import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { roundChoices } from '@/db/queries/admin-rounds';
import { positiveId } from '@/db/queries/admin-write';
import { getRound } from '@/db/queries/rounds';
import { AdminForm } from '../../_components/admin-form';
import { ArchiveButton, getArchiveText } from '../../_components/admin-parts';
import { requireAdmin } from '../../_components/require-admin';
import { archiveRoundAction, restoreRoundAction, saveRoundAction } from '../actions';
import { CloseRoundButton } from '../close-round-button';
import { roundFields, roundValues } from '../round-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.rounds'))('editTitle') };
}

export default async function EditRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requireAdmin(`/admin/rounds/${raw}`);
  const id = positiveId(raw);
  const round = id === null ? null : getRound(id);
  if (!round) notFound();
  const [t, archiveText] = await Promise.all([getTranslations('admin.rounds'), getArchiveText()]);
  const choices = roundChoices(round);
  return (
    <>
      <p>
        <Link href="/admin/rounds">{t('backToList')}</Link>
      </p>
      <h1>{t('editHeading', { title: round.title })}</h1>
      <p>
        {t(`status.${round.status}`)} · <Link href={`/rounds/${round.id}`}>{t('publicPage')}</Link>
      </p>
      <AdminForm
        action={saveRoundAction.bind(null, round.id)}
        fields={await roundFields(choices)}
        values={roundValues(round, choices)}
        submitLabel={t('save')}
      />
      {round.status === 'open' ? (
        <>
          <h2>{t('closeTitle')}</h2>
          <p>{t('closeIntro')}</p>
          <CloseRoundButton id={round.id} title={round.title} t={t} />
        </>
      ) : null}
      <h2>{t(round.archived ? 'restoreTitle' : 'archiveTitle')}</h2>
      <p>{t(round.archived ? 'restoreIntro' : 'archiveIntro')}</p>
      <ArchiveButton
        archive={archiveRoundAction}
        restore={restoreRoundAction}
        id={round.id}
        name={round.title}
        archivedAt={round.archived ? 'archived' : null}
        text={archiveText}
      />
    </>
  );
}

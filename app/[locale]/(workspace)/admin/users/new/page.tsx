import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { listActors } from '@/db/queries/actors';
import { requireUser } from '@/app/_lib/guard';
import { actorDisplayName } from '@/lib/actor-name';
import { ACTOR_KINDS } from '@/lib/taxonomy';
import { CreateUserForm } from '../create-user-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('users.createTitle') };
}

/**
 * Creating a user, on a page of its own: its actor choice lists every actor of the workspace,
 * which the users' list need not carry. Admins only; the data layer checks it again.
 */
export default async function NewUserPage() {
  const user = await requireUser('/admin/users/new');
  if (user.role !== 'admin') forbidden();
  const [t, tKinds] = await Promise.all([
    getTranslations('auth'),
    getTranslations('actorKindPlural'),
  ]);
  const listed = listActors();
  const groups = ACTOR_KINDS.map((kind) => ({
    label: tKinds(kind),
    actors: listed
      .filter((actor) => actor.kind === kind)
      .map((actor) => ({ id: actor.id, name: actorDisplayName(actor) })),
  })).filter((group) => group.actors.length > 0);
  return (
    <>
      <p>
        <Link href="/admin/users">{t('users.allUsers')}</Link>
      </p>
      <h1>{t('users.createTitle')}</h1>
      <p className="lead">{t('users.createIntro')}</p>
      <CreateUserForm groups={groups} />
    </>
  );
}

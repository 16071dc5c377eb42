import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/app/_lib/guard';
import { followAction } from '@/app/_lib/follow-actions';
import { commitmentIdByCode, isFollowing, type FollowTargetKind } from '@/db/queries/follows';

/**
 * Follow or unfollow a commitment or an actor (its weekly digest), for a signed-in user only: a
 * small form posting to a guarded server action. Says in words whether the user follows it.
 */
export async function FollowButton({
  kind,
  id: given,
  name,
  returnTo,
  compact = false,
}: {
  kind: FollowTargetKind;
  /** The actor's id, or the commitment's id or code. */
  id: number | string;
  name: string;
  /** The page to come back to (the commitment's or actor's page, or the account page). */
  returnTo: string;
  /** Only the button (the account page's list says the rest). */
  compact?: boolean;
}) {
  const user = await currentUser();
  if (!user) return null;
  const id = typeof given === 'number' ? given : commitmentIdByCode(given);
  if (id === null) return null;
  const t = await getTranslations('follow');
  const following = compact || isFollowing(user.id, kind, id);
  const button = (
    <form action={followAction} className="inline-form">
      <input type="hidden" name="targetKind" value={kind} />
      <input type="hidden" name="targetId" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      <button
        type="submit"
        className="button secondary"
        aria-label={t(following ? 'unfollowLabel' : 'followLabel', { name })}
      >
        {t(following ? 'unfollow' : 'follow')}
      </button>
    </form>
  );
  if (compact) return button;
  return (
    <p id="follow" className="follow">
      {t(following ? 'following' : 'notFollowing', { name })} {button}
    </p>
  );
}

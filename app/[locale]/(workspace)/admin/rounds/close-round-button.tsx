import type { getTranslations } from 'next-intl/server';
import { closeRoundAction } from './actions';

/**
 * Closes an open round through its server action; the data function authorizes. Synchronous, with
 * the page's translator: an async component in every row would be a lazy chunk of its own.
 */
export function CloseRoundButton({
  id,
  title,
  t,
}: {
  id: number;
  title: string;
  t: Awaited<ReturnType<typeof getTranslations<'admin.rounds'>>>;
}) {
  return (
    <form action={closeRoundAction} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button secondary" aria-label={t('closeLabel', { title })}>
        {t('close')}
      </button>
    </form>
  );
}

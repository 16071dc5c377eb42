import { getTranslations } from 'next-intl/server';
import { closeRoundAction } from './actions';

/** Closes an open round through its server action; the data function authorizes. */
export async function CloseRoundButton({ id, title }: { id: number; title: string }) {
  const t = await getTranslations('admin.rounds');
  return (
    <form action={closeRoundAction} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button secondary" aria-label={t('closeLabel', { title })}>
        {t('close')}
      </button>
    </form>
  );
}

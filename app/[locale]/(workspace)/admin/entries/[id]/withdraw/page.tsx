import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getPublishedEntry } from '@/db/queries/entries';
import { EntryList } from '@/app/_components/entry-list';
import { PARAMETERS } from '@/lib/query-params';
import { requireUser } from '@/app/_lib/guard';
import { knownCode, REFUSAL_CODES } from '@/lib/notice-codes';
import { withdrawAction } from '../../../../entries/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflow'))('withdrawTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const raw = (await params).id;
  const user = await requireUser(`/admin/entries/${raw}/withdraw`);
  if (user.role !== 'admin') forbidden();
  const id = PARAMETERS.subject.safeParse(raw);
  const entry = id.success ? getPublishedEntry(id.data) : null;
  if (!entry) notFound();
  const [t, tNotice] = await Promise.all([
    getTranslations('workflow'),
    getTranslations('entryNotice'),
  ]);
  // A fixed code from the URL, never its text: the reason's own problem is shown at the field.
  const refused = knownCode(REFUSAL_CODES, (await searchParams).error);
  const reasonError = refused === 'invalid_reason';
  return (
    <>
      <h1>{t('withdrawTitle')}</h1>
      {refused && !reasonError ? (
        <div className="alert" role="alert">
          <p>{tNotice(`refused.${refused}`)}</p>
        </div>
      ) : null}
      <EntryList entries={[entry]} />
      {entry.withdrawal ? (
        <p>{t('alreadyWithdrawn')}</p>
      ) : (
        <form action={withdrawAction.bind(null, entry.id)} className="entry-form">
          {reasonError ? (
            <p className="field-error" id="reason-error" role="alert">
              {tNotice('refused.invalid_reason')}
            </p>
          ) : null}
          <div className="form-field">
            <label htmlFor="reason">{t('withdrawReason')}</label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxLength={2000}
              dir="auto"
              aria-invalid={reasonError || undefined}
              aria-describedby={reasonError ? 'reason-error reason-hint' : 'reason-hint'}
            />
            <p id="reason-hint" className="meta">
              {t('withdrawHint')}
            </p>
          </div>
          <button className="button" type="submit">
            {t('withdraw')}
          </button>
        </form>
      )}
    </>
  );
}

'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import {
  createEntry,
  publishEntry,
  returnEntry,
  submitEntry,
  updateEntry,
  withdrawEntry,
  type WriteResult,
} from '@/db/queries/entry-workflow';
import { entryInputFromForm, EVIDENCE_ROWS } from '@/lib/entry-form';
import { getEntryDetail } from '@/db/queries/entry-detail';
import { refusalCode } from '@/lib/notice-codes';
import { actionArgs, guardedAction } from '@/app/_lib/guard';
import type { EntryFormValues, FormState } from './form-state';
import { formFieldErrors } from './form-errors';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/lib/i18n/navigation';

/** The form as typed, to show again next to the errors. */
function keptValues(form: FormData): EntryFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    idempotencyKey: text('idempotencyKey'),
    commitment: text('commitment'),
    subject: text('subject'),
    status: text('status'),
    asOf: text('asOf'),
    summary: text('summary'),
    narrative: text('narrative'),
    measures: form.getAll('measures').filter((value): value is string => typeof value === 'string'),
    evidence: Array.from({ length: EVIDENCE_ROWS }, (_, index) => ({
      url: text(`evidence.${index}.url`),
      title: text(`evidence.${index}.title`),
      relation: text(`evidence.${index}.relation`) || 'supports',
    })),
    confidence: text('confidence'),
    adverseEffects: form.get('adverseEffects') === 'on',
    adverseEffectsDescription: text('adverseEffectsDescription'),
    supersedes: text('supersedes'),
  };
}

async function requestId(): Promise<string | null> {
  return (await headers()).get('x-request-id');
}

function refresh(): void {
  revalidatePath('/', 'layout');
}

/** Creates (entryId null) or changes a draft; on success, back to "my entries". */
export const saveEntry = guardedAction(
  [actionArgs.optionalId, actionArgs.state, actionArgs.form],
  async (user, entryId: number | null, _state: unknown, form: FormData): Promise<FormState> => {
    const input = entryInputFromForm(form);
    const context = { requestId: await requestId() };
    const result =
      entryId === null
        ? createEntry(user.id, input, context)
        : updateEntry(user.id, entryId, input, context);
    if (!result.ok) {
      const values = keptValues(form);
      return { errors: formFieldErrors(result, values.evidence), values };
    }
    refresh();
    redirect({ href: `/entries/mine?saved=${result.entryId}`, locale: await getLocale() });
  },
);

/**
 * Back to a page with a fixed code for what happened (never text: see lib/notice-codes.ts). A
 * refusal is said on the entry's own page while it may still act there (`here`), else on the list.
 */
async function outcome(
  result: WriteResult,
  done: 'submitted' | 'published' | 'returned',
  pages: { back: string; here?: string },
): Promise<never> {
  refresh();
  if (result.ok)
    redirect({ href: `${pages.back}?${done}=${result.entryId}`, locale: await getLocale() });
  const page =
    pages.here !== undefined && result.status !== 403 && result.status !== 404
      ? pages.here
      : pages.back;
  redirect({ href: `${page}?error=${refusalCode(result)}`, locale: await getLocale() });
}

export const submitAction = guardedAction([actionArgs.id], async (user, entryId: number) =>
  outcome(submitEntry(user.id, entryId, { requestId: await requestId() }), 'submitted', {
    back: '/entries/mine',
  }),
);

/**
 * Publishes from the confirmation page only (entries/[id]/publish): its form says that publishing
 * was confirmed and for which version of the entry, so a one-click button elsewhere leads to the
 * confirmation instead, and an entry changed after its confirmation was shown is not published
 * unseen. Who may publish is decided by publishEntry, in the data layer.
 */
export const publishAction = guardedAction(
  [actionArgs.id, actionArgs.form],
  async (user, entryId: number, form: FormData) => {
    const confirmation = `/entries/${entryId}/publish`;
    if (form.get('confirmed') !== 'permanent')
      redirect({ href: confirmation, locale: await getLocale() });
    const version = form.get('version');
    const back =
      getEntryDetail(entryId)?.state === 'submitted' ? '/entries/review' : '/entries/mine';
    return outcome(
      publishEntry(user.id, entryId, {
        requestId: await requestId(),
        version: typeof version === 'string' ? version : '',
      }),
      'published',
      { back, here: confirmation },
    );
  },
);

export const returnAction = guardedAction(
  [actionArgs.id, actionArgs.form],
  async (user, entryId: number, form: FormData) =>
    outcome(
      returnEntry(user.id, entryId, form.get('note'), { requestId: await requestId() }),
      'returned',
      { back: '/entries/review', here: `/entries/${entryId}/review` },
    ),
);

export const withdrawAction = guardedAction(
  [actionArgs.id, actionArgs.form],
  async (user, entryId: number, form: FormData) => {
    const result = withdrawEntry(user.id, entryId, form.get('reason'), {
      requestId: await requestId(),
    });
    refresh();
    if (result.ok) redirect({ href: `/changes?withdrawn=${entryId}`, locale: await getLocale() });
    redirect({
      href: `/admin/entries/${entryId}/withdraw?error=${refusalCode(result)}`,
      locale: await getLocale(),
    });
  },
);

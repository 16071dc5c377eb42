import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { RoundChoices } from '@/db/queries/admin-rounds';
import { ADMIN_LIMITS } from '@/lib/admin-input';
import type { RoundDto } from '@/lib/api-schemas';
import { ROUND_ASKS } from '@/lib/round-completion';
import { regionOptions } from '@/lib/region-names';
import { actorNamer, pageLocale } from '@/app/_lib/localized-names';
import type { FieldSpec } from '../_components/admin-form';
import type { AdminFormValues } from '../_components/form-state';

/** The checkbox groups of the round form, sent as lists even when none is ticked. */
export const ROUND_LISTS = ['commitments', 'actors'] as const;

/** The fields of a reporting round (docs/design.md#reporting-rounds). */
export async function roundFields(choices: RoundChoices): Promise<FieldSpec[]> {
  const t = await getTranslations('admin.rounds.fields');
  // Values stay the stored English names and ids; only what the admin reads is in the page's language.
  const locale = await pageLocale();
  const actorName = await actorNamer();
  return [
    {
      kind: 'text',
      name: 'title',
      label: t('title'),
      hint: t('titleHint'),
      maxLength: ADMIN_LIMITS.title,
    },
    { kind: 'text', name: 'opensOn', label: t('opensOn'), type: 'date' },
    { kind: 'text', name: 'dueOn', label: t('dueOn'), hint: t('dueOnHint'), type: 'date' },
    {
      kind: 'select',
      name: 'asks',
      label: t('asks'),
      options: ROUND_ASKS.map((asks) => ({ value: asks, label: t(`asksOptions.${asks}`) })),
    },
    {
      kind: 'select',
      name: 'region',
      label: t('region'),
      hint: t('regionHint'),
      options: regionOptions(choices.regions, locale),
      optional: true,
    },
    {
      kind: 'checkboxes',
      name: 'actors',
      label: t('actors'),
      hint: t('actorsHint'),
      options: choices.actors.map((actor) => ({
        value: String(actor.id),
        label: actorName(actor.name),
      })),
      columns: true,
    },
    {
      kind: 'checkboxes',
      name: 'commitments',
      label: t('commitments'),
      options: choices.commitments.map((commitment) => ({
        value: String(commitment.id),
        label: `${commitment.code} ${commitment.title}`,
      })),
      columns: true,
    },
    {
      kind: 'text',
      name: 'note',
      label: t('note'),
      maxLength: ADMIN_LIMITS.note,
      rows: 3,
      optional: true,
    },
  ];
}

export function roundValues(round: RoundDto | null, choices: RoundChoices): AdminFormValues {
  const idOf = new Map(choices.commitments.map((commitment) => [commitment.code, commitment.id]));
  return {
    title: round?.title ?? '',
    opensOn: round?.opensOn ?? '',
    dueOn: round?.dueOn ?? '',
    asks: round?.asks ?? 'all_states',
    region: round?.region ?? '',
    actors: round?.actorIds.map(String) ?? [],
    commitments: round?.commitments.map((commitment) => String(idOf.get(commitment.code))) ?? [],
    note: round?.note ?? '',
  };
}

import 'server-only';
import { getTranslations } from 'next-intl/server';
import { sourceChoices, type AdminCommitmentDto } from '@/db/queries/admin-commitments';
import { listGcmObjectives, listSdgTargets } from '@/db/queries/reference';
import { pageLocale } from '@/app/_lib/localized-names';
import { localizeTitles } from '@/lib/localized-labels';
import { ADMIN_LIMITS } from '@/lib/admin-input';
import { DUTY_BEARERS, RIGHTS_HOLDERS, THEMES } from '@/lib/taxonomy';
import type { FieldSpec } from '../_components/admin-form';
import type { AdminFormValues } from '../_components/form-state';

/**
 * The fields of a commitment (docs/design.md#commitments). Once entries refer to it, its code is shown read-only
 * with the reason; the data layer and a trigger refuse a change anyway.
 */
export async function commitmentFields(
  commitment: AdminCommitmentDto | null,
): Promise<FieldSpec[]> {
  const [t, tTheme, tBearer, tHolder] = await Promise.all([
    getTranslations('admin.commitments.fields'),
    getTranslations('theme'),
    getTranslations('dutyBearer'),
    getTranslations('rightsHolder'),
  ]);
  const locked = (commitment?.entries ?? 0) > 0;
  const titled = localizeTitles(
    { objectives: listGcmObjectives(), sdgTargets: listSdgTargets() },
    await pageLocale(),
  );
  return [
    {
      kind: 'text',
      name: 'code',
      label: t('code'),
      hint: locked ? t('codeLocked', { count: commitment?.entries ?? 0 }) : t('codeHint'),
      maxLength: ADMIN_LIMITS.code,
      readOnly: locked,
    },
    {
      kind: 'text',
      name: 'title',
      label: t('title'),
      hint: t('titleHint'),
      maxLength: ADMIN_LIMITS.title,
    },
    {
      kind: 'text',
      name: 'text',
      label: t('text'),
      hint: t('textHint'),
      maxLength: ADMIN_LIMITS.text,
      rows: 8,
    },
    {
      kind: 'select',
      name: 'source',
      label: t('source'),
      options: sourceChoices(commitment?.sourceId ?? null).map((source) => ({
        value: String(source.id),
        label: source.archived ? t('sourceArchived', { title: source.title }) : source.title,
      })),
    },
    {
      kind: 'text',
      name: 'paragraphs',
      label: t('paragraphs'),
      hint: t('paragraphsHint'),
      maxLength: ADMIN_LIMITS.paragraphs,
    },
    {
      kind: 'select',
      name: 'theme',
      label: t('theme'),
      options: THEMES.map((theme) => ({ value: theme, label: tTheme(theme) })),
    },
    {
      kind: 'checkboxes',
      name: 'dutyBearers',
      label: t('dutyBearers'),
      hint: t('dutyBearersHint'),
      options: DUTY_BEARERS.map((value) => ({ value, label: tBearer(value) })),
    },
    {
      kind: 'checkboxes',
      name: 'rightsHolders',
      label: t('rightsHolders'),
      options: RIGHTS_HOLDERS.map((value) => ({ value, label: tHolder(value) })),
      columns: true,
    },
    {
      kind: 'checkboxes',
      name: 'gcmObjectives',
      label: t('gcmObjectives'),
      options: titled.objectives.map((objective) => ({
        value: String(objective.number),
        label: `${objective.number}. ${objective.title}`,
      })),
      columns: true,
    },
    {
      kind: 'checkboxes',
      name: 'sdgTargets',
      label: t('sdgTargets'),
      options: titled.sdgTargets.map((target) => ({
        value: target.code,
        label: `${target.code} ${target.title}`,
      })),
      columns: true,
    },
  ];
}

export function commitmentValues(commitment: AdminCommitmentDto | null): AdminFormValues {
  return {
    code: commitment?.code ?? '',
    title: commitment?.title ?? '',
    text: commitment?.text ?? '',
    source: commitment
      ? String(commitment.sourceId)
      : sourceChoices()[0]
        ? String(sourceChoices()[0]!.id)
        : '',
    paragraphs: commitment?.paragraphs ?? '',
    theme: commitment?.theme ?? THEMES[0],
    dutyBearers: commitment?.dutyBearers ?? [],
    rightsHolders: commitment?.rightsHolders ?? [],
    gcmObjectives: (commitment?.gcmObjectives ?? []).map(String),
    sdgTargets: commitment?.sdgTargets ?? [],
  };
}

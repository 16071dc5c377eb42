import 'server-only';
import { getTranslations } from 'next-intl/server';
import { ADMIN_LIMITS } from '@/lib/admin-input';
import { ACTOR_KINDS } from '@/lib/taxonomy';
import type { AdminActorDto } from '@/db/queries/admin-actors';
import type { FieldSpec } from '../_components/admin-form';
import type { AdminFormValues } from '../_components/form-state';

/** The fields of an actor (db/schema.ts `actors`), labelled from the catalogue. */
export async function actorFields(): Promise<FieldSpec[]> {
  const [t, tKind] = await Promise.all([
    getTranslations('admin.actors.fields'),
    getTranslations('actorKind'),
  ]);
  return [
    {
      kind: 'select',
      name: 'kind',
      label: t('kind'),
      options: ACTOR_KINDS.map((kind) => ({ value: kind, label: tKind(kind) })),
    },
    { kind: 'text', name: 'name', label: t('name'), maxLength: ADMIN_LIMITS.name },
    {
      kind: 'text',
      name: 'shortName',
      label: t('shortName'),
      hint: t('shortNameHint'),
      maxLength: ADMIN_LIMITS.shortName,
      optional: true,
    },
    {
      kind: 'text',
      name: 'iso3',
      label: t('iso3'),
      hint: t('iso3Hint'),
      maxLength: 3,
      optional: true,
    },
    {
      kind: 'text',
      name: 'region',
      label: t('region'),
      hint: t('regionHint'),
      maxLength: ADMIN_LIMITS.region,
      optional: true,
    },
    {
      kind: 'text',
      name: 'subRegion',
      label: t('subRegion'),
      maxLength: ADMIN_LIMITS.region,
      optional: true,
    },
    {
      kind: 'text',
      name: 'intermediateRegion',
      label: t('intermediateRegion'),
      maxLength: ADMIN_LIMITS.region,
      optional: true,
    },
  ];
}

export function actorValues(actor: AdminActorDto | null): AdminFormValues {
  return {
    kind: actor?.kind ?? 'state',
    name: actor?.name ?? '',
    shortName: actor?.shortName ?? '',
    iso3: actor?.iso3 ?? '',
    region: actor?.region ?? '',
    subRegion: actor?.subRegion ?? '',
    intermediateRegion: actor?.intermediateRegion ?? '',
  };
}

/** "International Organization for Migration (IOM)", but never "Republic of Aldoria (Aldoria)". */
export function actorDisplayName(actor: { name: string; shortName: string | null }): string {
  return actor.shortName && !actor.name.includes(actor.shortName)
    ? `${actor.name} (${actor.shortName})`
    : actor.name;
}

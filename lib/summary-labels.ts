/**
 * Group rows labelled in the page's locale, for client components: no table of translations here,
 * the page's labels come in as functions (the server looks titles and names up: localized-labels.ts).
 */
/** A row label or chart label with its objective's, theme's and actor's name in the page's words. */
export interface GroupLabels {
  theme: (key: string) => string;
  objective: (number: number) => string;
  /** An actor's name from its stored one. */
  actor: (name: string) => string;
}

interface Relabelled {
  byActor: { key: string; label: string }[];
  byTheme: { key: string; label: string }[];
  byObjective: { key: string; label: string }[];
}

/**
 * A summary whose group rows are labelled in the page's locale: the overview's and the slides'
 * summary comes from the JSON API (English) once a filter changes, so labels are made from the
 * rows' keys as they are drawn, never taken from the data.
 */
export function relabelSummary<T extends Relabelled>(summary: T, labels: GroupLabels): T {
  return {
    ...summary,
    byActor: summary.byActor.map((row) => ({ ...row, label: labels.actor(row.label) })),
    byTheme: summary.byTheme.map((row) => ({ ...row, label: labels.theme(row.key) })),
    byObjective: summary.byObjective.map((row) => ({
      ...row,
      label: `${row.key}. ${labels.objective(Number(row.key))}`,
    })),
  };
}

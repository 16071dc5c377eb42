'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { DASHBOARD_PARAMETERS, dashboardSearch } from '@/lib/dashboard-query';
import type { DashboardQuery } from '@/lib/query-params';
import { ACTOR_KINDS, PERSPECTIVES, SDG_TARGETS, THEMES } from '@/lib/taxonomy';

export interface FilterOptions {
  objectives: { number: number; title: string }[];
  regions: string[];
}

/**
 * The view's filters. With JavaScript every change applies at once; without it, the form is a
 * plain GET form and "Apply" reloads the page with the same URL the script would have made.
 */
export function DashboardFilters({
  filters,
  options,
  onChange,
}: {
  filters: DashboardQuery;
  options: FilterOptions;
  onChange: (filters: DashboardQuery) => void;
}) {
  const t = useTranslations('dashboard');
  const tTheme = useTranslations('theme');
  const tKind = useTranslations('actorKind');
  const tPresent = useTranslations('present');

  const set = (name: (typeof DASHBOARD_PARAMETERS)[number], raw: string) => {
    const next: Record<string, unknown> = { ...filters };
    if (raw === '') delete next[name];
    else next[name] = name === 'objective' ? Number(raw) : raw;
    onChange(next as DashboardQuery);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, unknown> = {};
    for (const name of DASHBOARD_PARAMETERS) {
      const value = String(data.get(name) ?? '');
      if (value) next[name] = name === 'objective' ? Number(value) : value;
    }
    onChange(next as DashboardQuery);
  };

  return (
    <form className="filters" method="get" action="/" onSubmit={onSubmit} aria-label={t('filters')}>
      <fieldset>
        <legend>{t('filters')}</legend>
        <div className="field">
          <label htmlFor="dashboard-theme">{t('theme')}</label>
          <select
            id="dashboard-theme"
            name="theme"
            value={filters.theme ?? ''}
            onChange={(event) => set('theme', event.target.value)}
          >
            <option value="">{t('any')}</option>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {tTheme(theme)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-objective">{t('objective')}</label>
          <select
            id="dashboard-objective"
            name="objective"
            value={filters.objective?.toString() ?? ''}
            onChange={(event) => set('objective', event.target.value)}
          >
            <option value="">{t('any')}</option>
            {options.objectives.map((objective) => (
              <option key={objective.number} value={objective.number}>
                {objective.number}. {objective.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-sdg">{t('sdg')}</label>
          <select
            id="dashboard-sdg"
            name="sdg"
            value={filters.sdg ?? ''}
            onChange={(event) => set('sdg', event.target.value)}
          >
            <option value="">{t('any')}</option>
            {SDG_TARGETS.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-kind">{t('kind')}</label>
          <select
            id="dashboard-kind"
            name="kind"
            value={filters.kind ?? ''}
            onChange={(event) => set('kind', event.target.value)}
          >
            <option value="">{t('any')}</option>
            {ACTOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tKind(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-region">{t('region')}</label>
          <select
            id="dashboard-region"
            name="region"
            value={filters.region ?? ''}
            onChange={(event) => set('region', event.target.value)}
          >
            <option value="">{t('any')}</option>
            {options.regions.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-perspective">{t('perspective')}</label>
          <select
            id="dashboard-perspective"
            name="perspective"
            value={filters.perspective ?? 'self'}
            onChange={(event) =>
              set('perspective', event.target.value === 'self' ? '' : event.target.value)
            }
          >
            {PERSPECTIVES.map((perspective) => (
              <option key={perspective} value={perspective}>
                {t(`perspectives.${perspective}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-as-of">{t('asOf')}</label>
          <input
            id="dashboard-as-of"
            type="date"
            name="asOf"
            min="2000-01-01"
            max="2999-12-31"
            value={filters.asOf ?? ''}
            aria-describedby="dashboard-as-of-hint"
            onChange={(event) => {
              // Only a complete date changes the view; a half-typed one waits.
              if (event.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(event.target.value))
                set('asOf', event.target.value);
            }}
          />
          <span id="dashboard-as-of-hint" className="meta">
            {t('asOfHint')}
          </span>
        </div>
        <div className="actions">
          <button className="button" type="submit">
            {t('apply')}
          </button>
          <Link
            className="button secondary"
            href="/"
            onClick={(event) => {
              event.preventDefault();
              onChange({});
            }}
          >
            {t('reset')}
          </Link>
          <a className="button secondary" href={`/present${dashboardSearch(filters)}`}>
            {tPresent('open')}
          </a>
        </div>
      </fieldset>
    </form>
  );
}

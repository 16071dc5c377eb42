'use client';

import { getPathname, Link } from '@/lib/i18n/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { DASHBOARD_PARAMETERS, dashboardSearch } from '@/lib/dashboard-query';
import type { DashboardQuery } from '@/lib/query-params';
import { ACTOR_KINDS, PERSPECTIVES, THEMES } from '@/lib/taxonomy';
import { readView } from './view';
import './dashboard-filters.css';

export interface FilterOptions {
  objectives: { number: number; title: string }[];
  /** The stored English value, labelled in the page's language (lib/region-names.ts). */
  regions: { value: string; label: string }[];
  sdgTargets: { code: string; title: string }[];
  rounds: { id: number; title: string }[];
}

/** The filters whose values are numbers (ids), as DashboardQuery holds them. */
const NUMERIC = new Set<string>(['objective', 'round']);

/** Wider than this, the filters are always open (dashboard-filters.css holds the same width). */
const OPEN_FROM = '(min-width: 48rem)';

/**
 * The filters the URL holds now. A change builds on these, not on the last render's filters: the
 * router catches up with the URL a moment later, and a second quick change would undo the first.
 */
function currentFilters(): DashboardQuery {
  return readView(new URLSearchParams(window.location.search)).filters;
}

/**
 * The view's filters. With JavaScript a choice applies at once and a date when it is complete and
 * the field is left (or on "Apply"); without it, the form is a plain GET form and "Apply" reloads
 * the page with the same URL the script would have made. On a phone they fold under their summary
 * so the first screen shows data.
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
  const tRounds = useTranslations('rounds');
  const locale = useLocale();

  const fold = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Rendered folded (a phone's first screen); wide screens show it open from the first paint
    // through CSS, and open the element itself here so it is announced as expanded.
    if (fold.current && window.matchMedia(OPEN_FROM).matches) fold.current.open = true;
  }, []);
  // What is typed in the date field, until it is applied: `base` is the date the view had then.
  const [typed, setTyped] = useState<{ base: string; value: string } | null>(null);
  const [dateError, setDateError] = useState(false);
  const applied = filters.asOf ?? '';
  const asOf = typed && typed.base === applied ? typed.value : applied;
  const active = DASHBOARD_PARAMETERS.filter((name) => filters[name] !== undefined).length;

  const set = (name: (typeof DASHBOARD_PARAMETERS)[number], raw: string) => {
    const next: Record<string, unknown> = { ...currentFilters() };
    if (raw === '') delete next[name];
    else next[name] = NUMERIC.has(name) ? Number(raw) : raw;
    onChange(next as DashboardQuery);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, unknown> = {};
    for (const name of DASHBOARD_PARAMETERS) {
      const value = String(data.get(name) ?? '');
      // Self-reported is the default perspective: the canonical URL leaves it out, as `set` does.
      if (value && !(name === 'perspective' && value === 'self'))
        next[name] = NUMERIC.has(name) ? Number(value) : value;
    }
    onChange(next as DashboardQuery);
  };
  // A date applies once complete and valid, when the field is left; a half-typed one waits.
  const applyDate = (event: FocusEvent<HTMLInputElement>) => {
    const { value, validity } = event.currentTarget;
    const invalid = validity.badInput || validity.rangeUnderflow || validity.rangeOverflow;
    setDateError(invalid);
    if (!invalid && value !== (currentFilters().asOf ?? '')) set('asOf', value);
  };

  return (
    <details className="filters-fold" ref={fold}>
      <summary>{t('filtersFold', { count: active })}</summary>
      <form
        className="filters"
        method="get"
        action={getPathname({ href: '/', locale })}
        onSubmit={onSubmit}
        aria-label={t('filters')}
      >
        <fieldset>
          <legend>{t('filters')}</legend>
          <SelectFilter
            name="theme"
            label={t('theme')}
            value={filters.theme ?? ''}
            any={t('any')}
            options={THEMES.map((theme) => [theme, tTheme(theme)])}
            onChange={(value) => set('theme', value)}
          />
          <SelectFilter
            name="objective"
            label={t('objective')}
            value={filters.objective?.toString() ?? ''}
            any={t('any')}
            options={options.objectives.map((objective) => [
              String(objective.number),
              `${objective.number}. ${objective.title}`,
            ])}
            onChange={(value) => set('objective', value)}
          />
          <SelectFilter
            name="sdg"
            label={t('sdg')}
            value={filters.sdg ?? ''}
            any={t('any')}
            options={options.sdgTargets.map((target) => [
              target.code,
              `${target.code} ${target.title}`,
            ])}
            onChange={(value) => set('sdg', value)}
          />
          <SelectFilter
            name="kind"
            label={t('kind')}
            value={filters.kind ?? ''}
            any={t('any')}
            options={ACTOR_KINDS.map((kind) => [kind, tKind(kind)])}
            onChange={(value) => set('kind', value)}
          />
          <SelectFilter
            name="region"
            label={t('region')}
            value={filters.region ?? ''}
            any={t('any')}
            options={options.regions.map((region) => [region.value, region.label])}
            onChange={(value) => set('region', value)}
          />
          {options.rounds.length === 0 ? null : (
            <SelectFilter
              name="round"
              label={tRounds('filter')}
              value={filters.round?.toString() ?? ''}
              any={tRounds('filterAny')}
              options={options.rounds.map((round) => [String(round.id), round.title])}
              onChange={(value) => set('round', value)}
            />
          )}
          <SelectFilter
            name="perspective"
            label={t('perspective')}
            value={filters.perspective ?? 'self'}
            options={PERSPECTIVES.map((perspective) => [
              perspective,
              t(`perspectives.${perspective}`),
            ])}
            // Self-reported is the default: the canonical URL leaves it out.
            onChange={(value) => set('perspective', value === 'self' ? '' : value)}
          />
          <div className="field">
            <label htmlFor="dashboard-as-of">{t('asOf')}</label>
            <input
              id="dashboard-as-of"
              type="date"
              name="asOf"
              min="2000-01-01"
              max="2999-12-31"
              value={asOf}
              aria-describedby="dashboard-as-of-hint"
              aria-invalid={dateError || undefined}
              onChange={(event) => {
                setTyped({ base: applied, value: event.target.value });
                setDateError(false);
              }}
              onBlur={applyDate}
            />
            <span id="dashboard-as-of-hint" className={dateError ? 'field-error' : 'meta'}>
              {dateError ? t('asOfInvalid') : t('asOfHint')}
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
            <a
              className="button secondary"
              href={getPathname({ href: `/present${dashboardSearch(filters)}`, locale })}
            >
              {tPresent('open')}
            </a>
          </div>
        </fieldset>
      </form>
    </details>
  );
}

/** One filter as a labelled select; `any` adds the empty choice that removes the filter. */
function SelectFilter({
  name,
  label,
  value,
  any,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  any?: string;
  options: readonly (readonly [value: string, label: string])[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={`dashboard-${name}`}>{label}</label>
      <select
        id={`dashboard-${name}`}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

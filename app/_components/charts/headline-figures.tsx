'use client';
/**
 * The headline figures, in type large enough for the back of a meeting room. The score never
 * appears without its coverage, so silence stays visible beside it.
 */
import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { PairFlag } from '@/lib/rollup';
import { useTranslations } from 'next-intl';
import { useCount, useDateFormat } from '@/lib/i18n/formats';
import { STATUS_SCALE } from '@/lib/status-scale';
import type { Figures } from '@/lib/summary-types';
import { Missing, usePercent } from './chart-parts';
import './charts.css';
import { dateOnly } from '@/lib/dates';

interface Figure {
  key: string;
  term: ReactNode;
  value: ReactNode;
  detail?: ReactNode;
  /** Draws the eye to figures that call for attention, in weight and border, not colour alone. */
  alert?: boolean;
  /** The pair list that this figure counts (/pairs). */
  flag?: PairFlag;
}

export function HeadlineFigures({
  figures,
  staleBefore,
  listHref,
}: {
  figures: Figures;
  /** Where the list of the pairs a figure counts is, with the view's filters; no links without it. */
  listHref?: (flag: PairFlag) => string;
  /** YYYY-MM-DD: statuses dated before this day count as stale (SummaryDto.staleBefore). */
  staleBefore?: string;
}) {
  const t = useTranslations('charts.figures');
  const tStatus = useTranslations('status');
  const n = useCount();
  const day = useDateFormat('medium');
  const percent = usePercent();
  const regressed = STATUS_SCALE.regressed;

  const list: Figure[] = [
    { key: 'commitments', term: t('commitments'), value: n(figures.commitments) },
    {
      key: 'actors',
      term: t('actorsReporting'),
      value: n(figures.actorsReporting),
      detail: t('actorsReportingDetail', { total: figures.actors }),
    },
    {
      key: 'coverage',
      term: t('coverage'),
      value:
        figures.coverage === null ? <Missing reason={t('noPairs')} /> : percent(figures.coverage),
      detail: t('coverageDetail', { reported: figures.reported, pairs: figures.pairs }),
    },
    {
      key: 'score',
      term: t('score'),
      value:
        figures.score === null ? (
          <span className="headline-value-words">{t('noScore')}</span>
        ) : (
          percent(figures.score)
        ),
      detail:
        figures.coverage === null
          ? t('noPairsDetail')
          : figures.score === null
            ? t('noScoreDetail', { coverage: percent(figures.coverage) })
            : t('scoreDetail', { scored: figures.scored, coverage: percent(figures.coverage) }),
    },
    {
      key: 'contested',
      term: t('contested'),
      value: n(figures.contested),
      detail: t('contestedDetail', { count: figures.contested }),
      alert: figures.contested > 0,
      flag: 'contested',
    },
    {
      key: 'stale',
      term: t('stale'),
      value: n(figures.stale),
      detail: staleBefore
        ? t('staleBeforeDetail', {
            count: figures.stale,
            date: day(dateOnly(staleBefore)),
          })
        : t('staleDetail', { count: figures.stale }),
      flag: 'stale',
    },
    {
      key: 'regressed',
      term: (
        <>
          <span aria-hidden="true">{regressed.symbol}</span> {tStatus('regressed')}
        </>
      ),
      value: n(figures.regressed),
      detail: t('regressedDetail', { count: figures.regressed }),
      alert: figures.regressed > 0,
      flag: 'regressed',
    },
    {
      key: 'adverse',
      term: (
        <>
          <span aria-hidden="true">⚠</span> {t('adverseEffects')}
        </>
      ),
      value: n(figures.adverseEffects),
      detail: t('adverseEffectsDetail', { count: figures.adverseEffects }),
      alert: figures.adverseEffects > 0,
      flag: 'adverse_effects',
    },
  ];

  return (
    <dl className="headline-figures">
      {list.map((figure) => (
        <div key={figure.key} className={`headline-figure${figure.alert ? ' alert-figure' : ''}`}>
          <dt>{figure.term}</dt>
          <dd>
            <span className="headline-value">{figure.value}</span>
            {figure.detail ? <span className="headline-detail">{figure.detail}</span> : null}
            {figure.flag && listHref ? (
              <Link className="headline-link" href={listHref(figure.flag)} prefetch={false}>
                {t('list', { flag: figure.flag })}
              </Link>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

'use client';
/**
 * The recharts charts, loaded after the page: recharts is most of a chart page's JavaScript, and
 * the text summary, the table and the headline figures carry the content without it.
 */
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

function Drawing() {
  const t = useTranslations('charts');
  return <p className="chart-empty">{t('drawing')}</p>;
}

export const LazyStatusBars = dynamic(
  () => import('./status-bars').then((module) => module.StatusBars),
  { ssr: false, loading: Drawing },
);
export const LazyStatusOverTime = dynamic(
  () => import('./status-over-time').then((module) => module.StatusOverTime),
  { ssr: false, loading: Drawing },
);

'use client';
/**
 * The recharts charts, loaded after the page: recharts is most of a chart page's JavaScript, and
 * the text summary, the table and the headline figures carry the content without it.
 */
import dynamic from 'next/dynamic';
import { useSyncExternalStore, type ComponentProps } from 'react';
import { useTranslations } from 'next-intl';

function Drawing() {
  const t = useTranslations('charts');
  return <p className="chart-empty chart-drawing">{t('drawing')}</p>;
}

const StatusBars = dynamic(() => import('./status-bars').then((module) => module.StatusBars), {
  ssr: false,
  loading: Drawing,
});
const StatusOverTime = dynamic(
  () => import('./status-over-time').then((module) => module.StatusOverTime),
  { ssr: false, loading: Drawing },
);

const subscribe = () => () => {};

/**
 * False on the server and while hydrating, true after: the server renders the placeholder itself
 * instead of having each chart bail out of server rendering.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function LazyStatusBars(props: ComponentProps<typeof StatusBars>) {
  return useInBrowser() ? <StatusBars {...props} /> : <Drawing />;
}

export function LazyStatusOverTime(props: ComponentProps<typeof StatusOverTime>) {
  return useInBrowser() ? <StatusOverTime {...props} /> : <Drawing />;
}

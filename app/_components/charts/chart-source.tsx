'use client';
/**
 * What every downloaded chart says about where its data comes from: the workspace's kind is read
 * from the database by the root layout and handed down, so a demo chart always says it is fictitious.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface ChartSource {
  demo: boolean;
}

const ChartSourceContext = createContext<ChartSource | null>(null);

export function ChartSourceProvider({ demo, children }: { demo: boolean; children: ReactNode }) {
  return <ChartSourceContext.Provider value={{ demo }}>{children}</ChartSourceContext.Provider>;
}

/** Outside a provider (a test harness) the data is treated as demo: never present it as real. */
export function useChartSource(): ChartSource {
  return useContext(ChartSourceContext) ?? { demo: true };
}

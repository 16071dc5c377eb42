'use client';

import { useEffect } from 'react';

/**
 * Marks the page hydrated (`<html data-hydrated="<ms since navigation start>">`), so the bench's
 * browser pass and tests can wait for the moment the page responds to input. Renders nothing.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = String(Math.round(performance.now()));
  }, []);
  return null;
}

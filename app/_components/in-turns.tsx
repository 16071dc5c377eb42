import type { ReactNode } from 'react';

/**
 * Renders a page's sections one turn of the event loop after another, so a big page is rendered
 * in several short stretches rather than one long one that holds up every other request (the
 * queries are synchronous). No Suspense boundary: the HTML still arrives whole, and works
 * without JavaScript.
 */
export async function InTurns({ sections }: { sections: ReactNode[] }) {
  if (sections.length === 0) return null;
  await new Promise((resolve) => setImmediate(resolve));
  const [first, ...rest] = sections;
  return (
    <>
      {first}
      <InTurns sections={rest} />
    </>
  );
}

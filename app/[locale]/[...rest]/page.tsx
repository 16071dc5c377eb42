import { notFound } from 'next/navigation';

/** An address no page answers, inside a locale: its not-found page, in that locale's layout. */
export default function UnknownPage() {
  notFound();
}

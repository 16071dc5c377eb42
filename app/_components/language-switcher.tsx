'use client';

import { useLocale } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { languageLinks } from '@/lib/i18n/language-links';
import { Link, usePathname } from '@/lib/i18n/navigation';
import './language-switcher.css';

/**
 * The header's language switch: this page, with its query (the filters), in each language. Plain
 * links, rendered on the server, so it works without JavaScript; following one sets the locale
 * cookie (next-intl: the proxy on a page load, the Link on a client-side one), so `/` remembers.
 */
export function LanguageSwitcher({ label }: { label: string }) {
  const links = languageLinks(usePathname(), useSearchParams().toString(), useLocale());
  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.locale}>
            <Link
              href={link.href}
              locale={link.locale}
              lang={link.locale}
              hrefLang={link.locale}
              aria-current={link.current ? 'true' : undefined}
              // Six links on every page: no prefetching of each page in every language.
              prefetch={false}
            >
              {link.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

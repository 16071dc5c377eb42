import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

/**
 * Locale-aware versions of Next.js's navigation: `<Link href="/commitments">` and
 * `redirect({ href, locale })` keep the page's locale (no prefix for English), and
 * `<Link locale="fr">` switches to it. Links to the API, exports and feeds stay plain.
 */
const navigation = createNavigation(routing);

export const { Link, usePathname, useRouter, getPathname } = navigation;

/** Declared with its type, so that TypeScript knows code after a `redirect(…)` never runs. */
export const redirect: typeof navigation.redirect = navigation.redirect;

import { useLocale, useTranslations } from 'next-intl';
import { getPathname } from '@/lib/i18n/navigation';
import { STATUS_SCALE, type StatusKey } from '@/lib/status-scale';

/**
 * Colour, symbol and words together: colour never carries the status alone. A link with `href`:
 * a plain one, since pair tables show a hundred of them and a `Link` each would hydrate and
 * prefetch its entry page. `href` is a page's path without its locale: the badge adds it.
 */
export function StatusBadge({ status, href }: { status: StatusKey; href?: string }) {
  const t = useTranslations('status');
  const locale = useLocale();
  const scale = STATUS_SCALE[status];
  const style = { background: scale.colour, color: scale.textColour };
  const content = (
    <>
      <span aria-hidden="true">{scale.symbol}</span>
      {t(status)}
    </>
  );
  return href ? (
    <a href={getPathname({ href, locale })} className="status-badge" style={style}>
      {content}
    </a>
  ) : (
    <span className="status-badge" style={style}>
      {content}
    </span>
  );
}

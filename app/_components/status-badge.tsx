import { useTranslations } from 'next-intl';
import { STATUS_SCALE, type StatusKey } from '@/lib/status-scale';

/**
 * Colour, symbol and words together: colour never carries the status alone. A link with `href`:
 * a plain one, since pair tables show a hundred of them and a `Link` each would hydrate and
 * prefetch its entry page.
 */
export function StatusBadge({ status, href }: { status: StatusKey; href?: string }) {
  const t = useTranslations('status');
  const scale = STATUS_SCALE[status];
  const style = { background: scale.colour, color: scale.textColour };
  const content = (
    <>
      <span aria-hidden="true">{scale.symbol}</span>
      {t(status)}
    </>
  );
  return href ? (
    <a href={href} className="status-badge" style={style}>
      {content}
    </a>
  ) : (
    <span className="status-badge" style={style}>
      {content}
    </span>
  );
}

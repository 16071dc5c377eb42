import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { STATUS_SCALE, type StatusKey } from '@/lib/status-scale';

/** Colour, symbol and words together: colour never carries the status alone. A link with `href`. */
export async function StatusBadge({ status, href }: { status: StatusKey; href?: string }) {
  const t = await getTranslations('status');
  const scale = STATUS_SCALE[status];
  const style = { background: scale.colour, color: scale.textColour };
  const content = (
    <>
      <span aria-hidden="true">{scale.symbol}</span>
      {t(status)}
    </>
  );
  return href ? (
    <Link href={href} className="status-badge" style={style}>
      {content}
    </Link>
  ) : (
    <span className="status-badge" style={style}>
      {content}
    </span>
  );
}

import { getTranslations } from 'next-intl/server';
import { STATUS_SCALE, type StatusKey } from '@/lib/status-scale';

/** Colour, symbol and words together: colour never carries the status alone. */
export async function StatusBadge({ status }: { status: StatusKey }) {
  const t = await getTranslations('status');
  const scale = STATUS_SCALE[status];
  return (
    <span className="status-badge" style={{ background: scale.colour, color: scale.textColour }}>
      <span aria-hidden="true">{scale.symbol}</span>
      {t(status)}
    </span>
  );
}

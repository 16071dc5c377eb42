import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';

export default async function CommitmentNotFound() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('commitments.notFoundGeneric')}</p>
      <p>
        <Link href="/commitments">{t('commitments.backToList')}</Link>
      </p>
    </>
  );
}

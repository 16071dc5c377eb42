import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';

export default async function ActorNotFound() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('actors.notFound')}</p>
      <p>
        <Link href="/actors">{t('actors.backToList')}</Link>
      </p>
    </>
  );
}

import { getTranslations } from 'next-intl/server';
import type { ParameterError } from '@/lib/query-params';

/** Filters from a hand-edited URL that could not be applied, each named. */
export async function QueryErrors({ errors }: { errors: ParameterError[] }) {
  if (errors.length === 0) return null;
  const t = await getTranslations('common');
  return (
    <div className="alert" role="alert">
      <h2>{t('invalidFilters')}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.parameter}:${error.message}`}>
            {t('invalidParameter', { parameter: error.parameter, message: error.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}

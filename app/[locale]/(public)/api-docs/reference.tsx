import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { openApiDocument } from '@/lib/openapi';
import english from '@/lib/api-document.en.json';
import arabic from '@/lib/api-document.ar.json';
import spanish from '@/lib/api-document.es.json';
import french from '@/lib/api-document.fr.json';
import russian from '@/lib/api-document.ru.json';
import chinese from '@/lib/api-document.zh.json';
import styles from './api-docs.module.css';
import { MachineName, schemaType, type JsonSchema, type TypeTranslator } from './schema-type';

/** The parts of an OpenAPI document this page reads (lib/openapi.ts writes them). */
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}
interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: {
    description?: string;
    required?: boolean;
    content: Record<string, { schema: JsonSchema }>;
  };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema }> }
  >;
}

const DOCUMENT_PATH = '/api/v1/openapi.json';
const TAGS = Object.keys(english.tags) as (keyof typeof english.tags)[];

type ApiText = typeof english;
const DOCUMENTS: Record<string, ApiText> = {
  ar: arabic,
  en: english,
  es: spanish,
  fr: french,
  ru: russian,
  zh: chinese,
};

/** Every text of the English document by its text, to its translation at the same place. */
function translations(from: unknown, to: unknown, into = new Map<string, string>()) {
  if (typeof from === 'string' && typeof to === 'string') into.set(from, to);
  else if (from !== null && typeof from === 'object' && to !== null && typeof to === 'object')
    for (const [key, value] of Object.entries(from))
      translations(value, (to as Record<string, unknown>)[key], into);
  return into;
}

/** `code` spans of the document's prose as <code>. */
function prose(text: string): ReactNode[] {
  return text
    .split(/(`[^`]+`)/)
    .map((part, index) =>
      part.startsWith('`') && part.endsWith('`') ? (
        <MachineName key={index}>{part.slice(1, -1)}</MachineName>
      ) : (
        part
      ),
    );
}

/**
 * The human-readable API reference in a locale, from the same OpenAPI document that
 * /api/v1/openapi.json serves: what is documented here is what the code does. `t` is the page's
 * translator (`api.page`). Nothing in it depends on the request or the data, so the page builds it
 * once per locale (page.tsx).
 */
export function apiReference(t: TypeTranslator, locale: string): ReactNode {
  // The OpenAPI document (and /api/v1/openapi.json) is in English; the page reads it in its locale.
  const text = DOCUMENTS[locale] ?? english;
  const translated = translations(english, text);
  const inLocale = (value: string | undefined) => (value && translated.get(value)) ?? value;
  const document = openApiDocument();
  const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? (components[schema.$ref.split('/').pop()!] ?? schema) : schema;
  const refName = (schema: JsonSchema | undefined) => schema?.$ref?.split('/').pop();
  const schemaName = (schema: JsonSchema | undefined) => {
    const name = refName(schema);
    return name ? <MachineName>{name}</MachineName> : t('none');
  };
  const typeOf = (schema: JsonSchema) => schemaType(t, locale, schema, resolve);
  // Where a parameter goes, in words; a place the page has no word for, by its OpenAPI name.
  const placeOf = (place: string) =>
    t.has(`locations.${place}`) ? t(`locations.${place}`) : <MachineName>{place}</MachineName>;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
      path,
      method: method.toUpperCase(),
      operation,
    })),
  );
  const anchor = (operationId: string) => `op-${operationId}`;

  return (
    <article className={styles.docs}>
      <h1>{t('title')}</h1>
      <p className="lead">{text.description}</p>
      <p>
        {t.rich('intro', {
          path: DOCUMENT_PATH,
          doc: (chunks) => <a href={DOCUMENT_PATH}>{chunks}</a>,
        })}
      </p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t('contents')}</h2>
        <ul>
          <li>
            <a href="#api-auth">{t('authTitle')}</a>
          </li>
          <li>
            <a href="#api-errors">{t('errorsTitle')}</a>
          </li>
          <li>
            <a href="#api-pagination">{t('paginationTitle')}</a>
          </li>
          <li>
            <a href="#api-caching">{t('cachingTitle')}</a>
          </li>
          <li>
            <a href="#api-endpoints">{t('endpointsTitle')}</a>
            <ul>
              {operations.map(({ path, method, operation }) => (
                <li key={operation.operationId}>
                  <a href={`#${anchor(operation.operationId)}`}>
                    <MachineName>
                      {method} {path}
                    </MachineName>
                    : {inLocale(operation.summary)}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        </ul>
      </nav>

      <h2 id="api-auth">{t('authTitle')}</h2>
      <p>{prose(text.auth)}</p>
      <p>
        <Link href="/account#api-tokens">{t('tokenLink')}</Link>
      </p>
      <h2 id="api-errors">{t('errorsTitle')}</h2>
      <p>{prose(text.errors)}</p>
      <h2 id="api-pagination">{t('paginationTitle')}</h2>
      <p>{prose(text.pagination)}</p>
      <h2 id="api-caching">{t('cachingTitle')}</h2>
      <p>{prose(text.caching)}</p>

      <h2 id="api-endpoints">{t('endpointsTitle')}</h2>
      {TAGS.map((tag) => {
        const inTag = operations.filter(({ operation }) => operation.tags.includes(tag));
        if (inTag.length === 0) return null;
        return (
          <section key={tag} aria-labelledby={`tag-${tag}`}>
            <h3 id={`tag-${tag}`}>{text.tags[tag]}</h3>
            {inTag.map(({ path, method, operation }) => {
              const body = operation.requestBody?.content['application/json']?.schema;
              const bodySchema = body ? resolve(body) : undefined;
              const write = (operation.security?.length ?? 0) > 0;
              const curl = write
                ? `curl -X ${method} -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\\n  --data '${JSON.stringify(bodySchema?.example ?? {})}' \\\n  "$ORIGIN${path.replace('{id}', '123')}"`
                : `curl "$ORIGIN${path.replace('{id}', '1').replace('{code}', 'TIP-01').replace('{format}', 'csv')}"`;
              return (
                <section
                  key={operation.operationId}
                  id={anchor(operation.operationId)}
                  aria-labelledby={`${anchor(operation.operationId)}-title`}
                  className={styles.operation}
                >
                  <h4 id={`${anchor(operation.operationId)}-title`}>
                    <MachineName>
                      {method} {path}
                    </MachineName>{' '}
                    <span>{inLocale(operation.summary)}</span>
                  </h4>
                  <p>{prose(inLocale(operation.description) ?? '')}</p>
                  <p className="meta">{write ? t('needsToken') : t('public')}</p>
                  {operation.parameters?.length ? (
                    <div className="table-scroll">
                      <table className="data">
                        <caption>{t('parameters')}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('parameter')}</th>
                            <th scope="col">{t('in')}</th>
                            <th scope="col">{t('type')}</th>
                            <th scope="col">{t('required')}</th>
                            <th scope="col">{t('description')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {operation.parameters.map((parameter) => (
                            <tr key={`${parameter.in}-${parameter.name}`}>
                              <th scope="row">
                                <MachineName>{parameter.name}</MachineName>
                              </th>
                              <td>{placeOf(parameter.in)}</td>
                              <td>{typeOf(parameter.schema)}</td>
                              <td>{parameter.required ? t('yes') : t('no')}</td>
                              <td>{inLocale(parameter.description)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ) : null}
                  {bodySchema ? (
                    <>
                      <h5>{t('requestBody')}</h5>
                      <p>{inLocale(operation.requestBody?.description)}</p>
                      {Object.keys(bodySchema.properties ?? {}).length > 0 ? (
                        <div className="table-scroll">
                          <table className="data">
                            <caption>{t('fields')}</caption>
                            <thead>
                              <tr>
                                <th scope="col">{t('field')}</th>
                                <th scope="col">{t('type')}</th>
                                <th scope="col">{t('required')}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {Object.entries(bodySchema.properties ?? {}).map(([name, schema]) => (
                                <tr key={name}>
                                  <th scope="row">
                                    <MachineName>{name}</MachineName>
                                  </th>
                                  <td>{typeOf(schema)}</td>
                                  <td>
                                    {bodySchema.required?.includes(name) ? t('yes') : t('no')}
                                  </td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ) : null}
                      {bodySchema.example ? (
                        <>
                          <h5>{t('example')}</h5>
                          <pre className={styles.code}>
                            <MachineName>{JSON.stringify(bodySchema.example, null, 2)}</MachineName>
                          </pre>
                        </>
                      ) : null}
                    </>
                  ) : null}
                  <div className="table-scroll">
                    <table className="data">
                      <caption>{t('responses')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('status')}</th>
                          <th scope="col">{t('description')}</th>
                          <th scope="col">{t('schema')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {Object.entries(operation.responses).map(([status, response]) => (
                          <tr key={status}>
                            <th scope="row">{status}</th>
                            <td>{inLocale(response.description)}</td>
                            <td>{schemaName(response.content?.['application/json']?.schema)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <h5>{t('curlExample')}</h5>
                  <pre className={styles.code}>
                    <MachineName>{curl}</MachineName>
                  </pre>
                </section>
              );
            })}
          </section>
        );
      })}
    </article>
  );
}

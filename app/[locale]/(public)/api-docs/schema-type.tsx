import { Fragment, type ReactNode } from 'react';

/** The parts of an OpenAPI schema the reference page reads (lib/openapi.ts writes them). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
  example?: unknown;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** The reference page's words for types (`api.page.types`), as next-intl's translator gives them. */
export interface TypeTranslator {
  (key: string, values?: Record<string, string | number>): string;
  rich(
    key: string,
    values: Record<string, ReactNode | ((chunks: ReactNode) => ReactNode)>,
  ): ReactNode;
  has(key: string): boolean;
}

/**
 * A name the API itself uses (a field, an enum value, a pattern, a schema): shown verbatim inside
 * the page's localized text, marked as English and not for machine translation.
 */
export function MachineName({ children }: { children: ReactNode }) {
  return (
    <code lang="en" translate="no">
      {children}
    </code>
  );
}

/** A node that next-intl places in a list of the message's parts, where React wants a key. */
const keyed = (node: ReactNode) => <Fragment key="value">{node}</Fragment>;

/** A JSON type in words ("text", "whole number"); one without a word of its own as its name. */
function typeName(t: TypeTranslator, type: string): ReactNode {
  return type !== 'null' && t.has(`types.${type}`) ? (
    t(`types.${type}`)
  ) : (
    <MachineName>{type}</MachineName>
  );
}

/** Nodes joined: as alternatives the way the locale says them ("text or null", "texte ou null"), else by the catalogue's separator. */
function joined(t: TypeTranslator, locale: string, nodes: ReactNode[], alternatives = false) {
  if (!alternatives)
    return nodes.map((node, index) => (
      <Fragment key={index}>
        {index > 0 ? t('types.separator') : null}
        {node}
      </Fragment>
    ));
  const parts = new Intl.ListFormat(locale, { type: 'disjunction' }).formatToParts(
    nodes.map((_, index) => String(index)),
  );
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part.type === 'element' ? nodes[Number(part.value)] : part.value}
    </Fragment>
  ));
}

/**
 * A schema's type as the reference page's Type column says it, in the page's language: words for
 * the type and its limits from the catalogue, the API's own names (enum values, patterns, schema
 * names) verbatim as <MachineName>.
 */
export function schemaType(
  t: TypeTranslator,
  locale: string,
  raw: JsonSchema,
  resolve: (schema: JsonSchema) => JsonSchema,
): ReactNode {
  const schema = resolve(raw);
  if (schema.enum)
    return t.rich('oneOf', {
      values: keyed(
        joined(
          t,
          locale,
          schema.enum.map((value) => (
            <MachineName key={String(value)}>{value === null ? 'null' : String(value)}</MachineName>
          )),
        ),
      ),
    });
  if (schema.type === 'array' && schema.items)
    return t.rich('types.arrayOf', { type: keyed(schemaType(t, locale, schema.items, resolve)) });
  const refName = raw.$ref?.split('/').pop();
  const type = Array.isArray(schema.type) ? (
    joined(
      t,
      locale,
      schema.type.map((name) => typeName(t, name)),
      true,
    )
  ) : schema.type ? (
    typeName(t, schema.type)
  ) : refName ? (
    <MachineName>{refName}</MachineName>
  ) : (
    typeName(t, 'object')
  );
  const limits: ReactNode[] = [
    schema.pattern
      ? t.rich('types.pattern', { pattern: keyed(<MachineName>{schema.pattern}</MachineName>) })
      : null,
    schema.maxLength !== undefined ? t('types.maxLength', { max: schema.maxLength }) : null,
    schema.minimum !== undefined ? t('types.minimum', { min: schema.minimum }) : null,
    schema.maximum !== undefined ? t('types.maximum', { max: schema.maximum }) : null,
  ].filter((limit) => limit !== null);
  if (limits.length === 0) return type;
  return t.rich('types.withLimits', {
    type: keyed(type),
    limits: keyed(joined(t, locale, limits)),
  });
}

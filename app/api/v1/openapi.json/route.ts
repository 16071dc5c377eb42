import { openApiDocument } from '@/lib/openapi';
import { methodsNotAllowed } from '../_lib/respond';

/** The OpenAPI document: code, not data, so it may be cached for an hour. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' } });
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);

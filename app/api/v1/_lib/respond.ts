import { NextResponse } from 'next/server';
import { parseQuery, type ParameterError, type ParameterName, type ParseResult } from '@/lib/query-params';

/** One JSON error shape for the whole API: a code, a sentence, and the parameters at fault. */
export interface ApiError {
  error: { code: string; message: string; parameters?: ParameterError[] };
}

export function invalidParameters(errors: ParameterError[]): NextResponse<ApiError> {
  const message = errors.map((error) => `${error.parameter} ${error.message}`).join('; ');
  return NextResponse.json({ error: { code: 'invalid_parameter', message, parameters: errors } }, { status: 400 });
}

export function notFound(message: string): NextResponse<ApiError> {
  return NextResponse.json({ error: { code: 'not_found', message } }, { status: 404 });
}

export function ok<T>(body: T): NextResponse<T> {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

export function parseRequestQuery<K extends ParameterName>(request: Request, allowed: readonly K[]): ParseResult<K> {
  return parseQuery(new URL(request.url).searchParams, allowed);
}

import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '../client';
import { gcmObjectives, sdgTargets } from '../schema';

export function listGcmObjectives(): { number: number; title: string }[] {
  return getDb().select().from(gcmObjectives).orderBy(asc(gcmObjectives.number)).all();
}

export function listSdgTargets(): { code: string; title: string }[] {
  return getDb()
    .select()
    .from(sdgTargets)
    .all()
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

import 'server-only';
import { getDb } from '../client';
import { workspace } from '../schema';
import type { WorkspaceMode } from '../../lib/taxonomy';

/** The kind of workspace this database holds; null before it is seeded. */
export function getWorkspaceMode(): WorkspaceMode | null {
  return getDb().select({ mode: workspace.mode }).from(workspace).get()?.mode ?? null;
}

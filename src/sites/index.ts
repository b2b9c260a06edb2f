// Registry of site adapters. Each adapter lives in src/sites/<id>/adapter.ts and default-exports a
// SiteAdapter; the glob keeps registration to "create the folder", so parallel work on sites never
// collides in one list. test/sites.test.ts checks every folder here is complete.
import type { SiteAdapter } from './types';

const modules = import.meta.glob<{ default: SiteAdapter }>('./*/adapter.ts', { eager: true });

export const adapters: readonly SiteAdapter[] = Object.values(modules)
  .map((module) => module.default)
  .sort((a, b) => a.id.localeCompare(b.id));

/** Adapters that run automatically on their own hosts (the generic extractor runs only on request). */
export const siteAdapters = adapters.filter((adapter) => adapter.matches.length > 0);

export function adapterById(id: string): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.id === id);
}

// Per-tab findings, kept in storage.session so they survive the service worker being stopped
// (MV3 workers sleep after ~30 s idle while the tab and its badge live on). Updates are serialized:
// frames report concurrently and a read-modify-write race would lose a frame's count.
import browser from '../shared/browser';
import type { TabState } from './findings';

const PREFIX = 'findings:';
const memory = new Map<number, TabState>();

type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

function session(): SessionArea | undefined {
  return (browser.storage as unknown as { session?: SessionArea }).session;
}

let queue: Promise<unknown> = Promise.resolve();
export function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export async function readTab(tabId: number): Promise<TabState | undefined> {
  if (memory.has(tabId)) return memory.get(tabId);
  try {
    const value = (await session()?.get(PREFIX + tabId))?.[PREFIX + tabId] as TabState | undefined;
    if (value) memory.set(tabId, value);
    return value;
  } catch {
    return undefined;
  }
}

export async function writeTab(tabId: number, state: TabState): Promise<void> {
  memory.set(tabId, state);
  try {
    await session()?.set({ [PREFIX + tabId]: state });
  } catch {
    // Session storage is a cache of what content scripts will report again; memory is enough.
  }
}

export async function dropTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  try {
    await session()?.remove(PREFIX + tabId);
  } catch {
    // see writeTab
  }
}
